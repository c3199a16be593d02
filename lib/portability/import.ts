import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { writeAudit } from '@/lib/audit/write';
import { db, type Db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createTeamSchema } from '@/lib/teams/schemas';
import { insertIncidents } from './import-incidents';
import { IdMap } from './id-map';
import { teamExportSchema, type TeamExport } from './schemas';

/**
 * Imports a team export into a NEW team, in one transaction: every row gets a fresh id and every
 * reference is rewritten; incident numbers, nextIncidentNo, versions and timestamps (to the
 * millisecond) are kept. People are matched by email to existing users; unknown people become
 * users without a password (they can sign in through OAuth with a verified email; sign-up with a
 * password refuses an existing email, so nobody claims such an account by guessing it).
 * The importer becomes admin of the new team whatever the export says; other memberships are as
 * exported. Alert integrations and webhooks get fresh secrets (an admin rotates them to see one);
 * webhooks are imported disabled.
 * The search triggers fill each incident's search document. Callable from scripts: pass a client.
 */

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const importTeamInputSchema = createTeamSchema.pick({ name: true, slug: true });

/** Parses the document text with readable messages (not JSON, wrong format or version, invalid rows). */
export function parseTeamExport(text: string): TeamExport {
  if (text.length > IMPORT_MAX_BYTES) throw new AppError('VALIDATION', `The export is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; restore it with the command-line script instead.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'The file is not JSON. Choose a file made by “Export JSON” in a team’s Data settings.');
  }
  const head = z.object({ format: teamExportSchema.shape.format, version: teamExportSchema.shape.version }).safeParse(json);
  if (!head.success) throw new AppError('VALIDATION', head.error.issues[0]?.message ?? 'This is not a Hindsight team export.');
  const parsed = teamExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('VALIDATION', `The export is damaged or was edited: ${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}

async function userIds(tx: Tx, doc: TeamExport): Promise<{ users: Map<string, string>; created: number }> {
  const emails = doc.users.map((u) => u.email);
  const missing = new Set(emails);
  const existing = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  for (const u of existing) missing.delete(u.email);
  const created = await tx.user.createMany({ data: doc.users.filter((u) => missing.has(u.email)).map((u) => ({ email: u.email, name: u.name, timeZone: u.timeZone })), skipDuplicates: true });
  const all = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  return { users: new Map(all.map((u) => [u.email, u.id])), created: created.count };
}

export async function importTeam(client: Db, importerId: string, input: { name: unknown; slug: unknown }, doc: TeamExport, meta: { ip?: string; requestId?: string } = {}): Promise<{ teamId: string; slug: string }> {
  const target = importTeamInputSchema.parse(input);
  return client.$transaction(
    async (tx) => {
      if (await tx.team.findUnique({ where: { slug: target.slug }, select: { id: true } }))
        throw new AppError('VALIDATION', 'That address is taken', { fields: [{ path: ['slug'], message: 'That address is taken; pick another.' }] });
      const { users, created } = await userIds(tx, doc);
      const person = (email: string | null): string | null => {
        if (email === null) return null;
        const id = users.get(email);
        if (!id) throw new AppError('VALIDATION', `The export names ${email} without listing them under "users".`);
        return id;
      };
      const ids = new IdMap();
      const { team } = doc;
      const teamId = randomUUID();
      await tx.team.create({ data: { id: teamId, ...team, slug: target.slug, name: target.name } });

      const members = doc.members.filter((m) => users.get(m.email) !== importerId);
      const importerRow = doc.members.find((m) => users.get(m.email) === importerId);
      await tx.membership.createMany({
        data: [
          ...members.map((m) => ({ teamId, userId: person(m.email) ?? '', role: m.role, version: m.version, createdAt: m.createdAt, updatedAt: m.updatedAt })),
          { teamId, userId: importerId, role: 'admin' as const, ...(importerRow ? { version: importerRow.version, createdAt: importerRow.createdAt, updatedAt: importerRow.updatedAt } : {}) },
        ],
      });
      await tx.service.createMany({ data: doc.services.map((s) => ({ id: ids.fresh(s.id), teamId, name: s.name, createdAt: s.createdAt })) });
      await tx.templateSection.createMany({ data: doc.templateSections.map((s) => ({ ...s, id: ids.fresh(s.id), teamId })) });
      // Merge targets first: a factor may point at another one only once that exists.
      const factors = IdMap.topological(doc.factors, (f) => f.mergedInto);
      for (const f of factors) ids.fresh(f.id);
      await tx.contributingFactor.createMany({ data: factors.map(({ id, mergedInto, ...f }) => ({ ...f, id: ids.get(id), teamId, mergedIntoId: ids.optional(mergedInto) })) });
      await insertIncidents(tx, teamId, doc, ids, person);
      for (const m of doc.meetings) ids.fresh(m.id);
      for (const m of doc.meetings) for (const it of m.items) ids.fresh(it.id);
      for (const a of doc.actionItems) ids.fresh(a.id);
      await tx.reviewMeeting.createMany({
        data: doc.meetings.map(({ id, attendees: _a, incidents: _i, items: _it, entries: _e, facilitator, ...m }) => ({ ...m, id: ids.get(id), teamId, facilitatorId: person(facilitator) })),
      });
      await tx.meetingAttendee.createMany({ data: doc.meetings.flatMap((m) => m.attendees.map((email) => ({ meetingId: ids.get(m.id), userId: person(email) ?? '' }))) });
      await tx.meetingIncident.createMany({ data: doc.meetings.flatMap((m) => m.incidents.map(({ incident, ...r }) => ({ ...r, meetingId: ids.get(m.id), incidentId: ids.get(incident) }))) });
      await tx.meetingItem.createMany({
        data: doc.meetings.flatMap((m) => m.items.map(({ id, refId, key, ...it }) => ({ ...it, id: ids.get(id), meetingId: ids.get(m.id), refId: ids.soft(refId), key: ids.inText(key) }))),
      });
      await tx.meetingNote.createMany({
        data: doc.meetings.flatMap((m) => m.entries.map(({ id, item, author, ...n }) => ({ ...n, id: ids.fresh(id), meetingId: ids.get(m.id), itemId: ids.optional(item), authorId: person(author) }))),
      });
      await tx.actionItem.createMany({
        data: doc.actionItems.map(({ id, incident, factor, timelineEvent, meeting, owner, createdBy, dueDate, ...a }) => ({
          ...a, id: ids.get(id), teamId, incidentId: ids.get(incident), factorId: ids.optional(factor), timelineEventId: ids.optional(timelineEvent), meetingId: ids.optional(meeting),
          ownerId: person(owner), createdById: person(createdBy), dueDate: dueDate ? new Date(`${dueDate}T00:00:00.000Z`) : null,
        })),
      });
      const secret = () => randomBytes(32).toString('base64url');
      await tx.alertIntegration.createMany({ data: doc.alertIntegrations.map((a) => ({ ...a, teamId, secret: secret() })) });
      // Webhooks come back disabled: their receivers only know the old secret, and an admin should
      // look at each URL (it was not validated here) before Hindsight posts to it again.
      await tx.webhookEndpoint.createMany({ data: doc.webhookEndpoints.map((w) => ({ ...w, enabled: false, teamId, secret: secret(), createdById: importerId })) });
      await writeAudit(tx, {
        teamId, actorId: importerId, ip: meta.ip, requestId: meta.requestId, action: 'team.import', entity: 'team', entityId: teamId,
        after: { from: { slug: team.slug, exportedAt: doc.exportedAt }, incidents: doc.incidents.length, users: doc.users.length, createdUsers: created },
      });
      return { teamId, slug: target.slug };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

/**
 * The import page's use case: a signed-in user's uploaded export into a new team they will
 * administer. File problems become an error on the "file" field.
 */
export async function importTeamFromUpload(userId: string, input: { name: unknown; slug: unknown; file: unknown }, meta: { ip?: string } = {}): Promise<{ slug: string }> {
  const target = importTeamInputSchema.parse(input);
  const file = input.file;
  const fileError = (message: string) => new AppError('VALIDATION', message, { fields: [{ path: ['file'], message }] });
  if (!(file instanceof Blob) || file.size === 0) throw fileError('Choose the JSON file of a team export.');
  if (file.size > IMPORT_MAX_BYTES) throw fileError(`The export is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; restore it with the command-line script instead.`);
  let doc: TeamExport;
  try {
    doc = parseTeamExport(await file.text());
  } catch (error) {
    throw error instanceof AppError ? fileError(error.message) : error;
  }
  return importTeam(db, userId, target, doc, meta);
}
