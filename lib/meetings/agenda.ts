import 'server-only';
import { incidentRef, formatInZone } from '@/components/incidents/format';
import { formatAvailability, formatSeconds } from '@/components/metrics/format';
import { dateOfDay, daysOverdue, overdueLabel, todayIn } from '@/lib/actions/overdue';
import { db } from '@/lib/db';
import { RECURRENCE_WINDOW_DAYS } from '@/lib/factors/recurrence';
import { listRecurringFactors, recurringFactorIdsIn, type RecurrenceView } from '@/lib/factors/recurrence-queries';
import { getMetrics } from '@/lib/metric-queries/queries';
import { changeWord } from '@/lib/metrics/stats';
import { authorize, visibleIncidentsWhere, type Actor } from '@/lib/teams/access';
import type { Agenda, AgendaItem, AgendaSection } from './agenda-types';

/**
 * The weekly review's agenda for a team (viewer and above). The period runs from the end of the
 * team's last ended meeting (else the last 7 days) to now. Every incident read goes through
 * visibleIncidentsWhere, so a restricted incident never appears for someone who cannot open it.
 * Items the last meeting did not reach (MeetingItem status carried_over or pending) come back
 * with carriedOver = true while they are still relevant, even when they fall outside the period.
 */

const DAY_MS = 86_400_000;
export const DEFAULT_PERIOD_DAYS = 7;
export const DUE_SOON_DAYS = 7;

export const SECTION_TITLES = {
  incident: 'New incidents',
  review: 'Post-mortems waiting for review',
  overdue: 'Overdue actions',
  dueSoon: 'Due in the next 7 days',
  factor: 'Recurring factors',
  drill: 'Drills held',
  metrics: 'Metrics',
} as const;

const POSTMORTEM_LABEL = { draft: 'post-mortem draft', in_review: 'post-mortem in review', published: 'post-mortem published' } as const;
const REVIEW_STATE_LABEL = { requested: 'not reviewed yet', changes_requested: 'changes requested', approved: 'approved' } as const;

const personName = (p: { name: string; email: string } | null) => (p ? p.name || p.email : null);

// A @db.Date is that day's UTC midnight: formatted in UTC so the calendar day is kept.
const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const formatDay = (day: Date) => dayFormat.format(day);

/** The period of the next agenda: since the last ended meeting, else the last 7 days. */
export async function agendaPeriod(actor: Actor, now: Date): Promise<{ periodStart: Date; periodEnd: Date; lastMeetingId: string | null }> {
  const last = await db.reviewMeeting.findFirst({
    where: { teamId: actor.teamId, status: 'ended', endedAt: { not: null, lte: now } },
    orderBy: [{ endedAt: 'desc' }, { id: 'desc' }],
    select: { id: true, endedAt: true },
  });
  return last?.endedAt
    ? { periodStart: last.endedAt, periodEnd: now, lastMeetingId: last.id }
    : { periodStart: new Date(now.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS), periodEnd: now, lastMeetingId: null };
}

const incidentSelect = {
  id: true,
  number: true,
  title: true,
  severity: true,
  startedAt: true,
  resolvedAt: true,
  postmortemStatus: true,
} as const;

/**
 * What an agenda reads, shared by buildAgenda and countAgendaItems so the count on the incidents
 * page is always the agenda's: the period, what the last meeting left over, and each section's
 * filter.
 */
async function agendaScope(actor: Actor, now: Date) {
  const team = await db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { slug: true, timeZone: true } });
  const zone = team.timeZone;
  const { periodStart, periodEnd, lastMeetingId } = await agendaPeriod(actor, now);
  const inPeriod = { gte: periodStart, lt: periodEnd };
  const visible = visibleIncidentsWhere(actor);

  // What the last meeting did not reach, by kind.
  const carried = lastMeetingId
    ? await db.meetingItem.findMany({ where: { meetingId: lastMeetingId, status: { in: ['carried_over', 'pending'] } }, select: { kind: true, refId: true, key: true } })
    : [];
  const carriedIds = (kind: string) => carried.filter((c) => c.kind === kind && c.refId).map((c) => c.refId!);
  const reviewedBefore = { meetingReviews: { none: { reviewedAt: { not: null } } } };
  const where = {
    incidents: { AND: [visible, { kind: 'incident' as const }, reviewedBefore, { OR: [{ startedAt: inPeriod }, { id: { in: carriedIds('incident') } }] }] },
    reviews: { AND: [visible, { postmortemStatus: 'in_review' as const }] },
    actions: {
      teamId: actor.teamId,
      status: { in: ['open' as const, 'in_progress' as const] },
      incident: visible,
      OR: [{ dueDate: { lt: dateOfDay(addDays(todayIn(zone, now), DUE_SOON_DAYS + 1)) } }, { id: { in: carriedIds('action') } }],
    },
    drills: { AND: [visible, { kind: 'drill' as const }, { OR: [{ startedAt: inPeriod }, { id: { in: carriedIds('drill') } }] }] },
  };
  return { team, zone, periodStart, periodEnd, carriedIds, carriedKeys: new Set(carried.map((c) => c.key)), where };
}

