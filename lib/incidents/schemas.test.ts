import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { incidentFiltersSchema, parseFiltersLeniently, parseIncidentQuery } from './schemas';

const query = (s: string) => parseIncidentQuery(new URLSearchParams(s));

function issuesOf(fn: () => unknown): { path: (string | number)[]; message: string }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof z.ZodError) return error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
    if (error instanceof AppError) return error.details.fields ?? [];
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('incident list filters', () => {
  it('defaults to page 1 of 25, no filters, no explicit sort', () => {
    expect(incidentFiltersSchema.parse({})).toEqual({ page: 1, pageSize: 25 });
  });

  it('reads repeated and comma-separated lists, upper-cases severities, drops empty values', () => {
    expect(query('status=active&status=resolved,mitigated&severity=sev1,SEV2&kind=&q=%20db%20').status).toEqual(['active', 'resolved', 'mitigated']);
    const f = query('severity=sev1,SEV2&kind=&q=%20db%20&service=checkout&from=2026-01-01&to=2026-01-31T12:00:00%2B01:00&sort=ttr&page=3&pageSize=100');
    expect(f).toEqual({ severity: ['SEV1', 'SEV2'], q: 'db', service: 'checkout', from: '2026-01-01', to: '2026-01-31T12:00:00+01:00', sort: 'ttr', page: 3, pageSize: 100 });
  });

  it('names the parameter of every bad value', () => {
    expect(issuesOf(() => query('severity=SEV9'))).toEqual([{ path: ['severity', '0'], message: 'severity must be SEV1, SEV2, SEV3 or SEV4.' }]);
    expect(issuesOf(() => query('pageSize=500'))[0]).toEqual({ path: ['pageSize'], message: 'pageSize must be at most 100.' });
    expect(issuesOf(() => query('page=0'))[0]?.path).toEqual(['page']);
    expect(issuesOf(() => query('page=two'))[0]?.path).toEqual(['page']);
    expect(issuesOf(() => query('kind=outage'))[0]?.path).toEqual(['kind']);
    expect(issuesOf(() => query('kind=incident&kind=drill'))[0]).toEqual({ path: ['kind'], message: 'Give kind only once.' });
    expect(issuesOf(() => query('from=2026-02-30x'))[0]?.path).toEqual(['from']);
    expect(issuesOf(() => query('to=yesterday'))[0]?.path).toEqual(['to']);
    expect(issuesOf(() => query('from=2026-03-02&to=2026-03-01'))[0]).toEqual({ path: ['to'], message: 'to must not be before from.' });
    expect(issuesOf(() => query(`q=${'x'.repeat(201)}`))[0]?.path).toEqual(['q']);
    expect(issuesOf(() => query('severities=SEV1'))[0]?.path).toEqual(['severities']);
  });

  it('turns control characters in free text into spaces', () => {
    expect(query('q=disk%00full%0A&service=%01')).toEqual({ q: 'disk full', page: 1, pageSize: 25 });
  });

  it('a day-only to includes the whole day when checking the range', () => {
    expect(query('from=2026-03-01&to=2026-03-01')).toMatchObject({ from: '2026-03-01', to: '2026-03-01' });
  });

  it('on the page, drops bad parameters with their messages and keeps the rest', () => {
    const { filters, errors } = parseFiltersLeniently({ severity: 'SEV9', status: 'resolved', page: '-1', from: '2026-03-02', to: '2026-03-01', junk: 'x' });
    expect(filters).toEqual({ status: ['resolved'], from: '2026-03-02', page: 1, pageSize: 25 });
    expect(Object.keys(errors).sort()).toEqual(['page', 'severity', 'to']);
  });
});
