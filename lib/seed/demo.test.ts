import { describe, expect, it } from 'vitest';
import { DEMO_USER } from './demo';
import {
  DEMO_MEMBERS,
  buildDemoData,
  generateIncidentTimes,
  mulberry32,
  timeOrderViolations,
  type DemoData,
  type IncidentState,
  type IncidentTimes,
} from './generate';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = new Date('2026-03-15T13:47:12.345Z');

function build(now: Date): DemoData {
  let n = 0;
  const memberIds = DEMO_MEMBERS.map((_, i) => `user-${i}`);
  return buildDemoData({ now, slug: 'demo', memberIds, newId: () => `id-${n++}` });
}

const time = (d: Date | string | null | undefined): number | null => (d == null ? null : new Date(d).getTime());

function timesOf(row: DemoData['incidents'][number]): IncidentTimes {
  const d = (v: Date | string | null | undefined) => (v == null ? null : new Date(v));
  return {
    startedAt: new Date(row.startedAt),
    detectedAt: d(row.detectedAt),
    acknowledgedAt: d(row.acknowledgedAt),
    mitigatedAt: d(row.mitigatedAt),
    resolvedAt: d(row.resolvedAt),
  };
}

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and floats in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
});

describe('generateIncidentTimes', () => {
  const states: IncidentState[] = ['resolved', 'mitigated', 'active'];

  it('always satisfies the METRICS.md order rules and never reaches past now (1000 seeds)', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const rng = mulberry32(seed);
      const startedAt = new Date(NOW.getTime() - HOUR - Math.round(rng() * 269 * DAY));
      const state = states[seed % 3] ?? 'resolved';
      const t = generateIncidentTimes(rng, startedAt, NOW, {
        state,
        slow: rng() < 0.1,
        missingDetected: rng() < 0.1,
        missingAck: rng() < 0.1,
      });
      expect(timeOrderViolations(t, NOW), `seed ${seed}`).toEqual([]);
      expect(t.resolvedAt === null).toBe(state !== 'resolved');
      expect(t.mitigatedAt === null).toBe(state === 'active');
    }
  });

  it('holds even when the incident started a moment ago (values are capped at now)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const t = generateIncidentTimes(mulberry32(seed), new Date(NOW.getTime() - 1000), NOW, { state: 'resolved', slow: true });
      expect(timeOrderViolations(t, NOW)).toEqual([]);
    }
  });

  it('is deterministic and keeps milliseconds', () => {
    const opts = { state: 'resolved' as const };
    const start = new Date('2026-01-10T03:04:05.678Z');
    expect(generateIncidentTimes(mulberry32(7), start, NOW, opts)).toEqual(generateIncidentTimes(mulberry32(7), start, NOW, opts));
    const resolved = Array.from({ length: 50 }, (_, s) => generateIncidentTimes(mulberry32(s), start, NOW, opts).resolvedAt);
    expect(resolved.some((d) => d !== null && d.getTime() % 1000 !== 0)).toBe(true);
  });

  it('flags broken rules', () => {
    const t: IncidentTimes = { startedAt: NOW, detectedAt: new Date(NOW.getTime() - 1), acknowledgedAt: null, mitigatedAt: null, resolvedAt: null };
    expect(timeOrderViolations(t, NOW)).toEqual(['startedAt <= detectedAt']);
    expect(timeOrderViolations({ ...t, detectedAt: null, resolvedAt: new Date(NOW.getTime() + 1) }, NOW)).toEqual(['resolvedAt <= now']);
  });
});

