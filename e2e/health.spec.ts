import { expect, test } from '@playwright/test';

test('health answers without the database and ready confirms database and migrations', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  expect(health.headers()['x-request-id']).toBeTruthy();

  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready' });
});

// The database stopping under a running server (ready 503, then 200 again): database-outage.spec.ts.
