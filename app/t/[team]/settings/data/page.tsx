import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/tokens/tokens.module.css';
import { teamSlugFromParam } from '@/components/shell/sections';
import { PageHeader } from '@/components/ui/page-header';
import { roleAtLeast } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';

export const metadata: Metadata = { title: 'Data: import and export' };

/** Links to the exports and imports, each explained; the routes and actions authorize themselves. */
export default async function DataSettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const base = `/t/${encodeURIComponent(slug)}`;
  const actor = await pageActor(slug, `${base}/settings/data`);
  const isAdmin = roleAtLeast(actor.role, 'admin');
  return (
    <>
      <PageHeader title="Data: import and export" description={`Take ${actor.team.name}’s data elsewhere, keep a copy, or bring history in.`} />
      <section className={styles.section} aria-labelledby="export-json-title">
        <h2 id="export-json-title" className={styles.sectionTitle}>Export the team as JSON</h2>
        <p className={styles.sectionText}>
          One file with everything: settings, members (by email), services, the template, contributing factors, incidents (restricted ones included) with their post-mortems,
          timelines, reviews, comments and history, action items and review meetings. Secrets are never exported (API tokens, invite links, webhook and alert secrets, passwords), nor the
          audit log. The file can be imported into a new team on any Hindsight, from the “Create a team” page.
        </p>
        {isAdmin ? (
          <p><a className="button button-primary" href={`${base}/settings/data/export.json`} download>Export JSON</a></p>
        ) : (
          <p className={styles.sectionText}>Only admins can export the whole team, because it contains restricted incidents.</p>
        )}
      </section>
      <section className={styles.section} aria-labelledby="archive-title">
        <h2 id="archive-title" className={styles.sectionTitle}>Published post-mortems as Markdown</h2>
        <p className={styles.sectionText}>
          A zip with one Markdown file per published post-mortem (<code>INC-&lt;n&gt;-&lt;title&gt;.md</code>, the same as each post-mortem’s own export) and an <code>index.md</code>. It holds
          the post-mortems you may read: restricted ones only if you are an admin or named on them.
        </p>
        <p><a className="button" href={`${base}/postmortems.zip`} download>Download Markdown archive</a></p>
      </section>
      <section className={styles.section} aria-labelledby="csv-title">
        <h2 id="csv-title" className={styles.sectionTitle}>Import incidents from CSV</h2>
        <p className={styles.sectionText}>
          Historic incidents from a spreadsheet or another tool, with their times, severity and services, checked row by row before anything is saved. Editors and admins.
        </p>
        {roleAtLeast(actor.role, 'editor') ? <p><Link className="button" href={`${base}/incidents/import`}>Import incidents from CSV</Link></p> : null}
      </section>
    </>
  );
}
