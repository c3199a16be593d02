import pg from 'pg';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { signInRequest } from './support/auth';
import { insertAction, insertIncident, insertMembership, insertSection, insertTeam, insertTimelineEvent, insertToken, insertUser, withDb } from './support/fixtures-db';
import { actionResult, callServerActionWithCookie, cookieHeader, listServerActions, pagePath } from './support/server-actions';

/**
 * No lost updates (issue 9, item 1): 20 editors x 50 rounds on the same post-mortem sections,
 * timeline entries and action items, through the production server's real write paths (the
 * section autosave server action, PATCH /api/v1/timeline/{id}, PATCH /api/v1/actions/{id}). Each
 * round an editor reads a record, appends its own marker to the text and writes it back with the
 * version it read. Every write must be acknowledged with the next version or refused as a
 * conflict carrying the current version; at the end each record holds exactly the acknowledged
 * markers, in version order, and its history (revisions, audit rows) has each acknowledged write
 * exactly once.
 */
const EDITORS = 20;
const ROUNDS = 50;
const PASSWORD = 'no lost updates passphrase';
const SAVE_SECTION = 'app/t/[team]/incidents/[number]/postmortem/actions.ts#saveSectionAction';

type Kind = 'section' | 'timeline' | 'action';
interface Target {
  kind: Kind;
  id: string;
  initial: string;
}
interface Snapshot {
  text: string;
  version: number;
}
type Outcome = { kind: 'ack'; version: number } | { kind: 'conflict'; current: Snapshot } | { kind: 'other'; detail: string };
interface Write {
  target: Target;
  marker: string;
  text: string;
  readVersion: number;
  outcome: Outcome;
}

/** The record as stored: what an editor reads before writing. */
const READ: Record<Kind, string> = {
  section: `SELECT body AS text, version FROM "PostmortemSection" WHERE id = $1`,
  timeline: `SELECT body AS text, version FROM "TimelineEvent" WHERE id = $1`,
  action: `SELECT description AS text, version FROM "ActionItem" WHERE id = $1`,
};

/** Each write's trace in the history, by version: revisions (sections, timeline) and audit rows (all three). */
const HISTORY: Record<Kind, { revisions: string | null; audit: string }> = {
  section: {
    revisions: `SELECT version, content->>'body' AS text FROM "Revision" WHERE entity = 'section' AND "entityId" = $1 AND version > 1 ORDER BY version`,
    audit: `SELECT (after->>'version')::int AS version, NULL AS text FROM "AuditLog" WHERE action = 'postmortem.section_save' AND "entityId" = $1::text ORDER BY 1`,
  },
  timeline: {
    revisions: `SELECT version, content->>'body' AS text FROM "Revision" WHERE entity = 'timeline' AND "entityId" = $1 ORDER BY version`,
    audit: `SELECT (after->>'version')::int AS version, after->>'body' AS text FROM "AuditLog" WHERE action = 'timeline.update' AND "entityId" = $1::text ORDER BY 1`,
  },
  action: {
    revisions: null,
    audit: `SELECT (after->>'version')::int AS version, after->>'description' AS text FROM "AuditLog" WHERE action = 'action.update' AND "entityId" = $1::text ORDER BY 1`,
  },
};

