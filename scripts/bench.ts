/**
 * npm run bench [-- --incidents 10000 --duration 10 --connections 20 --only load|pages]
 *
 * A benchmark, not a test: it prints figures and never fails on time. It seeds a scratch
 * database (DATABASE_URL's server, else PostgreSQL on 127.0.0.1:5432) with a large team
 * (10,000 incidents with timelines, factors and actions; 20 of them with 300 timeline entries
 * and 40 actions), serves the production build (the standalone server npm start runs) on it, and
 * drives it with autocannon at 20 concurrent connections: incident page, incident list, metrics
 * dashboard, metrics API and saving a post-mortem section, each next to a trivial dynamic page of
 * the same server in the same run. Prints p50/p99 latency, requests per second, errors, the
 * server's peak memory, each page's throughput relative to the trivial page, and the first-load
 * JavaScript of the main routes. Then Lighthouse and axe scores of the demo team's main pages on a
 * second scratch database with the demo data. The scratch databases are dropped afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { hashPassword } from '../lib/auth/password';
import { createPrismaClient } from '../lib/db';
import { DEMO_USER, seedDemoTeam } from '../lib/seed/demo';
import { createScratchDatabase, fill } from './lib/bench-data';
import { firstLoadJs, serverActionId, signInCookie } from './lib/bench-http';
import { auditPages, printPageAudits } from './lib/bench-pages';
import { freePort } from './lib/embedded-postgres';
import { applyMigrations } from './lib/migrations';
import { ROOT } from './lib/paths';
import { ensureProductionBuild } from './lib/standalone';

const { values } = parseArgs({ options: { incidents: { type: 'string', default: '10000' }, duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' }, only: { type: 'string' } } });
const INCIDENTS = Number(values.incidents);
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const HEAVY = 20;
const EMAIL = 'bench@hindsight.local';
const PASSWORD = 'bench passphrase';

/** 20 incidents with 300 timeline entries and 40 actions each, post-mortem sections, and a signed-in admin. */
async function seedHeavy(c: pg.Client, teamId: string): Promise<string[]> {
  await c.query(`INSERT INTO "TimelineEvent"(id, "incidentId", "occurredAt", kind, body, "isKeyMoment", "updatedAt")
    SELECT gen_random_uuid(), i.id, i."startedAt" + k * interval '20 seconds', (ARRAY['detection','diagnosis','action','communication','note'])[1 + k % 5]::"TimelineKind",
           'Heavy timeline entry ' || k || ': checked the replica lag dashboards and the deploy log.', k % 25 = 0, now()
      FROM "Incident" i, generate_series(1, 297) k WHERE i."teamId" = $1 AND i.number <= $2`, [teamId, HEAVY]);
  await c.query(`INSERT INTO "ActionItem"(id, "teamId", "incidentId", title, type, status, "dueDate", "updatedAt")
    SELECT gen_random_uuid(), $1, i.id, 'Heavy action ' || k, (ARRAY['prevent','detect','mitigate','process'])[1 + k % 4]::"ActionType",
           (ARRAY['open','in_progress','done','wont_do'])[1 + k % 4]::"ActionStatus", (now() + (k - 20) * interval '1 day')::date, now()
      FROM "Incident" i, generate_series(1, 39) k WHERE i."teamId" = $1 AND i.number <= $2`, [teamId, HEAVY]);
  await c.query(`INSERT INTO "PostmortemSection"(id, "incidentId", key, title, position, body, "updatedAt")
    SELECT gen_random_uuid(), i.id, s.key, s.title, s.pos, 'Draft text of ' || s.title, now()
      FROM "Incident" i, (VALUES ('summary', 'Summary', 0), ('impact', 'Impact', 1), ('analysis', 'Analysis', 2)) s(key, title, pos)
     WHERE i."teamId" = $1 AND i.number <= $2`, [teamId, HEAVY]);
  const { rows: [user] } = await c.query<{ id: string }>(`INSERT INTO "User"(id, email, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, 'Bench admin', $2, now()) RETURNING id`, [EMAIL, await hashPassword(PASSWORD)]);
  await c.query(`INSERT INTO "Membership"(id, "teamId", "userId", role, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'admin', now())`, [teamId, user!.id]);
  await c.query('ANALYZE');
  const summaries = await c.query<{ id: string }>(`SELECT s.id FROM "PostmortemSection" s JOIN "Incident" i ON i.id = s."incidentId" WHERE i."teamId" = $1 AND s.key = 'summary' ORDER BY i.number`, [teamId]);
  return summaries.rows.map((r) => r.id);
}

