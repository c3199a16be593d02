import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createTestTeam, type TestTeam } from '@/lib/teams/team-fixtures';
import { hmacSha256Hex, signBody } from '@/lib/webhooks/signature';
import { createIntegration, credentials, deliver, deliverSigned, teamSnapshot, type TestIntegration } from './alert-fixtures';
import { ALERT_AUTH_LIMIT } from './authenticate';
import amFiring from './fixtures/alertmanager-firing.json';
import pdTriggered from './fixtures/pagerduty-triggered.json';

let team: TestTeam;
let other: TestTeam;
const integrations: Record<'alertmanager' | 'pagerduty' | 'generic', TestIntegration> = {} as never;
const generic = { id: 'auth-1', status: 'firing', groupKey: 'g', title: 'Queue backlog', occurredAt: '2026-03-08T10:00:00Z' };
const REFUSED = { error: 'unauthenticated', message: expect.stringContaining('could not be authenticated') as unknown };

beforeAll(async () => {
  team = await createTestTeam('Alert auth');
  other = await createTestTeam('Alert auth other');
  integrations.alertmanager = await createIntegration(team.id, 'alertmanager');
  integrations.pagerduty = await createIntegration(team.id, 'pagerduty');
  integrations.generic = await createIntegration(team.id, 'generic');
  await createIntegration(other.id, 'generic', { enabled: false });
});

async function refused(response: Promise<Response>): Promise<void> {
  const r = await response;
  expect(r.status).toBe(401);
  expect(await r.json()).toMatchObject(REFUSED);
}

describe('alert webhook authentication', () => {
  it('refuses a bad signature or secret with 401 and records nothing', async () => {
    const before = await teamSnapshot(team.id);
    const pdBody = JSON.stringify(pdTriggered);
    await refused(deliver('pagerduty', team.slug, pdBody, { 'x-pagerduty-signature': `v1=${hmacSha256Hex('not the secret', pdBody)}` }));
    await refused(deliver('pagerduty', team.slug, pdBody, {}));
    // Signed, then changed: the signature covers the raw bytes.
    await refused(deliver('pagerduty', team.slug, `${pdBody} `, credentials('pagerduty', integrations.pagerduty.secret, pdBody)));
    const genericBody = JSON.stringify(generic);
    await refused(deliver('generic', team.slug, genericBody, { 'x-hindsight-signature': signBody('wrong', genericBody) }));
    await refused(deliver('alertmanager', team.slug, amFiring, { authorization: 'Bearer wrong-secret' }));
    await refused(deliver('alertmanager', team.slug, amFiring, {}));
    // Another source's secret is not this source's.
    await refused(deliver('alertmanager', team.slug, amFiring, { authorization: `Bearer ${integrations.generic.secret}` }));
    expect(await teamSnapshot(team.id)).toEqual(before);
  });

  it('gives an unknown team, a team without the integration and a disabled integration the same 401', async () => {
    const body = JSON.stringify(generic);
    const headers = credentials('generic', integrations.generic.secret, body);
    await refused(deliver('generic', 'no-such-team', body, headers));
    await refused(deliver('generic', '', body, headers));
    await refused(deliver('pagerduty', other.slug, body, credentials('pagerduty', integrations.pagerduty.secret, body)));
    const disabled = await db.alertIntegration.findFirstOrThrow({ where: { teamId: other.id }, select: { secret: true } });
    await refused(deliver('generic', other.slug, body, credentials('generic', disabled.secret, body)));
    expect(await db.incident.count({ where: { teamId: other.id } })).toBe(0);
  });

  it('accepts any of several PagerDuty signatures while a secret is rotated', async () => {
    const body = JSON.stringify({ ...pdTriggered, event: { ...pdTriggered.event, id: 'rotation-1' } });
    const header = `v1=${hmacSha256Hex('the old secret', body)}, v1=${hmacSha256Hex(integrations.pagerduty.secret, body)}`;
    const response = await deliver('pagerduty', team.slug, body, { 'x-pagerduty-signature': header });
    expect(response.status).toBe(202);
  });

  it('blocks an address after repeated failures for a team, even with the right secret', async () => {
    const body = JSON.stringify(generic);
    const ip = { 'x-forwarded-for': '192.0.2.77' };
    for (let i = 0; i < ALERT_AUTH_LIMIT.max - 1; i++) await refused(deliver('generic', team.slug, body, { ...ip, 'x-hindsight-signature': signBody('guess', body) }));
    const last = await deliver('generic', team.slug, body, { ...ip, 'x-hindsight-signature': signBody('guess', body) });
    expect(last.status).toBe(429);
    const good = await deliver('generic', team.slug, body, { ...ip, ...credentials('generic', integrations.generic.secret, body) });
    expect(good.status).toBe(429);
    expect(good.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('alert webhook request checks', () => {
  it('answers 422 with the reason for an unknown shape, invalid JSON or a non-JSON body', async () => {
    const { secret } = integrations.generic;
    const shape = await deliverSigned('generic', team.slug, secret, { ...generic, status: 'exploded' });
    expect(shape.status).toBe(422);
    expect(await shape.json()).toMatchObject({ error: 'validation_failed', message: 'status must be firing, acknowledged or resolved.', fields: [{ path: ['status'] }] });

    const am = await deliverSigned('alertmanager', team.slug, integrations.alertmanager.secret, { ...amFiring, version: '3' });
    expect(am.status).toBe(422);
    expect(await am.json()).toMatchObject({ fields: [{ path: ['version'], message: 'Alertmanager payload version must be "4".' }] });

    const notJson = await deliverSigned('generic', team.slug, secret, '{"id": ');
    expect(notJson.status).toBe(422);
    expect(await notJson.json()).toMatchObject({ message: 'The request body is not valid JSON.' });

    const raw = JSON.stringify(generic);
    const form = await deliver('generic', team.slug, raw, { ...credentials('generic', secret, raw), 'content-type': 'text/plain' });
    expect(form.status).toBe(422);
  });

  it('answers 404 for an unknown source and 413 for a body over 1 MiB', async () => {
    const unknown = await deliver('nagios', team.slug, generic, {});
    expect(unknown.status).toBe(404);
    const big = JSON.stringify({ ...generic, summary: 'x'.repeat(1024 * 1024) });
    const response = await deliver('generic', team.slug, big, credentials('generic', integrations.generic.secret, big));
    expect(response.status).toBe(413);
  });
});
