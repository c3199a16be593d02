import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createTestTeam, type TestTeam } from '@/lib/teams/team-fixtures';
import { createIntegration, deliverSigned, teamSnapshot, type DeliveryBody, type TestIntegration } from './alert-fixtures';
import amFiring from './fixtures/alertmanager-firing.json';
import amOneResolved from './fixtures/alertmanager-one-resolved.json';
import amResolved from './fixtures/alertmanager-resolved.json';
import pdAcknowledged from './fixtures/pagerduty-acknowledged.json';
import pdAnnotated from './fixtures/pagerduty-annotated.json';
import pdResolved from './fixtures/pagerduty-resolved.json';
import pdTriggered from './fixtures/pagerduty-triggered.json';
import { alertDeliveryResponseSchema } from './schemas';

const incidentOf = (teamId: string, number: number) =>
  db.incident.findUniqueOrThrow({
    where: { teamId_number: { teamId, number } },
    select: {
      id: true, title: true, severity: true, status: true, version: true, startedAt: true, detectedAt: true, acknowledgedAt: true, resolvedAt: true,
      alertSource: true, alertGroupKey: true, createdById: true, services: { select: { service: { select: { name: true } } } },
      timeline: { orderBy: [{ occurredAt: 'asc' }, { createdAt: 'asc' }], select: { kind: true, body: true, occurredAt: true } },
    },
  });

async function results(response: Response, status: number): Promise<DeliveryBody['results']> {
  expect(response.status).toBe(status);
  // The documented response shape (the OpenAPI document uses the same schema).
  return alertDeliveryResponseSchema.parse(await response.json()).results;
}

/** An endpoint subscribed to both events, so the outbox rows show which events were queued. */
async function subscribe(teamId: string): Promise<void> {
  await db.webhookEndpoint.create({ data: { teamId, url: 'https://hooks.example.test/in', events: ['incident.created', 'incident.resolved'], secret: 'endpoint secret' } });
}
const outbox = (teamId: string) => db.webhookDelivery.findMany({ where: { teamId }, orderBy: { createdAt: 'asc' }, select: { event: true } }).then((rows) => rows.map((r) => r.event));

describe('Alertmanager deliveries', () => {
  let team: TestTeam;
  let am: TestIntegration;
  beforeAll(async () => {
    team = await createTestTeam('Alertmanager');
    am = await createIntegration(team.id, 'alertmanager');
    await subscribe(team.id);
  });

  it('open an incident for a firing group, keep it open while one alert fires, resolve when all are resolved; replays change nothing', async () => {
    const opened = await results(await deliverSigned('alertmanager', team.slug, am.secret, amFiring), 202);
    expect(opened.map((r) => r.outcome)).toEqual(['opened', 'attached']);
    expect(opened[0]?.incident).toEqual({ number: 1, url: `http://hindsight.test/t/${team.slug}/incidents/1` });
    expect(opened[1]?.incident?.number).toBe(1);

    let incident = await incidentOf(team.id, 1);
    expect(incident).toMatchObject({
      title: 'CheckoutErrorRate: Checkout 5xx rate above 5%', severity: 'SEV1', status: 'active', version: 1, createdById: null,
      startedAt: new Date('2026-03-08T14:02:11.512Z'), detectedAt: new Date('2026-03-08T14:02:11.512Z'), resolvedAt: null,
      alertSource: 'alertmanager', alertGroupKey: amFiring.groupKey,
    });
    expect(incident.services.map((s) => s.service.name)).toEqual(['checkout']);
    expect(incident.timeline.map((t) => t.kind)).toEqual(['detection', 'detection']);
    expect(incident.timeline[0]?.body).toContain('checkout-1 answers 12% of requests with 5xx.');
    expect(incident.timeline[0]?.body).toContain('Source: http://prometheus.example.test:9090/graph');
    expect(await outbox(team.id)).toEqual(['incident.created']);

    const afterOpen = await teamSnapshot(team.id);
    const replay = await results(await deliverSigned('alertmanager', team.slug, am.secret, amFiring), 200);
    expect(replay.map((r) => [r.outcome, r.incident?.number])).toEqual([['duplicate', 1], ['duplicate', 1]]);
    expect(await teamSnapshot(team.id)).toEqual(afterOpen);

    const one = await results(await deliverSigned('alertmanager', team.slug, am.secret, amOneResolved), 202);
    expect(one.map((r) => r.outcome)).toEqual(['resolved', 'duplicate']);
    incident = await incidentOf(team.id, 1);
    expect(incident).toMatchObject({ resolvedAt: null, status: 'active', version: 1 });
    expect(incident.timeline.at(-1)).toMatchObject({ kind: 'resolution', occurredAt: new Date('2026-03-08T14:31:11.512Z') });
    expect(incident.timeline.at(-1)?.body).toContain('1 other alert is still firing');

    const all = await results(await deliverSigned('alertmanager', team.slug, am.secret, amResolved), 202);
    expect(all.map((r) => r.outcome)).toEqual(['duplicate', 'resolved']);
    incident = await incidentOf(team.id, 1);
    expect(incident).toMatchObject({ resolvedAt: new Date('2026-03-08T14:36:41.090Z'), status: 'resolved', version: 2 });
    expect(await outbox(team.id)).toEqual(['incident.created', 'incident.resolved']);
    expect(await db.auditLog.count({ where: { teamId: team.id, action: 'alert.resolve', entityId: incident.id, actorId: null, actorToken: null } })).toBe(1);

    const done = await teamSnapshot(team.id);
    for (const body of [amFiring, amOneResolved, amResolved]) {
      const again = await results(await deliverSigned('alertmanager', team.slug, am.secret, body), 200);
      expect(again.every((r) => r.outcome === 'duplicate')).toBe(true);
    }
    expect(await teamSnapshot(team.id)).toEqual(done);
  });

  it('opens a new incident when the group fires again after it was resolved', async () => {
    const refire = { ...amFiring, alerts: [{ ...amFiring.alerts[0]!, startsAt: '2026-03-09T08:00:00.000Z' }] };
    const [result] = await results(await deliverSigned('alertmanager', team.slug, am.secret, refire), 202);
    expect(result).toMatchObject({ outcome: 'opened', incident: { number: 2 } });
  });
});

