import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignedInHeader } from '@/components/shell/signed-in-header';
import { SiteFrame } from '@/components/shell/site-frame';
import { InviteAcceptForm } from '@/components/teams/invite-accept-form';
import { roleLabel } from '@/components/teams/members-roles';
import styles from '@/components/teams/members.module.css';
import { getCurrentUser } from '@/lib/auth/session';
import { previewInvite, type InvitePreview } from '@/lib/teams/invites';
import { acceptInviteAction } from './actions';

// The token is in the address: keep it out of Referer headers and search engines.
export const metadata: Metadata = { title: 'Team invitation', referrer: 'no-referrer', robots: { index: false, follow: false } };

const ROLE_MEANING = {
  viewer: 'read incidents, post-mortems and metrics',
  editor: 'read and write incidents, post-mortems and action items',
  admin: 'do everything, including managing members, settings and tokens',
} as const;

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className={styles.acceptCard}>
      <h1 className={styles.acceptTitle}>{title}</h1>
      {children}
    </div>
  );
}

function teamHref(invite: InvitePreview): string {
  return `/t/${encodeURIComponent(invite.teamSlug)}/incidents`;
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getCurrentUser();
  const invite = await previewInvite(token, user?.id);
  const here = `/invite/${encodeURIComponent(token)}`;
  const headerEnd = user ? <SignedInHeader name={user.name} /> : undefined;

  return <SiteFrame headerEnd={headerEnd}>{content()}</SiteFrame>;

  function content(): ReactNode {
    if (!invite)
      return (
        <Card title="This invite link is not valid">
          <p>It may have been revoked, or it was not copied completely. Ask a team admin for a new link.</p>
        </Card>
      );
    if (user && invite.alreadyMember)
      return (
        <Card title={`You are already a member of ${invite.teamName}`}>
          <p>There is nothing to accept{invite.status === 'pending' ? ': the invite stays unused for the person it was meant for' : ''}.</p>
          <div className={styles.actions}>
            <Link href={teamHref(invite)} className="button button-primary">
              Open {invite.teamName}
            </Link>
          </div>
        </Card>
      );
    if (invite.status === 'used')
      return (
        <Card title="This invite link was already used">
          <p>Each invite link works once. Ask an admin of {invite.teamName} for a new one.</p>
        </Card>
      );
    if (invite.status === 'expired')
      return (
        <Card title="This invite link has expired">
          <p>Ask an admin of {invite.teamName} for a new one.</p>
        </Card>
      );

    const role = roleLabel(invite.role);
    const expires = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: user?.timeZone ?? 'UTC' }).format(invite.expiresAt);
    const callback = new URLSearchParams({ callbackUrl: here }).toString();
    return (
      <Card title={`Join ${invite.teamName}`}>
        <p>
          You are invited to join <strong>{invite.teamName}</strong> on Hindsight as <strong>{role}</strong>: you will be
          able to {ROLE_MEANING[invite.role]}.
        </p>
        <p className={styles.muted}>The link works once and expires on {expires}.</p>
        {user ? (
          <>
            <p className={styles.muted}>
              Signed in as {user.name} ({user.email}).
            </p>
            <InviteAcceptForm action={acceptInviteAction.bind(null, token)} teamName={invite.teamName} />
          </>
        ) : (
          <>
            <p className={styles.muted}>Sign in or create an account to accept. You will come back to this page.</p>
            <div className={styles.actions}>
              <Link href={`/sign-in?${callback}`} className="button button-primary">
                Sign in
              </Link>
              <Link href={`/sign-up?${callback}`} className="button">
                Create account
              </Link>
            </div>
          </>
        )}
      </Card>
    );
  }
}
