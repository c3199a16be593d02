import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import amFiring from './fixtures/alertmanager-firing.json';
import amOneResolved from './fixtures/alertmanager-one-resolved.json';
import pdAnnotated from './fixtures/pagerduty-annotated.json';
import pdTriggered from './fixtures/pagerduty-triggered.json';
import { normalizeAlerts, pagerdutySeverity } from './normalize';

const GROUP = '{}/{team="payments"}:{alertname="CheckoutErrorRate"}';

describe('normalizeAlerts', () => {
  it('maps an Alertmanager group to one event per alert, keyed by fingerprint, status and times', () => {
    const events = normalizeAlerts('alertmanager', amFiring);
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual({
      dedupKey: '5f1a2b3c4d5e6f70:firing:2026-03-08T14:02:11.512Z',
      groupKey: GROUP,
      effect: 'firing',
      status: 'firing',
      fingerprint: '5f1a2b3c4d5e6f70',
      title: 'CheckoutErrorRate: Checkout 5xx rate above 5%',
      severity: 'SEV1',
      services: ['checkout'],
      occurredAt: new Date('2026-03-08T14:02:11.512Z'),
      detail: 'checkout-1 answers 12% of requests with 5xx.',
      url: 'http://prometheus.example.test:9090/graph?g0.expr=checkout_5xx_ratio+%3E+0.05&g0.tab=1',
    });
    const resolved = normalizeAlerts('alertmanager', amOneResolved);
    expect(resolved[0]).toMatchObject({ effect: 'resolved', dedupKey: '5f1a2b3c4d5e6f70:resolved:2026-03-08T14:02:11.512Z:2026-03-08T14:31:11.512Z', occurredAt: new Date('2026-03-08T14:31:11.512Z') });
    // The alert still firing has the same key as in the first delivery: a replay, not a new event.
    expect(resolved[1]?.dedupKey).toBe(events[1]?.dedupKey);
  });

  it('takes the Alertmanager severity label, falling back to none for unknown values', () => {
    const withSeverity = (severity: string) => ({ ...amFiring, alerts: [{ ...amFiring.alerts[0], labels: { ...amFiring.alerts[0]!.labels, severity } }] });
    expect(normalizeAlerts('alertmanager', withSeverity('Warning'))[0]?.severity).toBe('SEV3');
    expect(normalizeAlerts('alertmanager', withSeverity('page'))[0]?.severity).toBe('SEV2');
    expect(normalizeAlerts('alertmanager', withSeverity('info'))[0]?.severity).toBe('SEV4');
    expect(normalizeAlerts('alertmanager', withSeverity('whatever'))[0]?.severity).toBeNull();
  });

  it('maps PagerDuty lifecycle events to the incident, other events to ignored', () => {
    expect(normalizeAlerts('pagerduty', pdTriggered)).toEqual([{
      dedupKey: '01DEN3HBKRV8XA4FQ9ZCP7TWY1',
      groupKey: 'Q2PDAQ4Y8M2R1X',
      effect: 'firing',
      status: 'firing',
      fingerprint: null,
      title: '#2417 API gateway p99 latency above 2s',
      severity: 'SEV2',
      services: ['API Gateway'],
      occurredAt: new Date('2026-03-08T09:15:02.410Z'),
      detail: '',
      url: 'https://acme.pagerduty.example/incidents/Q2PDAQ4Y8M2R1X',
    }]);
    expect(normalizeAlerts('pagerduty', pdAnnotated)[0]).toMatchObject({ effect: 'ignored', status: 'incident.annotated', groupKey: 'Q2PDAQ4Y8M2R1X' });
  });

  it('maps PagerDuty priority first, then urgency', () => {
    expect(pagerdutySeverity('P1', 'low')).toBe('SEV1');
    expect(pagerdutySeverity('P5', 'high')).toBe('SEV4');
    expect(pagerdutySeverity(undefined, 'high')).toBe('SEV2');
    expect(pagerdutySeverity('Custom', 'low')).toBe('SEV3');
    expect(pagerdutySeverity(undefined, null)).toBeNull();
  });

  it('reads the generic format', () => {
    const [event] = normalizeAlerts('generic', { id: 'd-1', status: 'acknowledged', groupKey: 'db', title: 'Primary DB down', severity: 'SEV1', services: ['db'], occurredAt: '2026-03-08T10:00:00+01:00' });
    expect(event).toMatchObject({ dedupKey: 'd-1', groupKey: 'db', effect: 'acknowledged', severity: 'SEV1', services: ['db'], occurredAt: new Date('2026-03-08T09:00:00Z') });
  });

  it('refuses unknown shapes with the path of the problem', () => {
    const issues = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        if (error instanceof ZodError) return error.issues.map((i) => i.path.join('.'));
      }
      return [];
    };
    expect(issues(() => normalizeAlerts('alertmanager', { ...amFiring, version: '3' }))).toEqual(['version']);
    expect(issues(() => normalizeAlerts('pagerduty', { event: { ...pdTriggered.event, data: { ...pdTriggered.event.data, title: undefined } } }))).toEqual(['event.data.title']);
    expect(issues(() => normalizeAlerts('generic', { id: 'x', status: 'exploded', groupKey: 'g', title: 't', occurredAt: '2026-03-08T10:00:00Z' }))).toEqual(['status']);
    expect(issues(() => normalizeAlerts('generic', { id: 'x', status: 'firing', groupKey: 'g', title: 't', occurredAt: '2026-03-08 10:00' }))).toEqual(['occurredAt']);
  });
});
