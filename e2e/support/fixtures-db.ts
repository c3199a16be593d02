import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { hashPassword } from '../../lib/auth/password';
import { generateToken, hashToken } from '../../lib/tokens/mint';

/**
 * Direct access to the e2e server's database (E2E_DB_URL, set by playwright.config.ts) for
 * setting up fixtures that no test journey is about. Journeys themselves go through the UI.
 */
export async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DB_URL;
  if (!url) throw new Error('E2E_DB_URL is not set (see playwright.config.ts)');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export type Role = 'viewer' | 'editor' | 'admin';

// One hash per password: hashing is slow on purpose, and fixtures make many users with one password.
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => hashes.get(password) ?? hashes.set(password, hashPassword(password)).get(password)!;

export async function insertUser(db: pg.Client, email: string, password: string): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "User"(id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id, email, email.split('@')[0], await hashOnce(password)]);
  return id;
}

export async function insertTeam(db: pg.Client, slug: string): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "Team"(id, slug, name, "updatedAt") VALUES ($1, $2, $3, now())`, [id, slug, `Team ${slug}`]);
  return id;
}

export async function insertMembership(db: pg.Client, teamId: string, userId: string, role: Role): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "Membership"(id, "teamId", "userId", role, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id, teamId, userId, role]);
  return id;
}

export async function insertToken(db: pg.Client, teamId: string, role: Role): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const minted = generateToken();
  await db.query(`INSERT INTO "ApiToken"(id, "teamId", name, "tokenHash", prefix, role) VALUES ($1, $2, $3, $4, $5, $6)`, [id, teamId, `fixture ${role}`, minted.hash, minted.prefix, role]);
  return { id, token: minted.token };
}

/** The team's alert integration for `source` with `secret` (created if missing; the secret reset, the version kept); returns its version. */
export async function ensureAlertIntegration(db: pg.Client, teamId: string, source: 'alertmanager' | 'pagerduty' | 'generic', secret: string): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    `INSERT INTO "AlertIntegration"(id, "teamId", source, secret, "updatedAt") VALUES ($1, $2, $3::"AlertSource", $4, now())
     ON CONFLICT ("teamId", source) DO UPDATE SET secret = EXCLUDED.secret RETURNING version`,
    [randomUUID(), teamId, source, secret],
  );
  return rows[0]!.version;
}

export async function insertInvite(db: pg.Client, teamId: string): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = randomBytes(32).toString('base64url');
  await db.query(`INSERT INTO "Invite"(id, "teamId", "tokenHash", role, "expiresAt") VALUES ($1, $2, $3, 'viewer', now() + interval '1 day')`, [id, teamId, hashToken(token)]);
  return { id, token };
}

/** An incident on a team (numbered like the app does), for fixtures that need one. */
export async function insertIncident(db: pg.Client, teamId: string, fields: { title?: string; postmortemStatus?: 'draft' | 'in_review' | 'published' } = {}): Promise<{ id: string; number: number }> {
  const id = randomUUID();
  const { rows } = await db.query<{ no: number }>(`UPDATE "Team" SET "nextIncidentNo" = "nextIncidentNo" + 1 WHERE id = $1 RETURNING "nextIncidentNo" - 1 AS no`, [teamId]);
  const number = rows[0]!.no;
  await db.query(
    `INSERT INTO "Incident"(id, "teamId", number, title, severity, "startedAt", "postmortemStatus", "updatedAt") VALUES ($1, $2, $3, $4, 'SEV3', now() - interval '2 hours', $5, now())`,
    [id, teamId, number, fields.title ?? `Fixture incident ${number}`, fields.postmortemStatus ?? 'draft'],
  );
  return { id, number };
}

/** A post-mortem section at version 1, with a matching revision row (so it can be restored). */
export async function insertSection(db: pg.Client, incidentId: string, body = 'Fixture section text.', key = 'summary'): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "PostmortemSection"(id, "incidentId", key, title, position, body, "updatedAt") VALUES ($1, $2, $3, $4, 0, $5, now())`, [id, incidentId, key, key[0]!.toUpperCase() + key.slice(1), body]);
  await db.query(`INSERT INTO "Revision"(id, "incidentId", entity, "entityId", version, content) VALUES ($1, $2, 'section', $3, 1, $4)`, [randomUUID(), incidentId, id, JSON.stringify({ title: key, body })]);
  return id;
}

