import { beforeAll, describe, expect, it } from 'vitest';
import * as metrics from '@/app/api/v1/metrics/route';
import { documented } from '@/lib/api/openapi/testing';
import { db } from '@/lib/db';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { createTestTeam } from '@/lib/teams/team-fixtures';
import { createToken } from '@/lib/tokens/mutations';

const GET = documented('getMetrics', metrics.GET);

const tokens = { viewer: '', admin: '' };

let nextIp = 1;
function get(query: string, token = tokens.viewer): Promise<Response> {
  const headers = new Headers({ authorization: `Bearer ${token}`, 'x-forwarded-for': `198.51.100.${nextIp++}` });
  return GET(new Request(`http://hindsight.test/api/v1/metrics${query}`, { headers }), { params: Promise.resolve({}) });
}

beforeAll(async () => {
  const team = await createTestTeam('Metrics API');
  await db.team.update({ where: { id: team.id }, data: { timeZone: 'Europe/Berlin' } });
  const admin = await team.add('admin');
  tokens.viewer = (await createToken(admin.actor, { name: 'dashboards', role: 'viewer' })).token;
  tokens.admin = (await createToken(admin.actor, { name: 'admin bot', role: 'admin' })).token;
  // METRICS.md's example: TTR 100 s, 300 s, 800 s and 90 s, all resolved in March 2026.
  const day = (d: number, h = 10) => `2026-03-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`;
  await createIncident(team.id, { title: 'A', severity: 'SEV1', startedAt: day(2), resolvedAfterSeconds: 100, services: ['api'] });
  await createIncident(team.id, { title: 'B', severity: 'SEV2', startedAt: day(9), resolvedAfterSeconds: 300, services: ['api'] });
  await createIncident(team.id, { title: 'C', severity: 'SEV2', startedAt: day(16), resolvedAfterSeconds: 800 });
  await createIncident(team.id, { title: 'D', severity: 'SEV3', startedAt: day(23), resolvedAfterSeconds: 90 });
  await createIncident(team.id, { title: 'Game day', severity: 'SEV2', startedAt: day(24), resolvedAfterSeconds: 3600, kind: 'drill' });
  await createIncident(team.id, { title: 'Secret', severity: 'SEV1', startedAt: day(25), resolvedAfterSeconds: 5000, visibility: 'restricted' });
});

const MARCH = '?from=2026-03-01T00:00:00%2B01:00&to=2026-04-01T00:00:00%2B02:00';

describe('GET /api/v1/metrics', () => {
  it('returns the figures of METRICS.md for the range, with the team zone by default', async () => {
    const response = await get(`${MARCH}&bucket=none`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    const length = 31 * 86_400 - 3600; // March in Berlin loses an hour
    expect(body).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
      bucket: 'none',
      timeZone: 'Europe/Berlin',
      kind: 'incident',
      filters: { severity: [], service: null },
      overall: {
        start: '2026-02-28T23:00:00.000Z',
        end: '2026-03-31T22:00:00.000Z',
        incidents: { started: 4, resolved: 4, open: 0 },
        ttd: { n: 0, mean: null, median: null, p90: null, min: null, max: null, ci90: null, lowSample: true },
        tta: { n: 0, mean: null, median: null, p90: null, min: null, max: null, ci90: null, lowSample: true },
        ttm: { n: 0, mean: null, median: null, p90: null, min: null, max: null, ci90: null, lowSample: true },
        ttr: { n: 4, mean: 322.5, median: 200, p90: 650, min: 90, max: 800, ci90: [expect.any(Number), expect.any(Number)], lowSample: true },
        downtimeSeconds: 1290,
        episodes: 4,
        mtbfSeconds: (length - 1290) / 4,
        availability: 1 - 1290 / length,
        meanStartIntervalSeconds: 7 * 86_400,
      },
      periods: [],
    });
  });

  it('lists every bucket, empty ones with nulls, and filters by severity and service', async () => {
    const body = await (await get(`${MARCH}&bucket=week&severity=sev2,SEV1&service=api`)).json();
    expect(body.periods.map((p: { start: string }) => p.start)).toEqual([
      '2026-02-28T23:00:00.000Z', // clipped: the week began on Monday 23 February
      '2026-03-01T23:00:00.000Z',
      '2026-03-08T23:00:00.000Z',
      '2026-03-15T23:00:00.000Z',
      '2026-03-22T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z', // summer time from 29 March
    ]);
    expect(body.periods.map((p: { ttr: { n: number } }) => p.ttr.n)).toEqual([0, 1, 1, 0, 0, 0]);
    expect(body.periods[0].ttr.median).toBeNull();
    expect(body.overall.ttr).toMatchObject({ n: 2, median: 200 });
    expect(body.filters).toEqual({ severity: ['SEV2', 'SEV1'], service: 'api' });
  });

  it('keeps drills apart and restricted incidents to admin tokens', async () => {
    const drills = await (await get(`${MARCH}&bucket=none&kind=drill`)).json();
    expect(drills.overall.ttr).toMatchObject({ n: 1, median: 3600 });
    const admin = await (await get(`${MARCH}&bucket=none`, tokens.admin)).json();
    expect(admin.overall.ttr.n).toBe(5);
  });

  it('answers 422 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['?tz=Mars/Olympus', 'tz'],
      ['?bucket=day', 'bucket'],
      ['?from=yesterday', 'from'],
      ['?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', 'from'],
      ['?severity=SEV9', 'severity'],
      ['?colour=red', 'colour'],
      ['?from=2000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&bucket=week', 'from'],
    ];
    for (const [query, field] of cases) {
      const response = await get(query);
      expect(response.status, query).toBe(422);
      const body = await response.json();
      expect(JSON.stringify(body), query).toContain(`"${field}"`);
    }
  });

  it('needs a token', async () => {
    const response = await GET(new Request('http://hindsight.test/api/v1/metrics'), { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
  });
});
