import type { Prisma } from '@/lib/generated/prisma/client';
import { DEFAULT_TEMPLATE, DEMO_MEMBERS, DEMO_SERVICES, FACTORS, REVIEW_COMMENTS } from './catalog';
import { buildActions, buildSectionBodies, buildTimeline } from './narrative';
import { DEMO_SEED, planIncidents, type PlannedIncident } from './plan';
import { DAY, HOUR, MINUTE, between, maxDate, minDate, mulberry32, pick, randInt, utcDay, type Rng } from './random';

/**
 * The demo team as plain rows, ready for `createMany`: a pure function of `now`, the ids of the
 * six members and an id factory (ids are pre-generated so relations need no round trips).
 */

export { DEMO_SEED, generateIncidentTimes, planIncidents, timeOrderViolations } from './plan';
export type { IncidentState, IncidentTimes, PlannedIncident, TimeOptions } from './plan';
export { mulberry32 } from './random';
export type { Rng } from './random';
export { DEMO_MEMBERS } from './catalog';

export const DEMO_TEAM_NAME = 'Demo Platform Team';
export const DEMO_TEAM_TIME_ZONE = 'Europe/Berlin';

export interface DemoInput {
  now: Date;
  slug: string;
  /** User ids in DEMO_MEMBERS order (existing users are reused by the caller). */
  memberIds: readonly string[];
  newId: () => string;
  /** Another team from the same generator (the isolation team): its name and PRNG seed. */
  teamName?: string;
  seed?: number;
}

export interface DemoData {
  team: Prisma.TeamCreateManyInput & { id: string };
  memberships: Prisma.MembershipCreateManyInput[];
  services: Prisma.ServiceCreateManyInput[];
  templateSections: Prisma.TemplateSectionCreateManyInput[];
  factors: Prisma.ContributingFactorCreateManyInput[];
  incidents: Prisma.IncidentCreateManyInput[];
  incidentServices: Prisma.IncidentServiceCreateManyInput[];
  incidentMembers: Prisma.IncidentMemberCreateManyInput[];
  sections: Prisma.PostmortemSectionCreateManyInput[];
  timeline: Prisma.TimelineEventCreateManyInput[];
  incidentFactors: Prisma.IncidentFactorCreateManyInput[];
  actionItems: Prisma.ActionItemCreateManyInput[];
  reviews: Prisma.ReviewCreateManyInput[];
  comments: Prisma.CommentCreateManyInput[];
  meetings: Prisma.ReviewMeetingCreateManyInput[];
  meetingAttendees: Prisma.MeetingAttendeeCreateManyInput[];
  meetingIncidents: Prisma.MeetingIncidentCreateManyInput[];
  auditLog: Prisma.AuditLogCreateManyInput;
}

function at<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`demo data: no item at ${i}`);
  return item;
}

function idOf(ids: ReadonlyMap<string, string>, key: string): string {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`demo data: unknown key ${key}`);
  return id;
}

const after = (d: Date, ms: number) => new Date(d.getTime() + Math.round(ms));

/**
 * The weekly review held 7-9 days ago (mid-morning in Berlin) over the week before it; it
 * reviewed two incidents resolved in that week (or the two last resolved before it). Those
 * post-mortems leave draft, and any publication happens after the meeting.
 */
function planMeeting(rng: Rng, plan: PlannedIncident[], now: Date) {
  const heldAt = after(utcDay(now), -8 * DAY + 8 * HOUR + rng() * 2 * MINUTE);
  const endedAt = after(heldAt, 50 * MINUTE + rng() * 10 * MINUTE);
  const weekBefore = after(heldAt, -7 * DAY);
  const resolvedBefore = plan
    .filter((i) => i.kind === 'incident' && i.times.resolvedAt && i.times.resolvedAt < heldAt)
    .sort((a, b) => (b.times.resolvedAt?.getTime() ?? 0) - (a.times.resolvedAt?.getTime() ?? 0));
  const inPeriod = resolvedBefore.filter((i) => (i.times.resolvedAt ?? heldAt) >= weekBefore);
  const reviewed = (inPeriod.length >= 2 ? inPeriod : resolvedBefore).slice(0, 2).reverse();
  // A quiet week: the agenda reaches back whole weeks until it covers both incidents.
  const earliest = reviewed[0]?.times.resolvedAt ?? weekBefore;
  const weeks = Math.max(1, Math.ceil((heldAt.getTime() - earliest.getTime()) / (7 * DAY)));
  for (const inc of reviewed) {
    if (inc.postmortemStatus === 'draft') inc.postmortemStatus = 'in_review';
    if (inc.publishedAt && inc.publishedAt < endedAt) {
      inc.publishedAt = minDate(after(endedAt, HOUR + rng() * DAY), after(now, -HOUR));
    }
  }
  return { heldAt, endedAt, periodStart: after(heldAt, -weeks * 7 * DAY), periodEnd: heldAt, reviewed };
}

