import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import MarkdownIt from 'markdown-it';
import { expect, test, type Page } from '@playwright/test';
import { startReceiver } from '../lib/webhooks/test-receiver';
import { signInAs } from './support/auth';
import {
  insertAction, insertComment, insertFactor, insertIncident, insertIncidentFactor, insertMeeting, insertMeetingItem, insertMeetingNote, insertMembership, insertReview,
  insertSection, insertTeam, insertTimelineEvent, insertToken, insertUser, insertWebhookEndpoint, withDb,
} from './support/fixtures-db';

/**
 * Stored XSS (issue 9, item 9): script payloads in Markdown, timeline text, every kind of name and
 * in both imports render as inert text on every page, and leave the exports in a form that is
 * safe for their consumers (escaped Markdown, valid JSON, CSV cells that are never formulas,
 * webhook bodies that carry the raw text JSON-encoded). The page is checked for what a payload
 * could do: set window.__xss, open a dialog, trip the Content-Security-Policy, or leave an
 * event-handler attribute, a frame, or a javascript: link in the DOM.
 */
const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '<img src=x onerror="window.__xss=1">';
const SVG = '<svg onload="window.__xss=1">';
const IFRAME = '"><iframe srcdoc="<script>parent.__xss=1</script>">';
const FORMULA = "=cmd|' /C calc'!A0";
const NAMES = {
  team: `T ${IMG}${SVG}`,
  user: `U ${SCRIPT}${IMG}`,
  incident: `I ${SCRIPT}${IMG}${SVG}${IFRAME}`,
  published: `P ${SCRIPT}${IMG}`,
  service: `S ${IMG}`,
  factor: `F ${SVG}${IFRAME}`,
  action: `${FORMULA} ${IMG}`,
  template: `Tpl ${SCRIPT}`,
  token: `Tok ${IMG}`,
  webhook: `W ${SVG}`,
  csv: `C ${SCRIPT}${IMG}`,
  json: `J ${IMG}`,
  declared: `D ${SCRIPT}${IFRAME}`,
};
const TEXT = `${SCRIPT} ${IMG} ${SVG} ${IFRAME} [x](javascript:window.__xss=1)`;
const MARKDOWN = [
  'Payloads, all shown as text:',
  SCRIPT,
  IMG,
  SVG,
  IFRAME,
  '[click me](javascript:window.__xss=1) [entity](&#106;avascript:window.__xss=1) <javascript:window.__xss=1> [data](data:text/html,<script>parent.__xss=1</script>)',
  '![picture](javascript:window.__xss=1)',
  '<a href="javascript:window.__xss=1">raw anchor</a>',
].join('\n\n');
const PASSWORD = 'stored xss passphrase';
/** A Markdown consumer that trusts its input: raw HTML on, every link target accepted. */
const permissive = new MarkdownIt({ html: true, linkify: true });
permissive.validateLink = () => true;

declare global {
  interface Window {
    __xss?: unknown;
    __csp?: string[];
  }
}

/** What a payload left behind in the page: script effects, CSP reports, and dangerous markup. */
async function findings(page: Page): Promise<string[]> {
  return page.evaluate((REACT_FORM_ACTION) => {
    const found: string[] = [];
    if (window.__xss !== undefined) found.push(`window.__xss = ${String(window.__xss)}`);
    for (const v of window.__csp ?? []) found.push(`CSP violation: ${v}`);
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (['iframe', 'frame', 'object', 'embed'].includes(tag)) found.push(`<${tag}> element: ${el.outerHTML.slice(0, 120)}`);
      // Next's own scripts carry the page data (payloads included) as JSON strings: any other script with one is injected.
      const text = el.textContent ?? '';
      if (tag === 'script' && text.includes('__xss') && !text.startsWith('self.__next_f.push(')) found.push(`script element: ${el.outerHTML.slice(0, 120)}`);
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (name.startsWith('on') || name === 'srcdoc') found.push(`${name} attribute on <${tag}>: ${attr.value.slice(0, 80)}`);
        // React's placeholder action of forms that submit through JavaScript is its own, not a payload.
        if (attr.value === REACT_FORM_ACTION) continue;
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name) && /^(javascript|vbscript|data:text\/html)/.test(value)) {
          found.push(`${name}="${attr.value.slice(0, 80)}" on <${tag}>`);
        }
      }
    }
    return found;
  }, "javascript:throw new Error('React form unexpectedly submitted.')");
}

