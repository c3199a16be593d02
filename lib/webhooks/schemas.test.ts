import { describe, expect, it } from 'vitest';
import { createEndpointSchema, updateEndpointSchema } from './schemas';

const messages = (input: unknown) => {
  const result = createEndpointSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('webhook endpoint schema', () => {
  it('accepts http(s) URLs and keeps the events in catalog order without duplicates', () => {
    const parsed = createEndpointSchema.parse({ url: ' https://hooks.example.com/x?a=1 ', events: ['action.overdue', 'incident.created', 'action.overdue'] });
    expect(parsed).toEqual({ url: 'https://hooks.example.com/x?a=1', description: '', events: ['incident.created', 'action.overdue'] });
    expect(createEndpointSchema.safeParse({ url: 'http://127.0.0.1:8080/hook', events: ['ping'] }).success).toBe(false);
  });

  it('refuses other schemes, credentials in the URL, over-long URLs and an empty event list', () => {
    expect(messages({ url: 'ftp://example.com', events: ['incident.created'] }).url).toMatch(/http/);
    expect(messages({ url: 'javascript:alert(1)', events: ['incident.created'] }).url).toMatch(/http/);
    expect(messages({ url: 'https://user:pw@example.com/', events: ['incident.created'] }).url).toMatch(/user name and password/);
    expect(messages({ url: 'not a url', events: ['incident.created'] }).url).toMatch(/full URL/);
    expect(messages({ url: `https://example.com/${'a'.repeat(2_000)}`, events: ['incident.created'] }).url).toMatch(/at most/);
    expect(messages({ url: 'https://example.com', events: [] }).events).toMatch(/at least one/);
    expect(messages({ url: 'https://example.com', events: ['incident.deleted'] })['events.0']).toMatch(/from the list/);
  });

  it('needs a version to update', () => {
    expect(updateEndpointSchema.safeParse({ url: 'https://example.com', events: ['incident.created'], enabled: false }).success).toBe(false);
    expect(updateEndpointSchema.parse({ url: 'https://example.com', events: ['incident.created'], enabled: false, version: '3' })).toMatchObject({ enabled: false, version: 3 });
  });
});
