import 'server-only';
import type { ApiAction } from '@/lib/api/openapi/responses';
import type { Prisma } from '@/lib/generated/prisma/client';
import { daysOverdue, dayOf } from './overdue';
import type { ActionView } from './schemas';

/** What every list of actions reads: the row, its owner, factor, incident and team. */
export const ACTION_SELECT = {
  id: true,
  title: true,
  description: true,
  type: true,
  priority: true,
  status: true,
  wontDoReason: true,
  dueDate: true,
  completedAt: true,
  ticketUrl: true,
  timelineEventId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  ownerId: true,
  owner: { select: { id: true, name: true, email: true } },
  factor: { select: { id: true, name: true } },
  incident: { select: { id: true, number: true, title: true } },
  team: { select: { slug: true, name: true, timeZone: true } },
} satisfies Prisma.ActionItemSelect;

export type ActionRow = Prisma.ActionItemGetPayload<{ select: typeof ACTION_SELECT }>;

/** The row as the UI and the API see it; "overdue" is judged in the row's team's time zone. */
export function toActionView(row: ActionRow, now: Date = new Date()): ActionView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    type: row.type,
    priority: row.priority,
    status: row.status,
    wontDoReason: row.wontDoReason,
    dueDate: row.dueDate ? dayOf(row.dueDate) : null,
    daysOverdue: daysOverdue(row, row.team.timeZone, now),
    completedAt: row.completedAt?.toISOString() ?? null,
    ticketUrl: row.ticketUrl,
    owner: row.owner,
    factor: row.factor,
    timelineEventId: row.timelineEventId,
    incident: row.incident,
    team: { slug: row.team.slug, name: row.team.name },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The public API's shape: no team block (a token sees one team), owner as id/name/email. */
export function toApiAction(view: ActionView): ApiAction {
  const { team: _team, ...rest } = view;
  return rest;
}
