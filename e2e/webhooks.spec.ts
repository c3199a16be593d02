import { expect, test } from '@playwright/test';
import { verifyBody } from '../lib/webhooks/signature';
import { startReceiver } from '../lib/webhooks/test-receiver';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signUpAndSignIn } from './support/auth';

test('an admin registers a webhook endpoint, sends a test event, and finds it in the delivery log', async ({ page }) => {
  const receiver = await startReceiver('/hindsight');
  try {
    const { team } = await signUpAndSignIn(page);
    await page.goto(`/t/${team.slug}/settings/webhooks`);
    await expect(page.getByRole('heading', { name: 'No webhook endpoints yet' })).toBeVisible();

    await page.getByLabel('Payload URL').fill(receiver.url);
    await page.getByLabel('Description (optional)').fill('Chat bridge');
    await page.getByLabel(/Action item overdue/).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Added the endpoint ${receiver.url}.` })).toBeVisible();
    const secret = await page.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByText('Events: incident.created, incident.resolved, action.overdue')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Send test event to Chat bridge' }).click();
    await expect(page.getByText(/Test event delivered: the endpoint answered 200/)).toBeVisible();
    const [ping] = receiver.received;
    expect(ping?.headers['x-hindsight-event']).toBe('ping');
    expect(verifyBody(secret, ping?.body ?? '', String(ping?.headers['x-hindsight-signature']))).toBe(true);

    await page.getByRole('link', { name: 'Delivery log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Webhook deliveries' })).toBeVisible();
    const row = page.getByRole('table').getByRole('row').nth(1);
    await expect(row).toContainText('ping');
    await expect(row).toContainText('Delivered');
    await row.getByText('1 attempt').click();
    await expect(row.getByRole('listitem')).toContainText('200');
    await expectNoSeriousA11yViolations(page);
  } finally {
    await receiver.close();
  }
});
