import type { Metadata } from 'next';
import { CsvImportForm } from '@/components/imports/csv-import-form';
import styles from '@/components/imports/imports.module.css';
import { teamSlugFromParam } from '@/components/shell/sections';
import { AdminOnly } from '@/components/tokens/admin-only';
import { PageHeader } from '@/components/ui/page-header';
import { roleAtLeast } from '@/lib/teams/access';
import { pageActor } from '@/lib/teams/session-actor';
import { timeZoneOptions } from '@/lib/time-zone';
import { importCsvAction, previewCsvImportAction } from './actions';

export const metadata: Metadata = { title: 'Import incidents from CSV' };

/** The CSV import of historic incidents (editors and admins; the actions check again). */
export default async function ImportIncidentsPage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const list = `/t/${encodeURIComponent(slug)}/incidents`;
  const actor = await pageActor(slug, `${list}/import`);
  const header = <PageHeader title="Import incidents from CSV" description="Bring your incident history from a spreadsheet or another tool, so metrics mean something from day one. Imports send no notifications." />;
  if (!roleAtLeast(actor.role, 'editor')) {
    return (
      <>
        {header}
        <AdminOnly title="Only editors and admins can import incidents" />
      </>
    );
  }
  return (
    <>
      {header}
      <CsvImportForm
        preview={previewCsvImportAction.bind(null, slug)}
        commit={importCsvAction.bind(null, slug)}
        timeZones={timeZoneOptions(actor.team.timeZone)}
        teamZone={actor.team.timeZone}
        incidentsHref={list}
      />
      <section className={styles.doc} aria-labelledby="csv-format-title">
        <h2 id="csv-format-title">The file</h2>
        <ul>
          <li>
            One incident per row; the first row names the columns. Columns are matched by name (<code>title</code>, <code>severity</code>, <code>started</code>,{' '}
            <code>resolved</code>, <code>services</code>, <code>time zone</code> …) and you can change every match above. Title, severity and start are required.
          </li>
          <li>
            <strong>Severity:</strong> <code>SEV1</code>–<code>SEV4</code> in any case, <code>1</code>–<code>4</code>, <code>P1</code>–<code>P4</code>, or <code>critical</code> (SEV1),{' '}
            <code>major</code>/<code>high</code> (SEV2), <code>medium</code>/<code>moderate</code> (SEV3), <code>minor</code>/<code>low</code> (SEV4). <strong>Kind:</strong> <code>incident</code> (also when empty) or <code>drill</code>.
          </li>
          <li>
            <strong>Times:</strong> <code>2024-03-01 14:02</code>, <code>2024-03-01T14:02:33</code>, optionally with an offset (<code>Z</code>, <code>+02:00</code>). A time with an offset is exact. A time
            without one is the wall clock in the row’s zone: the time-zone column if mapped and filled (IANA names such as <code>Europe/Berlin</code>), else the zone chosen above (the team’s
            by default). When clocks spring forward the skipped hour does not exist: such a time is an error. When clocks fall back the repeated hour means its first occurrence (summer
            time); add an offset to mean the second.
          </li>
          <li>The order rules of the incident form apply: detected, acknowledged, mitigated and resolved cannot be before the start (and so on), nor in the future.</li>
          <li><strong>Services:</strong> several in one cell, separated by <code>;</code> (or <code>|</code>, chosen above); unknown services are created.</li>
          <li>
            Nothing is saved until you import. If any row has errors you either fix the file, or explicitly leave those rows out; all accepted rows are then written together or not at
            all, with the next incident numbers, the team’s post-mortem template and an audit entry for each.
          </li>
        </ul>
      </section>
    </>
  );
}
