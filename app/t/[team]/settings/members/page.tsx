import type { Metadata } from 'next';
import { teamSlugFromParam } from '@/components/shell/sections';
import { InviteCreateForm } from '@/components/teams/invite-create-form';
import { InviteList, type InviteItem } from '@/components/teams/invite-list';
import { MembersConfirmForm } from '@/components/teams/members-confirm-form';
import { MembersTable, type MemberItem } from '@/components/teams/members-table';
import { PageHeader } from '@/components/ui/page-header';
import styles from '@/components/teams/members.module.css';
import { listInvites } from '@/lib/teams/invites';
import { listMembers } from '@/lib/teams/members';
import { pageActor } from '@/lib/teams/session-actor';
import { changeRoleAction, createInviteAction, leaveTeamAction, removeMemberAction, revokeInviteAction } from './actions';

export const metadata: Metadata = { title: 'Members' };

function dateFormatter(timeZone: string): (date: Date) => string {
  const format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone });
  return (date) => format.format(date);
}

export default async function MembersPage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const actor = await pageActor(slug, `/t/${encodeURIComponent(slug)}/settings/members`);
  const isAdmin = actor.role === 'admin';
  const [members, invites] = await Promise.all([listMembers(actor), isAdmin ? listInvites(actor) : null]);
  const day = dateFormatter(actor.user.timeZone ?? actor.team.timeZone);

  const memberItems: MemberItem[] = members.map((m) => ({
    membershipId: m.membershipId,
    userId: m.userId,
    name: m.name,
    email: m.email,
    role: m.role,
    version: m.version,
    joined: day(m.joinedAt),
    joinedIso: m.joinedAt.toISOString(),
  }));
  const inviteItems: InviteItem[] = (invites ?? []).map((i) => ({
    id: i.id,
    role: i.role,
    status: i.status,
    created: day(i.createdAt),
    expires: day(i.expiresAt),
    used: i.usedAt ? `on ${day(i.usedAt)}` : null,
    createdByName: i.createdByName,
  }));

  return (
    <>
      <PageHeader
        title="Members"
        description={`Who is on ${actor.team.name}, and what they can do. Viewers read; editors also write incidents, post-mortems and action items; admins also manage members, settings and tokens.`}
      />

      <section className={styles.section} aria-labelledby="members-heading">
        <div className={styles.sectionHeader}>
          <h2 id="members-heading" className={styles.sectionTitle}>
            {members.length === 1 ? '1 member' : `${members.length} members`}
          </h2>
          {isAdmin ? null : <p className={styles.muted}>Only admins can change roles or invite people.</p>}
        </div>
        <MembersTable
          members={memberItems}
          currentUserId={actor.user.id}
          manage={isAdmin ? { changeRole: changeRoleAction.bind(null, slug), removeMember: removeMemberAction.bind(null, slug) } : undefined}
        />
      </section>

      {isAdmin ? (
        <>
          <section className={styles.section} aria-labelledby="invite-heading">
            <h2 id="invite-heading" className={styles.sectionTitle}>
              Invite someone
            </h2>
            <p className={styles.sectionLead}>
              Create a one-time link and send it yourself (no email is sent). Whoever opens it first and signs in joins
              with the role you pick.
            </p>
            <InviteCreateForm action={createInviteAction.bind(null, slug)} />
          </section>

          <section className={styles.section} aria-labelledby="invites-heading">
            <h2 id="invites-heading" className={styles.sectionTitle}>
              Invites
            </h2>
            {inviteItems.length > 0 ? (
              <InviteList invites={inviteItems} revoke={revokeInviteAction.bind(null, slug)} />
            ) : (
              <p className={styles.muted}>No invites yet.</p>
            )}
          </section>
        </>
      ) : null}

      <section className={styles.section} aria-labelledby="leave-heading">
        <h2 id="leave-heading" className={styles.sectionTitle}>
          Leave team
        </h2>
        <p className={styles.sectionLead}>
          You will lose access to {actor.team.name} at once. To come back you need a new invite.
          {isAdmin ? ' If you are the only admin, make another member admin first.' : ''}
        </p>
        <MembersConfirmForm
          action={leaveTeamAction.bind(null, slug)}
          trigger={`Leave ${actor.team.name}`}
          question={`Leave ${actor.team.name}?`}
          confirmLabel="Yes, leave the team"
        />
      </section>
    </>
  );
}
