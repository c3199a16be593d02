import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signInAs } from './support/auth';
import { insertFactor, insertIncident, insertIncidentFactor, insertMembership, insertTeam, insertUser, withDb } from './support/fixtures-db';

/**
 * Contributing factors, as an admin of a fresh team: link an existing factor from the fuzzy
 * suggestions by keyboard, create a new one from the same combobox, then merge a duplicate on
 * the factor page and see its incident links follow to the survivor. Axe scans the incident's
 * Factors tab, the catalog and the factor page.
 */
const PASSWORD = 'factors journey passphrase';

test('link by keyboard, create from the combobox, merge a duplicate and see the links follow', async ({ page }) => {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const slug = `factors-${id}`;
  const email = `admin-${id}@factors.test`;
  const survivor = 'Missing alerting on queue depth';
  const duplicate = 'Queue depth never alerted';
  await withDb(async (db) => {
    const team = await insertTeam(db, slug);
    await insertMembership(db, team, await insertUser(db, email, PASSWORD), 'admin');
    const first = await insertIncident(db, team, { title: 'Orders stuck in the queue' });
    // 30 days before the second: once both name the same factor, it recurred.
    await db.query(`UPDATE "Incident" SET "startedAt" = "startedAt" - interval '30 days' WHERE id = $1`, [first.id]);
    const second = await insertIncident(db, team, { title: 'Invoices delayed' });
    await insertFactor(db, team, survivor);
    await insertIncidentFactor(db, second.id, await insertFactor(db, team, duplicate), 'Nobody was paged while the backlog grew.');
  });
  await signInAs(page, email, PASSWORD);

  // 1. Link the existing factor through the suggestions, keyboard only.
  await page.goto(`/t/${slug}/incidents/1/factors`);
  await expect(page.getByRole('navigation', { name: 'Incident' }).getByRole('link', { name: 'Factors' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('No contributing factors linked yet')).toBeVisible();
  const combo = page.getByRole('combobox', { name: 'Factor' });
  await combo.fill('missing alert');
  const listbox = page.getByRole('listbox', { name: 'Matching factors' });
  await expect(listbox.getByRole('option', { name: new RegExp(survivor) })).toBeVisible();
  await combo.press('ArrowDown');
  await expect(combo).toHaveAttribute('aria-activedescendant', /option-0/);
  await expect(listbox.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await combo.press('Enter');
  await expect(combo).toHaveValue(survivor);
  await expect(page.getByText(`Linking the existing factor “${survivor}”`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('How it contributed').fill('The queue grew for an hour before anyone looked.');
  await page.getByRole('button', { name: 'Link factor' }).click();
  const linked = page.getByRole('list', { name: 'Linked factors' });
  await expect(linked.getByRole('heading', { name: survivor })).toBeVisible();
  await expect(linked).toContainText('The queue grew for an hour');

  // 2. A new name: the last option creates it, with a category.
  await combo.fill('Consumer autoscaling lag');
  const create = listbox.getByRole('option', { name: 'Create new factor “Consumer autoscaling lag”' });
  await expect(create).toBeVisible();
  await combo.press('ArrowUp');
  await expect(create).toHaveAttribute('aria-selected', 'true');
  await combo.press('Enter');
  await page.getByLabel('Category of the new factor').selectOption('process');
  await page.getByLabel('How it contributed').fill('Consumers scaled up ten minutes after the backlog began.');
  await page.getByRole('button', { name: 'Link factor' }).click();
  await expect(linked.getByRole('heading', { name: 'Consumer autoscaling lag' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // 3. The catalog lists both; merge the duplicate into the survivor on its factor page.
  await page.goto(`/t/${slug}/factors`);
  await expect(page.getByRole('heading', { level: 1, name: 'Contributing factors' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Consumer autoscaling lag' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: duplicate }).click();
  await expect(page.getByRole('heading', { level: 1, name: duplicate })).toBeVisible();
  await expect(page.getByRole('img', { name: /Incidents per month/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Invoices delayed/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByText('Merge into another factor').click();
  await page.getByLabel('Factor to keep').selectOption({ label: survivor });
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: survivor })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Merged' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Invoices delayed/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Orders stuck in the queue/ })).toBeVisible();

  // 4. The second incident's link now names the survivor, with its explanation kept.
  await page.goto(`/t/${slug}/incidents/2/factors`);
  await expect(linked.getByRole('heading', { name: survivor })).toBeVisible();
  await expect(linked.getByRole('heading', { name: duplicate })).toHaveCount(0);
  await expect(linked).toContainText('Nobody was paged while the backlog grew.');

  // 5. After the merge both incidents name the survivor, 30 days apart: a recurrence, on both sides.
  const recurrence = page.getByRole('region', { name: 'Recurring contributing factors' });
  await expect(recurrence).toContainText(`“${survivor}” also contributed to INC-1 (Orders stuck in the queue), 30 days earlier.`);
  await expect(recurrence).toContainText('INC-1 had no action item for this factor.');
  await page.goto(`/t/${slug}/incidents/1`);
  await expect(page.getByRole('region', { name: 'Recurring contributing factors' })).toContainText(`“${survivor}” recurred in INC-2.`);
  await expectNoSeriousA11yViolations(page);
  await page.goto(`/t/${slug}/factors?archived=true`);
  await expect(page.getByRole('link', { name: duplicate })).toHaveCount(0);
});

test('creates an action for a factor from its page, and the factor page lists it', async ({ page }) => {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const slug = `factor-actions-${id}`;
  const email = `editor-${id}@factors.test`;
  const name = 'Runbook for failover is out of date';
  let factorId = '';
  await withDb(async (db) => {
    const team = await insertTeam(db, slug);
    await insertMembership(db, team, await insertUser(db, email, PASSWORD), 'editor');
    const incident = await insertIncident(db, team, { title: 'Failover took an hour' });
    factorId = await insertFactor(db, team, name);
    await insertIncidentFactor(db, incident.id, factorId, 'The steps named a cluster that no longer exists.');
  });
  await signInAs(page, email, PASSWORD);
  await page.goto(`/t/${slug}/factors/${factorId}`);
  await page.getByRole('link', { name: 'Add an action for this factor to INC-1' }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/incidents/1/actions\\?factor=`));
  const form = page.getByRole('region', { name: 'New action for a contributing factor' });
  await expect(form.getByLabel('Factor it addresses')).toHaveValue(factorId);
  await form.getByLabel('Title').fill('Rewrite the failover runbook and rehearse it');
  await form.getByRole('button', { name: /create action|add action/i }).click();
  await expect(page.getByText('Rewrite the failover runbook and rehearse it').first()).toBeVisible();
  await page.goto(`/t/${slug}/factors/${factorId}`);
  await expect(page.getByRole('region', { name: 'Action items addressing it' })).toContainText('Rewrite the failover runbook and rehearse it');
});
