import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { authorize, type Actor } from '@/lib/teams/access';
import { displayPrefix } from '@/lib/tokens/mint';
import { AUDIT_PAGE_SIZE, auditFiltersSchema, type AuditFilters } from './schemas';

export type AuditActor = { kind: 'user'; name: string; email: string } | { kind: 'token'; prefix: string; name: string } | { kind: 'system' };

export interface AuditRow {
  id: string;
  createdAt: Date;
  actor: AuditActor;
  action: string;
  entity: string;
  entityId: string | null;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
  ip: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Cursor for the next newer page (Previous), null on the newest page. */
  newer: string | null;
  /** Cursor for the next older page (Next), null on the oldest page. */
  older: string | null;
}

export interface AuditFilterOptions {
  actions: string[];
  actors: { value: string; label: string }[];
}

interface Cursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 24 * 60 * 60 * 1000;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  const [iso, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
}

/**
 * The team's rows, plus account events (auth.*) of the team's current members: those rows have
 * no team (a sign-in is not team-specific), but they are the security events an admin needs.
 */
function teamScope(teamId: string): Prisma.AuditLogWhereInput {
  return { OR: [{ teamId }, { teamId: null, action: { startsWith: 'auth.' }, actor: { memberships: { some: { teamId } } } }] };
}

function filterWhere(teamId: string, f: AuditFilters): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [teamScope(teamId)];
  if (f.action) and.push({ action: { startsWith: `${f.action}.` } });
  if (f.actor === 'system') and.push({ actorId: null, actorToken: null });
  else if (f.actor?.startsWith('user:')) and.push({ actorId: f.actor.slice(5) });
  else if (f.actor?.startsWith('token:')) and.push({ actorToken: f.actor.slice(6) });
  if (f.from) and.push({ createdAt: { gte: new Date(`${f.from}T00:00:00Z`) } });
  if (f.to) and.push({ createdAt: { lt: new Date(Date.parse(`${f.to}T00:00:00Z`) + DAY_MS) } });
  return { AND: and };
}

function beyond(cursor: Cursor, direction: 'lt' | 'gt'): Prisma.AuditLogWhereInput {
  return { OR: [{ createdAt: { [direction]: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { [direction]: cursor.id } }] };
}

/**
 * One page of the team's audit log, newest first, for admins. Keyset pagination on
 * (createdAt, id): pages stay stable while new rows arrive.
 */
export async function listAudit(actor: Actor, input: unknown): Promise<AuditPage> {
  authorize(actor, 'admin', 'see the audit log');
  const f = auditFiltersSchema.parse(input);
  const before = decodeCursor(f.before);
  const after = before ? null : decodeCursor(f.after);
  const where: Prisma.AuditLogWhereInput = { AND: [filterWhere(actor.teamId, f), ...(before ? [beyond(before, 'lt')] : after ? [beyond(after, 'gt')] : [])] };
  const order = after ? ('asc' as const) : ('desc' as const);
  const found = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: order }, { id: order }],
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true, createdAt: true, action: true, entity: true, entityId: true, before: true, after: true, ip: true, actorToken: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const more = found.length > AUDIT_PAGE_SIZE;
  const page = found.slice(0, AUDIT_PAGE_SIZE);
  if (after) page.reverse();
  const tokens = await tokenNames(actor.teamId, page.map((r) => r.actorToken));
  const rows = page.map(({ actor: user, actorToken, ...row }): AuditRow => {
    const token = actorToken ? tokens.get(actorToken) : undefined;
    const who: AuditActor = user ? { kind: 'user', ...user } : token ? { kind: 'token', ...token } : { kind: 'system' };
    return { ...row, actor: who };
  });
  const first = rows[0];
  const last = rows.at(-1);
  const hasNewer = after ? more : before !== null;
  const hasOlder = after ? true : more;
  return {
    rows,
    newer: hasNewer && first ? encodeCursor(first) : null,
    older: hasOlder && last ? encodeCursor(last) : null,
  };
}

async function tokenNames(teamId: string, ids: (string | null)[]): Promise<Map<string, { prefix: string; name: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const tokens = await db.apiToken.findMany({ where: { teamId, id: { in: wanted } }, select: { id: true, prefix: true, name: true } });
  return new Map(tokens.map((t) => [t.id, { prefix: displayPrefix(t.prefix), name: t.name }]));
}

/** The choices of the filter form: action groups and actors that occur in the team's log. */
export async function auditFilterOptions(actor: Actor): Promise<AuditFilterOptions> {
  authorize(actor, 'admin', 'see the audit log');
  const scope = teamScope(actor.teamId);
  // groupBy is a SQL GROUP BY; findMany's `distinct` would read every row of a long log.
  const [actions, actorIds, tokenIds] = await Promise.all([
    db.auditLog.groupBy({ by: ['action'], where: scope }),
    db.auditLog.groupBy({ by: ['actorId'], where: { AND: [scope, { actorId: { not: null } }] } }),
    db.auditLog.groupBy({ by: ['actorToken'], where: { teamId: actor.teamId, actorToken: { not: null } } }),
  ]);
  const [users, tokens] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds.flatMap((r) => (r.actorId ? [r.actorId] : [])) } }, select: { id: true, name: true, email: true } }),
    tokenNames(actor.teamId, tokenIds.map((r) => r.actorToken)),
  ]);
  const groups = [...new Set(actions.map((a) => a.action.split('.')[0] ?? a.action))].sort();
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  const people = users.map((u) => ({ value: `user:${u.id}`, label: `${u.name} (${u.email})` })).sort(byLabel);
  const apiTokens = [...tokens.entries()].map(([id, t]) => ({ value: `token:${id}`, label: `API token ${t.prefix} (${t.name})` })).sort(byLabel);
  return { actions: groups, actors: [...people, ...apiTokens, { value: 'system', label: 'System' }] };
}
