import type { IncidentKind, IncidentStatus, PostmortemStatus, Severity } from '@/lib/generated/prisma/enums';
import { DRILL_SCENARIOS, INCIDENT_SCENARIOS, OPEN_SCENARIOS, type Scenario } from './scenarios';
import { DAY, HOUR, MINUTE, logNormalMs, maxDate, minDate, shuffle, utcDay, type Rng } from './random';

/**
 * Pure planning of the demo team's incident history: every value comes from a seeded PRNG and
 * `now`, so the same `now` always yields the same history. No database, no clock.
 */

export const DEMO_SEED = 0x5eed_2026;

export type IncidentState = 'active' | 'mitigated' | 'resolved';

export interface IncidentTimes {
  startedAt: Date;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
}

export interface TimeOptions {
  state: IncidentState;
  missingDetected?: boolean;
  missingAck?: boolean;
  /** A long one: mitigation and resolution take several times longer than usual. */
  slow?: boolean;
}

/**
 * Lifecycle timestamps after `startedAt`: log-normal time to detect (minutes), to acknowledge,
 * to mitigate and to resolve, each step added to the previous one so the order rules of
 * METRICS.md section 1 hold by construction. Every value is capped at `now` (capping with min
 * keeps the order). Draws the same number of values whatever the options.
 */
export function generateIncidentTimes(rng: Rng, startedAt: Date, now: Date, opts: TimeOptions): IncidentTimes {
  const cap = now.getTime();
  const at = (ms: number) => new Date(Math.min(Math.round(ms), cap));
  const start = Math.min(startedAt.getTime(), cap);
  const detected = start + logNormalMs(rng, 4 * MINUTE, 0.9);
  const acked = detected + logNormalMs(rng, 3 * MINUTE, 0.8);
  const mitigated = acked + logNormalMs(rng, 20 * MINUTE, 0.7) * (opts.slow ? 12 : 1);
  const resolved = mitigated + logNormalMs(rng, 12 * MINUTE, 0.9) * (opts.slow ? 4 : 1);
  return {
    startedAt: at(start),
    detectedAt: opts.missingDetected ? null : at(detected),
    acknowledgedAt: opts.missingAck ? null : at(acked),
    mitigatedAt: opts.state === 'active' ? null : at(mitigated),
    resolvedAt: opts.state === 'resolved' ? at(resolved) : null,
  };
}

/** The order rules of METRICS.md section 1; returns the broken ones (empty when all hold). */
export function timeOrderViolations(t: IncidentTimes, now: Date): string[] {
  const broken: string[] = [];
  const le = (a: Date | null, b: Date | null, rule: string) => {
    if (a && b && a.getTime() > b.getTime()) broken.push(rule);
  };
  le(t.startedAt, t.detectedAt, 'startedAt <= detectedAt');
  le(t.detectedAt, t.acknowledgedAt, 'detectedAt <= acknowledgedAt');
  le(t.startedAt, t.acknowledgedAt, 'startedAt <= acknowledgedAt');
  le(t.startedAt, t.mitigatedAt, 'startedAt <= mitigatedAt');
  le(t.mitigatedAt, t.resolvedAt, 'mitigatedAt <= resolvedAt');
  le(t.startedAt, t.resolvedAt, 'startedAt <= resolvedAt');
  for (const [name, value] of Object.entries(t) as [string, Date | null][]) {
    le(value, now, `${name} <= now`);
  }
  return broken;
}

export interface PlannedIncident {
  number: number;
  scenario: Scenario;
  kind: IncidentKind;
  /** 0 for the first incident of its scenario, 1 for a recurrence ... */
  occurrence: number;
  title: string;
  severity: Severity;
  times: IncidentTimes;
  status: IncidentStatus;
  postmortemStatus: PostmortemStatus;
  publishedAt: Date | null;
  restricted: boolean;
}

type Draft = Pick<PlannedIncident, 'scenario' | 'kind' | 'times'> & { state: IncidentState };

/** Resolved incidents on a jittered, roughly weekly cadence over the last ~9 months. */
const BASE_COUNT = 37;
/** Base incidents that get a second, unrelated incident starting while they are still open. */
const OVERLAP_PARENTS = [11, 26] as const;
/** Days ago of the game days / failover exercises. */
const DRILL_DAYS_AGO = [236, 173, 118, 61, 24] as const;
const SEVERITIES: readonly Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

function at<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`demo plan: no item at ${i}`);
  return item;
}

