import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { createTeamThroughForm, signUpAndSignIn, uniqueTeam } from './support/auth';

const SECTIONS = ['Incidents', 'Actions', 'Factors', 'Review', 'Metrics', 'Settings'] as const;

test('home page introduces Hindsight and passes an accessibility scan', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Hindsight/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create an account' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the API reference is public, links its OpenAPI document and passes an accessibility scan', async ({ page }) => {
  await page.goto('/docs/api');
  await expect(page).toHaveTitle('API reference · Hindsight');
  await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: /POST \/api\/v1\/incidents$/ }).click();
  await expect(page).toHaveURL(/#op-createIncident$/);
  await expect(page.getByRole('table', { name: 'Request body of POST /api/v1/incidents (JSON, CreateIncidentRequest)' })).toBeVisible();
  await expect(page.getByRole('link', { name: '/api/v1/openapi.json', exact: true })).toHaveAttribute('href', '/api/v1/openapi.json');
  // Every operation and shape is the same component: scan the page with the first of each (axe
  // over all of them took most of this test's time).
  await expectNoSeriousA11yViolations(page, { exclude: ['article[aria-labelledby^="op-"]:not([aria-labelledby="op-createIncident"])', '#shapes ~ * article:not(:first-of-type)'] });
});

test('the shell navigates every section of the user’s team', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { user, team } = await signUpAndSignIn(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByRole('button', { name: new RegExp(`Team: ${team.name}`) })).toBeVisible();
  await expect(page.getByText(user.email)).toBeVisible();
  for (const section of SECTIONS) {
    await nav.getByRole('link', { name: section }).click();
    await expect(page).toHaveURL(new RegExp(`/t/${team.slug}/${section.toLowerCase()}$`));
    await expect(nav.getByRole('link', { name: section })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
    await expect(page).toHaveTitle(`${section} · Hindsight`);
  }
  // The creator is the team's admin: the settings index links every admin page.
  const main = page.getByRole('main');
  for (const [name, path] of [['Members', 'members'], ['API tokens', 'tokens'], ['Audit log', 'audit']] as const)
    await expect(main.getByRole('link', { name: new RegExp(`^${name}`) })).toHaveAttribute('href', `/t/${team.slug}/settings/${path}`);
  await expectNoSeriousA11yViolations(page);
});

test('skip link, compact menu and team switcher work from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { team } = await signUpAndSignIn(page);
  const other = await createTeamThroughForm(page, uniqueTeam('Other'));
  await page.goto(`/t/${team.slug}/metrics`);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

  const menu = page.getByRole('button', { name: /menu/i });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Factors' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Account' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();

  const switcher = page.getByRole('button', { name: /switch team/i });
  await switcher.focus();
  await page.keyboard.press('Enter');
  await expect(switcher).toHaveAttribute('aria-expanded', 'true');
  const teams = page.getByRole('list', { name: 'Your teams' });
  await expect(teams.getByRole('link', { name: new RegExp(team.name) })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('link', { name: 'Create a team' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(switcher).toHaveAttribute('aria-expanded', 'false');
  await expect(switcher).toBeFocused();

  await page.keyboard.press('Enter');
  await teams.getByRole('link', { name: new RegExp(other.name) }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${other.slug}/incidents$`));
  await expect(page.getByRole('button', { name: new RegExp(`Team: ${other.name}`) })).toBeVisible();
});

test('team pages: visitors are sent to sign in, non-members get a 404', async ({ page, browser, baseURL }) => {
  const { team } = await signUpAndSignIn(page);

  const visitor = await browser.newPage({ baseURL });
  await visitor.goto(`/t/${team.slug}/incidents`);
  await expect(visitor).toHaveURL(/\/sign-in\?callbackUrl=/);
  await visitor.close();

  const outsider = await browser.newPage({ baseURL });
  await signUpAndSignIn(outsider);
  const response = await outsider.goto(`/t/${team.slug}/incidents`);
  expect(response?.status()).toBe(404);
  await outsider.close();
});

test('unknown pages get a friendly 404', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('link', { name: /home/i })).toBeVisible();
});
