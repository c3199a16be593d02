/**
 * Shared by the benchmarks (npm run bench, npm run bench:metrics): a PostgreSQL server to make
 * scratch databases on, and one generated team of `n` incidents with timelines, factors, actions.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { hashToken } from '../../lib/tokens/mint';

export const BENCH_ZONE = 'Europe/Berlin';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)]! + s[Math.ceil(mid)]!) / 2;
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function adminUrl(): Promise<string> {
  const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
    await c.end();
    return url;
  } catch {
    throw new Error(`the benchmarks need a PostgreSQL server (DATABASE_URL or 127.0.0.1:5432); none answered at ${new URL(url).host}`);
  }
}

/** One team with `n` incidents over the last two years: log-normal TTRs, 1 % open, 5 % drills, overlaps by chance. */
export interface ScratchDatabase {
  name: string;
  url: string;
  host: string;
  drop(): Promise<void>;
}

/** A new, empty database on the benchmark server (adminUrl()); drop() removes it. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const admin = await adminUrl();
  const name = `hs_bench_${randomBytes(4).toString('hex')}`;
  const adminClient = new pg.Client({ connectionString: admin });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE "${name}"`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    host: u.host,
    async drop() {
      await adminClient.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await adminClient.end();
    },
  };
}

export async function fill(c: pg.Client, n: number): Promise<{ teamId: string; token: string }> {
  await c.query(`TRUNCATE "Team", "User" CASCADE`);
  const { rows: [team] } = await c.query<{ id: string }>(`INSERT INTO "Team"(id, slug, name, "timeZone", "updatedAt", "nextIncidentNo") VALUES (gen_random_uuid(), 'bench', 'Bench', $1, now(), $2) RETURNING id`, [BENCH_ZONE, n + 1]);
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

