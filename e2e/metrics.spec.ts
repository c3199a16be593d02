import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signInAs } from './support/auth';

/**
 * The metrics dashboard on the demo team the server seeds: every chart renders with its table,
 * the tables say what the charts say, filters live in the URL and change the figures, a dot opens
 * its incident, and the bucket table downloads as CSV.
 */
const DASHBOARD = '/t/demo/metrics';
const CHARTS = [
  'Time to resolve per week',
  'Distribution of time to resolve',
  'Downtime and availability per week',
  'Incidents started per week, by severity',
  'Contributing factors',
  'Factor categories',
];

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'demo@hindsight.local', 'hindsight-demo');
});

test('renders every chart with a table, and the table says what the chart says', async ({ page }) => {
  await page.goto(`${DASHBOARD}?range=26w`);
  await expect(page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible();
  for (const title of CHARTS) {
    const figure = page.getByRole('figure', { name: title });
    await expect(figure).toBeVisible();
    // Charts are images; the dot plot, whose dots are links, is a group.
    await expect(figure.getByRole(title.startsWith('Distribution') ? 'group' : 'img', { name: title })).toBeVisible();
    await expect(figure.getByText('Show as table')).toBeVisible();
  }
  await expect(page.getByRole('list', { name: 'Headline figures' }).getByRole('link', { name: 'How is Median time to resolve computed?' })).toHaveAttribute('href', `${DASHBOARD}/definitions#ttr`);

  // The TTR trend: each plotted median (its SVG title) is the table's row for that week.
  const trend = page.getByRole('figure', { name: 'Time to resolve per week' });
  const points = await trend.locator('svg circle title').allTextContents();
  expect(points.length).toBeGreaterThan(3);
  await trend.getByText('Show as table').click();
  const rows = trend.locator('tbody tr');
  const table = new Map<string, { n: string; median: string }>();
  for (const row of await rows.all()) {
    const cells = await row.locator('th, td').allTextContents();
    table.set(cells[0]!, { n: cells[1]!, median: cells[2]! });
  }
  for (const point of points) {
    const m = /^(.+): median (.+) \(n (\d+)\)$/.exec(point);
    expect(m, point).not.toBeNull();
    expect(table.get(m![1]!)).toEqual({ n: m![3], median: m![2] });
  }

  // The dot plot: one dot per row of its table.
  const dots = page.getByRole('figure', { name: 'Distribution of time to resolve' });
  const dotCount = await dots.locator('svg a').count();
  await dots.getByText('Show as table').click();
  await expect(dots.locator('tbody tr')).toHaveCount(dotCount);

  await expectNoSeriousA11yViolations(page);
});

test('a filter changes the URL and the figures, and the view can be shared', async ({ page }) => {
  await page.goto(`${DASHBOARD}?range=52w&bucket=month`);
  const dots = page.getByRole('figure', { name: 'Distribution of time to resolve' }).locator('svg a');
  const all = await dots.count();
  expect(all).toBeGreaterThan(5);
  await page.getByRole('group', { name: 'Severity', exact: true }).getByLabel('SEV1').check();
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/severity=SEV1/);
  await expect(page).toHaveURL(/range=52w/);
  await expect(page).toHaveURL(/bucket=month/);
  await expect(page.getByRole('figure', { name: 'Time to resolve per month' })).toBeVisible();
  const sev1 = await dots.count();
  expect(sev1).toBeLessThan(all);
  const dotTitles = await page.getByRole('figure', { name: 'Distribution of time to resolve' }).locator('svg circle title').allTextContents();
  for (const t of dotTitles) expect(t).toContain(': SEV1,');

  // The same URL in a fresh page gives the same view.
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByRole('group', { name: 'Severity', exact: true }).getByLabel('SEV1')).toBeChecked();
  await expect(other.getByRole('figure', { name: 'Distribution of time to resolve' }).locator('svg a')).toHaveCount(sev1);

  // Drills are a separate view.
  await page.getByRole('link', { name: 'Drills' }).click();
  await expect(page).toHaveURL(/kind=drill/);
  await expect(page.getByText('Drills only: these never enter the incident figures.')).toBeVisible();
});

test('a dot opens its incident', async ({ page }) => {
  await page.goto(`${DASHBOARD}?range=26w`);
  const dot = page.getByRole('figure', { name: 'Distribution of time to resolve' }).locator('svg a').first();
  const title = (await dot.locator('title').textContent())!;
  const [, number, name] = /^INC-(\d+) (.+): SEV\d, TTR /.exec(title)!;
  await dot.click();
  await expect(page).toHaveURL(new RegExp(`/t/demo/incidents/${number}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name!);
});

test('downloads the bucket table as CSV and explains every figure', async ({ page }) => {
  const response = await page.request.get(`${DASHBOARD}/export?range=13w&bucket=week`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  const lines = (await response.text()).trim().split('\r\n');
  expect(lines[0]).toMatch(/^period,start,end,time zone,started,resolved,open,ttd n,/);
  expect(lines[1]).toMatch(/^whole range,/);
  expect(lines.length).toBeGreaterThanOrEqual(2 + 13);

  await page.goto(`${DASHBOARD}/definitions#availability`);
  await expect(page.getByRole('heading', { name: 'How is this computed?' })).toBeVisible();
  await expect(page.locator('#ttr')).toContainText('TTR, time to resolve');
  await expect(page.locator('#mtbf')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
