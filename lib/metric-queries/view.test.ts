import { describe, expect, it } from 'vitest';
import { parseView, viewPeriods, viewQuery } from './view';

const iso = (ms: number) => new Date(ms).toISOString();

describe('dashboard view in the URL', () => {
  it('defaults to the last 13 weeks of incidents by week', () => {
    const { view, errors } = parseView({});
    expect(view).toEqual({ range: '13w', bucket: 'week', severities: [], service: null, kind: 'incident' });
    expect(errors).toEqual({});
    expect(viewQuery(view)).toBe('');
  });

  it('round-trips a shared view through its query string', () => {
    const { view } = parseView({ range: 'custom', from: '2026-01-01', to: '2026-03-31', bucket: 'month', severity: 'sev1,SEV2', service: 'api', kind: 'drill' });
    const again = parseView(Object.fromEntries(new URLSearchParams(viewQuery(view).slice(1))));
    expect(again.view).toEqual(view);
  });

  it('reports and drops bad parameters, keeping the rest', () => {
    const { view, errors } = parseView({ range: '7y', bucket: 'month', severity: 'SEV9' });
    expect(view.bucket).toBe('month');
    expect(view.range).toBe('13w');
    expect(Object.keys(errors).sort()).toEqual(['range', 'severity']);
  });

  it('falls back to 13 weeks when a custom range is incomplete or reversed', () => {
    expect(parseView({ range: 'custom', from: '2026-01-01' }).view.range).toBe('13w');
    expect(parseView({ range: 'custom', from: '2026-03-01', to: '2026-01-01' }).errors.to).toBeDefined();
  });

  it('starts presets on a local Monday and compares with the same length before', () => {
    const now = Date.parse('2026-03-31T12:00:00Z'); // a Tuesday, summer time in Berlin since Sunday
    const { current, previous } = viewPeriods(parseView({ range: '4w' }).view, 'Europe/Berlin', now);
    expect(iso(current.from)).toBe('2026-03-08T23:00:00.000Z'); // Monday 9 March 00:00 CET
    expect(current.to).toBe(now);
    expect(iso(previous.from)).toBe('2026-02-08T23:00:00.000Z');
    expect(previous.to).toBe(current.from);
    expect(previous.bucket).toBe('none');
  });

  it('takes custom days in the team zone, both inclusive', () => {
    const { current } = viewPeriods(parseView({ from: '2026-01-01', to: '2026-01-31' }).view, 'America/Los_Angeles', Date.parse('2026-06-01T00:00:00Z'));
    expect(iso(current.from)).toBe('2026-01-01T08:00:00.000Z');
    expect(iso(current.to)).toBe('2026-02-01T08:00:00.000Z');
  });
});
