import 'server-only';
import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { MAX_ROW_VERSION, VERSION_TOO_LARGE } from '@/lib/row-version';
import { writeAudit } from '@/lib/audit/write';
import { db } from '@/lib/db';
import { conflict, forbidden, notFound } from '@/lib/errors';
import { authorize, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';

/**
 * Post-mortem document sections (issue 4, items 3-5): per-section optimistic versions, so edits
 * to different sections never conflict; every save is a Revision row and an audit row written
 * in the same transaction; restoring a revision is a new save (and so a new revision).
 */

export const MAX_SECTION_LENGTH = 100_000;
export const saveSectionSchema = z.object({
  sectionId: z.uuid(),
  body: pgText().max(MAX_SECTION_LENGTH, `A section can hold at most ${MAX_SECTION_LENGTH.toLocaleString('en')} characters.`),
  version: z.number().int().min(1).max(MAX_ROW_VERSION, VERSION_TOO_LARGE),
});
export const restoreRevisionSchema = z.object({
  sectionId: z.uuid(),
  revisionVersion: z.coerce.number().int().min(1).max(MAX_ROW_VERSION, VERSION_TOO_LARGE),
  version: z.coerce.number().int().min(1).max(MAX_ROW_VERSION, VERSION_TOO_LARGE),
});

/** What a conflicting save reports: the text and version now stored, and who wrote it when. */
export interface SectionConflict {
  body: string;
  version: number;
  by: string | null;
  at: string;
}

const revisionContent = z.object({ title: pgText(), body: pgText() });

/** A section this actor may see (its incident is visible to them), or NOT_FOUND. */
async function visibleSection(actor: Actor, sectionId: string) {
  const section = await db.postmortemSection.findFirst({
    where: { id: sectionId, incident: visibleIncidentsWhere(actor) },
    select: { id: true, title: true, incidentId: true, version: true, incident: { select: { postmortemStatus: true } } },
  });
  if (!section) throw notFound('Section not found');
  return section;
}

/** The sections of a visible incident's post-mortem, in document order. Viewer and above. */
export async function listSections(actor: Actor, incidentId: string) {
  const incident = await db.incident.findFirst({ where: { ...visibleIncidentsWhere(actor), id: incidentId }, select: { id: true } });
  if (!incident) throw notFound('Incident not found');
  const rows = await db.postmortemSection.findMany({
    where: { incidentId },
    orderBy: [{ position: 'asc' }, { key: 'asc' }],
    select: { id: true, key: true, title: true, body: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  return rows.map(({ updatedBy, updatedAt, ...row }) => ({ ...row, updatedAt: updatedAt.toISOString(), updatedBy: updatedBy?.name ?? null }));
}
export type SectionView = Awaited<ReturnType<typeof listSections>>[number];

/** Names of the team's members: the blameless check treats them as persons. */
export async function listMemberNames(actor: Actor): Promise<string[]> {
  const members = await db.membership.findMany({ where: { teamId: actor.teamId }, select: { user: { select: { name: true } } } });
  return members.map((m) => m.user.name?.trim() ?? '').filter((name) => name.length > 0);
}

async function writeSection(actor: Actor, input: { sectionId: string; body: string; version: number }, action: string, extra: Record<string, unknown> = {}) {
  authorize(actor, 'editor', 'edit the post-mortem');
  const { sectionId, body, version } = saveSectionSchema.parse(input);
  const section = await visibleSection(actor, sectionId);
  if (section.incident.postmortemStatus === 'published') throw forbidden('This post-mortem is published and read-only.');
  return db.$transaction(async (tx) => {
    // The status is re-checked in the update itself, so a publish that lands meanwhile wins.
    const updated = await tx.postmortemSection.updateMany({
      where: { id: sectionId, version, incident: { postmortemStatus: { not: 'published' } } },
      data: { body, version: { increment: 1 }, updatedById: actor.userId },
    });
    if (updated.count === 0) {
      const current = await tx.postmortemSection.findUniqueOrThrow({
        where: { id: sectionId },
        select: { body: true, version: true, updatedAt: true, updatedBy: { select: { name: true } }, incident: { select: { postmortemStatus: true } } },
      });
      if (current.incident.postmortemStatus === 'published') throw forbidden('This post-mortem is published and read-only.');
      const theirs: SectionConflict = { body: current.body, version: current.version, by: current.updatedBy?.name ?? null, at: current.updatedAt.toISOString() };
      throw conflict('Someone else saved this section since you started editing.', theirs);
    }
    const newVersion = version + 1;
    const saved = await tx.postmortemSection.findUniqueOrThrow({ where: { id: sectionId }, select: { updatedAt: true } });
    await tx.revision.create({
      data: { incidentId: section.incidentId, entity: 'section', entityId: sectionId, version: newVersion, content: { title: section.title, body }, actorId: actor.userId },
    });
    await writeAudit(tx, {
      teamId: actor.teamId,
      actorId: actor.userId,
      actorToken: actor.tokenId,
      action,
      entity: 'postmortem_section',
      entityId: sectionId,
      before: { version },
      after: { version: newVersion, length: body.length, ...extra },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return { version: newVersion, updatedAt: saved.updatedAt.toISOString() };
  });
}

/** Saves a section's body if `version` is still current (editor+, not when published); CONFLICT with the stored text otherwise. */
export function saveSection(actor: Actor, sectionId: string, body: string, version: number) {
  return writeSection(actor, { sectionId, body, version }, 'postmortem.section_save');
}

/** A section's revisions, newest first, with who saved each. Viewer and above. */
export async function listRevisions(actor: Actor, sectionId: string) {
  const section = await visibleSection(actor, sectionId);
  const rows = await db.revision.findMany({
    where: { incidentId: section.incidentId, entity: 'section', entityId: sectionId },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, content: true, createdAt: true, actor: { select: { name: true } } },
  });
  const revisions = rows.map((r) => {
    const content = revisionContent.safeParse(r.content);
    return { id: r.id, version: r.version, body: content.success ? content.data.body : '', by: r.actor?.name ?? null, at: r.createdAt.toISOString() };
  });
  return { section: { id: section.id, title: section.title, version: section.version, readOnly: section.incident.postmortemStatus === 'published' }, revisions };
}

/** Saves an earlier revision's text as the newest version (itself a new revision). Editor+. */
export async function restoreRevision(actor: Actor, sectionId: string, revisionVersion: number, currentVersion: number) {
  authorize(actor, 'editor', 'edit the post-mortem');
  const section = await visibleSection(actor, sectionId);
  const revision = await db.revision.findFirst({
    where: { incidentId: section.incidentId, entity: 'section', entityId: sectionId, version: revisionVersion },
    orderBy: { createdAt: 'desc' },
    select: { content: true },
  });
  const content = revisionContent.safeParse(revision?.content);
  if (!content.success) throw notFound('Revision not found');
  return writeSection(actor, { sectionId, body: content.data.body, version: currentVersion }, 'postmortem.section_restore', { restoredFrom: revisionVersion });
}
