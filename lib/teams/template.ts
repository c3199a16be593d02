import 'server-only';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write';
import { authorize, requireUserActor, type Actor } from './access';
import { keyFromTitle, saveTemplateSchema, type TemplateSectionInput } from './template-schemas';

export interface TemplateSectionRow {
  id: string;
  key: string;
  title: string;
  guidance: string;
  position: number;
  version: number;
}

const SELECT = { id: true, key: true, title: true, guidance: true, position: true, version: true } as const;

/** The team's post-mortem template, in order (any member may read it). */
export async function listTemplate(actor: Actor): Promise<TemplateSectionRow[]> {
  authorize(actor, 'viewer', 'see the post-mortem template');
  return db.templateSection.findMany({ where: { teamId: actor.teamId }, orderBy: [{ position: 'asc' }, { key: 'asc' }], select: SELECT });
}

const summary = (rows: readonly { key: string; title: string; guidance: string }[]) => rows.map(({ key, title, guidance }) => ({ key, title, guidance }));

/**
 * Replaces the team's template with `sections` (in display order): existing sections (by id) are
 * renamed, re-described and moved, the others removed, new ones added with a key made from the
 * title. Keys never change, so incidents created earlier keep their own sections untouched; only
 * new incidents use the new template. `versions` is what the editor saw: a section added, removed
 * or changed by someone else since is a CONFLICT and nothing is written.
 */
export async function saveTemplate(actor: Actor, sections: readonly TemplateSectionInput[], versions: Record<string, number>): Promise<TemplateSectionRow[]> {
  authorize(actor, 'admin', 'edit the post-mortem template');
  const userId = requireUserActor(actor);
  const input = saveTemplateSchema.parse({ sections, versions });
  return db.$transaction(async (tx) => {
    const current = await tx.templateSection.findMany({ where: { teamId: actor.teamId }, orderBy: [{ position: 'asc' }, { key: 'asc' }], select: SELECT });
    const stale = current.length !== Object.keys(input.versions).length || current.some((row) => input.versions[row.id] !== row.version);
    const byId = new Map(current.map((row) => [row.id, row]));
    if (stale || input.sections.some((s) => s.id && !byId.has(s.id))) {
      throw conflict('Someone else changed the template since you opened it. Reload to see their version, then make your changes again.', current);
    }
    const keptIds = new Set(input.sections.flatMap((s) => (s.id ? [s.id] : [])));
    const removed = current.filter((row) => !keptIds.has(row.id));
    if (removed.length) await tx.templateSection.deleteMany({ where: { teamId: actor.teamId, id: { in: removed.map((r) => r.id) } } });
    // Keys of removed sections stay taken: an older incident's section must never match a new one.
    const taken = new Set(current.map((row) => row.key));
    for (const [position, section] of input.sections.entries()) {
      const row = section.id ? byId.get(section.id) : undefined;
      if (!row) {
        const key = keyFromTitle(section.title, taken);
        taken.add(key);
        await tx.templateSection.create({ data: { teamId: actor.teamId, key, title: section.title, guidance: section.guidance, position } });
        continue;
      }
      if (row.title === section.title && row.guidance === section.guidance && row.position === position) continue;
      const { count } = await tx.templateSection.updateMany({
        where: { id: row.id, version: row.version },
        data: { title: section.title, guidance: section.guidance, position, version: { increment: 1 } },
      });
      if (count === 0) throw conflict('Someone else changed the template while you were saving. Reload and try again.');
    }
    const after = await tx.templateSection.findMany({ where: { teamId: actor.teamId }, orderBy: [{ position: 'asc' }, { key: 'asc' }], select: SELECT });
    await writeAudit(tx, {
      teamId: actor.teamId,
      actorId: userId,
      action: 'team.template_update',
      entity: 'team',
      entityId: actor.teamId,
      before: summary(current),
      after: summary(after),
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return after;
  });
}
