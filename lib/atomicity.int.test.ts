import { beforeAll, describe, expect, it } from 'vitest';
import { insertAction } from '@/lib/actions/action-fixtures';
import { bulkChangeStatus } from '@/lib/actions/mutations';
import { ingestAlerts } from '@/lib/alerts/ingest';
import { db } from '@/lib/db';
import { commitCsvImport } from '@/lib/imports/csv-import';
import { createIncident as declareIncident } from '@/lib/incidents/mutations';
import { createIncident } from '@/lib/incidents/incident-fixtures';
import { startMeeting } from '@/lib/meetings/meeting';
import { buildTeamExport } from '@/lib/portability/export';
import { importTeam, parseTeamExport } from '@/lib/portability/import';
import { publishPostmortem } from '@/lib/postmortem/review';
import { createTestTeam, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { addEvents } from '@/lib/timeline/mutations';

/**
 * Atomicity (issue 9, item 4): a failure in the middle of a multi-row write leaves nothing
 * behind. A trigger in this file's own database raises on the Nth row inserted into a table
 * (a sequence counts, so the count survives the rollback and nothing is mocked); the write must
 * fail with that error, and every table (audit log included) must be exactly as before. Then the
 * same write runs without the trigger, to show that the failure really struck midway: the
 * table had at least N new rows and other tables changed too.
 *
 * A new multi-row write is one more row in CASES.
 */
interface Case {
  name: string;
  /** The Nth row inserted into this table fails. */
  failOn: [table: string, nth: number];
  /** Makes the case's fixtures and returns the write (run twice: failing, then for real). */
  prepare: () => Promise<() => Promise<unknown>>;
}

let team: TestTeam;
let editor: TestMember;
let admin: TestMember;
let seq = 0;
const unique = (label: string) => `${label} ${++seq}`;

const CASES: Case[] = [
  {
    name: 'declaring an incident (incident, services, template sections, audit row, webhook event)',
    failOn: ['WebhookDelivery', 1],
    prepare: async () => () => declareIncident(editor.actor, { title: unique('Checkout errors'), severity: 'SEV2', startedAt: '2026-03-01T10:00:00Z', services: ['checkout', 'payments'] }),
  },
  {
    name: 'pasting a timeline (five entries, their revisions, one audit row)',
    failOn: ['TimelineEvent', 3],
    prepare: async () => {
      const incident = await createIncident(team.id, { title: unique('Timeline import'), severity: 'SEV3', startedAt: '2026-03-01T09:00:00Z' });
      const rows = [1, 2, 3, 4, 5].map((m) => ({ occurredAt: `2026-03-01T09:0${m}:00Z`, kind: 'action', body: `Step ${m}` }));
      return () => addEvents(editor.actor, incident.id, rows);
    },
  },
  {
    name: 'importing incidents from CSV (four incidents with services and sections, audit rows)',
    failOn: ['Incident', 3],
    prepare: async () => {
      const csv = ['Title,Severity,Started,Resolved,Services', ...[1, 2, 3, 4].map((n) => `${unique('Imported')},SEV3,2024-03-0${n} 10:00,2024-03-0${n} 11:00,db;api`)].join('\n');
      return () => commitCsvImport(editor.actor, { fileName: 'history.csv', csv, defaultTimeZone: 'UTC', expectedCount: 4 });
    },
  },
  {
    name: 'importing a team from JSON (team, members, catalogs, incidents, actions, audit row)',
    failOn: ['Incident', 2],
    prepare: async () => {
      for (const title of [unique('Exported'), unique('Exported')]) {
        const incident = await createIncident(team.id, { title, severity: 'SEV2', startedAt: '2026-02-01T10:00:00Z', sections: { summary: 'Text' }, timeline: ['Paged'] });
        await insertAction(team.id, incident.id, { title: `Fix ${title}` });
      }
      const doc = parseTeamExport(JSON.stringify(await buildTeamExport(db, team.id)));
      const slug = `copy-${team.slug}`;
      return () => importTeam(db, admin.userId, { name: 'Copy', slug }, doc);
    },
  },
  {
    name: 'an alert opening an incident (alert event, incident, sections, detection entry, audit row)',
    failOn: ['TimelineEvent', 1],
    prepare: async () => {
      const integration = await db.alertIntegration.create({ data: { teamId: team.id, source: 'generic', secret: 'not a real secret' }, select: { id: true } });
      const alert = { dedupKey: 'disk-1', groupKey: 'disk', effect: 'firing' as const, status: 'firing', fingerprint: null, title: 'Disk full', severity: null, services: ['storage'], occurredAt: new Date('2026-03-01T10:00:00Z'), detail: '', url: null };
      const target = { id: integration.id, teamId: team.id, teamSlug: team.slug, source: 'generic' as const, applyAcknowledged: true, applyResolved: true, defaultSeverity: 'SEV3' as const };
      return () => ingestAlerts(target, [alert], { baseUrl: 'http://hindsight.test' });
    },
  },
  {
    name: 'publishing a post-mortem (status change, audit row, webhook event)',
    failOn: ['WebhookDelivery', 1],
    prepare: async () => {
      const incident = await createIncident(team.id, { title: unique('Reviewed'), severity: 'SEV3', startedAt: '2026-03-01T09:00:00Z', resolvedAfterMinutes: 30 });
      await db.incident.update({ where: { id: incident.id }, data: { postmortemStatus: 'in_review' } });
      await db.review.create({ data: { incidentId: incident.id, reviewerId: admin.userId, state: 'approved' } });
      return () => publishPostmortem(editor.actor, incident.id);
    },
  },
  {
    name: 'starting a review meeting (meeting, attendees, agenda snapshot, audit row)',
    failOn: ['AuditLog', 1],
    prepare: async () => () => startMeeting(editor.actor, { attendeeIds: [editor.userId, admin.userId], facilitatorId: editor.userId }),
  },
  {
    name: 'changing the status of several actions at once (one update and audit row each)',
    failOn: ['AuditLog', 2],
    prepare: async () => {
      const incident = await createIncident(team.id, { title: unique('Bulk'), severity: 'SEV4', startedAt: '2026-03-01T09:00:00Z' });
      const items = await Promise.all([1, 2, 3].map((n) => insertAction(team.id, incident.id, { title: `Bulk ${n}` })));
      return () => bulkChangeStatus(editor.actor, { items: items.map((i) => ({ id: i.id, version: i.version })), status: 'done' });
    },
  },
];

type Snapshot = Record<string, { rows: number; digest: string }>;

/** Every table's row count and a digest of all its rows' contents. */
async function snapshot(): Promise<Snapshot> {
  const tables = await db.$queryRaw<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`;
  const sql = tables.map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS rows, coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') AS digest FROM "${name}" t`).join(' UNION ALL ');
  const rows = await db.$queryRawUnsafe<{ name: string; rows: number; digest: string }[]>(sql);
  return Object.fromEntries(rows.map(({ name, ...r }) => [name, r]));
}

