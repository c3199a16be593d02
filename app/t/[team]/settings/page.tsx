import type { Metadata } from 'next';
import Link from 'next/link';
import { SECTIONS, sectionHref, teamSlugFromParam } from '@/components/shell/sections';
import { PageHeader } from '@/components/ui/page-header';
import { roleAtLeast } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';
import styles from '@/components/teams/settings-index.module.css';

export const metadata: Metadata = { title: SECTIONS.settings.label };

const PAGES = [
  { path: 'members', title: 'Members', text: 'Invite people with a one-time link, change roles, remove members.' },
  { path: 'tokens', title: 'API tokens', text: 'Tokens for scripts and CI, scoped to a role; shown once, revocable.' },
  { path: 'alerts', title: 'Alert sources', text: 'Alertmanager, PagerDuty or generic JSON alerts open incidents; secrets, settings and the recent events.' },
  { path: 'template', title: 'Post-mortem template', text: 'The sections new post-mortems start with (add, rename, reorder, remove) and the blameless allow-list.' },
  { path: 'webhooks', title: 'Webhooks', text: 'Signed HTTP callbacks when incidents are created or resolved, post-mortems published, actions overdue; delivery log.' },
  { path: 'review', title: 'Weekly review', text: 'The day and time of the weekly review meeting, in the team’s time zone.' },
  { path: 'data', title: 'Data: import and export', text: 'Export the whole team as JSON, download every published post-mortem as Markdown, import incidents from CSV.' },
  { path: 'audit', title: 'Audit log', text: 'Sign-ins, role changes, token use and every change, with filters.' },
] as const;

/** The settings index: links to the admin pages (which authorize themselves), or why there are none. */
export default async function SettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const actor = await pageActor(slug, sectionHref(slug, 'settings'));
  const isAdmin = roleAtLeast(actor.role, 'admin');
  return (
    <>
      <PageHeader title={SECTIONS.settings.label} description={`Who is in ${actor.team.name} and with which role, its API tokens, and its audit log.`} />
      {isAdmin ? (
        <ul className={styles.list}>
          {PAGES.map((page) => (
            <li key={page.path}>
              <Link href={`${sectionHref(actor.team.slug, 'settings')}/${page.path}`} className={styles.card}>
                <span className={styles.title}>{page.title}</span>
                <span className={styles.text}>{page.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.note}>
          Team settings (members, API tokens and the audit log) need the admin role. Your role in {actor.team.name} is{' '}
          <strong>{actor.role}</strong>; ask an admin of the team if something needs changing. The published post-mortems as a Markdown archive
          {roleAtLeast(actor.role, 'editor') ? ' and the CSV import of incidents are' : ' are'} on the{' '}
          <Link href={`${sectionHref(actor.team.slug, 'settings')}/data`}>Data</Link> page.
        </p>
      )}
    </>
  );
}
