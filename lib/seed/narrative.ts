import type { ActionPriority, ActionStatus, ActionType, TimelineKind } from '@/lib/generated/prisma/enums';
import { COMMS, DEFAULT_TEMPLATE, FACTORS, LUCKY, NOTES, WENT_WELL, WONT_DO_REASONS } from './catalog';
import type { PlannedIncident } from './plan';
import { DAY, HOUR, MINUTE, between, formatDuration, logNormalMs, maxDate, minDate, pick, randInt, shuffle, utcDay, type Rng } from './random';

/** Per-incident prose and follow-ups (timeline, post-mortem sections, action items). Pure. */

export interface TimelineDraft {
  occurredAt: Date;
  kind: TimelineKind;
  body: string;
  isKeyMoment: boolean;
}

const RESPONSE_ACTIONS: readonly string[] = [
  'Paused the deploy train for the affected services.',
  'Captured thread dumps and metrics snapshots before changing anything.',
  'Checked recent deploys and config changes in the change log; nothing else in the window.',
  'Engaged the owning team\u2019s secondary on-call for a second pair of eyes.',
];

/**
 * 4-8 events in time order between startedAt and resolvedAt (or now while open). The
 * detection, mitigation and resolution events sit exactly on the incident's timestamps.
 */
export function buildTimeline(rng: Rng, inc: PlannedIncident, now: Date): TimelineDraft[] {
  const t = inc.times;
  const drill = inc.kind === 'drill';
  const end = t.resolvedAt ?? now;
  const responding = t.acknowledgedAt ?? t.detectedAt ?? t.startedAt;
  const fixing = t.mitigatedAt ?? end;
  const events: TimelineDraft[] = [];
  const add = (occurredAt: Date, kind: TimelineKind, body: string, isKeyMoment = false) =>
    events.push({ occurredAt, kind, body, isKeyMoment });

  if (t.detectedAt) add(t.detectedAt, 'detection', inc.scenario.detection, true);
  else add(t.startedAt, 'note', 'Detection time was not recorded; impact start reconstructed from load balancer logs.');
  if (t.acknowledgedAt) {
    add(t.acknowledgedAt, 'escalation', drill
      ? 'Exercise lead confirmed the fault is live; observers joined the drill channel.'
      : `On-call acknowledged the page and opened #inc-${inc.number}; incident lead assigned.`);
  }
  add(between(rng, responding, fixing), 'diagnosis', inc.scenario.diagnosis, true);
  const withComms = rng() < 0.8;
  if (!drill && withComms) add(between(rng, responding, fixing), 'communication', pick(rng, COMMS));
  if (rng() < 0.5) add(between(rng, responding, fixing), 'action', pick(rng, RESPONSE_ACTIONS));
  if (rng() < 0.35) add(between(rng, responding, end), 'note', pick(rng, NOTES));
  if (t.mitigatedAt) add(t.mitigatedAt, 'mitigation', inc.scenario.mitigation, true);
  if (t.resolvedAt) {
    add(t.resolvedAt, 'resolution', drill
      ? 'Exercise complete; all checks green and findings recorded.'
      : 'Error rates and latency at baseline for 30 minutes; incident resolved.', true);
  }
  if (events.length < 4) add(between(rng, responding, end), 'communication', pick(rng, COMMS));
  return events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

const ms = (a: Date | null, b: Date | null) => (a && b ? b.getTime() - a.getTime() : null);

/**
 * Markdown body per template key. Published and in-review post-mortems are complete; drafts
 * have gaps; open incidents only have what is known so far.
 */
export function buildSectionBodies(rng: Rng, inc: PlannedIncident): Map<string, string> {
  const { scenario: s, times: t } = inc;
  const ttd = ms(t.startedAt, t.detectedAt);
  const tta = ms(t.detectedAt, t.acknowledgedAt);
  const ttm = ms(t.startedAt, t.mitigatedAt);
  const ttr = ms(t.startedAt, t.resolvedAt);
  const factors = FACTORS.filter((f) => s.factors.includes(f.key));
  const full: Record<string, string> = {
    summary: s.summary + (ttr === null ? '' : ` Impact lasted ${formatDuration(ttr)}.`),
    impact: [s.impact, '', `- **Severity:** ${inc.severity}`,
      `- **Duration:** ${ttr === null ? 'ongoing' : formatDuration(ttr)}`,
      `- **Services:** ${s.services.map((x) => `\`${x}\``).join(', ')}`].join('\n'),
    detection: ttd === null
      ? `${s.detection}\n\nThe detection time was not recorded, so time to detect is unknown for this incident.`
      : `${s.detection}\n\nTime to detect: **${formatDuration(ttd)}**.`,
    response: [tta === null ? 'The acknowledgement time was not recorded.' : `The page was acknowledged ${formatDuration(tta)} after detection.`,
      inc.kind === 'drill' ? `During the exercise: ${s.diagnosis}` : `Responders first ruled out recent deploys, then found: ${s.diagnosis}`].join(' '),
    recovery: s.mitigation + (ttm === null ? '' : ` Mitigated after ${formatDuration(ttm)}`) +
      (ttr === null ? '.' : `; fully resolved after ${formatDuration(ttr)}.`),
    went_well: shuffle(rng, WENT_WELL).slice(0, 2).map((x) => `- ${x}`).join('\n'),
    went_wrong: factors.map((f) => `- **${f.name}.** ${f.how}`).join('\n'),
    lucky: `- ${pick(rng, LUCKY)}`,
    supporting: [`- Incident channel: #inc-${inc.number}`,
      ...s.services.map((x) => `- Dashboard: https://grafana.example.com/d/${x}`)].join('\n'),
  };
  const complete = inc.postmortemStatus !== 'draft';
  const open = t.resolvedAt === null;
  const bodies = new Map<string, string>();
  for (const { key } of DEFAULT_TEMPLATE) {
    const keep = complete || key === 'summary' || key === 'impact' || (open ? key === 'detection' : rng() < 0.5);
    bodies.set(key, keep ? (full[key] ?? '') : '');
  }
  return bodies;
}

