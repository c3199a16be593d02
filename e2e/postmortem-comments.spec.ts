import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signInAs } from './support/auth';
import { insertIncident, insertSection, withDb } from './support/fixtures-db';

/**
 * Review comments on a post-mortem: the demo viewer (a reviewer) comments on the Summary; the demo
 * editor (the author) sees the count, replies and resolves the thread; the count follows, the
 * resolved thread folds away behind "Show 1 resolved", and the page passes axe with comments open.
 * Printing shows the document without the app's chrome or the comments.
 */
const PASSWORD = 'hindsight-demo';
const AUTHOR = 'priya.raman@hindsight.local';
const REVIEWER = 'sam.okafor@hindsight.local';

function draftDemoIncident() {
  return withDb(async (db) => {
    const team = await db.query<{ id: string }>(`SELECT id FROM "Team" WHERE slug = 'demo'`);
    const incident = await insertIncident(db, team.rows[0]!.id, { title: `Comments journey ${Date.now().toString(36)}` });
    await insertSection(db, incident.id, 'The queue consumer stalled after the broker failover.');
    return incident.number;
  });
}

async function openAs(browser: Browser, email: string, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, email, PASSWORD);
  await page.goto(url);
  return page;
}

const summaryCard = (page: Page) => page.locator('section[data-section-key="summary"]');

test('a reviewer comments on a section; the author replies and resolves; counts follow', async ({ browser }) => {
  test.setTimeout(120_000);
  const url = `/t/demo/incidents/${await draftDemoIncident()}/postmortem`;

  // The reviewer (a viewer) opens the Summary's comments and starts a thread.
  const reviewer = await openAs(browser, REVIEWER, url);
  const card = summaryCard(reviewer);
  await expect(card.getByRole('heading', { level: 3, name: 'Summary' })).toBeVisible();
  await expect(card.locator('[data-open-threads]')).toHaveText('No open comments');
  const toggle = card.getByRole('button', { name: 'Comments on Summary: 0 open' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await card.getByLabel('New comment on Summary').fill('Which alert should have caught the stalled consumer?');
  await card.getByRole('button', { name: 'Comment', exact: true }).click();
  // Focus moves to the new comment; the count beside the section follows.
  const posted = card.locator('[data-comment="thread"]').filter({ hasText: 'Which alert should have caught' });
  await expect(posted).toBeFocused();
  await expect(card.locator('[data-open-threads]')).toHaveText('1 open comment');
  await expect(reviewer.getByRole('status').filter({ hasText: 'Comment posted.' })).toBeAttached();
  await expectNoSeriousA11yViolations(reviewer);

  // The author sees the open thread, replies by keyboard, and resolves it.
  const author = await openAs(browser, AUTHOR, url);
  const authorCard = summaryCard(author);
  await expect(authorCard.locator('[data-open-threads]')).toHaveText('1 open comment');
  const thread = authorCard.getByRole('article', { name: 'Thread by Sam Okafor' });
  await expect(thread).toContainText('Which alert should have caught the stalled consumer?');
  await thread.getByRole('button', { name: 'Reply to Sam Okafor' }).click();
  const reply = thread.getByLabel('Reply to Sam Okafor');
  await expect(reply).toBeFocused();
  await author.keyboard.type('None: the lag alert only watches the producer side. Added as an action item.');
  await thread.getByRole('button', { name: 'Post reply' }).click();
  await expect(thread.getByRole('list', { name: '1 reply' })).toContainText('None: the lag alert only watches the producer side.');
  await expectNoSeriousA11yViolations(author);

  await thread.getByRole('button', { name: 'Resolve thread' }).click();
  await expect(authorCard.locator('[data-open-threads]')).toHaveText('No open comments');
  const region = authorCard.getByRole('region', { name: 'Comments on Summary' });
  await expect(region).toBeFocused();
  await expect(authorCard.getByRole('button', { name: 'Comments on Summary: 0 open, 1 resolved' })).toBeVisible();
  const showResolved = authorCard.getByRole('button', { name: 'Show 1 resolved' });
  await expect(authorCard.getByRole('article', { name: 'Thread by Sam Okafor, resolved' })).toBeHidden();
  await showResolved.click();
  const resolved = authorCard.getByRole('article', { name: 'Thread by Sam Okafor, resolved' });
  await expect(resolved).toContainText('Resolved by Priya Raman');
  await expectNoSeriousA11yViolations(author);

  // The reviewer's page shows it after a reload: nothing open, one resolved.
  await reviewer.reload();
  await expect(summaryCard(reviewer).locator('[data-open-threads]')).toHaveText('No open comments');
  await expect(summaryCard(reviewer).getByRole('button', { name: 'Comments on Summary: 0 open, 1 resolved' })).toBeVisible();

  // Printing: the document, without the sidebar, tabs, buttons, editor or comments.
  await author.emulateMedia({ media: 'print' });
  await expect(authorCard.getByRole('heading', { level: 3, name: 'Summary' })).toBeVisible();
  await expect(authorCard.getByText('The queue consumer stalled after the broker failover.').last()).toBeVisible();
  await expect(author.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(author.getByRole('navigation', { name: 'Incident' })).toBeHidden();
  await expect(authorCard.locator('[data-comments]')).toBeHidden();
  await expect(authorCard.getByLabel('Markdown')).toBeHidden();
  await expect(author.getByRole('button', { name: 'Print / PDF' })).toBeHidden();
  await expect(author.getByRole('heading', { name: 'Comments on the whole document' })).toBeHidden();
  // The printed PDF itself, kept with the test's results for a look.
  const pdf = await author.pdf({ path: test.info().outputPath('postmortem-print.pdf'), format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