test('script payloads in text, names and imports render inert on every page and export safely', async ({ page }) => {
  // 25-40 s alone; the tier runs two files at once on two shared cores.
  test.setTimeout(120_000);
  const receiver = await startReceiver('/xss');
  const run = Date.now().toString(36);
  const slug = `xss-${run}`;
  const email = `admin-${run}@xss.test`;
  const fx = await withDb(async (db) => {
    const teamId = await insertTeam(db, slug);
    await db.query(`UPDATE "Team" SET name = $2 WHERE id = $1`, [teamId, NAMES.team]);
    const userId = await insertUser(db, email, PASSWORD);
    await db.query(`UPDATE "User" SET name = $2 WHERE id = $1`, [userId, NAMES.user]);
    await insertMembership(db, teamId, userId, 'admin');
    const draft = await insertIncident(db, teamId, { title: NAMES.incident });
    const published = await insertIncident(db, teamId, { title: NAMES.published, postmortemStatus: 'published' });
    // Resolved in a past week, so the metrics chart it and its factor.
    await db.query(`UPDATE "Incident" SET "startedAt" = now() - interval '10 days', "resolvedAt" = now() - interval '10 days' + interval '30 minutes', status = 'resolved' WHERE id = $1`, [published.id]);
    const { rows } = await db.query<{ id: string }>(`INSERT INTO "Service"(id, "teamId", name) VALUES (gen_random_uuid(), $1, $2) RETURNING id`, [teamId, NAMES.service]);
    await db.query(`INSERT INTO "IncidentService"("incidentId", "serviceId") VALUES ($1, $2)`, [draft.id, rows[0]!.id]);
    const sectionId = await insertSection(db, draft.id, MARKDOWN);
    await insertSection(db, published.id, MARKDOWN);
    await insertTimelineEvent(db, draft.id, TEXT);
    const factorId = await insertFactor(db, teamId, NAMES.factor);
    await db.query(`UPDATE "ContributingFactor" SET description = $2 WHERE id = $1`, [factorId, TEXT]);
    await insertIncidentFactor(db, draft.id, factorId, TEXT);
    await insertIncidentFactor(db, published.id, factorId, TEXT);
    const actionId = await insertAction(db, teamId, draft.id, { title: NAMES.action, ownerId: userId, dueDate: '2026-01-01' });
    await db.query(`UPDATE "ActionItem" SET description = $2, "factorId" = $3 WHERE id = $1`, [actionId, TEXT, factorId]);
    await insertComment(db, draft.id, userId, { body: TEXT });
    await db.query(`UPDATE "Review" SET comments = $2 WHERE id = $1`, [await insertReview(db, published.id, userId, 'approved'), TEXT]);
    const meetingId = await insertMeeting(db, teamId, { status: 'ended', facilitatorId: userId, attendeeIds: [userId] });
    await insertMeetingItem(db, meetingId, { kind: 'incident', refId: draft.id, title: NAMES.incident });
    await insertMeetingNote(db, meetingId, userId, TEXT);
    await db.query(`INSERT INTO "TemplateSection"(id, "teamId", key, title, guidance, position) VALUES (gen_random_uuid(), $1, 'summary', $2, $3, 0)`, [teamId, NAMES.template, TEXT]);
    const token = await insertToken(db, teamId, 'admin');
    await db.query(`UPDATE "ApiToken" SET name = $2 WHERE id = $1`, [token.id, NAMES.token]);
    const endpointId = await insertWebhookEndpoint(db, teamId, receiver.url, ['incident.created']);
    await db.query(`UPDATE "WebhookEndpoint" SET description = $2 WHERE id = $1`, [endpointId, NAMES.webhook]);
    return { draft: draft.number, published: published.number, sectionId, factorId, meetingId, endpointId, token: token.token };
  });

  // A webhook event about an incident declared with a payload title (the sender delivers it meanwhile).
  const declared = await page.request.post('/api/v1/incidents', {
    headers: { authorization: `Bearer ${fx.token}` },
    data: { title: NAMES.declared, severity: 'SEV3', startedAt: new Date(Date.now() - 60_000).toISOString() },
  });
  expect(declared.status()).toBe(201);

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  await signInAs(page, email, PASSWORD);

  const problems: string[] = [];
  /** Opens `path`, waits for the texts that must show as text, and records anything a payload did. */
  async function visit(path: string, visible: string[] = []) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    for (const text of visible) {
      await expect(page.getByText(text).first()).toBeVisible().catch(() => problems.push(`${path}: does not show the text ${text}`));
    }
    problems.push(...(await findings(page)).map((f) => `${path}: ${f}`));
  }

  const t = `/t/${slug}`;
  const incident = `${t}/incidents/${fx.draft}`;
  // The CSV import through its page: the preview shows the payloads, then the import writes them.
  await visit(`${t}/incidents/import`);
  const csv = ['Title,Severity,Started,Resolved,Services', `"${NAMES.csv.replace(/"/g, '""')}",SEV2,2024-03-01 14:00,2024-03-01 15:30,"${IMG.replace(/"/g, '""')}"`, `"${FORMULA}",SEV3,2024-03-02 09:00,2024-03-02 10:00,`].join('\n');
  await page.getByLabel('CSV file').setInputFiles({ name: 'xss.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText(NAMES.csv).first()).toBeVisible();
  problems.push(...(await findings(page)).map((f) => `CSV preview: ${f}`));
  await page.getByRole('button', { name: 'Import 2 incidents' }).click();
  await expect(page.getByText(/Imported 2 incidents/)).toBeVisible();

  await visit(`${t}/incidents`, [NAMES.incident, NAMES.csv, FORMULA, NAMES.declared]);
  await visit(incident, [NAMES.incident, NAMES.service]);
  await visit(`${incident}/postmortem`, [SCRIPT, IFRAME]);
  // The Markdown links with unsafe targets are plain text: clicking them does nothing.
  await page.getByText('[click me](javascript:window.__xss=1)').first().click();
  problems.push(...(await findings(page)).map((f) => `after clicking: ${f}`));
  await visit(`/t/${slug}/incidents/${fx.published}/postmortem`, [NAMES.published, SCRIPT, 'raw anchor']);
  await visit(`${incident}/postmortem/history?section=${fx.sectionId}`);
  await visit(`${incident}/timeline`, [TEXT]);
  await visit(`${incident}/actions`, [NAMES.action]);
  await visit(`${incident}/factors`, [NAMES.factor]);
  await visit(`${incident}/edit`);
  await expect(page.getByLabel('Title')).toHaveValue(NAMES.incident);
  await visit(`${t}/actions`, [NAMES.action]);
  await visit('/actions', [NAMES.action]);
  await visit(`${t}/factors`, [NAMES.factor]);
  await visit(`${t}/factors/${fx.factorId}`, [NAMES.factor]);
  await visit(`${t}/factors/recurring`);
  // The chart shows the factor name cut to 27 characters (the full name is in its table, behind a disclosure).
  await visit(`${t}/metrics`, [NAMES.factor.slice(0, 27)]);
  await visit(`${t}/review`, [NAMES.incident]);
  await visit(`${t}/review/meetings`);
  await visit(`${t}/review/meetings/${fx.meetingId}`, [NAMES.incident]);
  await visit(`${t}/review/meetings/${fx.meetingId}/present`);
  for (const settings of ['', '/review', '/alerts', '/audit', '/data']) await visit(`${t}/settings${settings}`);
  await visit(`${t}/settings/members`, [NAMES.user]);
  await visit(`${t}/settings/template`);
  await visit(`${t}/settings/tokens`, [NAMES.token]);
  await visit(`${t}/settings/webhooks`, [NAMES.webhook]);
  await visit(`${t}/settings/webhooks/${fx.endpointId}`);
  await visit('/account', [NAMES.team]);

  // Exports: Markdown with the HTML characters escaped, valid JSON with the raw text, CSV without formulas.
  const markdowns: Record<string, string> = {};
  const get = async (path: string, type: RegExp) => {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(type);
    return response;
  };
  markdowns['post-mortem export'] = await (await get(`${incident}/export`, /^text\/markdown/)).text();
  markdowns['review agenda'] = await (await get(`${t}/review/agenda.md`, /^text\/markdown/)).text();
  markdowns['meeting minutes'] = await (await get(`${t}/review/meetings/${fx.meetingId}/minutes`, /^text\/markdown/)).text();
  const zip = unzipSync(new Uint8Array(await (await get(`${t}/postmortems.zip`, /^application\/zip/)).body()));
  for (const [name, bytes] of Object.entries(zip)) if (name.endsWith('.md')) markdowns[`archive ${name}`] = strFromU8(bytes);
  expect(Object.keys(markdowns).length).toBeGreaterThan(4);
  for (const [name, markdown] of Object.entries(markdowns)) {
    // Rendered by the most permissive consumer (raw HTML on, every link target accepted): the payloads stay text.
    const html = permissive.render(markdown);
    expect(html.match(/<(script|img|svg|iframe)\b[^>]*>|\b(href|src)="(javascript|vbscript|data):[^"]*"/gi) ?? [], `${name} rendered`).toEqual([]);
    expect(html, `${name} keeps the payload as text`).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
  }
  const exported = await (await get(`${t}/settings/data/export.json`, /^application\/json/)).text();
  const teamExport = JSON.parse(exported) as { incidents: { title: string }[] };
  expect(teamExport.incidents.map((i) => i.title)).toContain(NAMES.incident);
  const actionsCsv = await (await get(`${t}/actions/export`, /^text\/csv/)).text();
  expect(actionsCsv).toContain(`'${FORMULA}`);
  const cells = (parse(actionsCsv, { bom: true }) as string[][]).flat();
  expect(cells.filter((cell) => /^[=+@\t\r]|^-\D/.test(cell)), 'CSV cells a spreadsheet would run as formulas').toEqual([]);

  // The JSON team import through its page: the new team's pages are inert too.
  const copy = `xss-copy-${run}`;
  await visit('/teams/new/import');
  await page.getByLabel('Team export (JSON)').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.getByLabel('New team name').fill(NAMES.json);
  await page.getByLabel('Address').fill(copy);
  await page.getByRole('button', { name: 'Import team' }).click();
  await page.waitForURL(`**/t/${copy}/incidents`);
  problems.push(...(await findings(page)).map((f) => `imported team: ${f}`));
  await visit(`/t/${copy}/incidents/${fx.draft}`, [NAMES.incident, NAMES.service]);
  await visit(`/t/${copy}/incidents/${fx.draft}/actions`, [NAMES.action]);
  await visit(`/t/${copy}/incidents/${fx.published}/postmortem`, [SCRIPT]);

  // The webhook body is JSON carrying the raw title, not HTML.
  await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThan(0);
  const [delivery] = receiver.received;
  expect(delivery!.headers['content-type']).toMatch(/^application\/json/);
  expect((JSON.parse(delivery!.body) as { data: { title: string } }).data.title).toBe(NAMES.declared);
  await receiver.close();

  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
});
