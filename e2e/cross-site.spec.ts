import { expect, test } from '@playwright/test';
import { signInRequest } from './support/auth';

// Browsers send Origin and Sec-Fetch-Site on form posts; another site's post must not act with a user's cookies.
test('cross-site form posts are refused before any handler runs', async ({ request, baseURL }) => {
  const form = { email: 'demo@hindsight.local', password: 'hindsight-demo', csrfToken: 'x' };
  const evilOrigin = await request.post('/api/auth/callback/credentials', { form, headers: { origin: 'https://evil.example' }, maxRedirects: 0 });
  expect(evilOrigin.status()).toBe(403);
  expect(await evilOrigin.json()).toEqual({ error: 'forbidden', message: 'Cross-site requests are not accepted.' });

  const crossSite = await request.post('/sign-up', { form: { name: 'x' }, headers: { 'sec-fetch-site': 'cross-site' }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);

  const nullOrigin = await request.post('/api/auth/signout', { form: {}, headers: { origin: 'null' }, maxRedirects: 0 });
  expect(nullOrigin.status()).toBe(403);

  // The same origin gets through to the handler (next-auth answers the missing CSRF token itself).
  const sameOrigin = await request.post('/api/auth/callback/credentials', { form, headers: { origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  expect(sameOrigin.status()).not.toBe(403);
});

test('the session cookie is HttpOnly and SameSite=Lax (Secure when APP_URL is https)', async ({ playwright, baseURL }) => {
  const context = await playwright.request.newContext({ baseURL });
  await signInRequest(context, 'demo@hindsight.local', 'hindsight-demo');
  const { cookies } = await context.storageState();
  const session = cookies.find((c) => c.name === 'next-auth.session-token');
  expect(session, 'session cookie set').toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
  expect(session!.secure).toBe(false); // served over plain http here
  await context.dispose();
});
