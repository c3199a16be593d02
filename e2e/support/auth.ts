import { expect, type APIRequestContext, type Page } from '@playwright/test';

/**
 * Accounts for end-to-end tests. Every test makes its own user and team, so tests can run in
 * parallel against one server. Creating an account needs the sign-up page (it is a server
 * action); signing in afterwards goes through next-auth's API, not the form.
 */

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

export interface TestTeam {
  name: string;
  slug: string;
}

function token(): string {
  // Six base-36 characters; never spelling "menu", which the shell's menu button is found by.
  for (;;) {
    const value = Math.random().toString(36).slice(2, 8).padEnd(6, '0');
    if (!value.includes('menu')) return value;
  }
}

/** A user nobody else has: unique email, a password the policy accepts. */
export function uniqueUser(label = 'user'): TestUser {
  const id = `${Date.now().toString(36)}${token()}`;
  return { name: `E2E ${label} ${id.slice(-4)}`, email: `e2e-${label}-${id}@example.test`, password: `pass-${token()}-${token()}` };
}

/** A team name and address nobody else has. */
export function uniqueTeam(label = 'Team'): TestTeam {
  const id = token();
  return { name: `${label} ${id}`, slug: `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id}` };
}

/**
 * Signs the page's browser context in through next-auth's credentials endpoint (CSRF token
 * first, then the form post with json=true), using page.request so the session cookie lands in
 * the page's own cookie jar. Throws with next-auth's message when the sign-in is refused.
 */
export async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await signInRequest(page.request, email, password);
}

/** The same sign-in for a bare request context (API-level tests keep one cookie jar per persona). */
export async function signInRequest(request: APIRequestContext, email: string, password: string): Promise<void> {
  const csrf = await request.get('/api/auth/csrf');
  expect(csrf.ok(), 'GET /api/auth/csrf').toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
    maxRedirects: 0,
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url).searchParams.get('error') : 'no redirect URL in the response';
  if (error) throw new Error(`sign-in as ${email} refused (${response.status()}): ${error}`);
}

/** Creates the account through the sign-up form; the form signs the page in and opens /teams/new. */
export async function signUpThroughForm(page: Page, user: TestUser): Promise<void> {
  await page.goto('/sign-up');
  await fillSignUpForm(page, user);
  await page.waitForURL('**/teams/new');
}

/** Fills and submits the sign-up form already on the page (e.g. reached from an invite). */
export async function fillSignUpForm(page: Page, user: TestUser): Promise<void> {
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Creates a team through /teams/new (the signed-in user becomes its admin) and waits for its incidents page. */
export async function createTeamThroughForm(page: Page, team: TestTeam = uniqueTeam()): Promise<TestTeam> {
  if (!page.url().endsWith('/teams/new')) await page.goto('/teams/new');
  await page.getByLabel('Team name').fill(team.name);
  await page.getByLabel('Address').fill(team.slug);
  await page.getByRole('button', { name: 'Create team' }).click();
  await page.waitForURL(`**/t/${team.slug}/incidents`);
  return team;
}

export interface SignUpOptions {
  /** Fields to fix instead of generated ones (the rest stay unique). */
  user?: Partial<TestUser>;
  /** The team to create (default: a unique one). */
  team?: TestTeam;
}

/**
 * A fresh user, signed in in `page`, admin of a fresh team; ends on the team's incidents page.
 * For a user without a team use signUpThroughForm; for more browser contexts of a user, signInAs.
 */
export async function signUpAndSignIn(page: Page, options: SignUpOptions = {}): Promise<{ user: TestUser; team: TestTeam }> {
  const user = { ...uniqueUser(), ...options.user };
  await signUpThroughForm(page, user);
  const team = await createTeamThroughForm(page, options.team ?? uniqueTeam());
  return { user, team };
}