export function buildDemoData(input: DemoInput): DemoData {
  const { now, newId } = input;
  const rng = mulberry32(input.seed ?? DEMO_SEED);
  const plan = planIncidents(rng, now);
  const meeting = planMeeting(rng, plan, now);
  const member = (i: number) => at(input.memberIds, i);
  const teamId = newId();
  const founded = after(now, -300 * DAY);

  const data: DemoData = {
    team: { id: teamId, slug: input.slug, name: input.teamName ?? DEMO_TEAM_NAME, timeZone: DEMO_TEAM_TIME_ZONE,
      nextIncidentNo: plan.length + 1, createdAt: founded, updatedAt: now },
    memberships: DEMO_MEMBERS.map((m, i) => ({ id: newId(), teamId, userId: member(i), role: m.role,
      createdAt: after(founded, i * DAY), updatedAt: after(founded, i * DAY) })),
    services: [], templateSections: [], factors: [], incidents: [], incidentServices: [], incidentMembers: [],
    sections: [], timeline: [], incidentFactors: [], actionItems: [], reviews: [], comments: [],
    meetings: [], meetingAttendees: [], meetingIncidents: [],
    auditLog: { id: newId(), teamId, action: 'seed.demo', entity: 'team', entityId: teamId, createdAt: now },
  };
  const serviceIds = new Map(DEMO_SERVICES.map((name) => [name, newId()]));
  for (const [name, id] of serviceIds) data.services.push({ id, teamId, name, createdAt: founded });
  DEFAULT_TEMPLATE.forEach((s, position) => data.templateSections.push({ id: newId(), teamId, ...s, position }));
  const factorIds = new Map(FACTORS.map((f) => [f.key, newId()]));
  for (const f of FACTORS) {
    data.factors.push({ id: idOf(factorIds, f.key), teamId, name: f.name, category: f.category,
      description: f.description, createdAt: after(founded, DAY), updatedAt: after(founded, DAY) });
  }

  const incidentIds = new Map<string, string>();
  let ticketNo = 118;
  for (const inc of plan) {
    const id = newId();
    incidentIds.set(String(inc.number), id);
    const t = inc.times;
    const createdAt = minDate(after(t.acknowledgedAt ?? t.detectedAt ?? t.startedAt, 2 * MINUTE + rng() * 3 * MINUTE), now);
    const updatedAt = maxDate(createdAt, inc.publishedAt ?? t.resolvedAt ?? t.mitigatedAt ?? createdAt);
    const lead = member(randInt(rng, 0, 3));
    data.incidents.push({
      id, teamId, number: inc.number, title: inc.title, kind: inc.kind, severity: inc.severity,
      status: inc.status, postmortemStatus: inc.postmortemStatus,
      visibility: inc.restricted ? 'restricted' : 'team', summary: inc.scenario.summary,
      customerImpact: inc.scenario.impact, ...t, publishedAt: inc.publishedAt, createdById: lead,
      createdAt, updatedAt,
    });
    for (const name of inc.scenario.services) {
      data.incidentServices.push({ incidentId: id, serviceId: idOf(serviceIds, name) });
    }
    if (inc.restricted) for (const i of [0, 1, 3]) data.incidentMembers.push({ incidentId: id, userId: member(i) });
    const bodies = buildSectionBodies(rng, inc);
    DEFAULT_TEMPLATE.forEach((s, position) => {
      const body = bodies.get(s.key) ?? '';
      data.sections.push({ id: newId(), incidentId: id, key: s.key, title: s.title, position, body,
        updatedById: body ? lead : null, createdAt, updatedAt });
    });
    for (const e of buildTimeline(rng, inc, now)) {
      const written = minDate(after(e.occurredAt, rng() * 10 * MINUTE), now);
      data.timeline.push({ id: newId(), incidentId: id, ...e, authorId: lead, createdAt: written, updatedAt: written });
    }
    const linkedAt = minDate(after(t.resolvedAt ?? createdAt, DAY), now);
    for (const key of inc.scenario.factors) {
      const f = FACTORS.find((x) => x.key === key);
      if (!f) continue;
      data.incidentFactors.push({ id: newId(), incidentId: id, factorId: idOf(factorIds, key),
        howItContributed: f.how, createdAt: linkedAt, updatedAt: linkedAt });
    }
    for (const a of buildActions(rng, inc, now)) {
      ticketNo += randInt(rng, 1, 9);
      data.actionItems.push({
        id: newId(), teamId, incidentId: id, factorId: a.factorKey ? idOf(factorIds, a.factorKey) : null,
        title: a.title, description: `Follow-up from the INC-${inc.number} post-mortem.`, type: a.type,
        priority: a.priority, ownerId: member(a.ownerIndex), dueDate: a.dueDate, status: a.status,
        wontDoReason: a.wontDoReason, completedAt: a.completedAt,
        ticketUrl: a.hasTicket ? `https://tracker.example.com/OPS-${ticketNo}` : null,
        createdById: lead, createdAt: a.createdAt, updatedAt: a.completedAt ?? a.createdAt,
      });
    }
  }

  const incidentId = (inc: PlannedIncident) => idOf(incidentIds, String(inc.number));
  const resolvedOf = (inc: PlannedIncident) => inc.times.resolvedAt ?? inc.times.startedAt;
  const newestFirst = [...plan].reverse().filter((i) => i.kind === 'incident' && i.times.resolvedAt);
  const inReview = newestFirst.filter((i) => i.postmortemStatus === 'in_review');
  const published = newestFirst.find((i) => i.postmortemStatus === 'published');
  const underReview = inReview[0];
  if (underReview) {
    const reviewAt = minDate(after(resolvedOf(underReview), 2 * DAY + rng() * DAY), after(now, -HOUR));
    data.reviews.push({ id: newId(), incidentId: incidentId(underReview), reviewerId: member(1),
      state: 'changes_requested', comments: at(REVIEW_COMMENTS, 3), createdAt: reviewAt, updatedAt: reviewAt });
  }
  if (published?.publishedAt) {
    const reviewAt = between(rng, resolvedOf(published), published.publishedAt);
    data.reviews.push({ id: newId(), incidentId: incidentId(published), reviewerId: member(2), state: 'approved',
      comments: 'Clear timeline and the factors are about the system, not people. Approved.',
      createdAt: reviewAt, updatedAt: reviewAt });
  }
  const commented = [...inReview.slice(0, 3), ...newestFirst.filter((i) => i.postmortemStatus === 'draft').slice(0, 1)];
  const sectionKeys = ['supporting', 'response', 'went_wrong', null, 'supporting'] as const;
  REVIEW_COMMENTS.forEach((body, k) => {
    const inc = commented[k % Math.max(commented.length, 1)];
    if (!inc) return;
    const createdAt = between(rng, resolvedOf(inc), after(now, -10 * MINUTE));
    data.comments.push({ id: newId(), incidentId: incidentId(inc), sectionKey: sectionKeys[k] ?? null,
      authorId: member(pick(rng, [1, 2, 3, 4])), body, createdAt, updatedAt: createdAt });
  });

  const meetingId = newId();
  const numbers = meeting.reviewed.map((i) => `INC-${i.number}`).join(' and ');
  data.meetings.push({
    id: meetingId, teamId, status: 'ended', heldAt: meeting.heldAt, endedAt: meeting.endedAt,
    periodStart: meeting.periodStart, periodEnd: meeting.periodEnd, facilitatorId: member(1),
    notes: `Reviewed ${numbers}. Walked through both timelines; agreed the contributing factors.`,
    decisions: '- Keep the P1 follow-ups as they are.\n- Revisit alert noise on the on-call rotation next week.',
    createdAt: meeting.heldAt, updatedAt: meeting.endedAt,
  });
  for (const i of [0, 1, 2, 3, 4]) data.meetingAttendees.push({ meetingId, userId: member(i) });
  meeting.reviewed.forEach((inc, k) => data.meetingIncidents.push({
    meetingId, incidentId: incidentId(inc), reviewedAt: after(meeting.heldAt, (k + 1) * 15 * MINUTE + rng() * 5 * MINUTE),
    notes: 'Factors agreed; follow-ups confirmed with owners.',
  }));
  data.auditLog.after = {
    incidents: data.incidents.length, actionItems: data.actionItems.length,
    timelineEvents: data.timeline.length, factors: data.factors.length,
  };
  return data;
}