interface Row {
  name: string;
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

async function load(name: string, options: autocannon.Options): Promise<Row> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  return { name, p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.timeouts + result.non2xx };
}

function peakMemoryMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * Saves through the post-mortem editor's server action. A section is taken from a pool for each
 * request and returned with its next version when the answer comes (autocannon resets a
 * connection's context between requests and hands over only the first chunk of a streamed
 * answer), so no two requests edit one section at once; landedSaves() checks the count afterwards.
 */
function saveSectionRequests(base: string, cookie: string, actionId: string, sectionIds: string[]): autocannon.Options {
  const pool = sectionIds.map((id, index) => ({ id, incident: index + 1, version: 1 }));
  type Slot = (typeof pool)[number];
  return {
    url: base,
    headers: { cookie, 'next-action': actionId, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8' },
    requests: [{
      method: 'POST',
      setupRequest: (request, context) => {
        const slot = pool.shift();
        if (!slot) throw new Error('more connections than sections');
        (context as { slot?: Slot }).slot = slot;
        const text = `Saved under load at version ${slot.version}: the replica fell behind while the migration held a lock.`;
        return { ...request, path: `/t/bench/incidents/${slot.incident}/postmortem`, body: JSON.stringify(['bench', slot.id, text, slot.version]) };
      },
      onResponse: (status, _body, context) => {
        const slot = (context as { slot?: Slot }).slot;
        if (!slot) return;
        if (status === 200) slot.version++;
        pool.push(slot);
      },
    }],
  };
}

/** Saves that really landed: the sections' versions went up by one per acknowledged save. */
async function landedSaves(c: pg.Client, sectionIds: string[]): Promise<number> {
  const r = await c.query<{ n: string }>(`SELECT coalesce(sum(version - 1), 0) AS n FROM "PostmortemSection" WHERE id = ANY($1::uuid[])`, [sectionIds]);
  return Number(r.rows[0]?.n ?? 0);
}

interface Server {
  base: string;
  child: ChildProcess;
}

/** The standalone production server (what npm start and the Docker image run) on `url`, once it is ready. */
async function startServer(url: string): Promise<Server> {
  const standalone = await ensureProductionBuild(ROOT, { onBuild: () => console.error('bench: building the production app ...') });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(standalone, 'server.js')], {
    cwd: standalone,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1', DATABASE_URL: url, AUTH_SECRET: 'b'.repeat(32), LOG_LEVEL: 'error', NEXT_TELEMETRY_DISABLED: '1' },
  });
  for (let i = 0; i < 300 && !(await fetch(`${base}/api/ready`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 200));
  return { base, child };
}

