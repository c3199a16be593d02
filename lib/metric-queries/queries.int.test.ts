import { randomUUID } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Severity } from '@/lib/generated/prisma/enums';
import { createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { getMetrics } from './queries';
import { resolveMetricParams, type MetricParams } from './schemas';

/**
 * The SQL path and the pure path must give the same figures on the same data: thousands of
 * generated incidents from 2017 to 2019 (São Paulo still changed clocks at midnight then), entered
 * at local times of several zones, with open incidents, overlaps, touching pairs, drills, two
 * services and restricted incidents one member can see.
 */
const NOW = Date.parse('2019-01-20T15:30:00.250Z');
const START = Date.parse('2017-06-01T00:00:00Z');
const SEVERITIES: Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

let team: TestTeam;
let admin: TestMember;
let viewer: TestMember;

beforeAll(async () => {
  team = await createTestTeam('Metrics');
  admin = await team.add('admin');
  viewer = await team.add('viewer');
  const [api, db1] = await Promise.all(
    ['api', 'database'].map((name) => db.service.create({ data: { teamId: team.id, name }, select: { id: true } })),
  );
  const rng = xoroshiro128plus(7);
  const pick = (n: number) => uniformInt(rng, 0, n - 1);
  const rows: Prisma.IncidentCreateManyInput[] = [];
  const services: { incidentId: string; serviceId: string }[] = [];
  const members: { incidentId: string; userId: string }[] = [];
  let previousEnd = START;
  for (let k = 0; k < 3000; k++) {
    const id = randomUUID();
    // Starts: mostly random over 19 months, some touching or overlapping the previous one.
    const shape = pick(10);
    let started = shape === 0 ? previousEnd : shape === 1 ? previousEnd - pick(3_600_000) : START + pick(600) * 86_400_000 + pick(86_400_000);
    if (started >= NOW) started = NOW - 1 - pick(86_400_000);
    // Durations spread over four orders of magnitude, whole milliseconds.
    const ttr = Math.round(Math.exp(Math.log(60_000) + (pick(1000) / 1000) * Math.log(2000)));
    // Open: some of the last three weeks' incidents, and any that would end after now.
    const open = (started > NOW - 21 * 86_400_000 && pick(3) === 0) || started + ttr > NOW;
    const detected = pick(8) === 0 ? null : started + Math.round(ttr * (pick(30) / 100));
    const acknowledged = detected === null || pick(6) === 0 ? null : detected + pick(600_000);
    const mitigated = pick(5) === 0 ? null : started + Math.round(ttr * (0.3 + pick(70) / 100));
    const resolved = open ? null : started + ttr;
    previousEnd = resolved ?? started;
    const restricted = pick(12) === 0;
    rows.push({
      id,
      teamId: team.id,
      number: k + 1,
      title: `Generated ${k}`,
      kind: pick(15) === 0 ? 'drill' : 'incident',
      severity: SEVERITIES[pick(4)]!,
      visibility: restricted ? 'restricted' : 'team',
      startedAt: new Date(started),
      detectedAt: detected === null ? null : new Date(Math.max(started, detected)),
      acknowledgedAt: acknowledged === null || (resolved !== null && acknowledged > resolved) ? null : new Date(acknowledged),
      mitigatedAt: mitigated === null || resolved === null || mitigated > resolved ? null : new Date(mitigated),
      resolvedAt: resolved === null ? null : new Date(resolved),
    });
    if (pick(2) === 0) services.push({ incidentId: id, serviceId: api!.id });
    if (pick(3) === 0) services.push({ incidentId: id, serviceId: db1!.id });
    if (restricted && pick(2) === 0) members.push({ incidentId: id, userId: viewer.userId });
  }
  await db.incident.createMany({ data: rows });
  await db.incidentService.createMany({ data: services });
  await db.incidentMember.createMany({ data: members });
  await db.team.update({ where: { id: team.id }, data: { nextIncidentNo: 3001 } });
}, 60_000);

/** The first path where two JSON-like values differ, for a readable failure. */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}

