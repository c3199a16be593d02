import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signInAs } from './support/auth';
import { insertIncident, insertReview, insertSection, withDb } from './support/fixtures-db';

/**
 * The author takes a post-mortem out of review (issue 4): the button asks first (focus moves to
 * the confirming button, Cancel brings it back), then the post-mortem is a draft again and the
 * pending review request is gone.
 */
test('an editor withdraws a post-mortem from review after confirming', async ({ page }) => {
  const number = await withDb(async (db) => {
    const team = await db.query<{ id: string }>(`SELECT id FROM "Team" WHERE slug = 'demo'`);
    const reviewer = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'demo@hindsight.local'`);
    const incident = await insertIncident(db, team.rows[0]!.id, { title: `Withdraw journey ${Date.now().toString(36)}`, postmortemStatus: 'in_review' });
    await insertSection(db, incident.id);
    await insertReview(db, incident.id, reviewer.rows[0]!.id, 'requested');
    return incident.number;
  });
  await signInAs(page, 'priya.raman@hindsight.local', 'hindsight-demo');
  await page.goto(`/t/demo/incidents/${number}/postmortem`);
  await expect(page.locator('[data-postmortem-status]')).toHaveText('In review');

  const ask = page.getByRole('button', { name: 'Withdraw from review…' });
  await ask.click();
  const confirm = page.getByRole('button', { name: 'Withdraw to draft' });
  await expect(confirm).toBeFocused();
  await expect(page.getByText('Back to draft? Reviewers who have not decided yet are taken off')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('region', { name: /^Review:/ }).screenshot({ path: test.info().outputPath('withdraw-confirm.png') });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeFocused();

  await ask.click();
  await confirm.click();
  await expect(page.locator('[data-postmortem-status]')).toHaveText('Draft');
  // Focus is not lost with the button: it moves to the panel's title, which announces the state.
  await expect(page.getByRole('heading', { level: 2, name: 'Review: Draft' })).toBeFocused();
  await expect(page.getByRole('list', { name: 'Reviewers' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Request review' })).toBeVisible();
});