/**
 * The recurring factors on the agenda: each factor with a recurrence whose later incident started
 * in the period (those recurrences shown), else one the last meeting left over (all of its
 * recurrences shown); the ones whose remediation did not prevent it first. Only incidents that
 * started within the window before the period are read for the first kind.
 */
async function agendaFactors(actor: Actor, scope: Awaited<ReturnType<typeof agendaScope>>) {
  const { periodStart, periodEnd } = scope;
  const carriedFactorIds = scope.carriedIds('factor');
  const [recent, carried] = await Promise.all([
    listRecurringFactors(actor, { startedSince: new Date(periodStart.getTime() - RECURRENCE_WINDOW_DAYS * DAY_MS) }),
    listRecurringFactors(actor, { factorIds: carriedFactorIds }),
  ]);
  const inside = (d: Date) => d >= periodStart && d < periodEnd;
  const shown = new Map<string, { factorId: string; factorName: string; recurrences: RecurrenceView[] }>();
  for (const f of recent) {
    const inPeriod = f.recurrences.filter((r) => inside(r.later.startedAt));
    if (inPeriod.length) shown.set(f.factorId, { factorId: f.factorId, factorName: f.factorName, recurrences: inPeriod });
  }
  for (const f of carried) if (!shown.has(f.factorId)) shown.set(f.factorId, { factorId: f.factorId, factorName: f.factorName, recurrences: f.recurrences });
  return [...shown.values()]
    .map((f) => ({ ...f, notPrevented: f.recurrences.some((r) => r.verdict === 'not_prevented') }))
    .sort((a, b) => Number(b.notPrevented) - Number(a.notPrevented) || b.recurrences.length - a.recurrences.length || a.factorName.localeCompare(b.factorName));
}

/** How many factors agendaFactors lists: those recurring in the period, and the carried ones that recur at all. */
async function countAgendaFactors(actor: Actor, scope: Awaited<ReturnType<typeof agendaScope>>): Promise<number> {
  const recent = await recurringFactorIdsIn(actor, scope.periodStart, scope.periodEnd);
  const carried = [...new Set(scope.carriedIds('factor'))].filter((id) => !recent.has(id));
  return recent.size + (carried.length ? (await listRecurringFactors(actor, { factorIds: carried })).length : 0);
}

