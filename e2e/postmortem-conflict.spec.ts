import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signInAs } from './support/auth';
import { insertIncident, insertSection, withDb } from './support/fixtures-db';

/**
 * Two people write the same post-mortem section at once (issue 4, item 4): the demo editor saves
 * first; the demo admin's autosave then hits the newer version and gets the conflict panel with
 * both texts. Nothing typed is lost, and a merge of both is what gets saved.
 */
const PASSWORD = 'hindsight-demo';
const EDITOR = 'priya.raman@hindsight.local';
const ADMIN = 'demo@hindsight.local';

/** A fresh draft incident of the demo team with one section, so no other test shares it. */
function draftDemoIncident() {
  return withDb(async (db) => {
    const team = await db.query<{ id: string }>(`SELECT id FROM "Team" WHERE slug = 'demo'`);
    const incident = await insertIncident(db, team.rows[0]!.id, { title: `Conflict journey ${Date.now().toString(36)}` });
    const sectionId = await insertSection(db, incident.id, 'Original summary.');
    return { number: incident.number, sectionId };
  });
}

async function openAs(browser: Browser, email: string, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email, PASSWORD);
  await page.goto(url);
  return page;
}

test('the second save of the same section gets the conflict panel and loses nothing', async ({ browser }) => {
  const { number, sectionId } = await draftDemoIncident();
  const url = `/t/demo/incidents/${number}/postmortem`;
  const editor = await openAs(browser, EDITOR, url);
  const admin = await openAs(browser, ADMIN, url);
  await expect(admin.getByRole('heading', { level: 3, name: 'Summary' })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  const editorBox = editor.getByRole('textbox', { name: 'Markdown' });
  const adminBox = admin.getByRole('textbox', { name: 'Markdown' });
  await editorBox.fill('Priya: the deploy pipeline skipped the canary.');
  await expect(editor.locator('[data-save-state]')).toHaveText(/Saved at/);

  // The admin started from version 1 too: their autosave must not overwrite Priya's text.
  await adminBox.fill('Admin: the canary stage was disabled in March.');
  await expect(admin.locator('[data-save-state]')).toHaveText(/Conflict/);
  const panel = admin.getByRole('alert', { name: /Priya Raman saved “Summary”/ });
  await expect(panel).toContainText('Priya: the deploy pipeline skipped the canary.');
  await expect(panel).toContainText('Admin: the canary stage was disabled in March.');
  await expect(adminBox).toHaveValue('Admin: the canary stage was disabled in March.');
  await expectNoSeriousA11yViolations(admin);

  // Still typing during the conflict keeps the text (and nothing is saved behind the user's back).
  await adminBox.press('End');
  await adminBox.pressSequentially(' Nobody noticed.');
  await admin.getByRole('button', { name: 'Merge…' }).click();
  const merged = admin.getByRole('textbox', { name: 'Merged text' });
  await expect(merged).toHaveValue(/Admin: the canary stage was disabled in March\. Nobody noticed\.[\s\S]*Priya: the deploy pipeline skipped the canary\./);
  await merged.fill('Priya: the deploy pipeline skipped the canary.\n\nAdmin: the canary stage was disabled in March. Nobody noticed.');
  await admin.getByRole('button', { name: 'Save merged text' }).click();
  await expect(admin.locator('[data-save-state]')).toHaveText(/Saved at/);

  const stored = await withDb((db) => db.query<{ body: string; version: number }>(`SELECT body, version FROM "PostmortemSection" WHERE id = $1`, [sectionId]));
  expect(stored.rows[0]).toEqual({ body: 'Priya: the deploy pipeline skipped the canary.\n\nAdmin: the canary stage was disabled in March. Nobody noticed.', version: 3 });
  const revisions = await withDb((db) => db.query(`SELECT version FROM "Revision" WHERE "entityId" = $1 ORDER BY version`, [sectionId]));
  expect(revisions.rows.map((r: { version: number }) => r.version)).toEqual([1, 2, 3]);

  // The history lists who saved what, newest first, with a diff.
  await admin.getByRole('link', { name: 'History' }).click();
  await expect(admin.getByRole('heading', { level: 2, name: 'History: Summary' })).toBeVisible();
  await expect(admin.getByRole('heading', { level: 3 }).first()).toHaveText('Version 3');
  await expectNoSeriousA11yViolations(admin);

  // Restoring Priya's version is itself a new revision.
  await admin.getByRole('button', { name: 'Restore version 2' }).click();
  await expect(admin.getByText('Restored revision 2 as version 4.')).toBeVisible();
  const restored = await withDb((db) => db.query<{ body: string; version: number }>(`SELECT body, version FROM "PostmortemSection" WHERE id = $1`, [sectionId]));
  expect(restored.rows[0]).toEqual({ body: 'Priya: the deploy pipeline skipped the canary.', version: 4 });
});
