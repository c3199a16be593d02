import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { auditCount, createTestTeam, errorCode, type TestMember, type TestTeam } from '@/lib/teams/team-fixtures';
import { deliverSigned } from './alert-fixtures';
import { createIntegration, rotateIntegrationSecret, updateIntegrationSettings } from './mutations';
import { listIntegrations, listRecentAlertEvents } from './queries';

let team: TestTeam;
let admin: TestMember;
let editor: TestMember;
const alert = (id: string) => ({ id, status: 'firing', groupKey: 'settings', title: 'Settings check', occurredAt: '2026-03-08T10:00:00Z' });

beforeAll(async () => {
  team = await createTestTeam('Alert settings');
  admin = await team.add('admin', 'Ada Admin');
  editor = await team.add('editor', 'Ed Editor');
});

describe('alert integration settings', () => {
  it('are for admins only', async () => {
    expect(await errorCode(createIntegration(editor.actor, { source: 'generic' }))).toBe('FORBIDDEN');
    expect(await errorCode(listIntegrations(editor.actor))).toBe('FORBIDDEN');
    expect(await errorCode(listRecentAlertEvents(editor.actor))).toBe('FORBIDDEN');
    expect(await errorCode(updateIntegrationSettings(editor.actor, { source: 'generic', enabled: 'on', defaultSeverity: 'SEV3', version: 1 }))).toBe('FORBIDDEN');
  });

  it('create a generic integration with a generated secret that the route accepts, once per source', async () => {
    const { integration, secret } = await createIntegration(admin.actor, { source: 'generic' });
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(integration).toMatchObject({ source: 'generic', enabled: true, applyAcknowledged: false, applyResolved: false, defaultSeverity: 'SEV3', version: 1 });
    expect(integration).not.toHaveProperty('secret');
    expect((await deliverSigned('generic', team.slug, secret!, alert('s-1'))).status).toBe(202);
    expect(await errorCode(createIntegration(admin.actor, { source: 'generic' }))).toBe('CONFLICT');
    expect(await auditCount(team.id, 'alert_integration.create')).toBe(1);

    const events = await listRecentAlertEvents(admin.actor);
    expect(events).toEqual([expect.objectContaining({ source: 'generic', status: 'firing', outcome: 'opened', groupKey: 'settings', incident: { number: 1, title: 'Settings check' } })]);
    const sources = await listIntegrations(admin.actor);
    expect(sources.map((s) => [s.source, s.integration?.lastReceivedAt instanceof Date])).toEqual([['alertmanager', false], ['pagerduty', false], ['generic', true]]);
  });

  it('need the pasted signing secret for PagerDuty', async () => {
    const missing = createIntegration(admin.actor, { source: 'pagerduty', secret: '' });
    expect(await errorCode(missing)).toBe('ZodError');
    const { secret } = await createIntegration(admin.actor, { source: 'pagerduty', secret: '  whsec_pasted_from_pagerduty_0123456789  ' });
    expect(secret).toBeNull();
    const stored = await db.alertIntegration.findFirstOrThrow({ where: { teamId: team.id, source: 'pagerduty' }, select: { secret: true } });
    expect(stored.secret).toBe('whsec_pasted_from_pagerduty_0123456789');
  });

  it('rotate the secret: the old one stops working at once', async () => {
    const { integration, secret: old } = await createIntegration(admin.actor, { source: 'alertmanager' });
    const { secret } = await rotateIntegrationSecret(admin.actor, { source: 'alertmanager', version: integration.version });
    expect(secret).not.toBe(old);
    const firing = { version: '4', groupKey: 'k', status: 'firing', receiver: 'hindsight', alerts: [{ status: 'firing', labels: { alertname: 'Rotated' }, startsAt: '2026-03-08T10:00:00Z', fingerprint: 'abc123' }] };
    expect((await deliverSigned('alertmanager', team.slug, old!, firing)).status).toBe(401);
    expect((await deliverSigned('alertmanager', team.slug, secret!, firing)).status).toBe(202);
    expect(await errorCode(rotateIntegrationSecret(admin.actor, { source: 'alertmanager', version: integration.version }))).toBe('CONFLICT');
  });

  it('save settings at the version read; a stale version is a conflict; disabling refuses deliveries', async () => {
    const [, , generic] = await listIntegrations(admin.actor);
    const version = generic!.integration!.version;
    const saved = await updateIntegrationSettings(admin.actor, { source: 'generic', enabled: null, applyAcknowledged: 'on', applyResolved: 'on', defaultSeverity: 'SEV2', version: String(version) });
    expect(saved).toMatchObject({ enabled: false, applyAcknowledged: true, applyResolved: true, defaultSeverity: 'SEV2', version: version + 1 });
    expect(await errorCode(updateIntegrationSettings(admin.actor, { source: 'generic', enabled: 'on', defaultSeverity: 'SEV2', version }))).toBe('CONFLICT');
    const row = await db.alertIntegration.findFirstOrThrow({ where: { teamId: team.id, source: 'generic' }, select: { secret: true } });
    expect((await deliverSigned('generic', team.slug, row.secret, alert('s-2'))).status).toBe(401);
    expect(await auditCount(team.id, 'alert_integration.update')).toBe(1);
  });
});
