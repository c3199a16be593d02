import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeBody } from './dispatch';
import { sendWebhook, USER_AGENT } from './http-send';
import { verifyBody } from './signature';
import { startReceiver, type TestReceiver } from './test-receiver';

let receiver: TestReceiver;
beforeAll(async () => (receiver = await startReceiver()));
afterAll(() => receiver.close());

describe('webhook envelope and signing', () => {
  it('serializes the stored envelope in the documented key order', () => {
    const stored = { data: { a: 1 }, team: { slug: 'acme' }, type: 'ping', id: 'e1', createdAt: '2026-03-01T00:00:00.000Z' };
    expect(envelopeBody(stored)).toBe('{"id":"e1","type":"ping","createdAt":"2026-03-01T00:00:00.000Z","team":{"slug":"acme"},"data":{"a":1}}');
  });

  it('POSTs the exact body with the event, delivery id and a signature the secret verifies', async () => {
    const body = envelopeBody({ id: 'e2', type: 'incident.created', createdAt: '2026-03-01T00:00:00.000Z', team: { slug: 'acme' }, data: { title: 'DB <b>down</b> “quoted”' } });
    const result = await sendWebhook(receiver.url, body, { event: 'incident.created', deliveryId: 'd-1', secret: 'whsec_test' });
    expect(result).toMatchObject({ ok: true, statusCode: 200, error: null, responseSnippet: 'ok' });
    const got = receiver.received.at(-1);
    expect(got?.body).toBe(body);
    expect(got?.headers).toMatchObject({ 'content-type': 'application/json', 'user-agent': USER_AGENT, 'x-hindsight-event': 'incident.created', 'x-hindsight-delivery': 'd-1' });
    expect(verifyBody('whsec_test', got?.body ?? '', String(got?.headers['x-hindsight-signature']))).toBe(true);
    expect(verifyBody('another', got?.body ?? '', String(got?.headers['x-hindsight-signature']))).toBe(false);
  });

  it('counts a redirect as a failure without following it, and keeps only the first 500 bytes of a reply', async () => {
    receiver.script({ status: 302, body: '', headers: { location: 'https://elsewhere.example/' } }, { status: 500, body: 'x'.repeat(5_000) });
    const redirected = await sendWebhook(receiver.url, '{}', { event: 'ping', deliveryId: 'd-2', secret: 's' });
    expect(redirected).toMatchObject({ ok: false, statusCode: 302, error: expect.stringMatching(/redirects are not followed/) });
    const failed = await sendWebhook(receiver.url, '{}', { event: 'ping', deliveryId: 'd-3', secret: 's' });
    expect(failed).toMatchObject({ ok: false, statusCode: 500, error: 'HTTP 500' });
    expect(failed.responseSnippet).toHaveLength(500);
  });

  it('reports a timeout and a dropped connection as errors without a status', async () => {
    receiver.script('hang', 'reset');
    const hung = await sendWebhook(receiver.url, '{}', { event: 'ping', deliveryId: 'd-4', secret: 's' }, 300);
    expect(hung).toMatchObject({ ok: false, statusCode: null, error: 'Timed out after 0.3 s' });
    const reset = await sendWebhook(receiver.url, '{}', { event: 'ping', deliveryId: 'd-5', secret: 's' });
    expect(reset).toMatchObject({ ok: false, statusCode: null });
    expect(reset.error).toBeTruthy();
  });
});
