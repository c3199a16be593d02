import 'server-only';
import { writeAudit } from '@/lib/audit/write';
import { db, type Tx } from '@/lib/db';
import { AppError, conflict, forbidden, notFound, type FieldIssue } from '@/lib/errors';
import { authorize, roleAtLeast, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import { dateOfDay, dayOf } from './overdue';
import { resolveRefs } from './resolve';
import { actionInputSchema, actionPatchSchema, bulkStatusSchema, isStatusOnly, wontDoIssue, type ActionStatusName, type ActionView } from './schemas';
import { ACTION_SELECT, toActionView, type ActionRow } from './view';
import { visibleActionsWhere } from './where';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STALE = 'Someone else changed this action since you loaded it.';

function invalid(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION', issues[0]?.message ?? 'Check the highlighted fields.', { fields: issues });
}

function audit(tx: Tx, actor: Actor, action: string, entityId: string, before?: unknown, after?: unknown) {
  return writeAudit(tx, { teamId: actor.teamId, actorId: actor.userId, actorToken: actor.tokenId, action, entity: 'action_item', entityId, before, after, ip: actor.ip, requestId: actor.requestId });
}

/** Editors and admins change anything; the owner of an action may change its status (any role). */
function mayChangeStatus(actor: Actor, row: { ownerId: string | null }): boolean {
  return roleAtLeast(actor.role, 'editor') || (actor.userId !== null && row.ownerId === actor.userId);
}

/** completedAt and wontDoReason follow the status: done stamps the time, leaving done clears it. */
function statusData(before: { status: ActionStatusName; completedAt: Date | null; wontDoReason: string | null }, next: ActionStatusName, reason: string | undefined, now: Date) {
  return {
    status: next,
    completedAt: next === 'done' ? (before.status === 'done' ? before.completedAt : now) : null,
    wontDoReason: next === 'wont_do' ? (reason ?? before.wontDoReason) : null,
  };
}

function dueDateChanged(before: Date | null, next: string | null | undefined): boolean {
  if (next === undefined) return false;
  return (before ? dayOf(before) : null) !== next;
}

async function visibleRow(tx: Tx, actor: Actor, actionId: string): Promise<ActionRow & { incidentId: string }> {
  if (!UUID.test(actionId)) throw notFound('Action not found');
  const row = await tx.actionItem.findFirst({ where: { ...visibleActionsWhere(actor), id: actionId }, select: { ...ACTION_SELECT, incidentId: true } });
  if (!row) throw notFound('Action not found');
  return row;
}

/**
 * A new action item on an incident the actor may see (editor+). `meetingId`: created during that
 * review meeting of the team, which must still be running.
 */
export async function createAction(actor: Actor, incidentId: string, input: unknown, { meetingId }: { meetingId?: string } = {}): Promise<ActionView> {
  authorize(actor, 'editor', 'create action items');
  const data = actionInputSchema.parse(input);
  return db.$transaction(async (tx) => {
    const incident = UUID.test(incidentId) ? await tx.incident.findFirst({ where: { ...visibleIncidentsWhere(actor), id: incidentId }, select: { id: true } }) : null;
    if (!incident) throw notFound('Incident not found');
    if (meetingId !== undefined) {
      const meeting = UUID.test(meetingId) ? await tx.reviewMeeting.findFirst({ where: { id: meetingId, teamId: actor.teamId }, select: { status: true } }) : null;
      if (!meeting) throw notFound('Meeting not found');
      if (meeting.status !== 'in_progress') throw conflict('This meeting has ended; create the action from the incident instead.');
    }
    const issues: FieldIssue[] = [];
    const refs = await resolveRefs(tx, actor.teamId, incident.id, data, issues);
    if (issues.length) throw invalid(issues);
    const row = await tx.actionItem.create({
      data: {
        teamId: actor.teamId,
        incidentId: incident.id,
        title: data.title,
        description: data.description ?? '',
        type: data.type,
        priority: data.priority,
        ownerId: refs.ownerId ?? null,
        dueDate: data.dueDate ? dateOfDay(data.dueDate) : null,
        ticketUrl: data.ticketUrl ?? null,
        factorId: refs.factorId ?? null,
        timelineEventId: refs.timelineEventId ?? null,
        createdById: actor.userId,
        meetingId: meetingId ?? null,
      },
      select: ACTION_SELECT,
    });
    const view = toActionView(row);
    await audit(tx, actor, 'action.create', view.id, undefined, meetingId ? { ...view, meetingId } : view);
    return view;
  });
}

/**
 * Changes an action if `version` is still current (CONFLICT with the current action otherwise).
 * A change of status alone is `action.status` in the audit log, anything else `action.update`.
 */
export async function updateAction(actor: Actor, actionId: string, input: unknown): Promise<ActionView> {
  authorize(actor, 'viewer', 'change action items');
  const patch = actionPatchSchema.parse(input);
  const statusOnly = isStatusOnly(patch);
  return db.$transaction(async (tx) => {
    const before = await visibleRow(tx, actor, actionId);
    if (statusOnly ? !mayChangeStatus(actor, before) : !roleAtLeast(actor.role, 'editor')) {
      throw forbidden(statusOnly ? 'Only editors and the action’s owner can change its status.' : `Your role (${actor.role}) cannot edit action items; it needs editor or above.`);
    }
    if (before.version !== patch.version) throw conflict(STALE, toActionView(before));
    const next = patch.status ?? before.status;
    const issues: FieldIssue[] = [];
    const reasonIssue = next !== before.status || patch.wontDoReason !== undefined ? wontDoIssue(next, patch.wontDoReason) : null;
    if (reasonIssue) issues.push(reasonIssue);
    const refs = await resolveRefs(tx, actor.teamId, before.incidentId, patch, issues);
    if (issues.length) throw invalid(issues);
    const { count } = await tx.actionItem.updateMany({
      where: { id: actionId, version: patch.version },
      data: {
        title: patch.title,
        description: patch.description,
        type: patch.type,
        priority: patch.priority,
        ownerId: refs.ownerId,
        factorId: refs.factorId,
        dueDate: patch.dueDate === undefined ? undefined : patch.dueDate === null ? null : dateOfDay(patch.dueDate),
        // A new due date may become overdue (and be announced by webhook) again.
        overdueNotifiedAt: dueDateChanged(before.dueDate, patch.dueDate) ? null : undefined,
        ticketUrl: patch.ticketUrl,
        ...statusData(before, next, patch.wontDoReason, new Date()),
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const current = await tx.actionItem.findUnique({ where: { id: actionId }, select: ACTION_SELECT });
      throw conflict(STALE, current ? toActionView(current) : null);
    }
    const after = toActionView(await tx.actionItem.findUniqueOrThrow({ where: { id: actionId }, select: ACTION_SELECT }));
    await audit(tx, actor, statusOnly ? 'action.status' : 'action.update', actionId, toActionView(before), after);
    return after;
  });
}

export interface StaleAction {
  id: string;
  title: string;
  version: number;
  status: ActionStatusName;
}

/**
 * Several actions to one status in one transaction: each at the version the writer saw. If any
 * is stale, none change: CONFLICT whose `current` lists the stale ones.
 */
export async function bulkChangeStatus(actor: Actor, input: unknown): Promise<ActionView[]> {
  authorize(actor, 'viewer', 'change action items');
  const data = bulkStatusSchema.parse(input);
  const items = [...new Map(data.items.map((i) => [i.id, i])).values()];
  const ids = items.map((i) => i.id);
  return db.$transaction(async (tx) => {
    const rows = await tx.actionItem.findMany({ where: { ...visibleActionsWhere(actor), id: { in: ids } }, select: ACTION_SELECT });
    if (rows.length !== ids.length) throw notFound('Some of these actions no longer exist or are not visible to you; reload the list.');
    const byId = new Map(rows.map((r) => [r.id, r]));
    if (rows.some((r) => !mayChangeStatus(actor, r))) throw forbidden('Only editors and the action’s owner can change its status.');
    const stale: StaleAction[] = items.flatMap((i) => {
      const row = byId.get(i.id)!;
      return row.version === i.version ? [] : [{ id: row.id, title: row.title, version: row.version, status: row.status }];
    });
    if (stale.length) throw conflict(`${stale.length === 1 ? 'One action was' : `${stale.length} actions were`} changed by someone else since you loaded the list; nothing was changed.`, stale);
    const now = new Date();
    const views: ActionView[] = [];
    for (const item of items) {
      const before = byId.get(item.id)!;
      const { count } = await tx.actionItem.updateMany({ where: { id: item.id, version: item.version }, data: { ...statusData(before, data.status, data.wontDoReason, now), version: { increment: 1 } } });
      if (count === 0) throw conflict('An action changed while saving; nothing was changed.', [{ id: before.id, title: before.title, version: before.version, status: before.status }]);
      const after = toActionView(await tx.actionItem.findUniqueOrThrow({ where: { id: item.id }, select: ACTION_SELECT }));
      await audit(tx, actor, 'action.status', item.id, toActionView(before), { ...after, bulk: true });
      views.push(after);
    }
    return views;
  });
}
