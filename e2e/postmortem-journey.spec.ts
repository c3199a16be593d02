import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { createTeamThroughForm, signUpThroughForm, uniqueTeam, uniqueUser, type TestUser, fillSignUpForm } from './support/auth';

/**
 * The whole post-mortem journey of issue 4, through the UI only: declare an incident, fill the
 * timeline by keyboard and by pasting a chat log, write the Summary with autosave, resolve the
 * incident, have a second member (invited as editor) approve the review, publish, and export
 * the Markdown. Every step uses the pages a person would use; no database fixtures.
 */

/** The sign-up form without signUpThroughForm's wait for /teams/new (an invitation brings the user back). */
/** The texts of the timeline's entries, in the order shown. */
function timelineEntries(page: Page) {
  return page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem');
}

/** A reviewer's line in the review panel's list of reviewers. */
function reviewerRow(page: Page, user: TestUser) {
  return page.getByRole('list', { name: 'Reviewers' }).getByRole('listitem').filter({ hasText: user.name });
}

test('declare, build the timeline, write, resolve, review, publish and export a post-mortem', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const author = uniqueUser('author');
  const reviewer = uniqueUser('reviewer');
  await signUpThroughForm(page, author);
  const team = await createTeamThroughForm(page, uniqueTeam('Journey'));
  const title = `Checkout latency ${Date.now().toString(36)}`;
  const summary = 'The cache cluster ran out of memory after a configuration rollout; the rollout tooling had no memory guardrail.';

  // Declare the incident.
  await page.getByRole('link', { name: 'New incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Declare an incident' })).toBeVisible();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Severity').selectOption('SEV2');
  await page.getByLabel(/^Started \(/).fill('2026-01-15T10:00');
  await page.getByRole('button', { name: 'Declare incident' }).click();
  await page.waitForURL(new RegExp(`/t/${team.slug}/incidents/1$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const incidentPath = `/t/${team.slug}/incidents/1`;

  // Timeline by keyboard: time, Tab to kind, Tab to text, Enter; the time field is ready again.
  await page.getByRole('navigation', { name: 'Incident' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible();
  const entryRow = page.getByRole('form', { name: 'Add a timeline entry' });
  const time = entryRow.getByLabel(/^Time \(/);
  await time.click();
  await page.keyboard.type('10:05');
  await page.keyboard.press('Tab');
  await expect(entryRow.getByLabel('Kind')).toBeFocused();
  await entryRow.getByLabel('Kind').selectOption('detection');
  await page.keyboard.press('Tab');
  await expect(entryRow.getByLabel('What happened')).toBeFocused();
  await page.keyboard.type('Checkout p99 latency alert fired');
  await page.keyboard.press('Enter');
  await expect(time).toBeFocused();
  await expect(time).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: 'Entry added.' })).toBeVisible();

  await page.keyboard.type('10:20');
  await page.keyboard.press('Tab');
  await entryRow.getByLabel('Kind').selectOption('mitigation');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Rolled back the cache configuration');
  await page.keyboard.press('Enter');
  await expect(time).toBeFocused();
  await expect(timelineEntries(page)).toHaveCount(2);
  await expect(timelineEntries(page).and(page.locator('[aria-busy]'))).toHaveCount(0);

  // Paste a chat log, preview, untick the middle line, import two.
  await page.getByText('Paste chat log', { exact: true }).click();
  await page.getByLabel(/^Chat log or Slack export/).fill(['10:02 alice: paging on-call for checkout errors', '10:12 bob: I think it is the weather', '10:15 alice: cache evictions spiking on cache-3'].join('\n'));
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('3 lines read; untick any you do not want.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Import line 1' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Import line 2' }).uncheck();
  await page.getByRole('button', { name: 'Import 2 entries' }).click();
  await expect(page.getByRole('button', { name: /^Import \d+ entr/ })).toHaveCount(0);

  // The timeline shows all four, sorted by time.
  const expectedOrder = [/10:02.*alice: paging on-call/, /10:05.*Checkout p99 latency alert fired/, /10:15.*alice: cache evictions spiking/, /10:20.*Rolled back the cache configuration/];
  await expect(timelineEntries(page)).toHaveText(expectedOrder);
  await page.reload();
  await expect(timelineEntries(page)).toHaveText(expectedOrder);
  await expect(page.getByRole('list', { name: 'Timeline entries' })).not.toContainText('weather');

  // The Summary section, autosaved, still there after a reload.
  await page.getByRole('navigation', { name: 'Incident' }).getByRole('link', { name: 'Post-mortem' }).click();
  const summaryCard = page.getByRole('region', { name: 'Summary' }).filter({ has: page.getByRole('textbox', { name: 'Markdown' }) });
  await expect(summaryCard).toHaveCount(1);
  await summaryCard.getByRole('textbox', { name: 'Markdown' }).fill(summary);
  await expect(summaryCard.locator('[data-save-state]')).toHaveText(/Saved at/);
  await page.reload();
  await expect(summaryCard.getByRole('textbox', { name: 'Markdown' })).toHaveValue(summary);

  // Resolve the incident: mitigated and resolved times on the edit form.
  await page.goto(`${incidentPath}/edit`);
  await page.getByLabel(/^Mitigated \(/).fill('2026-01-15T10:20');
  await page.getByLabel(/^Resolved \(/).fill('2026-01-15T10:45');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(new RegExp(`${incidentPath}$`));
  const durations = page.getByRole('region', { name: 'Durations' });
  await expect(durations).toContainText('0:20:00');
  await expect(durations).toContainText('0:45:00');

  // Invite the reviewer as an editor; they sign up from the invite and accept it.
  await page.goto(`/t/${team.slug}/settings/members`);
  await page.getByLabel('Role', { exact: true }).selectOption('editor');
  await page.getByRole('button', { name: 'Create invite link' }).click();
  const linkField = page.getByLabel('Invite link (one-time use)');
  await expect(linkField).toHaveValue(/\/invite\/[A-Za-z0-9_-]+$/);
  const link = await linkField.inputValue();

  const reviewerContext = await browser.newContext({ baseURL });
  const other = await reviewerContext.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: `Join ${team.name}` })).toBeVisible();
  await expect(other.getByRole('main')).toContainText('as Editor');
  await other.getByRole('link', { name: 'Create account' }).click();
  await fillSignUpForm(other, reviewer);
  await other.waitForURL(link);
  await other.getByRole('button', { name: `Accept and join ${team.name}` }).click();
  await expect(other).toHaveURL(new RegExp(`/t/${team.slug}/incidents$`));

  // The author requests a review from them.
  const postmortemPath = `${incidentPath}/postmortem`;
  await page.goto(postmortemPath);
  const reviewPanel = page.getByRole('region', { name: /^Review:/ });
  await expect(reviewPanel.getByRole('heading', { level: 2 })).toHaveText('Review: Draft');
  await reviewPanel.getByRole('group', { name: 'Reviewers' }).getByRole('checkbox', { name: reviewer.name }).check();
  await reviewPanel.getByRole('button', { name: 'Request review' }).click();
  await expect(reviewPanel.getByRole('heading', { level: 2 })).toHaveText('Review: In review');
  await expect(reviewerRow(page, reviewer)).toContainText('Review requested');

  // The reviewer approves.
  await other.goto(postmortemPath);
  const otherPanel = other.getByRole('region', { name: /^Review:/ });
  await expect(otherPanel.getByRole('heading', { level: 2 })).toHaveText('Review: In review');
  await otherPanel.getByLabel('Your review comments').fill('Clear and blameless. Ship it.');
  await otherPanel.getByRole('button', { name: 'Approve' }).click();
  await expect(reviewerRow(other, reviewer)).toContainText('Approved');
  await reviewerContext.close();

  // The author publishes: the document is read-only.
  await page.reload();
  await expect(reviewerRow(page, reviewer)).toContainText('Approved');
  await expect(reviewPanel).not.toContainText('Publishing needs at least one approval');
  await reviewPanel.getByRole('button', { name: 'Publish' }).click();
  await expect(reviewPanel.getByRole('heading', { level: 2 })).toHaveText('Review: Published');
  await page.reload();
  await expect(reviewPanel.getByRole('heading', { level: 2 })).toHaveText('Review: Published');
  await expect(page.getByText('This post-mortem is published and read-only.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Markdown' })).toHaveCount(0);
  await expect(page.locator('[data-save-state]')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText(summary);
  await expectNoSeriousA11yViolations(page);

  // The Markdown export has the title, the Summary and the timeline, in time order.
  const downloading = page.waitForEvent('download');
  await reviewPanel.getByRole('link', { name: 'Export Markdown' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^INC-1-checkout-latency-[a-z0-9]+\.md$/);
  const markdown = await fs.readFile(await download.path(), 'utf8');
  expect(markdown).toContain(`: ${title}`);
  expect(markdown).toContain('post-mortem published');
  expect(markdown).toContain(summary);
  const timeline = markdown.slice(markdown.indexOf('## Timeline'));
  const order = ['alice: paging on-call for checkout errors', 'Checkout p99 latency alert fired', 'alice: cache evictions spiking on cache-3', 'Rolled back the cache configuration'].map((text) => timeline.indexOf(text));
  expect(order.every((index) => index > 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(timeline).not.toContain('weather');
});
