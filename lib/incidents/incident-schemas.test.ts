import { describe, expect, it } from 'vitest';
import { createIncidentSchema, patchIncidentSchema, timestampIssues } from './incident-schemas';

const base = { title: 'Checkout errors', severity: 'SEV2', startedAt: '2026-03-12T14:00:00Z' };

function paths(input: Record<string, unknown>): string[] {
  const result = createIncidentSchema.safeParse({ ...base, ...input });
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('createIncidentSchema', () => {
  it('accepts a minimal incident and fills the defaults', () => {
    const data = createIncidentSchema.parse({ ...base, startedAt: '2026-03-12T15:00:00.123+01:00' });
    expect(data).toMatchObject({ kind: 'incident', visibility: 'team', services: [], summary: '' });
    expect(data.startedAt.toISOString()).toBe('2026-03-12T14:00:00.123Z');
  });

  it('requires an offset on timestamps', () => {
    expect(paths({ startedAt: '2026-03-12T14:00:00' })).toEqual(['startedAt']);
    expect(paths({ detectedAt: 'yesterday' })).toEqual(['detectedAt']);
  });

  it.each([
    [{ detectedAt: '2026-03-12T13:59:59Z' }, 'detectedAt'],
    [{ detectedAt: '2026-03-12T14:05:00Z', acknowledgedAt: '2026-03-12T14:04:00Z' }, 'acknowledgedAt'],
    [{ acknowledgedAt: '2026-03-12T13:00:00Z' }, 'acknowledgedAt'],
    [{ mitigatedAt: '2026-03-12T13:00:00Z' }, 'mitigatedAt'],
    [{ mitigatedAt: '2026-03-12T15:00:00Z', resolvedAt: '2026-03-12T14:30:00Z' }, 'resolvedAt'],
    [{ resolvedAt: '2026-03-12T13:00:00Z' }, 'resolvedAt'],
  ])('names the offending field for %o', (input, field) => {
    expect(paths(input)).toEqual([field]);
  });

  it('accepts equal timestamps (the rules are <=)', () => {
    const at = '2026-03-12T14:00:00Z';
    expect(paths({ detectedAt: at, acknowledgedAt: at, mitigatedAt: at, resolvedAt: at })).toEqual([]);
  });

  it('refuses timestamps in the future', () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(paths({ resolvedAt: future })).toEqual(['resolvedAt']);
    expect(paths({ startedAt: future })).toEqual(['startedAt']);
  });

  it('refuses unknown fields and bad enums', () => {
    expect(paths({ severity: 'SEV9' })).toEqual(['severity']);
    expect(paths({ colour: 'red' })).toEqual(['']);
  });
});

describe('timestampIssues', () => {
  it('reports one issue per field', () => {
    const now = new Date('2026-03-12T18:00:00Z');
    const issues = timestampIssues({ startedAt: new Date('2026-03-12T14:00:00Z'), detectedAt: new Date('2026-03-12T19:00:00Z') }, now);
    expect(issues).toEqual([{ path: ['detectedAt'], message: 'Detected cannot be in the future.' }]);
  });
});

describe('patchIncidentSchema', () => {
  it('requires the version', () => {
    const result = patchIncidentSchema.safeParse({ title: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['version']);
  });
});
