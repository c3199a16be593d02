import 'server-only';
import { writeAudit } from '@/lib/audit/write';
import { db, type Tx } from '@/lib/db';
import { AppError, conflict, notFound } from '@/lib/errors';
import { authorize, type Actor } from '@/lib/teams/access';
import { sameName } from './fuzzy';
import { archiveSchema, factorIdSchema, factorInputSchema, factorPatchSchema, mergeSchema, type FactorCategoryName } from './schemas';

// Who may do what (README "Contributing factors"): editors and admins create and edit factors
// and link them to incidents; archiving and merging change the catalog for everyone, and a
// merge cannot be undone, so they are for admins.

const FACTOR_SELECT = { id: true, name: true, category: true, description: true, archivedAt: true, mergedIntoId: true, version: true } as const;
export interface FactorRow {
  id: string;
  name: string;
  category: FactorCategoryName;
  description: string;
  archivedAt: Date | null;
  mergedIntoId: string | null;
  version: number;
}

export function auditFactor(tx: Tx, actor: Actor, action: string, entity: string, entityId: string, before?: unknown, after?: unknown) {
  return writeAudit(tx, { teamId: actor.teamId, actorId: actor.userId, actorToken: actor.tokenId, action, entity, entityId, before, after, ip: actor.ip, requestId: actor.requestId });
}

/** A factor of the actor's team (merged ones included), or NOT_FOUND. */
export async function teamFactor(tx: Tx, actor: Actor, id: string): Promise<FactorRow> {
  if (!factorIdSchema.safeParse(id).success) throw notFound('Factor not found');
  const factor = await tx.contributingFactor.findFirst({ where: { id, teamId: actor.teamId }, select: FACTOR_SELECT });
  if (!factor) throw notFound('Factor not found');
  return factor;
}

/** VALIDATION on `field` when another factor of the team has this name, ignoring case, spacing and punctuation. */
export async function assertNameFree(tx: Tx, actor: Actor, name: string, field: string, exceptId?: string): Promise<void> {
  const others = await tx.contributingFactor.findMany({ where: { teamId: actor.teamId, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true, archivedAt: true, mergedIntoId: true } });
  const taken = others.find((o) => sameName(o.name, name));
  if (!taken) return;
  const where = taken.mergedIntoId ? ' (a factor merged into another)' : taken.archivedAt ? ' (archived: show archived factors to find it)' : '';
  const message = `The team already has a factor called “${taken.name}”${where}. Use that one or pick another name.`;
  throw new AppError('VALIDATION', message, { fields: [{ path: [field], message }] });
}

/** Creates a catalog factor inside `tx` (name checked); the caller authorizes. */
export async function insertFactor(tx: Tx, actor: Actor, input: { name: string; category: FactorCategoryName; description: string }, field = 'name'): Promise<FactorRow> {
  await assertNameFree(tx, actor, input.name, field);
  const row = await tx.contributingFactor.create({ data: { teamId: actor.teamId, ...input }, select: FACTOR_SELECT });
  await auditFactor(tx, actor, 'factor.create', 'contributing_factor', row.id, undefined, row);
  return row;
}

/** Creates a factor in the team's catalog (editor+). */
export async function createFactor(actor: Actor, input: unknown): Promise<FactorRow> {
  authorize(actor, 'editor', 'add contributing factors');
  const data = factorInputSchema.parse(input);
  return db.$transaction((tx) => insertFactor(tx, actor, data));
}

function assertVersion(row: FactorRow, version: number): void {
  if (row.version !== version) throw conflict('Someone else changed this factor since you loaded it.', row);
}

