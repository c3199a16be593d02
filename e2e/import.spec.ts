import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signInAs } from './support/auth';
import { insertMembership, insertTeam, insertUser, withDb } from './support/fixtures-db';

/**
 * Importing historic incidents from CSV as an editor: the columns are guessed (one is mapped by
 * hand), the preview shows the bad row with its row number and column, the import stays refused
 * until the bad row is explicitly left out, then the incidents are in the list.
 */
const PASSWORD = 'import journey passphrase';

test('an editor imports a CSV, sees the bad row, leaves it out and finds the incidents in the list', async ({ page }) => {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const slug = `import-${id}`;
  const email = `editor-${id}@import.test`;
  await withDb(async (db) => {
    const team = await insertTeam(db, slug);
    await insertMembership(db, team, await insertUser(db, email, PASSWORD), 'editor');
  });
  await signInAs(page, email, PASSWORD);
  await page.goto(`/t/${slug}/incidents`);
  await page.getByRole('link', { name: 'Import from CSV' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import incidents from CSV' })).toBeVisible();

  const csv = ['Title,Sev,Began,Resolved,Services', 'Old checkout outage,SEV2,2024-03-01 14:00,2024-03-01 15:30,checkout', 'Old search slowness,P3,2024-03-02 09:00,2024-03-02 10:00,search', 'Broken row,SEV9,2024-03-03 09:00,,'].join('\n');
  await page.getByLabel('CSV file').setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  // "Sev" and "Title" are guessed; "Began" is guessed as the start too.
  await expect(page.getByRole('status').filter({ hasText: '3 rows' })).toContainText('2 valid, 1 with errors');
  await expect(page.getByRole('row', { name: /^4 Sev .*SEV9.* is not a severity/ })).toBeVisible();
  const importButton = page.getByRole('button', { name: 'Import 2 incidents' });
  await expect(importButton).toBeDisabled();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel(/Leave out the 1 row with errors/).check();
  await importButton.click();
  await expect(page.getByText('Imported 2 incidents (INC-1 to INC-2). 1 row was left out.')).toBeVisible();
  await page.getByRole('link', { name: 'See the incidents' }).click();
  await expect(page.getByRole('link', { name: 'Old checkout outage' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Old search slowness' })).toBeVisible();
});
