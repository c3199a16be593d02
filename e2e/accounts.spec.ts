import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signInAs, signUpAndSignIn, uniqueTeam, uniqueUser } from './support/auth';

test.use({ timezoneId: 'Europe/Berlin' });

test('sign up, create a team, sign out and sign in again', async ({ page }) => {
  const user = uniqueUser('journey');
  const team = uniqueTeam('Journey');

  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  const password = page.getByLabel('Password');
  await password.fill('Password123!');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/common/);
  await expect(password).toBeFocused();
  await expect(page.getByLabel('Email')).toHaveValue(user.email);
  await expectNoSeriousA11yViolations(page);

  await password.fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/teams/new');

  // The address follows the name until edited; the time zone defaults to the browser's.
  await page.getByLabel('Team name').fill('Payments & Billing (EU)');
  await expect(page.getByLabel('Address')).toHaveValue('payments-billing-eu');
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Team name').fill(team.name);
  await page.getByLabel('Address').fill(team.slug);
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${team.slug}/incidents$`));
  await expect(page.getByRole('button', { name: new RegExp(`Team: ${team.name}`) })).toBeVisible();

  // Home sends a signed-in user to their team.
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/t/${team.slug}/incidents$`));

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto(`/t/${team.slug}/metrics`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password.' })).toBeVisible();
  await expect(page.getByLabel('Password')).toBeFocused();

  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${team.slug}(/|$)`));
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('"sign out everywhere" ends the other browser’s session on its next request', async ({ page, browser, baseURL }) => {
  const { user, team } = await signUpAndSignIn(page);

  const laptop = await browser.newPage({ baseURL });
  await signInAs(laptop, user.email, user.password);
  await laptop.goto(`/t/${team.slug}/incidents`);
  await expect(laptop.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();

  await page.goto('/account');
  await expect(page.getByRole('main')).toContainText(user.email);
  const teams = page.getByRole('region', { name: 'Teams' });
  await expect(teams.getByRole('listitem').filter({ hasText: team.name })).toContainText(/admin/i);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=everywhere$/);
  await expect(page.getByRole('status').filter({ hasText: 'signed out on every device' })).toBeVisible();

  await laptop.goto(`/t/${team.slug}/incidents`);
  await expect(laptop).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);

  // Signing in again works, and goes back where the user was headed.
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await laptop.close();
});

test('after ten failed sign-ins the form shows the block, even for the right password', async ({ page }) => {
  const { user } = await signUpAndSignIn(page);
  await page.context().clearCookies();
  await page.goto('/sign-in');
  // From the browser itself, so the failures count for the same address as the form below.
  const refusals = await page.evaluate(async (email) => {
    const errors: (string | null)[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
      const body = new URLSearchParams({ csrfToken, email, password: 'wrong-password-attempt', json: 'true' });
      const response = await fetch('/api/auth/callback/credentials', { method: 'POST', body });
      errors.push(new URL(((await response.json()) as { url: string }).url).searchParams.get('error'));
    }
    return errors;
  }, user.email);
  expect(refusals.slice(0, 9)).toEqual(Array(9).fill('Wrong email or password.'));
  expect(refusals[9]).toMatch(/^Too many failed sign-ins/);

  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /Too many failed sign-ins for this account from your address\. Try again in \d+ minutes\./ })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('sign-in links cannot send the session to another site, and unknown ?error= text is not shown', async ({ page }) => {
  const { user } = await signUpAndSignIn(page);
  await page.context().clearCookies();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent('https://evil.example/')}&error=${encodeURIComponent('Call 555-0100 to unlock')}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Signing in did not work' })).toBeVisible();
  await expect(page.getByText('555-0100')).toHaveCount(0);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/t\/[^/]+\/incidents$/);
});
