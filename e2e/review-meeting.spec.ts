import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signUpAndSignIn } from './support/auth';
import { insertAction, insertIncident, insertMembership, insertUser, withDb } from './support/fixtures-db';

/**
 * The weekly review, run from Hindsight: with new incidents and an overdue action on a fresh team,
 * an admin starts a meeting with a colleague, takes a note and a decision, creates an action in
 * place, marks an incident reviewed and discussed, presents the agenda by keyboard, and ends the
 * meeting; the record and the Markdown minutes hold all of it, unreached items carried over.
 */
test('review meeting: start, notes and decisions, action in place, reviewed, presenter mode, end, record and minutes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const { team } = await signUpAndSignIn(page);
  const { first, second, colleague } = await withDb(async (db) => {
    const teamId = (await db.query<{ id: string }>(`SELECT id FROM "Team" WHERE slug = $1`, [team.slug])).rows[0]!.id;
    const colleague = await insertUser(db, `colleague-${team.slug}@example.test`, 'a colleague passphrase');
    await insertMembership(db, teamId, colleague, 'editor');
    const first = await insertIncident(db, teamId, { title: 'Checkout queue backlog' });
    const second = await insertIncident(db, teamId, { title: 'Search latency spike' });
    await insertAction(db, teamId, first.id, { title: 'Rotate the stale credentials', dueDate: '2020-01-15' });
    return { first, second, colleague };
  });
  const base = `/t/${team.slug}/review/meetings`;

  await page.goto(base);
  await expect(page.getByRole('heading', { name: 'No review meetings yet' })).toBeVisible();

  // The agenda lists the new incidents and the overdue action; the meeting starts from it.
  const agendaUrl = `/t/${team.slug}/review`;
  await page.goto(agendaUrl);
  const newIncidents = page.getByRole('region', { name: /^New incidents/ });
  await expect(newIncidents.getByRole('link', { name: 'INC-' + first.number + ' Checkout queue backlog' })).toBeVisible();
  await expect(newIncidents.getByRole('link', { name: 'INC-' + second.number + ' Search latency spike' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Overdue actions/ }).getByRole('link', { name: /Rotate the stale credentials/ })).toBeVisible();
  await page.getByRole('link', { name: 'Start meeting' }).click();
  await page.waitForURL(`**${base}/new`);
  await expectNoSeriousA11yViolations(page);
  const start = page.getByRole('form', { name: 'Start the review meeting' });
  await start.locator(`input[value="${colleague}"]`).check();
  await start.getByRole('button', { name: 'Start meeting' }).click();
  await page.waitForURL(new RegExp(`${base}/[0-9a-f-]{36}$`));
  const meetingUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: /^Review meeting, / })).toBeVisible();
  const firstTitle = `INC-${first.number} Checkout queue backlog`;
  // Incidents reviewed are listed as "INC-n: title".
  const reviewedTitle = `INC-${first.number}: Checkout queue backlog`;
  const firstItem = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: firstTitle }) });
  await expect(firstItem).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('heading', { level: 3, name: `INC-${second.number} Search latency spike` })).toBeVisible();

  // A note (Enter saves) and a decision (Ctrl+Enter saves) on the first item.
  const box = firstItem.getByRole('textbox', { name: `Note or decision on ${firstTitle}` });
  await box.fill('Lag alert fired twenty minutes late.');
  await box.press('Enter');
  await expect(firstItem.getByRole('status').filter({ hasText: 'Note saved.' })).toBeVisible();
  await expect(firstItem.getByText('Lag alert fired twenty minutes late.')).toBeVisible();
  await expect(box).toHaveValue('');
  await firstItem.getByLabel('Kind of entry').selectOption('decision');
  await box.fill('Page on consumer lag above 30 s.');
  await box.press('Control+Enter');
  await expect(firstItem.getByRole('status').filter({ hasText: 'Decision saved.' })).toBeVisible();

  // An action created in place, the incident reviewed, the item discussed.
  await firstItem.getByText(`Create action on INC-${first.number}`).click();
  const form = firstItem.getByRole('form', { name: `New action for INC-${first.number}` });
  await form.getByLabel('Title').fill('Alert on consumer lag');
  await form.getByLabel('Type').selectOption('detect');
  await form.getByLabel('Due date').fill('2099-03-01');
  await form.getByRole('button', { name: 'Add action' }).click();
  await expect(form.getByText('Action “Alert on consumer lag” added.')).toBeVisible();
  await firstItem.getByRole('button', { name: `Mark INC-${first.number} reviewed` }).click();
  await expect(firstItem.getByText('Reviewed', { exact: true })).toBeVisible();
  await firstItem.getByRole('button', { name: `Mark discussed: ${firstTitle}` }).click();
  await expect(firstItem.getByText('Discussed', { exact: true })).toBeVisible();
  const outcome = page.getByRole('region', { name: 'So far' });
  await expect(outcome.getByRole('link', { name: 'Alert on consumer lag' })).toBeVisible();
  await expect(outcome.getByRole('link', { name: reviewedTitle })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('meeting-running.png'), fullPage: true });

  // Presenter mode: one item at a time, moved by keyboard.
  await page.getByRole('link', { name: 'Present' }).click();
  await page.waitForURL(/\/present/);
  const presenter = page.getByRole('region', { name: 'Presenter mode' });
  await expect(presenter.getByText(/Item 1 of 4/)).toBeVisible();
  await expect(presenter.getByRole('heading', { level: 1 })).toContainText(firstTitle);
  await expect(presenter.getByRole('button')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(presenter.getByText(/Item 2 of 4/)).toBeVisible();
  await expect(presenter.getByRole('heading', { level: 1 })).toContainText('Search latency spike');
  await page.keyboard.press('End');
  await expect(presenter.getByText(/Item 4 of 4/)).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(presenter.getByText(/Item 3 of 4/)).toBeVisible();
  await page.keyboard.press('Home');
  await expect(presenter.getByText(/Item 1 of 4/)).toBeVisible();
  await page.keyboard.press('Space');
  await expect(presenter.getByText(/Item 2 of 4/)).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(presenter.getByText(/Item 1 of 4/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('meeting-presenter.png') });
  await presenter.getByRole('link', { name: 'Exit presenter mode' }).click();
  await page.waitForURL(meetingUrl);

  // End, with confirmation: the two unreached items are carried over.
  await page.getByRole('button', { name: 'End meeting…' }).click();
  await expect(page.getByText('3 items were not reached and will be carried over to the next meeting.')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, end the meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Review meeting record, / })).toBeVisible();
  const record = page.getByRole('region', { name: 'Outcome' });
  await expect(record.getByText('Page on consumer lag above 30 s.')).toBeVisible();
  await expect(record.getByRole('link', { name: 'Alert on consumer lag' })).toBeVisible();
  await expect(record.getByRole('link', { name: reviewedTitle })).toBeVisible();
  await expect(record.getByRole('listitem').filter({ hasText: 'Search latency spike' })).toBeVisible();
  await expect(page.getByText('Lag alert fired twenty minutes late.')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('meeting-record.png'), fullPage: true });

  const minutes = await page.request.get(`${meetingUrl}/minutes`);
  expect(minutes.status()).toBe(200);
  expect(minutes.headers()['content-type']).toContain('text/markdown');
  const md = await minutes.text();
  expect(md).toContain(`#### 1. ${firstTitle} (discussed)`);
  expect(md).toContain('Lag alert fired twenty minutes late.');
  expect(md).toContain('- **Decision**');
  expect(md).toContain(`- Alert on consumer lag (INC-${first.number};`);
  expect(md).toContain(`## Incidents reviewed\n\n- INC-${first.number}: Checkout queue backlog`);
  expect(md).toMatch(/## Carried over to the next meeting\n\n- INC-\d+ Search latency spike\n/);
  expect(md).toContain('Rotate the stale credentials');

  // The list shows it with its counts.
  await page.goto(base);
  const row = page.getByRole('row').filter({ hasText: 'Ended' });
  await expect(row).toContainText('1 of 4');
  await expectNoSeriousA11yViolations(page);

  // The next agenda: the reviewed incident is gone; the unreached ones come back, marked carried over.
  await page.goto(agendaUrl);
  await expect(page.getByText('Checkout queue backlog')).toHaveCount(0);
  const carried = page.locator(`li[data-agenda-key="incident:${second.id}"]`);
  await expect(carried).toContainText('Search latency spike');
  await expect(carried).toContainText('carried over');
  await expect(page.getByRole('region', { name: /^Overdue actions/ }).getByRole('listitem').filter({ hasText: 'Rotate the stale credentials' })).toContainText('carried over');
});