describe('PagerDuty deliveries', () => {
  let team: TestTeam;
  let pd: TestIntegration;
  beforeAll(async () => {
    team = await createTestTeam('PagerDuty');
    pd = await createIntegration(team.id, 'pagerduty');
    await subscribe(team.id);
  });

  it('triggered opens, acknowledged and resolved set the times, annotated is recorded and ignored; replays change nothing', async () => {
    const [opened] = await results(await deliverSigned('pagerduty', team.slug, pd.secret, pdTriggered), 202);
    expect(opened).toEqual({ dedupKey: pdTriggered.event.id, outcome: 'opened', incident: { number: 1, url: `http://hindsight.test/t/${team.slug}/incidents/1` } });
    let incident = await incidentOf(team.id, 1);
    expect(incident).toMatchObject({
      title: '#2417 API gateway p99 latency above 2s', severity: 'SEV2', status: 'active', alertSource: 'pagerduty', alertGroupKey: 'Q2PDAQ4Y8M2R1X',
      startedAt: new Date('2026-03-08T09:15:02.410Z'), detectedAt: new Date('2026-03-08T09:15:02.410Z'), acknowledgedAt: null,
    });
    expect(incident.services.map((s) => s.service.name)).toEqual(['API Gateway']);

    const [ack] = await results(await deliverSigned('pagerduty', team.slug, pd.secret, pdAcknowledged), 202);
    expect(ack?.outcome).toBe('acknowledged');
    incident = await incidentOf(team.id, 1);
    expect(incident).toMatchObject({ acknowledgedAt: new Date('2026-03-08T09:19:40.007Z'), version: 2 });

    const [note] = await results(await deliverSigned('pagerduty', team.slug, pd.secret, pdAnnotated), 202);
    expect(note).toEqual({ dedupKey: pdAnnotated.event.id, outcome: 'ignored', incident: null });
    expect(await db.alertEvent.findFirst({ where: { teamId: team.id, dedupKey: pdAnnotated.event.id }, select: { status: true, outcome: true } })).toEqual({ status: 'incident.annotated', outcome: 'ignored' });

    const [resolved] = await results(await deliverSigned('pagerduty', team.slug, pd.secret, pdResolved), 202);
    expect(resolved?.outcome).toBe('resolved');
    incident = await incidentOf(team.id, 1);
    expect(incident).toMatchObject({ resolvedAt: new Date('2026-03-08T10:02:55.318Z'), status: 'resolved', version: 3 });
    expect(incident.timeline.map((t) => t.kind)).toEqual(['detection', 'action', 'resolution']);
    expect(await outbox(team.id)).toEqual(['incident.created', 'incident.resolved']);

    const done = await teamSnapshot(team.id);
    for (const body of [pdTriggered, pdAcknowledged, pdAnnotated, pdResolved]) {
      const [again] = await results(await deliverSigned('pagerduty', team.slug, pd.secret, body), 200);
      expect(again).toMatchObject({ outcome: 'duplicate', incident: body === pdAnnotated ? null : { number: 1 } });
    }
    expect(await teamSnapshot(team.id)).toEqual(done);
  });

  it('an acknowledgement timed before the detection is clamped to it, with a note', async () => {
    const id = 'PCLAMP1';
    const data = { ...pdTriggered.event.data, id };
    await deliverSigned('pagerduty', team.slug, pd.secret, { event: { ...pdTriggered.event, id: 'clamp-trigger', data } });
    const early = { event: { ...pdAcknowledged.event, id: 'clamp-ack', occurred_at: '2026-03-08T09:00:00Z', data: { ...data, status: 'acknowledged' } } };
    const [ack] = await results(await deliverSigned('pagerduty', team.slug, pd.secret, early), 202);
    const incident = await incidentOf(team.id, ack!.incident!.number);
    expect(incident.acknowledgedAt).toEqual(new Date('2026-03-08T09:15:02.410Z'));
    expect(incident.timeline.find((t) => t.kind === 'action')?.body).toContain('cannot be before detection');
  });
});

