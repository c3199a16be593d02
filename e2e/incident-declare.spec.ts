import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signInAs } from './support/auth';
import { insertMembership, insertTeam, insertUser, withDb } from './support/fixtures-db';

/**
 * Declaring an incident through the form as an editor: a detection time before the start is
 * refused next to the Detected field (what was typed stays), fixing it opens the overview with
 * the durations. The test makes its own team and editor: adding an incident to the shared demo
 * team would change the counts the incidents-list journey asserts while it runs in parallel.
 */
const PASSWORD = 'declare journey passphrase';

test('an editor declares an incident, fixes a misordered time, and sees the durations', async ({ page }) => {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const title = `Declared by e2e ${id}`;
  const slug = `declare-${id}`;
  const email = `editor-${id}@declare.test`;
  await withDb(async (db) => {
    const team = await insertTeam(db, slug);
    await insertMembership(db, team, await insertUser(db, email, PASSWORD), 'editor');
  });
  await signInAs(page, email, PASSWORD);
  await page.goto(`/t/${slug}/incidents`);
  await page.getByRole('link', { name: 'New incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Declare an incident' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Severity').selectOption('SEV2');
  await page.getByLabel(/^Started \(/).fill('2026-01-15T10:00');
  await page.getByLabel(/^Detected \(/).fill('2026-01-15T09:50');
  await page.getByLabel('New services').fill('e2e-checkout');
  await page.getByRole('button', { name: 'Declare incident' }).click();

  const detected = page.getByLabel(/^Detected \(/);
  await expect(detected).toHaveAttribute('aria-invalid', 'true');
  await expect(detected).toHaveAccessibleDescription(/Detected cannot be before started/);
  await expect(page.getByLabel('Title')).toHaveValue(title);
  await expect(page.getByLabel(/^Started \(/)).toHaveValue('2026-01-15T10:00');

  await detected.fill('2026-01-15T10:07');
  await page.getByRole('button', { name: 'Declare incident' }).click();
  await page.waitForURL(new RegExp(`/t/${slug}/incidents/1$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  const durations = page.getByRole('region', { name: 'Durations' });
  await expect(durations.getByText('0:07:00')).toHaveAttribute('title', /420\.000 s/);
  await expect(durations.getByText('unknown')).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('e2e-checkout');
  await expect(page.getByRole('link', { name: 'Edit incident' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