async function bump(tx: Tx, row: FactorRow, version: number, data: Partial<Omit<FactorRow, 'id' | 'version'>>): Promise<FactorRow> {
  const { count } = await tx.contributingFactor.updateMany({ where: { id: row.id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw conflict('Someone else changed this factor since you loaded it.', await tx.contributingFactor.findUnique({ where: { id: row.id }, select: FACTOR_SELECT }));
  return tx.contributingFactor.findUniqueOrThrow({ where: { id: row.id }, select: FACTOR_SELECT });
}

/** Renames / recategorizes / redescribes a factor if `version` is current (editor+). */
export async function updateFactor(actor: Actor, id: string, input: unknown): Promise<FactorRow> {
  authorize(actor, 'editor', 'edit contributing factors');
  const patch = factorPatchSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await teamFactor(tx, actor, id);
    if (before.mergedIntoId) throw notFound('Factor not found');
    assertVersion(before, patch.version);
    await assertNameFree(tx, actor, patch.name, 'name', id);
    const after = await bump(tx, before, patch.version, { name: patch.name, category: patch.category, description: patch.description });
    await auditFactor(tx, actor, 'factor.update', 'contributing_factor', id, before, after);
    return after;
  });
}

/** Archives (hides from the catalog and suggestions) or unarchives a factor (admin). Links stay. */
export async function setFactorArchived(actor: Actor, id: string, input: unknown): Promise<FactorRow> {
  authorize(actor, 'admin', 'archive contributing factors');
  const { version, archived } = archiveSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await teamFactor(tx, actor, id);
    if (before.mergedIntoId) throw notFound('Factor not found');
    assertVersion(before, version);
    const after = await bump(tx, before, version, { archivedAt: archived ? new Date() : null });
    await auditFactor(tx, actor, archived ? 'factor.archive' : 'factor.unarchive', 'contributing_factor', id, before, after);
    return after;
  });
}

/**
 * Merges a duplicate into a survivor (admin), in one transaction: every incident link moves to
 * the survivor (an incident linked to both keeps the survivor's link, with both "how it
 * contributed" texts combined), the duplicate's action items point at the survivor, and the
 * duplicate is archived with mergedIntoId set. One audit row records what moved.
 */
export async function mergeFactors(actor: Actor, input: unknown): Promise<{ survivor: FactorRow; movedLinks: number; combinedLinks: number; movedActions: number }> {
  authorize(actor, 'admin', 'merge contributing factors');
  const { sourceId, survivorId } = mergeSchema.parse(input);
  return db.$transaction(async (tx) => {
    const source = await teamFactor(tx, actor, sourceId);
    const survivor = await teamFactor(tx, actor, survivorId);
    if (source.mergedIntoId) throw conflict('This factor was already merged into another.', source);
    if (survivor.mergedIntoId) throw new AppError('VALIDATION', 'That factor was itself merged; pick the factor it was merged into.', { fields: [{ path: ['survivorId'], message: 'That factor was itself merged away' }] });
    const links = await tx.incidentFactor.findMany({ where: { factorId: sourceId }, select: { id: true, incidentId: true, howItContributed: true } });
    const kept = await tx.incidentFactor.findMany({ where: { factorId: survivorId, incidentId: { in: links.map((l) => l.incidentId) } }, select: { id: true, incidentId: true, howItContributed: true } });
    const keptByIncident = new Map(kept.map((k) => [k.incidentId, k]));
    let combinedLinks = 0;
    for (const link of links) {
      const both = keptByIncident.get(link.incidentId);
      if (!both) continue;
      const text = both.howItContributed.trim() === link.howItContributed.trim() ? both.howItContributed : `${both.howItContributed.trim()}\n\n${link.howItContributed.trim()}`;
      await tx.incidentFactor.update({ where: { id: both.id }, data: { howItContributed: text, version: { increment: 1 } } });
      await tx.incidentFactor.delete({ where: { id: link.id } });
      combinedLinks += 1;
    }
    const moved = await tx.incidentFactor.updateMany({ where: { factorId: sourceId }, data: { factorId: survivorId, version: { increment: 1 } } });
    const actions = await tx.actionItem.updateMany({ where: { factorId: sourceId }, data: { factorId: survivorId, version: { increment: 1 } } });
    await tx.contributingFactor.update({ where: { id: sourceId }, data: { mergedIntoId: survivorId, archivedAt: source.archivedAt ?? new Date(), version: { increment: 1 } } });
    const result = { movedLinks: moved.count, combinedLinks, movedActions: actions.count };
    await auditFactor(tx, actor, 'factor.merge', 'contributing_factor', sourceId, source, { mergedIntoId: survivorId, survivorName: survivor.name, ...result });
    return { survivor, ...result };
  });
}
