import type { Metadata } from 'next';
import { timeZoneOptions } from '@/lib/time-zone';
import Link from 'next/link';
import { SignOutEverywhereForm } from '@/components/auth/sign-out-everywhere-form';
import { sectionHref } from '@/components/shell/sections';
import { SignedInHeader } from '@/components/shell/signed-in-header';
import { SiteFrame } from '@/components/shell/site-frame';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth/session';
import { listMyTeams } from '@/lib/teams/queries';
import { signOutEverywhereAction } from './actions';
import { saveProfileAction } from './profile-actions';
import { TimeZoneForm } from './time-zone-form';
import styles from '@/components/auth/auth.module.css';

export const metadata: Metadata = { title: 'Account' };


export default async function AccountPage() {
  const user = await requirePageUser('/account');
  const teams = await listMyTeams(user.id);
  return (
    <SiteFrame headerEnd={<SignedInHeader name={user.name} current="account" />}>
      <PageHeader title="Account" />

      <section className={styles.section} aria-labelledby="profile-heading">
        <h2 id="profile-heading" className={styles.sectionTitle}>
          Profile
        </h2>
        <dl className={styles.details}>
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </dl>
        <TimeZoneForm action={saveProfileAction} timeZone={user.timeZone} timeZones={timeZoneOptions(user.timeZone)} />
      </section>

      <section className={styles.section} aria-labelledby="teams-heading">
        <h2 id="teams-heading" className={styles.sectionTitle}>
          Teams
        </h2>
        {teams.length > 0 ? (
          <ul className={styles.teamList}>
            {teams.map((team) => (
              <li key={team.slug} className={styles.teamItem}>
                <Link href={sectionHref(team.slug, 'incidents')}>{team.name}</Link>
                <span className={styles.role}>
                  <span className="visually-hidden">Role: </span>
                  {team.role}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.sectionText}>You are not in a team yet. Create one, or open an invitation link from a colleague.</p>
        )}
        <div className={styles.actions}>
          <Link href="/teams/new" className="button">
            Create a team
          </Link>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className={styles.sectionTitle}>
          Sessions
        </h2>
        <p className={styles.sectionText}>
          Signed in on a shared or lost device? Signing out everywhere ends every session of this account, on every device and
          browser, including this one. You can sign in again right away.
        </p>
        <SignOutEverywhereForm action={signOutEverywhereAction} />
      </section>
    </SiteFrame>
  );
}
