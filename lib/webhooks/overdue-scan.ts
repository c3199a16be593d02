import 'server-only';
import { dayOf, daysOverdue } from '@/lib/actions/overdue';
import { overdueWhere } from '@/lib/actions/where';
import { db } from '@/lib/db';
import { isValidTimeZone } from '@/lib/incidents/zoned-day';
import { errorFields, log } from '@/lib/log';
import { enqueueWebhookEvent } from './outbox';
import { overdueActionEventData } from './payloads';

const BATCH = 200;

/**
 * Queues one "action.overdue" event per action that has become overdue (the calendar rule of
 * lib/actions/overdue.ts, in each team's own time zone) and marks it notified in the same
 * transaction, so it is announced once per due date (lib/actions/mutations.ts clears the mark
 * when the due date changes). Only teams with an enabled endpoint subscribed to the event are
 * scanned: the others never get a backlog of old overdue actions announced later. Returns how
 * many events were queued; never throws (the background loop logs and tries again next minute).
 */
export async function queueOverdueActionEvents(now: Date = new Date()): Promise<number> {
  let queued = 0;
  try {
    const teams = await db.team.findMany({
      where: { webhookEndpoints: { some: { enabled: true, events: { has: 'action.overdue' } } } },
      select: { id: true, slug: true, timeZone: true },
    });
    for (const team of teams) queued += await queueForTeam(team, now);
  } catch (error) {
    log('error', 'webhooks: overdue scan failed', errorFields(error));
  }
  if (queued) log('info', 'webhooks: overdue actions queued', { queued });
  return queued;
}

async function queueForTeam(team: { id: string; slug: string; timeZone: string }, now: Date): Promise<number> {
  const zone = isValidTimeZone(team.timeZone) ? team.timeZone : 'UTC';
  const due = { teamId: team.id, overdueNotifiedAt: null, ...overdueWhere(zone, now) };
  const actions = await db.actionItem.findMany({
    where: due,
    orderBy: { dueDate: 'asc' },
    take: BATCH,
    select: {
      id: true,
      title: true,
      status: true,
      priority: true,
      dueDate: true,
      owner: { select: { name: true, email: true } },
      incident: { select: { id: true, number: true, title: true, visibility: true } },
    },
  });
  let queued = 0;
  for (const action of actions) {
    if (!action.dueDate) continue;
    const dueDate = action.dueDate;
    queued += await db.$transaction(async (tx) => {
      // Still overdue and unannounced (not completed or rescheduled since the read, not claimed by another instance).
      const claimed = await tx.actionItem.updateMany({ where: { ...due, id: action.id, dueDate }, data: { overdueNotifiedAt: now } });
      if (claimed.count === 0) return 0;
      const data = overdueActionEventData(team.slug, { ...action, dueDate: dayOf(dueDate), daysOverdue: daysOverdue({ status: action.status, dueDate }, zone, now) });
      await enqueueWebhookEvent(tx, team.id, 'action.overdue', data);
      return 1;
    });
  }
  return queued;
}