async function injectFailure(table: string, nth: number): Promise<void> {
  await db.$executeRawUnsafe(`CREATE SEQUENCE hs_test_fail_count`);
  await db.$executeRawUnsafe(`CREATE TRIGGER hs_test_fail AFTER INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION hs_test_fail(${nth})`);
}

async function removeFailure(table: string): Promise<void> {
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS hs_test_fail ON "${table}"`);
  await db.$executeRawUnsafe(`DROP SEQUENCE IF EXISTS hs_test_fail_count`);
}

beforeAll(async () => {
  team = await createTestTeam('Atomicity');
  editor = await team.add('editor', 'Eve Editor');
  admin = await team.add('admin', 'Ada Admin');
  await db.templateSection.createMany({ data: ['summary', 'impact', 'lessons'].map((key, position) => ({ teamId: team.id, key, title: key, position })) });
  await db.webhookEndpoint.create({ data: { teamId: team.id, url: 'http://127.0.0.1:9/hook', events: ['incident.created', 'postmortem.published'], secret: 'whsec_not_a_real_secret' } });
  await db.$executeRawUnsafe(`
    CREATE FUNCTION hs_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE n bigint := nextval('hs_test_fail_count');
    BEGIN
      IF n = TG_ARGV[0]::bigint THEN RAISE EXCEPTION 'injected failure at row % inserted into %', n, TG_TABLE_NAME; END IF;
      RETURN NULL;
    END $$`);
});

describe('a failure in the middle of a multi-row write leaves no partial rows', () => {
  it.each(CASES)('$name', async ({ failOn: [table, nth], prepare }) => {
    const write = await prepare();
    const before = await snapshot();
    await injectFailure(table, nth);
    const error = await write()
      .then(() => null, (e: unknown) => e)
      .finally(() => removeFailure(table));
    expect(String(error), 'the write must fail, not partly succeed').toContain('injected failure');
    expect(await snapshot()).toEqual(before);

    // Without the trigger the same write succeeds: N rows (and more tables) were written before the failure struck.
    await write();
    const after = await snapshot();
    const grown = Object.keys(after).filter((name) => after[name]!.digest !== before[name]?.digest);
    expect(after[table]!.rows - before[table]!.rows, `new rows in ${table}`).toBeGreaterThanOrEqual(nth);
    expect(grown.length, `tables changed: ${grown.join(', ')}`).toBeGreaterThanOrEqual(2);
  });
});
