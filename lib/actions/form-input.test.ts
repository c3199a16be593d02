import { describe, expect, it } from 'vitest';
import { conflict } from '@/lib/errors';
import { actionFailure, actionFormInput, bulkItems } from './form-input';

const form = (entries: [string, string][]) => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

describe('action form input', () => {
  it('takes only the allowed fields the form sent', () => {
    expect(actionFormInput(form([['title', 'x'], ['status', 'done'], ['evil', '1']]), ['title', 'version'])).toEqual({ title: 'x' });
  });

  it('reads the bulk checkboxes as id and version', () => {
    expect(bulkItems(form([['selected', 'a:1'], ['selected', 'b:7'], ['status', 'done']]))).toEqual([{ id: 'a', version: '1' }, { id: 'b', version: '7' }]);
  });

  it('turns a conflict into the other version (one action) or the stale list (bulk), keeping what was typed', () => {
    const typed = form([['title', 'Mine']]);
    const one = actionFailure(conflict('stale', { version: 4, status: 'done', title: 'Theirs', updatedAt: '2026-03-01T00:00:00.000Z' }), typed);
    expect(one).toMatchObject({ message: 'stale', values: { title: 'Mine' }, conflict: { version: 4, status: 'done', title: 'Theirs' } });
    expect(actionFailure(conflict('gone', null), typed).conflict).toBeNull();
    expect(actionFailure(conflict('bulk', [{ id: 'a', title: 'A', version: 2 }]), typed).stale).toEqual([{ id: 'a', title: 'A', version: 2 }]);
  });
});
