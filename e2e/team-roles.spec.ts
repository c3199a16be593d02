import { execFile } from 'node:child_process';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { createTeamThroughForm, signUpAndSignIn, signUpThroughForm, uniqueTeam, uniqueUser, type TestUser, fillSignUpForm } from './support/auth';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Picks a role in a member's row and presses that row's Save button (admins only). */
async function chooseRole(page: Page, memberName: string, role: 'viewer' | 'editor' | 'admin') {
  await page.getByLabel(`Role for ${memberName}`, { exact: true }).selectOption(role);
  await page.getByRole('button', { name: `Save role for ${memberName}` }).click();
}

const ROLE_SAVED = 'Role saved. It applies from their next page load.';

function status(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

/** The sign-up form without signUpThroughForm's wait for /teams/new (an invitation brings the user back). */
async function signInThroughForm(page: Page, user: TestUser) {
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('invite a second user by link, change their role, and each role sees what it may do', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const admin = uniqueUser('admin');
  const invitee = uniqueUser('invitee');
  await signUpThroughForm(page, admin);
  const team = await createTeamThroughForm(page, uniqueTeam('Roles'));
  const members = `/t/${team.slug}/settings/members`;

  // The admin creates a viewer invite; the link is shown once, in a read-only field.
  await page.goto(members);
  await expect(page.getByLabel('Role', { exact: true })).toHaveValue('viewer');
  await page.getByRole('button', { name: 'Create invite link' }).click();
  await expect(status(page, 'Invite link created.')).toBeVisible();
  const linkField = page.getByLabel('Invite link (one-time use)');
  await expect(linkField).toHaveAttribute('readonly', '');
  await expect(linkField).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const link = await linkField.inputValue();
  expect(new URL(link).origin).toBe(new URL(baseURL ?? '').origin);
  await expect(page.getByRole('table', { name: 'Invites of this team' }).getByRole('row').nth(1)).toContainText('Pending');
  await expectNoSeriousA11yViolations(page);

  // A visitor in another browser opens it, creates an account, comes back to the invite, accepts.
  const second = await browser.newContext({ baseURL });
  const other = await second.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: `Join ${team.name}` })).toBeVisible();
  await expect(other.getByRole('main')).toContainText('as Viewer');
  await expectNoSeriousA11yViolations(other);
  await other.getByRole('link', { name: 'Create account' }).click();
  await expect(other).toHaveURL(/\/sign-up\?callbackUrl=%2Finvite%2F/);
  await fillSignUpForm(other, invitee);
  await other.waitForURL(link);
  await expect(other.getByRole('main')).toContainText(`Signed in as ${invitee.name}`);
  await other.getByRole('button', { name: `Accept and join ${team.name}` }).click();
  await expect(other).toHaveURL(new RegExp(`/t/${team.slug}/incidents$`));
  await expect(other.getByRole('button', { name: new RegExp(`Team: ${team.name}`) })).toBeVisible();

  // As a viewer: roles are read-only, no invite form; tokens and settings say they need an admin.
  await other.goto(members);
  const otherMain = other.getByRole('main');
  await expect(otherMain.getByText('Only admins can change roles or invite people.')).toBeVisible();
  await expect(otherMain.getByRole('row').filter({ hasText: invitee.email })).toContainText('Viewer');
  await expect(otherMain.getByRole('row').filter({ hasText: admin.email })).toContainText('Admin');
  await expect(otherMain.getByRole('combobox')).toHaveCount(0);
  await expect(otherMain.getByRole('button', { name: /^Save/ })).toHaveCount(0);
  await expect(otherMain.getByRole('heading', { name: 'Invite someone' })).toHaveCount(0);
  await expect(otherMain.getByRole('button', { name: 'Create invite link' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(other);
  await other.goto(`/t/${team.slug}/settings/tokens`);
  await expect(otherMain.getByRole('heading', { name: 'Only admins can manage API tokens' })).toBeVisible();
  await expect(otherMain.getByRole('button', { name: /create/i })).toHaveCount(0);
  await expectNoSeriousA11yViolations(other);
  await other.goto(`/t/${team.slug}/settings`);
  await expect(otherMain).toContainText('Team settings (members, API tokens and the audit log) need the admin role.');
  await expect(otherMain).toContainText(`Your role in ${team.name} is viewer`);
  await expect(otherMain.getByRole('link', { name: /^Members/ })).toHaveCount(0);

  // The admin makes them an editor: their next page load knows it, without signing in again.
  await page.goto(members);
  await chooseRole(page, invitee.name, 'editor');
  await expect(status(page, ROLE_SAVED)).toBeVisible();
  await other.reload();
  await expect(otherMain).toContainText(`Your role in ${team.name} is editor`);
  await other.goto(members);
  await expect(otherMain.getByRole('row').filter({ hasText: invitee.email })).toContainText('Editor');
  await expect(otherMain.getByRole('button', { name: 'Create invite link' })).toHaveCount(0);

  // Then an admin: the members page now offers the role pickers and the invite form.
  await page.reload();
  await expect(page.getByLabel(`Role for ${invitee.name}`, { exact: true })).toHaveValue('editor');
  await chooseRole(page, invitee.name, 'admin');
  await expect(status(page, ROLE_SAVED)).toBeVisible();
  await other.reload();
  await expect(otherMain.getByRole('heading', { name: 'Invite someone' })).toBeVisible();
  await expect(otherMain.getByRole('button', { name: 'Create invite link' })).toBeVisible();
  await expect(otherMain.getByRole('combobox', { name: /^Role for / })).toHaveCount(2);

  // The link worked once: a new visitor is told so; the team's invite list says Used.
  const third = await browser.newContext({ baseURL });
  const stranger = await third.newPage();
  await stranger.goto(link);
  await expect(stranger.getByRole('heading', { level: 1, name: 'This invite link was already used' })).toBeVisible();
  await expect(stranger.getByRole('button', { name: /Accept/ })).toHaveCount(0);
  await third.close();
  await page.reload();
  await expect(page.getByRole('table', { name: 'Invites of this team' }).getByRole('row').nth(1)).toContainText('Used');

  // The second admin demotes the first, who is not the last admin any more.
  await chooseRole(other, admin.name, 'viewer');
  await expect(status(other, ROLE_SAVED)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('main').getByText('Only admins can change roles or invite people.')).toBeVisible();
  await expect(page.getByRole('main').getByRole('combobox')).toHaveCount(0);

  // Now the second user is the last admin: they can neither demote themselves nor leave.
  await other.reload();
  await chooseRole(other, invitee.name, 'editor');
  await expect(status(other, 'A team needs at least one admin. Make another member admin first.')).toBeVisible();
  await other.getByRole('button', { name: `Leave ${team.name}` }).click();
  await other.getByRole('group', { name: `Leave ${team.name}?` }).getByRole('button', { name: 'Yes, leave the team' }).click();
  await expect(status(other, 'You are the last admin of this team. Make another member admin first.')).toBeVisible();
  await other.reload();
  await expect(other).toHaveURL(new RegExp(`${members}$`));
  await expect(otherMain.getByRole('row').filter({ hasText: invitee.email }).getByRole('combobox')).toHaveValue('admin');
  await second.close();
});

interface CliRun {
  code: number;
  stderr: string;
}

/** `npm run user -- <args>` against the e2e server's database (E2E_DB_URL, set by playwright.config.ts). */
function userCli(...args: string[]): Promise<CliRun> {
  const url = process.env.E2E_DB_URL;
  if (!url) throw new Error('E2E_DB_URL is not set (see playwright.config.ts)');
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/user.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } }, (error, _stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr });
    });
  });
}

test('a user disabled with npm run user is signed out on the next request and cannot sign in until enabled', async ({ page }) => {
  const { user, team } = await signUpAndSignIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();

  const disabled = await userCli('--disable', user.email);
  expect(disabled.code, disabled.stderr).toBe(0);
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signInThroughForm(page, user);
  await expect(page.getByRole('alert').filter({ hasText: 'This account is disabled' })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);

  const enabled = await userCli('--enable', user.email);
  expect(enabled.code, enabled.stderr).toBe(0);
  await signInThroughForm(page, user);
  await expect(page).toHaveURL(new RegExp(`/t/${team.slug}/incidents$`));
});
