import { expect, test, type Page } from '@playwright/test';
import { signUpAndSignIn } from './support/auth';

/** The headers a browser gets from the production server, and that the app works under them. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name!, values]));
}

function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(e.message));
  return violations;
}

test('pages send a nonce-based CSP without unsafe-inline scripts, and the security headers', async ({ request }) => {
  const first = await request.get('/sign-in');
  const second = await request.get('/sign-in');
  const csp = first.headers()['content-security-policy'] ?? '';
  const d = directives(csp);
  const scripts = d.get('script-src') ?? [];
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, csp).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'self'"]);
  // A fresh nonce per response, and every script of the page carries it.
  expect(second.headers()['content-security-policy']).not.toBe(csp);
  const html = await first.text();
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  for (const response of [first, await request.get('/api/health'), await request.get('/favicon.svg')]) {
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers()['x-frame-options']).toBe('DENY');
  }
  const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  expect((await request.get(asset!)).headers()['x-content-type-options']).toBe('nosniff');
});

test('the app runs under its CSP: no violation while signing up, navigating and using a form', async ({ page }) => {
  const violations = watchViolations(page);
  const { team } = await signUpAndSignIn(page);
  for (const path of ['incidents', 'metrics', 'review', 'actions']) {
    await page.goto(`/t/${team.slug}/${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  // A client-side interaction (hydrated React) still works: the compact menu opens.
  await page.goto(`/t/${team.slug}/incidents/new`);
  await page.getByRole('button', { name: /declare/i }).click();
  await expect(page.getByText(/title/i).first()).toBeVisible();
  expect(violations).toEqual([]);
});