describe('buildDemoData', () => {
  it('is deterministic for the same now', () => {
    expect(build(NOW)).toEqual(build(NOW));
  });

  it('keeps DEMO_USER as the first (admin) member', () => {
    expect(DEMO_MEMBERS[0]).toMatchObject({ email: DEMO_USER.email, name: DEMO_USER.name, role: 'admin' });
    expect(DEMO_MEMBERS.slice(1).every((m) => m.role !== 'admin' && m.email.endsWith('@hindsight.local'))).toBe(true);
  });

  // Several reference instants: just after UTC midnight, just before, around a DST change.
  const nows = [NOW, new Date('2026-03-29T00:00:00.001Z'), new Date('2025-10-26T23:59:59.999Z'), new Date('2026-07-01T12:00:00.000Z')];

  it.each(nows.map((now) => [now.toISOString(), now] as const))('builds a consistent history at %s', (_, now) => {
    const data = build(now);
    const incidents = [...data.incidents].sort((a, b) => a.number - b.number);
    const n = incidents.length;
    expect(n).toBeGreaterThanOrEqual(45);
    expect(data.team.nextIncidentNo).toBe(n + 1);
    expect(incidents.map((i) => i.number)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const starts = incidents.map((i) => time(i.startedAt) ?? 0);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(now.getTime() - 270 * DAY);
    expect(Math.max(...starts)).toBeLessThanOrEqual(now.getTime() - HOUR);

    for (const i of incidents) expect(timeOrderViolations(timesOf(i), now), `INC-${i.number}`).toEqual([]);
    const sev = (s: string) => incidents.filter((i) => i.severity === s).length;
    expect([sev('SEV1'), sev('SEV2'), sev('SEV3'), sev('SEV4')].every((c) => c > 0)).toBe(true);
    expect(sev('SEV1')).toBeLessThan(Math.min(sev('SEV2'), sev('SEV3'), sev('SEV4')));
    const drills = incidents.filter((i) => i.kind === 'drill').length;
    expect(drills).toBeGreaterThanOrEqual(4);
    expect(drills).toBeLessThanOrEqual(6);
    const open = incidents.filter((i) => i.resolvedAt == null);
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(open.length).toBeLessThanOrEqual(3);
    expect(open.every((i) => i.status === 'active' || i.status === 'mitigated')).toBe(true);
    expect(incidents.filter((i) => i.resolvedAt != null).every((i) => i.status === 'resolved')).toBe(true);
    expect(incidents.some((i) => i.detectedAt == null) && incidents.some((i) => i.acknowledgedAt == null)).toBe(true);
    expect(incidents.every((i) => (i.postmortemStatus === 'published') === (i.publishedAt != null))).toBe(true);
    const restricted = incidents.filter((i) => i.visibility === 'restricted');
    expect(restricted.length).toBeGreaterThanOrEqual(1);
    expect(data.incidentMembers.every((m) => restricted.some((r) => r.id === m.incidentId))).toBe(true);
    const overlapping = incidents.filter((a, k) => incidents.slice(k + 1).some((b) =>
      (time(b.startedAt) ?? 0) <= (time(a.resolvedAt) ?? now.getTime())));
    expect(overlapping.length).toBeGreaterThanOrEqual(2);

    for (const i of incidents) {
      const events = data.timeline.filter((e) => e.incidentId === i.id);
      expect(events.length).toBeGreaterThanOrEqual(4);
      expect(events.length).toBeLessThanOrEqual(10);
      const at = events.map((e) => time(e.occurredAt) ?? 0);
      expect(Math.min(...at)).toBeGreaterThanOrEqual(time(i.startedAt) ?? 0);
      expect(Math.max(...at)).toBeLessThanOrEqual(time(i.resolvedAt) ?? now.getTime());
      const first = (kind: string) => time(events.find((e) => e.kind === kind)?.occurredAt);
      if (i.detectedAt) expect(first('detection')).toBe(time(i.detectedAt));
      expect(first('mitigation')).toBe(time(i.mitigatedAt));
      expect(first('resolution')).toBe(time(i.resolvedAt));
      const sections = data.sections.filter((s) => s.incidentId === i.id);
      expect(sections.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
      if (i.postmortemStatus !== 'draft') expect(sections.every((s) => (s.body ?? '') !== '')).toBe(true);
      const links = data.incidentServices.filter((s) => s.incidentId === i.id).length;
      expect(links).toBeGreaterThanOrEqual(1);
      expect(links).toBeLessThanOrEqual(3);
    }

    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const items = data.actionItems;
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(items.length).toBeLessThanOrEqual(85);
    expect(new Set(items.map((a) => a.status))).toEqual(new Set(['open', 'in_progress', 'done', 'wont_do']));
    const pending = items.filter((a) => a.status === 'open' || a.status === 'in_progress');
    expect(pending.some((a) => (time(a.dueDate) ?? 0) < today)).toBe(true);
    expect(pending.some((a) => (time(a.dueDate) ?? 0) >= today && (time(a.dueDate) ?? 0) < today + 7 * DAY)).toBe(true);
    for (const a of items) {
      const inc = incidents.find((i) => i.id === a.incidentId);
      expect(time(a.createdAt)).toBeGreaterThan(time(inc?.startedAt) ?? Infinity);
      expect(time(a.createdAt)).toBeLessThanOrEqual(now.getTime());
      expect((time(a.dueDate) ?? 1) % DAY).toBe(0);
      expect(a.status === 'done').toBe(a.completedAt != null);
      if (a.completedAt) expect(time(a.completedAt)).toBeGreaterThan(time(a.createdAt) ?? Infinity);
      if (a.completedAt) expect(time(a.completedAt)).toBeLessThanOrEqual(now.getTime());
      expect(a.status === 'wont_do').toBe(a.wontDoReason != null);
    }

    const factorStarts = new Map<string, number[]>();
    for (const link of data.incidentFactors) {
      const start = time(incidents.find((i) => i.id === link.incidentId)?.startedAt) ?? 0;
      factorStarts.set(link.factorId, [...(factorStarts.get(link.factorId) ?? []), start]);
    }
    const recurring = [...factorStarts.values()].filter((s) =>
      s.some((a, k) => s.some((b, m) => m !== k && Math.abs(a - b) <= 90 * DAY)));
    expect(recurring.length).toBeGreaterThanOrEqual(3);
    expect(new Set(data.factors.map((f) => f.category)).size).toBe(5);

    const meeting = data.meetings[0];
    const ago = now.getTime() - (time(meeting?.heldAt) ?? 0);
    expect(ago).toBeGreaterThanOrEqual(7 * DAY);
    expect(ago).toBeLessThanOrEqual(9 * DAY);
    expect(data.meetingIncidents).toHaveLength(2);
    for (const mi of data.meetingIncidents) {
      const resolvedAt = time(incidents.find((i) => i.id === mi.incidentId)?.resolvedAt) ?? Infinity;
      expect(resolvedAt).toBeGreaterThanOrEqual(time(meeting?.periodStart) ?? 0);
      expect(resolvedAt).toBeLessThan(time(meeting?.periodEnd) ?? 0);
    }
    expect(data.reviews).toHaveLength(2);
  });
});
