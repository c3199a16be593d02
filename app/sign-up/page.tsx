import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthPanel } from '@/components/auth/auth-panel';
import { safeCallbackUrl } from '@/components/auth/callback-url';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { SiteFrame } from '@/components/shell/site-frame';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import { getCurrentUser } from '@/lib/auth/session';
import { signUpAction } from './actions';

export const metadata: Metadata = { title: 'Create an account' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // A new account has no team yet, unless it came here from a page (an invitation) to go back to.
  const next = safeCallbackUrl(params.callbackUrl, '/teams/new');
  if (await getCurrentUser()) redirect(safeCallbackUrl(params.callbackUrl));

  const signInHref = next === '/teams/new' ? '/sign-in' : `/sign-in?${new URLSearchParams({ callbackUrl: next })}`;
  return (
    <SiteFrame>
      <AuthPanel
        title="Create an account"
        lead="Then create a team, or join one through an invitation link."
        footer={
          <>
            Already have an account? <Link href={signInHref}>Sign in</Link>
          </>
        }
      >
        <SignUpForm action={signUpAction} next={next} passwordHint={`At least ${MIN_PASSWORD_LENGTH} characters, and not a common password.`} />
      </AuthPanel>
    </SiteFrame>
  );
}
