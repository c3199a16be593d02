import 'server-only';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { incidentRef } from '@/components/incidents/format';
import { db } from '@/lib/db';
import { visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { escapeHtml } from './export';
import { exportPostmortem } from './export-data';

/**
 * Every published post-mortem this actor may see (restricted ones only for admins and the people
 * named on them) as one zip: the per-incident Markdown export, one file each, plus index.md.
 * Viewer and above. Files carry the export time so that unzipping keeps a sensible date.
 */
export async function buildPostmortemArchive(actor: Actor, now = new Date()): Promise<{ fileName: string; zip: Uint8Array; count: number }> {
  const published = await db.incident.findMany({
    where: { ...visibleIncidentsWhere(actor), postmortemStatus: 'published' },
    orderBy: { number: 'asc' },
    select: { number: true, title: true, severity: true, publishedAt: true },
  });
  const files: Zippable = {};
  const index = [`# Published post-mortems`, '', `Exported from Hindsight at ${now.toISOString()}: ${published.length} post-mortem${published.length === 1 ? '' : 's'}.`, ''];
  for (const incident of published) {
    const { fileName, markdown } = await exportPostmortem(actor, incident.number, now);
    files[fileName] = [strToU8(markdown), { mtime: now }];
    const title = escapeHtml(incident.title).replace(/[[\]]/g, '\\$&');
    index.push(`- [${incidentRef(incident.number)}: ${title}](${encodeURI(fileName)}) (${incident.severity}, published ${incident.publishedAt?.toISOString().slice(0, 10) ?? 'unknown'})`);
  }
  if (published.length === 0) index.push('_No post-mortem is published yet._');
  files['index.md'] = [strToU8(`${index.join('\n')}\n`), { mtime: now }];
  return { fileName: `postmortems-${actor.teamSlug}-${now.toISOString().slice(0, 10)}.zip`, zip: zipSync(files, { level: 6 }), count: published.length };
}
