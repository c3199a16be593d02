/**
 * npm run bench:metrics [-- --sizes 1000,10000,100000 --repeat 7]
 *
 * A benchmark, not a test: it prints figures and never fails on time. For each size it fills a
 * scratch database (on DATABASE_URL's server, else PostgreSQL on 127.0.0.1:5432) with one team of
 * generated incidents (timelines, factors, actions), then measures
 *   - the metrics API: GET /api/v1/metrics (route handler in process, token auth included),
 *     52 weekly buckets, every figure: the first call (cold: the bootstrap intervals are computed)
 *     and the median of `repeat` further calls (warm: intervals come from the in-process cache);
 *   - the bare SQL aggregate the API's SQL path runs (weekly percentile_cont of TTR over
 *     date_trunc ... AT TIME ZONE), run directly on PostgreSQL, median of `repeat` runs;
 * and prints their ratio and the growth from one size to the next. The database is dropped after.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashToken } from '../lib/tokens/mint';
import { applyMigrations } from './lib/migrations';
import { ROOT } from './lib/paths';

process.env.CHECKPOINT_DISABLE ??= '1';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
process.env.LOG_LEVEL ??= 'error';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000' }, repeat: { type: 'string', default: '7' } } });
const SIZES = values.sizes!.split(',').map(Number);
const REPEAT = Math.max(1, Number(values.repeat));
const ZONE = 'Europe/Berlin';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)]! + s[Math.ceil(mid)]!) / 2;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function adminUrl(): Promise<string> {
  const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
    await c.end();
    return url;
  } catch {
    throw new Error(`bench:metrics needs a PostgreSQL server (DATABASE_URL or 127.0.0.1:5432); none answered at ${new URL(url).host}`);
  }
}

/** One team with `n` incidents over the last two years: log-normal TTRs, 1 % open, 5 % drills, overlaps by chance. */
async function fill(c: pg.Client, n: number): Promise<{ teamId: string; token: string }> {
  await c.query(`TRUNCATE "Team", "User" CASCADE`);
  const { rows: [team] } = await c.query<{ id: string }>(`INSERT INTO "Team"(id, slug, name, "timeZone", "updatedAt", "nextIncidentNo") VALUES (gen_random_uuid(), 'bench', 'Bench', $1, now(), $2) RETURNING id`, [ZONE, n + 1]);
  const teamId = team!.id;
  await c.query(`SELECT setseed(0.42)`);
  await c.query(
    `INSERT INTO "Incident"(id, "teamId", number, title, kind, severity, status, visibility, "startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt", "updatedAt")
     SELECT gen_random_uuid(), $1, g, 'Bench incident ' || g,
            (CASE WHEN g % 20 = 0 THEN 'drill' ELSE 'incident' END)::"IncidentKind",
            ('SEV' || (1 + g % 4))::"Severity",
            (CASE WHEN g % 100 = 0 THEN 'active' ELSE 'resolved' END)::"IncidentStatus",
            'team'::"Visibility",
            s, s + d * 0.1, s + d * 0.15, s + d * 0.5, CASE WHEN g % 100 = 0 THEN NULL ELSE s + d END, now()
       FROM (SELECT g, date_trunc('milliseconds', now() - interval '1 hour' - random() * interval '730 days') AS s,
                    make_interval(secs => round(exp(ln(60) + random() * ln(2000)))) AS d
               FROM generate_series(1, $2::int) g) x`,
    [teamId, n],
  );
  await c.query(
    `INSERT INTO "TimelineEvent"(id, "incidentId", "occurredAt", kind, body, "updatedAt")
     SELECT gen_random_uuid(), i.id, i."startedAt" + k * interval '1 minute', 'note', 'Bench timeline entry ' || k, now()
       FROM "Incident" i, generate_series(1, 3) k WHERE i."teamId" = $1`,
    [teamId],
  );
  await c.query(
    `INSERT INTO "ContributingFactor"(id, "teamId", name, category, "updatedAt")
     SELECT gen_random_uuid(), $1, 'Bench factor ' || f, (ARRAY['technical','process','organizational','external','human_factors'])[1 + f % 5]::"FactorCategory", now()
       FROM generate_series(1, 40) f`,
    [teamId],
  );
  await c.query(
    `INSERT INTO "IncidentFactor"(id, "incidentId", "factorId", "howItContributed", "updatedAt")
     SELECT gen_random_uuid(), i.id, f.id, 'Bench link', now()
       FROM "Incident" i JOIN "ContributingFactor" f ON f.name = 'Bench factor ' || (1 + i.number % 40) WHERE i."teamId" = $1`,
    [teamId],
  );
  await c.query(
    `INSERT INTO "ActionItem"(id, "teamId", "incidentId", title, type, status, "dueDate", "completedAt", "updatedAt", "createdAt")
     SELECT gen_random_uuid(), $1, i.id, 'Bench action', (ARRAY['prevent','detect','mitigate','process'])[1 + i.number % 4]::"ActionType",
            (CASE WHEN i.number % 3 = 0 THEN 'done' ELSE 'open' END)::"ActionStatus", (i."startedAt" + interval '14 days')::date,
            CASE WHEN i.number % 3 = 0 THEN i."startedAt" + interval '10 days' END, now(), i."startedAt"
       FROM "Incident" i WHERE i."teamId" = $1`,
    [teamId],
  );
  await c.query('ANALYZE');
  const token = `hs_bench000_${randomBytes(32).toString('base64url')}`;
  await c.query(`INSERT INTO "ApiToken"(id, "teamId", name, "tokenHash", prefix, role) VALUES (gen_random_uuid(), $1, 'bench', $2, 'bench000', 'viewer')`, [teamId, hashToken(token)]);
  return { teamId, token };
}

