import { describe, expect, it } from 'vitest';
import { actionFiltersSchema, actionInputSchema, actionPatchSchema, bulkStatusSchema, isStatusOnly, parseActionFiltersLeniently, parseApiActionQuery, ticketUrlSchema } from './schemas';

const ID = '0b6f3f7e-9d7c-4a51-8a3f-2f5d6c7b8a90';

describe('actionInputSchema', () => {
  it('defaults priority to P2 and treats blank form fields as not given', () => {
    const parsed = actionInputSchema.parse({ title: ' Alert on lag ', type: 'detect', priority: '', ownerId: '', dueDate: '', ticketUrl: '', factorId: '' });
    expect(parsed).toEqual({ title: 'Alert on lag', type: 'detect', priority: 'P2' });
  });

  it('names the field of each problem', () => {
    const result = actionInputSchema.safeParse({ title: '', type: 'fix', priority: 'P9', dueDate: '2026-02-30', ticketUrl: 'javascript:alert(1)', ownerId: 'me' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['dueDate', 'ownerId', 'priority', 'ticketUrl', 'title', 'type']);
  });

  it('refuses unknown fields (a typo in an API body must not be ignored)', () => {
    expect(actionInputSchema.safeParse({ title: 'x', type: 'process', owner: 'a@b.test' }).success).toBe(false);
  });
});

describe('ticketUrlSchema', () => {
  it('accepts http and https links only, up to 2000 characters', () => {
    expect(ticketUrlSchema.safeParse('https://tracker.test/PROJ-1').success).toBe(true);
    expect(ticketUrlSchema.safeParse('http://tracker.test/1').success).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://x.test', 'tracker.test/1', 'https://']) expect(ticketUrlSchema.safeParse(bad).success, bad).toBe(false);
    expect(ticketUrlSchema.safeParse(`https://t.test/${'a'.repeat(2000)}`).success).toBe(false);
  });
});

describe('actionPatchSchema', () => {
  it('needs the version; blank clears optional fields', () => {
    expect(actionPatchSchema.safeParse({ title: 'x' }).success).toBe(false);
    expect(actionPatchSchema.parse({ version: '3', ownerId: '', dueDate: '', ticketUrl: '' })).toEqual({ version: 3, ownerId: null, dueDate: null, ticketUrl: null });
  });

  it('tells a status change from an edit', () => {
    expect(isStatusOnly(actionPatchSchema.parse({ version: 1, status: 'done' }))).toBe(true);
    expect(isStatusOnly(actionPatchSchema.parse({ version: 1, status: 'wont_do', wontDoReason: 'Superseded' }))).toBe(true);
    expect(isStatusOnly(actionPatchSchema.parse({ version: 1, status: 'done', title: 'x' }))).toBe(false);
  });
});

describe('bulkStatusSchema', () => {
  it('needs a reason for won’t do and at least one action', () => {
    expect(bulkStatusSchema.safeParse({ items: [{ id: ID, version: 1 }], status: 'wont_do' }).error?.issues[0]?.path).toEqual(['wontDoReason']);
    expect(bulkStatusSchema.safeParse({ items: [], status: 'done' }).error?.issues[0]?.path).toEqual(['items']);
    expect(bulkStatusSchema.parse({ items: [{ id: ID, version: '2' }], status: 'done' }).items[0]?.version).toBe(2);
  });
});

describe('filters', () => {
  it('keeps good board filters and reports bad ones', () => {
    const { filters, errors } = parseActionFiltersLeniently({ status: ['open', 'in_progress'], overdue: 'true', priority: 'p1', sort: 'nope', incident: 'INC-4' });
    expect(filters).toMatchObject({ status: ['open', 'in_progress'], overdue: true, priority: ['P1'], incident: 'INC-4', page: 1 });
    expect(filters.sort).toBeUndefined();
    expect(Object.keys(errors)).toEqual(['sort']);
    // The queries parse the parsed filters again: that must be a no-op.
    expect(actionFiltersSchema.parse(filters)).toEqual(filters);
    expect(actionFiltersSchema.parse(parseActionFiltersLeniently({}).filters).overdue).toBe(false);
  });

  it('is strict in the API: an unknown parameter is a 422 naming it', () => {
    expect(() => parseApiActionQuery(new URLSearchParams('owner=x'))).toThrow(/Unknown parameter owner/);
    expect(parseApiActionQuery(new URLSearchParams('ownerEmail=Ann@X.test&overdue=true&limit=5'))).toMatchObject({ ownerEmail: 'ann@x.test', overdue: true, limit: 5 });
  });
});