/** How many items wait for the review (what agendaItemCount(buildAgenda(...)) says), from counts instead of rows. */
export async function countAgendaItems(actor: Actor, options: { now?: Date } = {}): Promise<number> {
  authorize(actor, 'viewer', 'see the review agenda');
  const scope = await agendaScope(actor, options.now ?? new Date());
  const counts = await Promise.all([
    db.incident.count({ where: scope.where.incidents }),
    db.incident.count({ where: scope.where.reviews }),
    db.actionItem.count({ where: scope.where.actions }),
    db.incident.count({ where: scope.where.drills }),
    countAgendaFactors(actor, scope),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * `withMetrics: false` leaves the metrics snapshot's line empty (for callers that do not show it,
 * which must not pay for two metric runs).
 */
export async function buildAgenda(actor: Actor, options: { now?: Date; withMetrics?: boolean } = {}): Promise<Agenda> {
  authorize(actor, 'viewer', 'see the review agenda');
  const now = options.now ?? new Date();
  const scope = await agendaScope(actor, now);
  const { zone, periodStart, periodEnd, carriedKeys, where } = scope;
  const base = `/t/${encodeURIComponent(scope.team.slug)}`;

  const [incidents, reviews, actions, drills, recurring, metrics] = await Promise.all([
    db.incident.findMany({ where: where.incidents, orderBy: [{ startedAt: 'asc' }, { number: 'asc' }], select: incidentSelect }),
    db.incident.findMany({
      where: where.reviews,
      orderBy: [{ startedAt: 'asc' }, { number: 'asc' }],
      select: { ...incidentSelect, reviews: { orderBy: { createdAt: 'asc' }, select: { state: true, reviewer: { select: { name: true, email: true } } } } },
    }),
    db.actionItem.findMany({
      where: where.actions,
      select: {
        id: true,
        title: true,
        status: true,
        dueDate: true,
        owner: { select: { name: true, email: true } },
        incident: { select: { number: true } },
      },
    }),
    db.incident.findMany({ where: where.drills, orderBy: [{ startedAt: 'asc' }, { number: 'asc' }], select: incidentSelect }),
    agendaFactors(actor, scope),
    options.withMetrics === false ? Promise.resolve('') : periodMetrics(actor, periodStart, periodEnd, zone, now),
  ]);

  // Marked whenever the last meeting left the item over, whether or not it would be listed anyway.
  const carriedFlag = (key: string) => carriedKeys.has(key);

  const incidentItems: AgendaItem[] = incidents.map((i) => {
    const key = `incident:${i.id}`;
    return {
      key,
      kind: 'incident',
      refId: i.id,
      title: `${incidentRef(i.number)} ${i.title}`,
      detail: [i.severity, durationText(i.startedAt, i.resolvedAt, now), POSTMORTEM_LABEL[i.postmortemStatus]].join(' · '),
      href: `${base}/incidents/${i.number}`,
      carriedOver: carriedFlag(key),
    };
  });

  const reviewItems: AgendaItem[] = reviews.map((i) => {
    const pending = i.reviews.filter((r) => r.state !== 'approved');
    const who =
      i.reviews.length === 0
        ? 'no reviewers requested'
        : pending.length === 0
          ? 'all reviewers approved'
          : `waiting on ${pending.map((r) => `${personName(r.reviewer)} (${REVIEW_STATE_LABEL[r.state]})`).join(', ')}`;
    const key = `review:${i.id}`;
    return {
      key,
      kind: 'review',
      refId: i.id,
      title: `${incidentRef(i.number)} ${i.title}`,
      detail: `${i.severity} · ${who}`,
      href: `${base}/incidents/${i.number}/postmortem`,
      carriedOver: carriedFlag(key),
    };
  });

  // Overdue and due-soon actions, by owner (unassigned last) then due date.
  const sortedActions = [...actions].sort((a, b) => {
    const oa = personName(a.owner);
    const ob = personName(b.owner);
    if (oa !== ob) return oa === null ? 1 : ob === null ? -1 : oa.localeCompare(ob);
    const da = a.dueDate?.getTime() ?? Number.POSITIVE_INFINITY;
    const dbb = b.dueDate?.getTime() ?? Number.POSITIVE_INFINITY;
    return da - dbb || a.title.localeCompare(b.title);
  });
  const overdueItems: AgendaItem[] = [];
  const dueSoonItems: AgendaItem[] = [];
  for (const a of sortedActions) {
    const late = daysOverdue(a, zone, now);
    const key = `action:${a.id}`;
    const item: AgendaItem = {
      key,
      kind: 'action',
      refId: a.id,
      title: a.title,
      detail: [
        `Owner: ${personName(a.owner) ?? 'unassigned'}`,
        a.dueDate ? `due ${formatDay(a.dueDate)}` : 'no due date',
        late ? overdueLabel(late) : null,
        a.status === 'in_progress' ? 'in progress' : 'open',
        incidentRef(a.incident.number),
      ]
        .filter(Boolean)
        .join(' · '),
      href: `${base}/incidents/${a.incident.number}/actions`,
      carriedOver: carriedFlag(key),
    };
    // A carried-over action that is neither overdue nor due soon (no due date, or later) joins the due-soon list.
    (late ? overdueItems : dueSoonItems).push(item);
  }

  const factorItems: AgendaItem[] = recurring.map((f) => ({
    key: `factor:${f.factorId}`,
    kind: 'factor',
    refId: f.factorId,
    title: f.factorName,
    detail: [
      f.recurrences.map((r) => `${incidentRef(r.earlier.number)} → ${incidentRef(r.later.number)} (${r.daysApart} ${r.daysApart === 1 ? 'day' : 'days'} apart)`).join(', '),
      f.notPrevented ? 'remediation did not prevent recurrence' : f.recurrences.some((r) => r.verdict === 'incomplete') ? 'remediation incomplete' : 'no action addressed it',
    ].join(' · '),
    href: `${base}/factors/${f.factorId}`,
    carriedOver: carriedFlag(`factor:${f.factorId}`),
  }));

  const drillItems: AgendaItem[] = drills.map((d) => {
    const key = `drill:${d.id}`;
    return {
      key,
      kind: 'drill',
      refId: d.id,
      title: `${incidentRef(d.number)} ${d.title}`,
      detail: [d.severity, `started ${formatInZone(d.startedAt, zone)}`, durationText(d.startedAt, d.resolvedAt, now), POSTMORTEM_LABEL[d.postmortemStatus]].join(' · '),
      href: `${base}/incidents/${d.number}`,
      carriedOver: carriedFlag(key),
    };
  });

  const metricsItem: AgendaItem = {
    key: 'metrics',
    kind: 'metrics',
    refId: null,
    title: 'This period against the previous one',
    detail: metrics,
    href: `${base}/metrics?from=${encodeURIComponent(periodStart.toISOString())}&to=${encodeURIComponent(periodEnd.toISOString())}`,
    carriedOver: false,
  };

  const sections: AgendaSection[] = [
    { kind: 'incident', title: SECTION_TITLES.incident, items: incidentItems },
    { kind: 'review', title: SECTION_TITLES.review, items: reviewItems },
    { kind: 'action', title: SECTION_TITLES.overdue, items: overdueItems },
    { kind: 'action', title: SECTION_TITLES.dueSoon, items: dueSoonItems },
    { kind: 'factor', title: SECTION_TITLES.factor, items: factorItems },
    { kind: 'drill', title: SECTION_TITLES.drill, items: drillItems },
    { kind: 'metrics', title: SECTION_TITLES.metrics, items: [metricsItem] },
  ];
  return { periodStart, periodEnd, sections };
}

/** How many items wait for the review (the metrics snapshot does not count). */
export function agendaItemCount(agenda: Agenda): number {
  return agenda.sections.reduce((n, s) => n + (s.kind === 'metrics' ? 0 : s.items.length), 0);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function durationText(startedAt: Date, resolvedAt: Date | null, now: Date): string {
  if (resolvedAt) return `resolved in ${formatSeconds((resolvedAt.getTime() - startedAt.getTime()) / 1000)}`;
  return `open for ${formatSeconds(Math.max(0, now.getTime() - startedAt.getTime()) / 1000)}`;
}

/** One line: median TTR (n) now vs the previous period of equal length with the honest change word, open incidents, availability. */
async function periodMetrics(actor: Actor, from: Date, to: Date, zone: string, now: Date): Promise<string> {
  const length = to.getTime() - from.getTime();
  const params = (f: number, t: number) => ({ from: f, to: t, bucket: 'none' as const, zone, severities: [], service: null, kind: 'incident' as const });
  const [current, previous] = await Promise.all([
    getMetrics(actor, params(from.getTime(), to.getTime()), { now: now.getTime() }),
    getMetrics(actor, params(from.getTime() - length, from.getTime()), { now: now.getTime() }),
  ]);
  const c = current.overall;
  const p = previous.overall;
  const ttr = (s: typeof c.ttr) => `${formatSeconds(s.median)} (n=${s.n})`;
  return [
    `Median TTR ${ttr(c.ttr)} vs ${ttr(p.ttr)} before: ${changeWord(c.ttr, p.ttr)}`,
    `open incidents ${c.incidents.open}`,
    `availability ${formatAvailability(c.availability)} (before ${formatAvailability(p.availability)})`,
  ].join(' · ');
}

/** The team's meeting in progress, if any (for the "join" banner). */
export async function inProgressMeeting(actor: Actor): Promise<{ id: string; heldAt: Date } | null> {
  authorize(actor, 'viewer', 'see the review meetings');
  return db.reviewMeeting.findFirst({ where: { teamId: actor.teamId, status: 'in_progress' }, orderBy: { heldAt: 'desc' }, select: { id: true, heldAt: true } });
}