function baseIncidents(rng: Rng, now: Date, pool: readonly Scenario[]): Draft[] {
  const t0 = now.getTime();
  const span = (267 * DAY) / BASE_COUNT;
  const drafts: Draft[] = [];
  for (let i = 0; i < BASE_COUNT; i++) {
    const startedAt = new Date(Math.round(t0 - 270 * DAY + (i + 0.1 + 0.8 * rng()) * span));
    const times = generateIncidentTimes(rng, startedAt, now, {
      state: 'resolved',
      // The first SEV1 of each kind and one other incident are the long ones.
      slow: i === 22 || (i < INCIDENT_SCENARIOS.length && at(pool, i).severity === 'SEV1'),
      missingDetected: i % 13 === 4,
      missingAck: i % 11 === 9,
    });
    drafts.push({ scenario: at(pool, i), kind: 'incident', times, state: 'resolved' });
  }
  OVERLAP_PARENTS.forEach((parentIndex, j) => {
    const parent = at(drafts, parentIndex);
    const p = parent.times;
    const end = (p.resolvedAt ?? now).getTime();
    const startedAt = new Date(Math.round(p.startedAt.getTime() + (end - p.startedAt.getTime()) * (0.2 + 0.4 * rng())));
    const used = new Set([parent.scenario.key, ...drafts.slice(BASE_COUNT).map((d) => d.scenario.key)]);
    const candidates = [...pool.slice(BASE_COUNT + j), ...pool].filter((s) => !used.has(s.key));
    drafts.push({
      scenario: at(candidates, 0),
      kind: 'incident',
      times: generateIncidentTimes(rng, startedAt, now, { state: 'resolved' }),
      state: 'resolved',
    });
  });
  return drafts;
}

function drills(rng: Rng, now: Date): Draft[] {
  return DRILL_SCENARIOS.map((scenario, j) => {
    // Exercises run Tuesday to Thursday, mid-morning in Berlin.
    let day = utcDay(new Date(now.getTime() - at(DRILL_DAYS_AGO, j) * DAY));
    while (![2, 3, 4].includes(day.getUTCDay())) day = new Date(day.getTime() - DAY);
    const startedAt = new Date(Math.round(day.getTime() + 8 * HOUR + rng() * 50 * MINUTE));
    return { scenario, kind: 'drill', times: generateIncidentTimes(rng, startedAt, now, { state: 'resolved' }), state: 'resolved' };
  });
}

function openIncidents(rng: Rng, now: Date): Draft[] {
  const t0 = now.getTime();
  const first = t0 - 3 * HOUR - rng() * 2 * HOUR;
  const starts = [first, first + 25 * MINUTE + rng() * 60 * MINUTE, t0 - 26 * HOUR - rng() * 3 * HOUR];
  const states: IncidentState[] = ['active', 'mitigated', 'mitigated'];
  return OPEN_SCENARIOS.map((scenario, j) => {
    const state = at(states, j);
    const startedAt = new Date(Math.round(at(starts, j)));
    return { scenario, kind: 'incident', times: generateIncidentTimes(rng, startedAt, now, { state }), state };
  });
}

/** Older post-mortems are mostly published, recent ones still drafts. */
function postmortemState(rng: Rng, times: IncidentTimes, now: Date): [PostmortemStatus, Date | null] {
  const r = rng();
  const delay = 2 * DAY + logNormalMs(rng, 3 * DAY, 0.5);
  const resolvedAt = times.resolvedAt;
  if (!resolvedAt) return ['draft', null];
  const age = now.getTime() - resolvedAt.getTime();
  let status: PostmortemStatus;
  if (age > 50 * DAY) status = r < 0.92 ? 'published' : 'in_review';
  else if (age > 14 * DAY) status = r < 0.35 ? 'published' : r < 0.8 ? 'in_review' : 'draft';
  else status = r < 0.15 ? 'in_review' : 'draft';
  if (status !== 'published') return [status, null];
  const publishedAt = minDate(new Date(Math.round(resolvedAt.getTime() + delay)), new Date(now.getTime() - HOUR));
  return [status, maxDate(publishedAt, resolvedAt)];
}

/**
 * The whole incident history, numbered 1..N in startedAt order. A recurrence of a scenario gets
 * its alternative title and one step lower severity (the first fixes usually shrink it).
 */
export function planIncidents(rng: Rng, now: Date): PlannedIncident[] {
  const pool = [
    ...shuffle(rng, INCIDENT_SCENARIOS),
    ...shuffle(rng, INCIDENT_SCENARIOS.filter((s) => !s.restricted)),
  ];
  const drafts = [...baseIncidents(rng, now, pool), ...drills(rng, now), ...openIncidents(rng, now)];
  drafts.sort((a, b) => a.times.startedAt.getTime() - b.times.startedAt.getTime());
  const seen = new Map<string, number>();
  return drafts.map((d, i) => {
    const occurrence = seen.get(d.scenario.key) ?? 0;
    seen.set(d.scenario.key, occurrence + 1);
    const sevIndex = Math.min(SEVERITIES.indexOf(d.scenario.severity) + (occurrence > 0 ? 1 : 0), 3);
    const [postmortemStatus, publishedAt] = postmortemState(rng, d.times, now);
    return {
      number: i + 1,
      scenario: d.scenario,
      kind: d.kind,
      occurrence,
      title: (occurrence > 0 ? d.scenario.titles[1] : undefined) ?? at(d.scenario.titles, 0),
      severity: at(SEVERITIES, sevIndex),
      times: d.times,
      status: d.state,
      postmortemStatus,
      publishedAt,
      restricted: d.scenario.restricted === true,
    };
  });
}
