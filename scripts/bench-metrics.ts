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
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_ZONE, createScratchDatabase, fill, median, timed } from './lib/bench-data';
import { applyMigrations } from './lib/migrations';
import { ROOT } from './lib/paths';

process.env.CHECKPOINT_DISABLE ??= '1';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
process.env.LOG_LEVEL ??= 'error';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000' }, repeat: { type: 'string', default: '7' } } });
const SIZES = values.sizes!.split(',').map(Number);
const REPEAT = Math.max(1, Number(values.repeat));
const ZONE = BENCH_ZONE;

/** The weekly TTR aggregate of the SQL path, as plain SQL. */
const BARE_SQL = `
  SELECT date_trunc('week', i."resolvedAt" AT TIME ZONE $2) AT TIME ZONE $2 AS bucket, count(*) AS n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i."resolvedAt" - i."startedAt")) AS median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM i."resolvedAt" - i."startedAt")) AS p90
    FROM "Incident" i
   WHERE i."teamId" = $1 AND i.kind = 'incident' AND i."resolvedAt" >= $3 AND i."resolvedAt" < $4
   GROUP BY GROUPING SETS ((1), ())`;

async function main() {
  const scratch = await createScratchDatabase();
  const url = scratch.url;
  process.env.DATABASE_URL = url;
  process.env.DB_POOL_MAX ??= '10';
  const c = new pg.Client({ connectionString: url });
  try {
    console.error(`bench:metrics: scratch database ${scratch.name} on ${scratch.host}; sizes ${SIZES.join(', ')}; ${REPEAT} calls each`);
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
    await scratch.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:metrics: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
