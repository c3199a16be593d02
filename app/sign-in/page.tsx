import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthPanel } from '@/components/auth/auth-panel';
import { describeAuthErrorCode } from '@/components/auth/auth-errors';
import { safeCallbackUrl } from '@/components/auth/callback-url';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SiteFrame } from '@/components/shell/site-frame';
import { getCurrentUser } from '@/lib/auth/session';
import { oauthProviderList } from '@/lib/auth/options';
import styles from '@/components/auth/auth.module.css';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);

  const signUpHref = callbackUrl === '/' ? '/sign-up' : `/sign-up?${new URLSearchParams({ callbackUrl })}`;
  const signedOutEverywhere = params.signedOut === 'everywhere';
  return (
    <SiteFrame>
      <AuthPanel
        title="Sign in"
        lead={params.callbackUrl ? 'Sign in to continue to that page.' : 'Welcome back to Hindsight.'}
        footer={
          <>
            New to Hindsight? <Link href={signUpHref}>Create an account</Link>
          </>
        }
      >
        {signedOutEverywhere ? (
          <p className={styles.notice} role="status">
            You are signed out on every device and browser.
          </p>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} initialError={describeAuthErrorCode(params.error)} />
        <OAuthButtons providers={oauthProviderList()} callbackUrl={callbackUrl} />
      </AuthPanel>
    </SiteFrame>
  );
}
