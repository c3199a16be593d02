import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signInAs } from './support/auth';
import { insertAction, insertIncident, insertMembership, insertReview, insertTeam, insertUser, withDb } from './support/fixtures-db';

/**
 * The weekly review agenda: seeded items show in their sections with links, a carried-over item
 * is marked, the Markdown export downloads, and a cadence change in the team settings shows on
 * the team's landing page.
 */
test('the agenda lists the seeded items, exports Markdown, and the review schedule shows on the team page', async ({ page }) => {
  const run = randomUUID().slice(0, 8);
  const password = `agenda ${run} passphrase`;
  const slug = `agenda-${run}`;
  const seeded = await withDb(async (db) => {
    const team = await insertTeam(db, slug);
    const admin = await insertUser(db, `admin-${run}@agenda.test`, password);
    await insertMembership(db, team, admin, 'admin');
    const fresh = await insertIncident(db, team, { title: `Checkout *errors* ${run}` });
    const review = await insertIncident(db, team, { title: `Cache stampede ${run}`, postmortemStatus: 'in_review' });
    await insertReview(db, review.id, admin, 'requested');
    // An action due long ago: overdue.
    await insertAction(db, team, fresh.id, { title: `Add a queue alert ${run}`, ownerId: admin, dueDate: '2020-01-01' });
    // An incident from a month ago, not reached in the last meeting (ended yesterday): carried over.
    const old = await insertIncident(db, team, { title: `Old outage ${run}` });
    await db.query(`UPDATE "Incident" SET "startedAt" = now() - interval '30 days' WHERE id = $1`, [old.id]);
    const meeting = randomUUID();
    await db.query(
      `INSERT INTO "ReviewMeeting"(id, "teamId", status, "heldAt", "endedAt", "periodStart", "periodEnd", "updatedAt")
       VALUES ($1, $2, 'ended', now() - interval '25 hours', now() - interval '1 day', now() - interval '8 days', now() - interval '1 day', now())`,
      [meeting, team],
    );
    await db.query(
      `INSERT INTO "MeetingItem"(id, "meetingId", key, kind, "refId", title, position, status, "updatedAt") VALUES ($1, $2, $3, 'incident', $4, 'Old outage', 0, 'carried_over', now())`,
      [randomUUID(), meeting, `incident:${old.id}`, old.id],
    );
    return { fresh, review, old };
  });
  await signInAs(page, `admin-${run}@agenda.test`, password);

  await page.goto(`/t/${slug}/review`);
  await expect(page.getByRole('heading', { level: 1, name: 'Weekly review agenda' })).toBeVisible();
  const section = (name: RegExp) => page.getByRole('region', { name });
  await expect(section(/^New incidents/).getByRole('link', { name: `INC-${seeded.fresh.number} Checkout *errors* ${run}` })).toHaveAttribute('href', `/t/${slug}/incidents/${seeded.fresh.number}`);
  const carried = section(/^New incidents/).getByRole('listitem').filter({ hasText: `Old outage ${run}` });
  await expect(carried.getByText('carried over', { exact: true })).toBeVisible();
  await expect(section(/^Post-mortems waiting for review/).getByRole('link', { name: `INC-${seeded.review.number} Cache stampede ${run}` })).toHaveAttribute(
    'href',
    `/t/${slug}/incidents/${seeded.review.number}/postmortem`,
  );
  await expect(section(/^Overdue actions/).getByRole('link', { name: `Add a queue alert ${run}` })).toBeVisible();
  await expect(section(/^Drills held/).getByText('No drill was held in this period.')).toBeVisible();
  await expect(section(/^Metrics/).getByText(/Median TTR/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start meeting' })).toHaveAttribute('href', `/t/${slug}/review/meetings/new`);
  await expect(page.getByRole('link', { name: 'Past meetings' })).toHaveAttribute('href', `/t/${slug}/review/meetings`);
  await expectNoSeriousA11yViolations(page);

  // The Markdown export downloads the same agenda, with absolute links and the title escaped.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export as Markdown' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^review-agenda-${slug}-\\d{4}-\\d{2}-\\d{2}\\.md$`));
  const markdown = fs.readFileSync((await download.path())!, 'utf8');
  const origin = new URL(page.url()).origin;
  expect(markdown).toContain('## New incidents (3)');
  expect(markdown).toContain(`- [INC-${seeded.fresh.number} Checkout \\*errors\\* ${run}](<${origin}/t/${slug}/incidents/${seeded.fresh.number}>)`);
  expect(markdown).toContain(`[INC-${seeded.old.number} Old outage ${run}](<${origin}/t/${slug}/incidents/${seeded.old.number}>) **(carried over)**`);

  // The schedule: Thursdays at 15:30 (UTC team); the team page shows the next one and the items waiting.
  await page.goto(`/t/${slug}/settings/review`);
  await page.getByLabel('Weekday').selectOption({ label: 'Thursday' });
  await page.getByLabel(/^Time/).fill('15:30');
  await page.getByRole('button', { name: 'Save the schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved: the review is on Thursdays at 15:30/ })).toBeVisible();

  await page.goto(`/t/${slug}`);
  const next = page.getByTestId('next-review');
  await expect(next).toContainText(/Next review: Thursday, \d{1,2} \w{3} \d{4}, 15:30/);
  await expect(next).toContainText(/\((today|tomorrow|in \d days), UTC\)/);
  await expect(next.getByRole('link', { name: '5 agenda items wait for it' })).toHaveAttribute('href', `/t/${slug}/review`);
});
