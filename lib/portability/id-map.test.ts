import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { IdMap } from './id-map';

const a = '11111111-1111-4111-8111-111111111111';
const b = '22222222-2222-4222-8222-222222222222';
const gone = '33333333-3333-4333-8333-333333333333';

describe('IdMap', () => {
  it('gives each export id one fresh id and rewrites references, keys and snapshots', () => {
    const ids = new IdMap();
    const fresh = ids.fresh(a);
    expect(fresh).not.toBe(a);
    expect(ids.fresh(a)).toBe(fresh);
    expect(ids.get(a)).toBe(fresh);
    expect(ids.inText(`incident:${a}`)).toBe(`incident:${fresh}`);
    expect(ids.inJson({ sectionId: a, nested: [a, 'text'] })).toEqual({ sectionId: fresh, nested: [fresh, 'text'] });
    // Loose references to rows that were deleted before the export stay as they were.
    expect(ids.soft(gone)).toBe(gone);
    expect(ids.inText(`action:${gone}`)).toBe(`action:${gone}`);
  });

  it('refuses a foreign key to a row the export lacks', () => {
    expect(() => new IdMap().get(gone)).toThrow(AppError);
  });

  it('orders merged factors after their survivors and refuses cycles', () => {
    const rows = [{ id: a, to: b }, { id: b, to: null }];
    expect(IdMap.topological(rows, (r) => r.to).map((r) => r.id)).toEqual([b, a]);
    expect(() => IdMap.topological([{ id: a, to: b }, { id: b, to: a }], (r) => r.to)).toThrow(/cycle/);
  });
});
