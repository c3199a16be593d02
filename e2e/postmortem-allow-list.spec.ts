import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signInAs } from './support/auth';
import { insertIncident, insertMembership, insertSection, insertTeam, insertUser, withDb } from './support/fixtures-db';

/**
 * The team's blameless allow-list reaches the live editor: an admin lists a phrase in the team
 * settings and the post-mortem editor stops flagging it; removing it flags it again.
 */
test('a phrase on the team’s allow-list is not flagged in the editor; removing it flags it again', async ({ page }) => {
  const run = randomUUID().slice(0, 8);
  const password = `allow-list ${run} passphrase`;
  const slug = `allow-${run}`;
  const number = await withDb(async (db) => {
    const team = await insertTeam(db, slug);
    const admin = await insertUser(db, `admin-${run}@allow.test`, password);
    await insertMembership(db, team, admin, 'admin');
    const incident = await insertIncident(db, team, { title: 'Batch ran twice' });
    await insertSection(db, incident.id, 'The Careless Whisper batch job ran twice after the scheduler restart.');
    return incident.number;
  });
  await signInAs(page, `admin-${run}@allow.test`, password);
  const postmortem = `/t/${slug}/incidents/${number}/postmortem`;
  const flags = page.locator('[data-open-flags]');

  await page.goto(postmortem);
  await expect(flags).toHaveAttribute('data-open-flags', '1');
  await expect(page.locator('mark').filter({ hasText: 'Careless' })).toBeVisible();

  const saveList = async (phrases: string, saved: RegExp) => {
    await page.goto(`/t/${slug}/settings/template`);
    await page.getByLabel('Allowed words and phrases (one a line)').fill(phrases);
    await page.getByRole('button', { name: 'Save the allow-list' }).click();
    await expect(page.getByRole('status').filter({ hasText: saved })).toBeVisible();
  };

  await saveList('Careless Whisper\nroot cause', /2 phrases are never flagged/);
  await page.goto(postmortem);
  await expect(flags).toHaveAttribute('data-open-flags', '0');
  await expect(page.locator('mark')).toHaveCount(0);

  await saveList('root cause', /1 phrase is never flagged/);
  await page.goto(postmortem);
  await expect(flags).toHaveAttribute('data-open-flags', '1');
  await expect(page.locator('mark').filter({ hasText: 'Careless' })).toBeVisible();
});
