import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signUpAndSignIn } from './support/auth';
import { insertIncident, insertMembership, insertTimelineEvent, insertUser, withDb } from './support/fixtures-db';

/**
 * Remediation tracking: an admin adds actions with owners and due dates on an incident (one
 * already overdue), finds it with the board's overdue filter, completes it with the bulk status
 * change and sees it leave the overdue list; "My actions" lists their own; the CSV export
 * downloads the filtered rows.
 */

async function addAction(page: Page, fields: { title: string; type: string; ownerId: string; dueDate: string; priority?: string }) {
  const form = page.getByRole('form', { name: /New action for INC-/ });
  await form.getByLabel('Title').fill(fields.title);
  await form.getByLabel('Type').selectOption(fields.type);
  if (fields.priority) await form.getByLabel('Priority').selectOption(fields.priority);
  await form.getByLabel('Owner').selectOption(fields.ownerId);
  await form.getByLabel('Due date').fill(fields.dueDate);
  await form.getByRole('button', { name: 'Add action' }).click();
  await expect(form.getByText(`Action “${fields.title}” added.`)).toBeVisible();
}

test('actions: create with owners and due dates, overdue on the board, complete, my actions, CSV export', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const { user, team } = await signUpAndSignIn(page);
  const { me, colleague, incident } = await withDb(async (db) => {
    const teamId = (await db.query<{ id: string }>(`SELECT id FROM "Team" WHERE slug = $1`, [team.slug])).rows[0]!.id;
    const me = (await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [user.email])).rows[0]!.id;
    const colleague = await insertUser(db, `colleague-${team.slug}@example.test`, 'a colleague passphrase');
    await insertMembership(db, teamId, colleague, 'editor');
    const incident = await insertIncident(db, teamId, { title: 'Checkout queue backlog' });
    await insertTimelineEvent(db, incident.id, 'Consumer lag alert fired an hour late');
    return { me, colleague, incident };
  });
  const base = `/t/${team.slug}`;

  await page.goto(`${base}/incidents/${incident.number}`);
  await page.getByRole('navigation', { name: 'Incident' }).getByRole('link', { name: 'Actions' }).click();
  await page.waitForURL(`**${base}/incidents/${incident.number}/actions`);
  await expect(page.getByRole('heading', { name: 'No action items yet' })).toBeVisible();

  await addAction(page, { title: 'Alert on consumer lag', type: 'detect', ownerId: me, dueDate: '2020-01-15', priority: 'P1' });
  await addAction(page, { title: 'Load-test the checkout queue', type: 'prevent', ownerId: colleague, dueDate: '2099-12-31' });
  await addAction(page, { title: 'Write the failover runbook', type: 'process', ownerId: me, dueDate: '2099-06-30' });
  const list = page.getByRole('list', { name: 'Action items' });
  await expect(list.getByRole('heading', { level: 3 })).toHaveCount(3);
  await expect(list.getByRole('listitem').filter({ hasText: 'Alert on consumer lag' }).first()).toContainText(/\d+ days overdue/);
  await expect(page.getByText(/0 of 3\s+done/)).toBeVisible();
  await expect(page.getByText('1 overdue')).toBeVisible();

  // The board's overdue filter shows only the overdue one, highlighted with its days overdue.
  await page.goto(`${base}/actions`);
  await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Overdue only').check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/overdue=true/);
  const rows = page.getByRole('region', { name: 'Action items' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Alert on consumer lag');
  await expect(rows.first()).toContainText(/\d+ days overdue/);

  // CSV export of the current filter.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Export these 1 as CSV/ }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Alert on consumer lag');
  expect(csv).not.toContain('Load-test the checkout queue');
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);

  // Complete it with the bulk status change: it leaves the overdue list.
  await page.getByRole('checkbox', { name: 'Select Alert on consumer lag' }).check();
  await page.getByLabel('Set ticked actions to').selectOption('done');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('heading', { name: 'No actions match these filters' })).toBeVisible();

  // My actions: the signed-in user's own open actions (not the colleague's; not the done one by default).
  await page.goto('/actions');
  await expect(page.getByRole('heading', { level: 1, name: 'My actions' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Write the failover runbook' })).toBeVisible();
  await expect(page.getByText('Load-test the checkout queue')).toHaveCount(0);
  await expect(page.getByText('Alert on consumer lag')).toHaveCount(0);
  await page.getByLabel('Include done and won’t do').check();
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/show=all/);
  await expect(page.getByRole('link', { name: 'Alert on consumer lag' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Inline status change from My actions, with the won't-do reason prompt.
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Write the failover runbook' }) });
  await card.getByRole('combobox', { name: 'Status', exact: true }).selectOption('wont_do');
  await card.getByLabel('Why won’t it be done?').fill('Covered by the platform team’s runbook');
  await card.getByRole('button', { name: 'Update status' }).click();
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Write the failover runbook' }) })).toContainText('Won’t do');

  // From a timeline entry: its "Create action" link opens the form linked to that entry.
  await page.goto(`${base}/incidents/${incident.number}/timeline`);
  await page.getByRole('link', { name: /Create an action from the entry at/ }).click();
  await page.waitForURL(/fromEvent=/);
  await expect(page.getByRole('heading', { name: 'New action from a timeline entry' })).toBeVisible();
  await expect(page.getByLabel('From timeline entry')).toHaveValue(new URL(page.url()).searchParams.get('fromEvent')!);
  await addAction(page, { title: 'Page on lag, not on backlog size', type: 'detect', ownerId: colleague, dueDate: '2099-03-01' });
  await expect(page.getByRole('listitem').filter({ hasText: 'Page on lag, not on backlog size' }).getByRole('link', { name: 'From a timeline entry' })).toBeVisible();
});