describe('integration settings', () => {
  it('with applyAcknowledged and applyResolved off, acknowledge and resolve only add timeline entries', async () => {
    const team = await createTestTeam('Timeline only');
    const generic = await createIntegration(team.id, 'generic', { applyAcknowledged: false, applyResolved: false });
    const alert = { groupKey: 'db-primary', title: 'Primary database unreachable', severity: 'SEV1', services: ['postgres'], summary: 'Health check failed 3 times.' };
    const [opened] = await results(await deliverSigned('generic', team.slug, generic.secret, { ...alert, id: 'g-1', status: 'firing', occurredAt: '2026-03-08T11:00:00+01:00' }), 202);
    expect(opened?.outcome).toBe('opened');
    await deliverSigned('generic', team.slug, generic.secret, { ...alert, id: 'g-2', status: 'acknowledged', occurredAt: '2026-03-08T10:05:00Z' });
    const [resolved] = await results(await deliverSigned('generic', team.slug, generic.secret, { ...alert, id: 'g-3', status: 'resolved', occurredAt: '2026-03-08T10:30:00Z' }), 202);
    expect(resolved?.outcome).toBe('resolved');
    const incident = await incidentOf(team.id, 1);
    expect(incident).toMatchObject({ severity: 'SEV1', startedAt: new Date('2026-03-08T10:00:00Z'), acknowledgedAt: null, resolvedAt: null, status: 'active', version: 1 });
    expect(incident.timeline.map((t) => t.kind)).toEqual(['detection', 'action', 'resolution']);
    expect(incident.timeline[0]?.body).toContain('Health check failed 3 times.');
    // Still open: the next firing alert of the group attaches to it.
    const [again] = await results(await deliverSigned('generic', team.slug, generic.secret, { ...alert, id: 'g-4', status: 'firing', occurredAt: '2026-03-08T10:40:00Z' }), 202);
    expect(again).toMatchObject({ outcome: 'attached', incident: { number: 1 } });
  });

  it('uses the default severity when the alert carries none it understands', async () => {
    const team = await createTestTeam('Defaults');
    const generic = await createIntegration(team.id, 'generic');
    await db.alertIntegration.update({ where: { id: generic.id }, data: { defaultSeverity: 'SEV4' } });
    await deliverSigned('generic', team.slug, generic.secret, { id: 'd-1', status: 'firing', groupKey: 'disk', title: 'Disk 91% full', occurredAt: '2026-03-08T10:00:00Z' });
    expect((await incidentOf(team.id, 1)).severity).toBe('SEV4');
  });
});

describe('concurrent deliveries', () => {
  it('the same delivery twice at once opens one incident; the other is a duplicate', async () => {
    const team = await createTestTeam('Concurrent');
    const generic = await createIntegration(team.id, 'generic');
    const body = { id: 'c-1', status: 'firing', groupKey: 'api', title: 'API down', occurredAt: '2026-03-08T10:00:00Z' };
    const responses = await Promise.all([deliverSigned('generic', team.slug, generic.secret, body), deliverSigned('generic', team.slug, generic.secret, body)]);
    const outcomes = (await Promise.all(responses.map((r) => r.json() as Promise<DeliveryBody>))).map((b) => b.results[0]?.outcome);
    expect(outcomes.sort()).toEqual(['duplicate', 'opened']);
    expect(await db.incident.count({ where: { teamId: team.id } })).toBe(1);
    expect(await db.alertEvent.count({ where: { teamId: team.id } })).toBe(1);
  });

  it('two different alerts of one group at once share one incident', async () => {
    const team = await createTestTeam('Concurrent group');
    const pd = await createIntegration(team.id, 'pagerduty');
    const second = { event: { ...pdTriggered.event, id: 'reopen-1', event_type: 'incident.reopened' } };
    const responses = await Promise.all([deliverSigned('pagerduty', team.slug, pd.secret, pdTriggered), deliverSigned('pagerduty', team.slug, pd.secret, second)]);
    const outcomes = (await Promise.all(responses.map((r) => r.json() as Promise<DeliveryBody>))).map((b) => b.results[0]?.outcome);
    expect(outcomes.sort()).toEqual(['attached', 'opened']);
    expect(await db.incident.count({ where: { teamId: team.id } })).toBe(1);
  });
});