test('20 editors x 50 rounds on shared sections, timeline entries and actions: every acknowledged write is kept, stale ones get 409', async ({ baseURL }) => {
  // 13-20 s alone; the tier runs two files at once on two shared cores.
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const slug = `lost-${run}`;
  const fx = await withDb(async (db) => {
    const teamId = await insertTeam(db, slug);
    const incident = await insertIncident(db, teamId, { title: `Lost updates ${run}` });
    const targets: Target[] = [
      { kind: 'section', id: await insertSection(db, incident.id, 'Summary:', 'summary'), initial: 'Summary:' },
      { kind: 'section', id: await insertSection(db, incident.id, 'Impact:', 'impact'), initial: 'Impact:' },
      { kind: 'timeline', id: await insertTimelineEvent(db, incident.id, 'Entry one:'), initial: 'Entry one:' },
      { kind: 'timeline', id: await insertTimelineEvent(db, incident.id, 'Entry two:'), initial: 'Entry two:' },
      { kind: 'action', id: await insertAction(db, teamId, incident.id, { title: 'Action one' }), initial: '' },
      { kind: 'action', id: await insertAction(db, teamId, incident.id, { title: 'Action two' }), initial: '' },
    ];
    const editors: { email: string; token: string }[] = [];
    for (let e = 0; e < EDITORS; e++) {
      const email = `editor-${e}-${run}@lost.test`;
      await insertMembership(db, teamId, await insertUser(db, email, PASSWORD), 'editor');
      editors.push({ email, token: (await insertToken(db, teamId, 'editor')).token });
    }
    return { number: incident.number, targets, editors };
  });
  const action = listServerActions(baseURL).find((a) => a.key === SAVE_SECTION);
  if (!action) throw new Error(`${SAVE_SECTION} is not in the build`);
  const pageUrl = pagePath(action.page, { team: slug, number: String(fx.number) });
  const cookies = await Promise.all(
    fx.editors.map(async ({ email }) => {
      const context = await playwrightRequest.newContext({ baseURL });
      await signInRequest(context, email, PASSWORD);
      const cookie = await cookieHeader(context);
      await context.dispose();
      return cookie;
    }),
  );

  const pool = new pg.Pool({ connectionString: process.env.E2E_DB_URL, max: 5 });
  const read = async (target: Target): Promise<Snapshot> => (await pool.query<Snapshot>(READ[target.kind], [target.id])).rows[0]!;

  async function write(editor: number, target: Target, text: string, version: number): Promise<Outcome> {
    if (target.kind === 'section') {
      const call = await callServerActionWithCookie(cookies[editor]!, action!, pageUrl, [slug, target.id, text, version]);
      if (call.status !== 200) return { kind: 'other', detail: `${call.status} ${call.body.slice(0, 200)}` };
      const result = await actionResult<{ ok: boolean; version?: number; conflict?: { body: string; version: number } }>(call.body);
      if (result.ok && typeof result.version === 'number') return { kind: 'ack', version: result.version };
      if (!result.ok && result.conflict) return { kind: 'conflict', current: { text: result.conflict.body, version: result.conflict.version } };
      return { kind: 'other', detail: JSON.stringify(result) };
    }
    const path = target.kind === 'timeline' ? `/api/v1/timeline/${target.id}` : `/api/v1/actions/${target.id}`;
    const field = target.kind === 'timeline' ? 'body' : 'description';
    const response = await fetch(new URL(path, baseURL), {
      method: 'PATCH',
      headers: { authorization: `Bearer ${fx.editors[editor]!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version, [field]: text }),
    });
    const json = (await response.json().catch(() => null)) as { version?: number; current?: Record<string, unknown> } | null;
    if (response.status === 200 && typeof json?.version === 'number') return { kind: 'ack', version: json.version };
    if (response.status === 409 && json?.current) return { kind: 'conflict', current: { text: String(json.current[field]), version: Number(json.current.version) } };
    return { kind: 'other', detail: `${response.status} ${JSON.stringify(json).slice(0, 200)}` };
  }

  // Every editor starts on a different record and moves to the next one each round.
  const writes: Write[] = [];
  await Promise.all(
    Array.from({ length: EDITORS }, async (_, editor) => {
      for (let round = 0; round < ROUNDS; round++) {
        const target = fx.targets[(editor + round) % fx.targets.length]!;
        const current = await read(target);
        const marker = `[e${editor}r${round}]`;
        const text = current.text ? `${current.text} ${marker}` : marker;
        writes.push({ target, marker, text, readVersion: current.version, outcome: await write(editor, target, text, current.version) });
      }
    }),
  );

  expect(writes).toHaveLength(EDITORS * ROUNDS);
  expect(writes.flatMap((w) => (w.outcome.kind === 'other' ? [`${w.target.kind} ${w.marker}: ${w.outcome.detail}`] : []))).toEqual([]);
  for (const target of fx.targets) {
    const mine = writes.filter((w) => w.target === target);
    const acks = mine.flatMap((w) => (w.outcome.kind === 'ack' ? [{ ...w, version: w.outcome.version }] : [])).sort((a, b) => a.version - b.version);
    const conflicts = mine.flatMap((w) => (w.outcome.kind === 'conflict' ? [{ ...w, current: w.outcome.current }] : []));
    const label = `${target.kind} ${target.id}`;
    test.info().annotations.push({ type: label, description: `${acks.length} acknowledged, ${conflicts.length} conflicts` });
    // Acknowledged versions are exactly 2..N+1, each the version written over plus one.
    expect(acks.map((a) => a.version), label).toEqual(acks.map((_, i) => i + 2));
    for (const a of acks) expect(a.version, `${label} ${a.marker}`).toBe(a.readVersion + 1);
    // A conflict reports a newer version, with the text that version's acknowledged write stored.
    const byVersion = new Map(acks.map((a) => [a.version, a.text]));
    for (const c of conflicts) {
      expect(c.current.version, `${label} ${c.marker}`).toBeGreaterThan(c.readVersion);
      expect(c.current.text, `${label} ${c.marker}: conflict text of version ${c.current.version}`).toBe(byVersion.get(c.current.version));
    }
    // The final record is the last acknowledged write, which holds every acknowledged marker in order.
    const final = await read(target);
    expect(final.version, label).toBe(acks.length + 1);
    expect(final.text, label).toBe(acks.at(-1)!.text);
    expect(final.text, label).toBe([target.initial, ...acks.map((a) => a.marker)].filter(Boolean).join(' '));
    // The test proves something only if both happened on every record.
    expect(acks.length, `${label}: acknowledged writes`).toBeGreaterThan(0);
    expect(conflicts.length, `${label}: conflicts`).toBeGreaterThan(0);
    // The history shows each acknowledged write exactly once.
    const expected = acks.map((a) => ({ version: a.version, text: a.text }));
    const { revisions, audit } = HISTORY[target.kind];
    if (revisions) expect((await pool.query(revisions, [target.id])).rows, `${label}: revisions`).toEqual(expected);
    const audited = (await pool.query<{ version: number; text: string | null }>(audit, [target.id])).rows;
    expect(audited.map((r) => r.version), `${label}: audit rows`).toEqual(expected.map((e) => e.version));
    for (const r of audited) if (r.text !== null) expect(r.text, `${label}: audit of version ${r.version}`).toBe(byVersion.get(r.version));
  }
  await pool.end();
});