async function benchLoad() {
  const scratch = await createScratchDatabase();
  const url = scratch.url;
  const c = new pg.Client({ connectionString: url });
  let server: Server | undefined;
  try {
    console.error(`bench: scratch database ${scratch.name} on ${scratch.host}`);
    await applyMigrations(url, ROOT);
    await c.connect();
    const t0 = performance.now();
    const { teamId, token } = await fill(c, INCIDENTS);
    const sectionIds = await seedHeavy(c, teamId);
    console.error(`bench: ${INCIDENTS.toLocaleString('en')} incidents (${HEAVY} with 300 timeline entries and 40 actions) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    server = await startServer(url);
    const base = server.base;
    const cookie = await signInCookie(base, EMAIL, PASSWORD);
    const withCookie = { headers: { cookie } };
    const scenarios: [string, autocannon.Options][] = [
      ['trivial dynamic page (/sign-in)', { url: `${base}/sign-in` }],
      ['incident page (300 entries, 40 actions)', { url: `${base}/t/bench/incidents/1`, ...withCookie }],
      ['incident timeline tab', { url: `${base}/t/bench/incidents/1/timeline`, ...withCookie }],
      ['incident list', { url: `${base}/t/bench/incidents`, ...withCookie }],
      ['metrics dashboard', { url: `${base}/t/bench/metrics`, ...withCookie }],
      ['metrics API', { url: `${base}/api/v1/metrics`, headers: { authorization: `Bearer ${token}` } }],
    ];
    const rows: Row[] = [];
    for (const [label, options] of scenarios) {
      await autocannon({ ...options, connections: 2, amount: 20 }); // warm-up: caches, JIT, pool
      rows.push(await load(label, options));
      console.error(`  measured ${label}`);
    }
    // One connection per section, no warm-up (the versions must start at 1); errors = sent - landed.
    const saves = await autocannon({ ...saveSectionRequests(base, cookie, serverActionId(ROOT, 'saveSectionAction'), sectionIds.slice(0, CONNECTIONS)), connections: Math.min(CONNECTIONS, sectionIds.length), duration: DURATION });
    const landed = await landedSaves(c, sectionIds);
    rows.push({ name: 'saving a section (server action)', p50: saves.latency.p50, p99: saves.latency.p99, rps: saves.requests.average, errors: Math.max(0, saves.requests.total - landed) + saves.errors + saves.non2xx });
    const trivial = rows[0]!.rps;
    console.log(`\n${INCIDENTS.toLocaleString('en')} incidents, ${CONNECTIONS} connections, ${DURATION} s each (autocannon), Node ${process.version}`);
    console.log('scenario                                    p50 ms   p99 ms     req/s   errors   vs trivial');
    for (const r of rows) console.log(`${r.name.padEnd(42)} ${String(r.p50).padStart(7)}  ${String(r.p99).padStart(7)}  ${r.rps.toFixed(1).padStart(8)}  ${String(r.errors).padStart(7)}   ${(r.rps / trivial).toFixed(2).padStart(9)}`);
    console.log(`server peak memory (VmHWM): ${peakMemoryMb(server.child.pid!).toFixed(0)} MiB`);
    console.log('\nfirst-load JavaScript          files      bytes   gzipped');
    for (const route of ['/sign-in', '/t/bench/incidents', '/t/bench/incidents/1', '/t/bench/incidents/1/postmortem', '/t/bench/metrics', '/t/bench/review']) {
      const js = await firstLoadJs(base, route, cookie, ROOT);
      console.log(`${route.padEnd(30)} ${String(js.files).padStart(5)} ${(js.bytes / 1024).toFixed(1).padStart(8)} K ${(js.gzip / 1024).toFixed(1).padStart(7)} K`);
    }
  } finally {
    server?.child.kill('SIGTERM');
    await c.end().catch(() => undefined);
    await scratch.drop();
  }
}

/** Lighthouse and axe on the demo team's main pages (the data npm start serves). */
async function benchPages() {
  const scratch = await createScratchDatabase();
  let server: Server | undefined;
  try {
    await applyMigrations(scratch.url, ROOT);
    const prisma = createPrismaClient(scratch.url);
    try {
      await seedDemoTeam(prisma, { passwordHash: await hashPassword(DEMO_USER.password) });
      const latest = await prisma.incident.findFirst({ where: { team: { slug: 'demo' }, postmortemStatus: 'published' }, orderBy: { number: 'desc' }, select: { number: true } });
      server = await startServer(scratch.url);
      const cookie = await signInCookie(server.base, DEMO_USER.email, DEMO_USER.password);
      const n = latest?.number ?? 1;
      printPageAudits(await auditPages(server.base, cookie, [
        '/t/demo/incidents', `/t/demo/incidents/${n}`, `/t/demo/incidents/${n}/postmortem`, `/t/demo/incidents/${n}/timeline`,
        '/t/demo/metrics', '/t/demo/actions', '/t/demo/review', '/t/demo/factors',
      ]));
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    server?.child.kill('SIGTERM');
    await scratch.drop();
  }
}

async function main() {
  if (values.only !== 'pages') await benchLoad();
  if (values.only !== 'load') await benchPages();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
