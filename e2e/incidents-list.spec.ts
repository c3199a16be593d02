import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signInAs, signUpAndSignIn } from './support/auth';
import { withDb } from './support/fixtures-db';

/**
 * The incidents list on the demo team the server seeds at start: the admin filters, searches,
 * sorts and pages; the viewer (not named on the restricted incident) never sees it.
 */
const PASSWORD = 'hindsight-demo';
const ADMIN = 'demo@hindsight.local';
const VIEWER = 'sam.okafor@hindsight.local';
const LIST = '/t/demo/incidents';

/** The demo team's restricted incident and how many incidents the team has. */
function demoFacts() {
  return withDb(async (db) => {
    const restricted = await db.query<{ title: string; number: number }>(
      `SELECT i.title, i.number FROM "Incident" i JOIN "Team" t ON t.id = i."teamId" WHERE t.slug = 'demo' AND i.visibility = 'restricted'`,
    );
    const total = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Incident" i JOIN "Team" t ON t.id = i."teamId" WHERE t.slug = 'demo'`);
    return { restricted: restricted.rows, total: Number(total.rows[0]?.n) };
  });
}

const rows = (page: Page) => page.getByRole('region', { name: 'Incidents' }).locator('tbody tr');
const summary = (page: Page) => page.getByRole('main').locator('p', { hasText: /\d+ incidents?( matching the filters)?, / });

async function search(page: Page, words: string) {
  await page.getByRole('searchbox', { name: 'Search' }).fill(words);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === words);
}

test('the admin filters, searches, sorts and pages the demo team’s incidents', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const facts = await demoFacts();
  const restricted = facts.restricted[0]!;
  await signInAs(page, ADMIN, PASSWORD);
  await page.goto(LIST);
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  await expect(rows(page)).toHaveCount(25);
  await expect(summary(page)).toContainText(`1–25 of ${facts.total} incidents, newest first`);
  await expect(page.getByText('Times in Europe/Berlin (the team’s time zone)')).toBeVisible();
  const startedTitle = await rows(page).first().locator('time').getAttribute('title');
  expect(startedTitle).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  await expectNoSeriousA11yViolations(page);

  // Severity filter: only SEV1 rows remain.
  await page.getByRole('checkbox', { name: 'SEV1' }).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/severity=SEV1/);
  // The address changes before the filtered list has rendered: wait for the list to say so.
  await expect(summary(page)).toContainText('matching the filters');
  const severities = await rows(page).locator('td:nth-child(3)').allTextContents();
  expect(severities.length).toBeGreaterThan(0);
  expect(new Set(severities)).toEqual(new Set(['SEV1']));
  await expect(page.getByRole('checkbox', { name: 'SEV1' })).toBeChecked();

  // Full-text search (the admin sees the restricted incident, badged).
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await page.waitForURL((url) => url.search === '');
  await expect(page.getByRole('checkbox', { name: 'SEV1' })).not.toBeChecked();
  await search(page, 'credentials');
  const hit = rows(page).filter({ hasText: restricted.title });
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('restricted');
  await expect(summary(page)).toContainText('best match');

  // Search by number.
  await search(page, `INC-${restricted.number}`);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(restricted.title);

  // Nothing matches: the empty state offers to clear the filters.
  await search(page, 'zebra quasar');
  await expect(page.getByRole('heading', { name: 'No incidents match these filters' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Clear filters' }).last().click();
  await page.waitForURL((url) => url.search === '');
  await expect(rows(page)).toHaveCount(25);

  // Sort by the Started header: oldest first.
  await page.getByRole('link', { name: /^Started/ }).click();
  await page.waitForURL(/sort=started_asc/);
  await expect(page.getByRole('columnheader', { name: /Started/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(summary(page)).toContainText('oldest first');
  const times = await rows(page).locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  expect(times).toHaveLength(25);
  expect(times).toEqual([...times].sort());

  // Second page, sort kept.
  await page.getByRole('link', { name: 'Next →' }).click();
  await page.waitForURL(/page=2/);
  expect(new URL(page.url()).searchParams.get('sort')).toBe('started_asc');
  await expect(rows(page)).toHaveCount(facts.total - 25);
  await expect(page.getByRole('navigation', { name: 'Incident list pages' })).toContainText('Page 2 of 2');
});

test('the viewer never sees the restricted incident: not listed, not counted, not found', async ({ page }) => {
  const facts = await demoFacts();
  expect(facts.restricted.length).toBeGreaterThan(0);
  await signInAs(page, VIEWER, PASSWORD);
  await page.goto(`${LIST}?pageSize=100`);
  await expect(rows(page)).toHaveCount(facts.total - facts.restricted.length);
  await expect(summary(page)).toContainText(`${facts.total - facts.restricted.length} incidents`);
  const main = page.getByRole('main');
  for (const { title, number } of facts.restricted) {
    await expect(main).not.toContainText(title);
    await search(page, title);
    await expect(page.getByRole('heading', { name: 'No incidents match these filters' })).toBeVisible();
    await expect(main).not.toContainText(title);
    await search(page, `INC-${number}`);
    await expect(page.getByRole('heading', { name: 'No incidents match these filters' })).toBeVisible();
  }
  await expectNoSeriousA11yViolations(page);
});

test('a new team sees the true empty state, and bad filters in the address are explained', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUpAndSignIn(page);
  await expect(page.getByRole('heading', { name: 'No incidents yet' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await signInAs(page, ADMIN, PASSWORD);
  await page.goto(`${LIST}?severity=SEV9&to=someday&kind=drill`);
  const notice = page.getByRole('alert').filter({ hasText: 'not understood' });
  await expect(notice).toContainText('severity must be SEV1, SEV2, SEV3 or SEV4.');
  await expect(notice).toContainText('to must be a day');
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('drill');
  const kinds = await rows(page).locator('td:nth-child(4)').allTextContents();
  expect(new Set(kinds)).toEqual(new Set(['Drill']));
  await expectNoSeriousA11yViolations(page);
});
