import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const SECTIONS = ['Incidents', 'Actions', 'Factors', 'Review', 'Metrics', 'Settings'] as const;

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('home page introduces Hindsight and passes an accessibility scan', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Hindsight/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the shell navigates every section, each honest about not being available yet', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/t/demo/incidents');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const section of SECTIONS) {
    await nav.getByRole('link', { name: section }).click();
    await expect(page).toHaveURL(new RegExp(`/t/demo/${section.toLowerCase()}$`));
    await expect(nav.getByRole('link', { name: section })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(/not available in this build yet/i);
    await expect(page).toHaveTitle(`${section} · Hindsight`);
  }
  await expectNoSeriousA11yViolations(page);
});

test('skip link and the compact menu work from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/t/demo/metrics');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

  const menu = page.getByRole('button', { name: /menu/i });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Factors' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await expectNoSeriousA11yViolations(page);
});

test('unknown pages get a friendly 404', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('link', { name: /home/i })).toBeVisible();
});
