import { describe, expect, it } from 'vitest';
import { consecutivePairs, findRecurrences, groupByFactor, recurrencesOf, remediationVerdict, withinWindow, type RecurrenceAction, type RecurrenceIncident } from './recurrence';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const incident = (number: number, dayOffset: number, kind: 'incident' | 'drill' = 'incident'): RecurrenceIncident => ({
  id: `i${number}`, number, title: `Incident ${number}`, kind, startedAt: new Date(T0 + dayOffset * DAY),
});
const action = (incidentId: string, factorId: string | null, status: RecurrenceAction['status'], id = `${incidentId}-${status}-${Math.random()}`): RecurrenceAction => ({ id, incidentId, factorId, title: 'Fix', status });

describe('recurrence window', () => {
  it('counts exactly 180 days and not a millisecond more; needs a strictly later start', () => {
    const start = new Date(T0);
    expect(withinWindow(start, new Date(T0 + 180 * DAY))).toBe(true);
    expect(withinWindow(start, new Date(T0 + 180 * DAY + 1))).toBe(false);
    expect(withinWindow(start, new Date(T0 + 200 * DAY))).toBe(false);
    expect(withinWindow(start, start)).toBe(false);
    expect(withinWindow(new Date(T0 + DAY), start)).toBe(false);
  });
});

describe('findRecurrences', () => {
  it('pairs incidents sharing a factor within 180 days, not those 200 days apart', () => {
    const a = incident(1, 0);
    const b = incident(2, 180);
    const c = incident(3, 400);
    const found = findRecurrences([{ factorId: 'f', incident: a }, { factorId: 'f', incident: b }, { factorId: 'f', incident: c }], []);
    expect(found.map((r) => [r.earlier.number, r.later.number, r.daysApart])).toEqual([[1, 2, 180]]);
    const apart = findRecurrences([{ factorId: 'f', incident: incident(1, 0) }, { factorId: 'f', incident: incident(2, 200) }], []);
    expect(apart).toEqual([]);
  });

  it('ignores drills and other factors', () => {
    const found = findRecurrences([
      { factorId: 'f', incident: incident(1, 0) },
      { factorId: 'f', incident: incident(2, 10, 'drill') },
      { factorId: 'g', incident: incident(3, 20) },
    ], []);
    expect(found).toEqual([]);
  });

  it('says "not prevented" only when every earlier action for the factor is done (and there is one)', () => {
    const a = incident(1, 0);
    const b = incident(2, 30);
    const links = [{ factorId: 'f', incident: a }, { factorId: 'f', incident: b }];
    expect(findRecurrences(links, [])[0]?.verdict).toBe('none');
    expect(findRecurrences(links, [action('i1', 'f', 'done'), action('i1', 'f', 'done')])[0]?.verdict).toBe('not_prevented');
    expect(findRecurrences(links, [action('i1', 'f', 'done'), action('i1', 'f', 'wont_do')])[0]?.verdict).toBe('incomplete');
    expect(findRecurrences(links, [action('i1', 'f', 'in_progress')])[0]?.verdict).toBe('incomplete');
    // Actions of another factor, of no factor, or of the later incident do not count.
    expect(findRecurrences(links, [action('i1', 'g', 'done'), action('i1', null, 'done'), action('i2', 'f', 'done')])[0]?.verdict).toBe('none');
    expect(remediationVerdict([])).toBe('none');
  });

  it('lists a chain of three as every pair within the window, newest later first', () => {
    const found = findRecurrences([1, 2, 3].map((n) => ({ factorId: 'f', incident: incident(n, n * 50) })), []);
    expect(found.map((r) => `${r.earlier.number}->${r.later.number}`)).toEqual(['1->3', '2->3', '1->2']);
    const two = recurrencesOf('i2', found);
    expect(two.earlier.map((r) => r.earlier.number)).toEqual([1]);
    expect(two.later.map((r) => r.later.number)).toEqual([3]);
    expect(groupByFactor(found)).toEqual([{ factorId: 'f', recurrences: found, notPrevented: false }]);
    expect(consecutivePairs(found).map((r) => `${r.earlier.number}->${r.later.number}`)).toEqual(['2->3', '1->2']);
  });
});