export interface ActionDraft {
  title: string;
  type: ActionType;
  factorKey: string | null;
  priority: ActionPriority;
  status: ActionStatus;
  createdAt: Date;
  dueDate: Date;
  completedAt: Date | null;
  wontDoReason: string | null;
  /** Index into DEMO_MEMBERS, weighted towards editors. */
  ownerIndex: number;
  hasTicket: boolean;
}

const OWNER_WEIGHTS = [0, 1, 1, 2, 2, 3, 3, 4, 5] as const;
const DUE_DAYS: Record<ActionPriority, number> = { P1: 14, P2: 30, P3: 60 };

function actionStatus(rng: Rng, createdAt: Date, dueDate: Date, now: Date): ActionStatus {
  const r = rng();
  if (now.getTime() - createdAt.getTime() < DAY) return r < 0.5 ? 'in_progress' : 'open';
  if (dueDate.getTime() < utcDay(now).getTime()) {
    return r < 0.62 ? 'done' : r < 0.78 ? 'wont_do' : r < 0.89 ? 'in_progress' : 'open';
  }
  return r < 0.25 ? 'done' : r < 0.5 ? 'in_progress' : 'open';
}

/**
 * Follow-ups of one incident: 1-3 for a resolved incident (a recurrence starts further down
 * the scenario's list), one for a drill or an open incident. Created after the incident began
 * (a day or two after resolution: the post-mortem), due by priority, in every status.
 */
export function buildActions(rng: Rng, inc: PlannedIncident, now: Date): ActionDraft[] {
  const t = inc.times;
  const specs = inc.scenario.actions;
  const extra = (rng() < 0.55 ? 1 : 0) + (rng() < 0.2 ? 1 : 0);
  const count = inc.kind === 'incident' && t.resolvedAt ? Math.min(specs.length, 1 + extra) : 1;
  const base = t.resolvedAt ?? t.mitigatedAt ?? t.acknowledgedAt ?? t.detectedAt ?? t.startedAt;
  const major = inc.severity === 'SEV1' || inc.severity === 'SEV2';
  const drafts: ActionDraft[] = [];
  for (let j = 0; j < count; j++) {
    const spec = specs[(inc.occurrence + j) % specs.length];
    if (!spec) continue;
    const delay = t.resolvedAt ? logNormalMs(rng, 1.5 * DAY, 0.6) : randInt(rng, 5, 40) * MINUTE;
    const createdAt = minDate(new Date(Math.round(base.getTime() + delay + j * randInt(rng, 2, 20) * MINUTE)), now);
    const priority: ActionPriority = j === 0 ? (major ? 'P1' : 'P2') : major ? 'P2' : 'P3';
    // Follow-ups of a still-open incident are short-term: due within the week.
    const dueDays = t.resolvedAt ? DUE_DAYS[priority] + randInt(rng, 0, 4) : randInt(rng, 2, 6);
    const dueDate = new Date(utcDay(createdAt).getTime() + dueDays * DAY);
    const status = actionStatus(rng, createdAt, dueDate, now);
    const finishBy = minDate(now, new Date(dueDate.getTime() + 7 * DAY));
    const completedAt = status === 'done'
      ? minDate(maxDate(between(rng, createdAt, finishBy), new Date(createdAt.getTime() + HOUR)), now)
      : null;
    drafts.push({
      title: spec[1],
      type: spec[0],
      factorKey: spec[2] ?? null,
      priority,
      status,
      createdAt,
      dueDate,
      completedAt,
      wontDoReason: status === 'wont_do' ? pick(rng, WONT_DO_REASONS) : null,
      ownerIndex: pick(rng, OWNER_WEIGHTS),
      hasTicket: rng() < 0.45,
    });
  }
  return drafts;
}
