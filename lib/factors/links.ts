import 'server-only';
import { db, type Tx } from '@/lib/db';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { authorize, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { auditFactor, insertFactor, teamFactor, type FactorRow } from './mutations';
import { toLinkView } from './queries';
import { apiLinkSchema, factorIdSchema, linkExistingSchema, linkNewSchema, linkPatchSchema, unlinkSchema, type IncidentFactorView } from './schemas';

const READ_ONLY = 'This post-mortem is published and read-only; an admin can reopen it.';
const LINK_SELECT = { id: true, incidentId: true, factorId: true, howItContributed: true, version: true, factor: { select: { name: true, category: true } } } as const;

/** The incident, if the actor may see it and its post-mortem is not published (the timeline's rule). */
async function writableIncident(tx: Tx, actor: Actor, incidentId: string): Promise<{ id: string }> {
  if (!factorIdSchema.safeParse(incidentId).success) throw notFound('Incident not found');
  const incident = await tx.incident.findFirst({ where: { ...visibleIncidentsWhere(actor), id: incidentId }, select: { id: true, postmortemStatus: true } });
  if (!incident) throw notFound('Incident not found');
  if (incident.postmortemStatus === 'published') throw forbidden(READ_ONLY);
  return incident;
}

async function insertLink(tx: Tx, actor: Actor, incidentId: string, factor: FactorRow, howItContributed: string): Promise<IncidentFactorView> {
  if (factor.mergedIntoId) throw new AppError('VALIDATION', 'This factor was merged into another; link that one.', { fields: [{ path: ['factor'], message: 'This factor was merged into another' }] });
  const existing = await tx.incidentFactor.findUnique({ where: { incidentId_factorId: { incidentId, factorId: factor.id } }, select: LINK_SELECT });
  if (existing) throw conflict(`“${factor.name}” is already linked to this incident; edit how it contributed instead.`, toLinkView(existing));
  const row = await tx.incidentFactor.create({ data: { incidentId, factorId: factor.id, howItContributed }, select: LINK_SELECT });
  const view = toLinkView(row);
  await auditFactor(tx, actor, 'factor.link', 'incident_factor', view.id, undefined, view);
  return view;
}

/** Links an existing factor (by id) or a new one (name + category) to an incident (editor+). */
export async function linkFactor(actor: Actor, incidentId: string, input: unknown): Promise<IncidentFactorView> {
  authorize(actor, 'editor', 'link contributing factors');
  // Either schema, chosen by the presence of factorId, so errors name the field (a union would not).
  const data = input && typeof input === 'object' && 'factorId' in input ? linkExistingSchema.parse(input) : linkNewSchema.parse(input);
  return db.$transaction(async (tx) => {
    await writableIncident(tx, actor, incidentId);
    const factor = 'factorId' in data
      ? await teamFactor(tx, actor, data.factorId)
      : await insertFactor(tx, actor, { name: data.newName, category: data.category, description: '' }, 'newName');
    return insertLink(tx, actor, incidentId, factor, data.howItContributed);
  });
}

/**
 * The API's link: `factor` is an id of the team's catalog, or a name matched ignoring case; an
 * unknown name creates the factor, which then needs `category` (422 on ['category']).
 */
export async function linkFactorByReference(actor: Actor, incidentId: string, input: unknown): Promise<IncidentFactorView> {
  authorize(actor, 'editor', 'link contributing factors');
  const data = apiLinkSchema.parse(input);
  return db.$transaction(async (tx) => {
    await writableIncident(tx, actor, incidentId);
    const byId = factorIdSchema.safeParse(data.factor).success ? await tx.contributingFactor.findFirst({ where: { id: data.factor, teamId: actor.teamId }, select: { id: true } }) : null;
    const byName = byId ?? (await tx.contributingFactor.findFirst({ where: { teamId: actor.teamId, mergedIntoId: null, name: { equals: data.factor, mode: 'insensitive' } }, select: { id: true } }));
    let factor: FactorRow;
    if (byName) {
      factor = await teamFactor(tx, actor, byName.id);
      // A merged factor's id still works: it stands for the factor it was merged into.
      for (let hops = 0; factor.mergedIntoId && hops < 10; hops++) factor = await teamFactor(tx, actor, factor.mergedIntoId);
    } else {
      if (!data.category) throw new AppError('VALIDATION', 'No factor has this name; give a category to create it.', { fields: [{ path: ['category'], message: 'Required to create a new factor' }] });
      factor = await insertFactor(tx, actor, { name: data.factor, category: data.category, description: data.description ?? '' }, 'factor');
    }
    return insertLink(tx, actor, incidentId, factor, data.howItContributed);
  });
}

async function writableLink(tx: Tx, actor: Actor, linkId: string) {
  if (!factorIdSchema.safeParse(linkId).success) throw notFound('Link not found');
  const link = await tx.incidentFactor.findFirst({ where: { id: linkId, incident: visibleIncidentsWhere(actor) }, select: LINK_SELECT });
  if (!link) throw notFound('Link not found');
  await writableIncident(tx, actor, link.incidentId);
  return link;
}

/** Changes how a factor contributed, if `version` is current (editor+). */
export async function updateLink(actor: Actor, linkId: string, input: unknown): Promise<IncidentFactorView> {
  authorize(actor, 'editor', 'edit contributing factors');
  const patch = linkPatchSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = toLinkView(await writableLink(tx, actor, linkId));
    if (before.version !== patch.version) throw conflict('Someone else changed this since you loaded it.', before);
    const { count } = await tx.incidentFactor.updateMany({ where: { id: linkId, version: patch.version }, data: { howItContributed: patch.howItContributed, version: { increment: 1 } } });
    if (count === 0) throw conflict('Someone else changed this since you loaded it.', null);
    const after = toLinkView(await tx.incidentFactor.findUniqueOrThrow({ where: { id: linkId }, select: LINK_SELECT }));
    await auditFactor(tx, actor, 'factor.link_update', 'incident_factor', linkId, before, after);
    return after;
  });
}

/** Removes a factor from an incident, if `version` is current (editor+). The catalog factor stays. */
export async function unlinkFactor(actor: Actor, linkId: string, input: unknown): Promise<{ id: string }> {
  authorize(actor, 'editor', 'edit contributing factors');
  const { version } = unlinkSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = toLinkView(await writableLink(tx, actor, linkId));
    if (before.version !== version) throw conflict('Someone else changed this since you loaded it.', before);
    const { count } = await tx.incidentFactor.deleteMany({ where: { id: linkId, version } });
    if (count === 0) throw conflict('Someone else changed this since you loaded it.', null);
    await auditFactor(tx, actor, 'factor.unlink', 'incident_factor', linkId, before, undefined);
    return { id: linkId };
  });
}
