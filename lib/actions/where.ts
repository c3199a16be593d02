import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isValidTimeZone } from '@/lib/incidents/zoned-day';
import { visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { dateOfDay, todayIn } from './overdue';
import type { ActionFilters, ApiActionQuery } from './schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The team's time zone (what "overdue" is judged in). */
export async function teamZone(teamId: string): Promise<string> {
  const team = await db.team.findUnique({ where: { id: teamId }, select: { timeZone: true } });
  return isValidTimeZone(team?.timeZone) ? team.timeZone : 'UTC';
}

/** Actions of incidents the actor may see: restricted incidents' actions never leak. */
export function visibleActionsWhere(actor: Actor): Prisma.ActionItemWhereInput {
  return { teamId: actor.teamId, incident: visibleIncidentsWhere(actor) };
}

/** Open or in progress, due before today in `zone`. */
export function overdueWhere(zone: string, now: Date = new Date()): Prisma.ActionItemWhereInput {
  return { status: { in: ['open', 'in_progress'] }, dueDate: { lt: dateOfDay(todayIn(zone, now)) } };
}

/** An incident by number ("12" or "INC-12") or id. */
function incidentWhere(ref: string): Prisma.ActionItemWhereInput {
  if (UUID.test(ref)) return { incidentId: ref };
  return { incident: { number: Number(ref.replace(/^INC-/i, '')) } };
}

/** A factor by id or by its catalog name. */
function factorWhere(ref: string): Prisma.ActionItemWhereInput {
  return UUID.test(ref) ? { factorId: ref } : { factor: { name: ref } };
}

type CommonFilters = Pick<ActionFilters, 'status' | 'type' | 'priority' | 'overdue' | 'incident' | 'factor'>;

/** The filters of the board, the CSV export and the API, on top of the visibility rule. */
export function actionFilterWhere(actor: Actor, f: CommonFilters & { owner?: string; ownerEmail?: string }, zone: string): Prisma.ActionItemWhereInput {
  const and: Prisma.ActionItemWhereInput[] = [visibleActionsWhere(actor)];
  if (f.status) and.push({ status: { in: f.status } });
  if (f.type) and.push({ type: { in: f.type } });
  if (f.priority) and.push({ priority: { in: f.priority } });
  if (f.owner) and.push({ ownerId: f.owner === 'none' ? null : f.owner });
  if (f.ownerEmail) and.push({ owner: { email: f.ownerEmail } });
  if (f.overdue) and.push(overdueWhere(zone));
  if (f.incident) and.push(incidentWhere(f.incident));
  if (f.factor) and.push(factorWhere(f.factor));
  return { AND: and };
}

export type ApiFilters = Omit<ApiActionQuery, 'cursor' | 'limit'>;