const params = (query: Record<string, string>) => resolveMetricParams(query, 'UTC', NOW);

async function bothPaths(actor: TestMember, p: MetricParams) {
  const [pure, sql] = await Promise.all([getMetrics(actor.actor, p, { now: NOW, engine: 'pure' }), getMetrics(actor.actor, p, { now: NOW, engine: 'sql' })]);
  return { pure, sql };
}

describe('metrics: SQL aggregation and pure functions agree', () => {
  const cases: [string, Record<string, string>][] = [
    ['weeks in UTC over the whole history', { from: '2017-06-01T00:00:00Z', to: '2019-02-01T00:00:00Z', bucket: 'week' }],
    ['months in Europe/Berlin', { from: '2017-07-15T08:00:00Z', to: '2019-01-20T00:00:00Z', bucket: 'month', tz: 'Europe/Berlin' }],
    ['weeks in America/Sao_Paulo across midnight clock changes', { from: '2017-09-01T00:00:00-03:00', to: '2019-03-01T00:00:00-03:00', bucket: 'week', tz: 'America/Sao_Paulo' }],
    ['months in Australia/Lord_Howe (half-hour changes), SEV1 and SEV2 on api', { from: '2017-06-01T00:00:00Z', to: '2019-01-01T00:00:00Z', bucket: 'month', tz: 'Australia/Lord_Howe', severity: 'SEV1,SEV2', service: 'api' }],
    ['the whole range in America/Los_Angeles, no buckets', { from: '2018-01-01T00:00:00-08:00', to: '2018-12-31T00:00:00-08:00', bucket: 'none', tz: 'America/Los_Angeles' }],
    ['drills by month', { from: '2017-06-01T00:00:00Z', to: '2019-02-01T00:00:00Z', bucket: 'month', kind: 'drill' }],
  ];

  for (const [name, query] of cases) {
    it(`gives the same figures: ${name}`, async () => {
      const { pure, sql } = await bothPaths(admin, params(query));
      expect(pure.overall.incidents.started).toBeGreaterThan(0);
      expect(firstDifference(sql, pure)).toBeNull();
    });
  }

  it('agrees for a viewer, who sees only the restricted incidents they are named on', async () => {
    const p = params({ from: '2017-06-01T00:00:00Z', to: '2019-02-01T00:00:00Z', bucket: 'month', tz: 'Europe/Berlin' });
    const { pure, sql } = await bothPaths(viewer, p);
    expect(firstDifference(sql, pure)).toBeNull();
    const all = await getMetrics(admin.actor, p, { now: NOW, engine: 'sql' });
    expect(pure.overall.incidents.started).toBeLessThan(all.overall.incidents.started);
  });

  it('has data in every case that exercises it: open incidents, overlapping episodes, low samples', async () => {
    const { pure } = await bothPaths(admin, params({ from: '2017-06-01T00:00:00Z', to: '2019-02-01T00:00:00Z', bucket: 'week' }));
    expect(pure.overall.incidents.open).toBeGreaterThan(0);
    expect(pure.overall.episodes).toBeLessThan(pure.overall.incidents.started);
    const drills = await getMetrics(admin.actor, params({ from: '2017-06-01T00:00:00Z', to: '2019-02-01T00:00:00Z', bucket: 'week', kind: 'drill' }), { now: NOW, engine: 'pure' });
    expect(drills.periods.some((p) => p.ttr.lowSample && p.ttr.n > 1)).toBe(true);
    expect(drills.periods.some((p) => p.ttr.n === 0)).toBe(true);
  });

  it('refuses people outside the team', async () => {
    const other = await (await createTestTeam('Other')).add('admin');
    expect(await errorCode(getMetrics({ ...other.actor, teamId: team.id, role: undefined as never }, params({})))).toBe('FORBIDDEN');
  });
});