/** A timeline entry at version 1 on an incident (an hour after the fixture incident's start). */
export async function insertTimelineEvent(db: pg.Client, incidentId: string, body = 'Fixture timeline entry.'): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "TimelineEvent"(id, "incidentId", "occurredAt", body, "updatedAt") VALUES ($1, $2, now() - interval '1 hour', $3, now())`, [id, incidentId, body]);
  return id;
}

/** A review of an incident's post-mortem by a user, at version 1. */
export async function insertReview(db: pg.Client, incidentId: string, reviewerId: string, state: 'requested' | 'approved' | 'changes_requested' = 'requested'): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "Review"(id, "incidentId", "reviewerId", state, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id, incidentId, reviewerId, state]);
  return id;
}

/** An action item at version 1 on an incident (no owner unless given; due day YYYY-MM-DD). */
export async function insertAction(db: pg.Client, teamId: string, incidentId: string, fields: { title?: string; ownerId?: string; dueDate?: string } = {}): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "ActionItem"(id, "teamId", "incidentId", title, type, "ownerId", "dueDate", "updatedAt") VALUES ($1, $2, $3, $4, 'prevent', $5, $6, now())`, [
    id, teamId, incidentId, fields.title ?? 'Fixture action', fields.ownerId ?? null, fields.dueDate ?? null,
  ]);
  return id;
}

/** A comment at version 1 by `authorId` (a thread on `sectionKey` unless `parentId` makes it a reply). */
export async function insertComment(db: pg.Client, incidentId: string, authorId: string, fields: { sectionKey?: string | null; parentId?: string; body?: string } = {}): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "Comment"(id, "incidentId", "authorId", "sectionKey", "parentId", body, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`, [
    id,
    incidentId,
    authorId,
    fields.sectionKey === undefined ? 'summary' : fields.sectionKey,
    fields.parentId ?? null,
    fields.body ?? 'Fixture comment.',
  ]);
  return id;
}

/** A contributing factor in a team's catalog, at version 1. */
export async function insertFactor(db: pg.Client, teamId: string, name: string, category = 'technical'): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "ContributingFactor"(id, "teamId", name, category, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id, teamId, name, category]);
  return id;
}

/** A factor linked to an incident, at version 1. */
export async function insertIncidentFactor(db: pg.Client, incidentId: string, factorId: string, how = 'Fixture: how it contributed.'): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "IncidentFactor"(id, "incidentId", "factorId", "howItContributed", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id, incidentId, factorId, how]);
  return id;
}

/** A review meeting of a team at version 1 (in progress unless `status` says ended), covering the last 7 days. */
export async function insertMeeting(db: pg.Client, teamId: string, fields: { status?: 'in_progress' | 'ended'; facilitatorId?: string; attendeeIds?: string[] } = {}): Promise<string> {
  const id = randomUUID();
  const ended = fields.status === 'ended';
  await db.query(
    `INSERT INTO "ReviewMeeting"(id, "teamId", status, "heldAt", "endedAt", "periodStart", "periodEnd", "facilitatorId", "updatedAt")
     VALUES ($1, $2, $3, now(), $4, now() - interval '7 days', now(), $5, now())`,
    [id, teamId, ended ? 'ended' : 'in_progress', ended ? new Date() : null, fields.facilitatorId ?? null],
  );
  for (const userId of fields.attendeeIds ?? []) await db.query(`INSERT INTO "MeetingAttendee"("meetingId", "userId") VALUES ($1, $2)`, [id, userId]);
  return id;
}

/** An agenda item of a meeting at version 1 (pending). */
export async function insertMeetingItem(db: pg.Client, meetingId: string, fields: { kind?: string; refId?: string; title?: string; position?: number } = {}): Promise<string> {
  const id = randomUUID();
  const kind = fields.kind ?? 'metrics';
  await db.query(
    `INSERT INTO "MeetingItem"(id, "meetingId", key, kind, "refId", title, position, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
    [id, meetingId, fields.refId ? `${kind}:${fields.refId}` : kind, kind, fields.refId ?? null, fields.title ?? 'Fixture agenda item', fields.position ?? 0],
  );
  return id;
}

/** A note at version 1 in a meeting by `authorId`. */
export async function insertMeetingNote(db: pg.Client, meetingId: string, authorId: string, body = 'Fixture note.'): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "MeetingNote"(id, "meetingId", "authorId", kind, body, "updatedAt") VALUES ($1, $2, $3, 'note', $4, now())`, [id, meetingId, authorId, body]);
  return id;
}

export async function insertWebhookEndpoint(db: pg.Client, teamId: string, url = 'http://127.0.0.1:9/fixture', events: string[] = ['incident.created']): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "WebhookEndpoint"(id, "teamId", url, events, secret, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [id, teamId, url, events, `whsec_${randomBytes(32).toString('base64url')}`]);
  return id;
}