/** The weekly TTR aggregate of the SQL path, as plain SQL. */
const BARE_SQL = `
  SELECT date_trunc('week', i."resolvedAt" AT TIME ZONE $2) AT TIME ZONE $2 AS bucket, count(*) AS n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i."resolvedAt" - i."startedAt")) AS median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM i."resolvedAt" - i."startedAt")) AS p90
    FROM "Incident" i
   WHERE i."teamId" = $1 AND i.kind = 'incident' AND i."resolvedAt" >= $3 AND i."resolvedAt" < $4
   GROUP BY GROUPING SETS ((1), ())`;

async function main() {
  const admin = await adminUrl();
  const name = `hs_bench_${randomBytes(4).toString('hex')}`;
  const adminClient = new pg.Client({ connectionString: admin });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE "${name}"`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  process.env.DATABASE_URL = url;
  process.env.DB_POOL_MAX ??= '10';
  const c = new pg.Client({ connectionString: url });
  try {
    console.error(`bench:metrics: scratch database ${name} on ${u.host}; sizes ${SIZES.join(', ')}; ${REPEAT} calls each`);
    await applyMigrations(url, ROOT);
    await c.connect();
    // Loaded after DATABASE_URL is set: lib/db.ts reads it on first use.
    const { GET } = await import('../app/api/v1/metrics/route');
    const rows: { size: number; coldMs: number; apiMs: number; sqlMs: number; engine: string }[] = [];
    for (const size of SIZES) {
      const t0 = performance.now();
      const { teamId, token } = await fill(c, size);
      console.error(`  ${size.toLocaleString('en')} incidents generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const to = new Date();
      const from = new Date(to.getTime() - 52 * 7 * 86_400_000);
      const query = `?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}&bucket=week&tz=${encodeURIComponent(ZONE)}`;
      let ip = 0;
      const call = async () => {
        const response = await GET(new Request(`http://bench.local/api/v1/metrics${query}`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': `198.18.0.${++ip % 250}` } }), { params: Promise.resolve({}) });
        if (response.status !== 200) throw new Error(`metrics API answered ${response.status}: ${await response.text()}`);
        const body = (await response.json()) as { periods: unknown[] };
        if (body.periods.length < 52) throw new Error(`expected 52+ weekly buckets, got ${body.periods.length}`);
      };
      const coldMs = await timed(call);
      const api: number[] = [];
      for (let k = 0; k < REPEAT; k++) api.push(await timed(call));
      const sql: number[] = [];
      for (let k = 0; k < REPEAT; k++) sql.push(await timed(() => c.query(BARE_SQL, [teamId, ZONE, from, to])));
      rows.push({ size, coldMs, apiMs: median(api), sqlMs: median(sql), engine: size > 2000 ? 'sql' : 'pure' });
    }
    console.log('\nmetrics API (52 weekly buckets, all figures) vs the bare SQL aggregate, median of', REPEAT, 'runs');
    console.log('incidents   engine   API cold ms   API ms   bare SQL ms   API/SQL   API growth   SQL growth');
    rows.forEach((r, i) => {
      const prev = rows[i - 1];
      const growth = (a: number, b?: number) => (b ? `x${(a / b).toFixed(1)}` : '-');
      console.log(
        `${r.size.toLocaleString('en').padStart(9)}   ${r.engine.padEnd(6)} ${r.coldMs.toFixed(1).padStart(11)}   ${r.apiMs.toFixed(1).padStart(6)}   ${r.sqlMs.toFixed(1).padStart(11)}   ${(r.apiMs / r.sqlMs).toFixed(1).padStart(7)}   ${growth(r.apiMs, prev?.apiMs).padStart(10)}   ${growth(r.sqlMs, prev?.sqlMs).padStart(10)}`,
      );
    });
  } finally {
    await c.end().catch(() => undefined);
    const { db } = await import('../lib/db');
    await db.$disconnect().catch(() => undefined);
    await adminClient.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await adminClient.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:metrics: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
