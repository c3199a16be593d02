import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LocalTime } from '@/components/audit/local-time';
import { DiffView } from '@/components/postmortem/diff-view';
import styles from '@/components/postmortem/postmortem.module.css';
import { RestoreButton } from '@/components/postmortem/restore-button';
import { EmptyState } from '@/components/ui/empty-state';
import { diffLines } from '@/lib/postmortem/diff';
import { listRevisions } from '@/lib/postmortem/sections';
import { roleAtLeast } from '@/lib/teams/access';
import { restoreRevisionAction } from '../actions';
import { loadPostmortemRoute, or404 } from '../load';

export const metadata: Metadata = { title: 'Post-mortem history' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function SectionHistoryPage({ params, searchParams }: { params: Promise<{ team: string; number: string }>; searchParams: Promise<{ section?: string | string[] }> }) {
  const { section: sectionParam } = await searchParams;
  const sectionId = typeof sectionParam === 'string' ? sectionParam : '';
  const { slug, base, actor, incident } = await loadPostmortemRoute(params, `/history?section=${encodeURIComponent(sectionId)}`);
  if (!UUID.test(sectionId)) notFound();
  const { section, revisions } = await or404(() => listRevisions(actor, sectionId));
  const canRestore = roleAtLeast(actor.role, 'editor') && !section.readOnly && incident.postmortemStatus !== 'published';
  const restore = restoreRevisionAction.bind(null, slug);

  return (
    <>
      <div className={styles.intro}>
        <h2 className={styles.introTitle}>History: {section.title}</h2>
        <p className={styles.hint}>
          Every save of this section, newest first, with the changes from the version before. <Link href={base}>Back to the post-mortem</Link>
        </p>
      </div>
      {revisions.length === 0 ? (
        <EmptyState title="No saved changes yet">
          <p>Every save of this section becomes a revision here, with who saved it and when.</p>
        </EmptyState>
      ) : (
        <ol className={styles.revisions} aria-label="Revisions, newest first">
          {revisions.map((revision, index) => {
            const previous = revisions[index + 1];
            return (
              <li key={revision.id} className={styles.card}>
                <header className={styles.cardHeader}>
                  <h3 className={styles.cardTitle}>Version {revision.version}</h3>
                  <span className={styles.hint}>
                    {revision.by ?? 'Unknown author'} · <LocalTime iso={revision.at} />
                  </span>
                  {canRestore && revision.version !== section.version ? (
                    <RestoreButton action={restore} sectionId={section.id} revisionVersion={revision.version} currentVersion={section.version} />
                  ) : revision.version === section.version ? <span className={styles.hint}>Current</span> : null}
                </header>
                <DiffView lines={diffLines(previous?.body ?? '', revision.body)} caption={previous ? `Changes from version ${previous.version}` : 'First saved version'} />
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
