import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consecutivePairs, findRecurrences, remediationVerdict, withinWindow, type Recurrence, type RecurrenceAction, type RecurrenceIncident, type RecurrenceLink } from './recurrence';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');

/** The definition, literally: every pair of distinct incidents sharing a factor within the window. */
function reference(links: readonly RecurrenceLink[], actions: readonly RecurrenceAction[]): Recurrence[] {
  const found: Recurrence[] = [];
  // Factors in the order their first incident (not drill) link appears: ties in the sort keep it.
  const factors = [...new Set(links.filter((l) => l.incident.kind === 'incident').map((l) => l.factorId))];
  for (const factorId of factors) {
    const incidents = [...new Map(links.filter((l) => l.factorId === factorId && l.incident.kind === 'incident').map((l) => [l.incident.id, l.incident])).values()];
    for (const later of incidents) {
      for (const earlier of incidents) {
        if (!withinWindow(earlier.startedAt, later.startedAt)) continue;
        const earlierActions = actions.filter((a) => a.incidentId === earlier.id && a.factorId === factorId);
        found.push({ factorId, earlier, later, daysApart: Math.floor((later.startedAt.getTime() - earlier.startedAt.getTime()) / DAY), earlierActions, verdict: remediationVerdict(earlierActions) });
      }
    }
  }
  return found.sort((a, b) => b.later.startedAt.getTime() - a.later.startedAt.getTime() || b.later.number - a.later.number || a.earlier.number - b.earlier.number);
}

const incidentArb = fc.record({
  number: fc.integer({ min: 1, max: 40 }),
  // Whole days, hours and equal starts, so window edges and ties come up often.
  offset: fc.oneof(
    fc.constantFrom(0, 1, 180, 181, 360).map((d) => d * DAY),
    fc.constantFrom(0, 180).map((d) => d * DAY + 1),
    fc.integer({ min: 0, max: 500 }).map((d) => d * DAY),
    fc.integer({ min: 0, max: 500 * 24 }).map((h) => h * 3_600_000),
  ),
  kind: fc.constantFrom<'incident' | 'drill'>('incident', 'incident', 'incident', 'drill'),
});

describe('findRecurrences (indexed, windowed walk)', () => {
  it('finds exactly the pairs of the literal definition, with the same actions and order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(incidentArb, { selector: (i) => i.number, maxLength: 12 }),
        fc.array(fc.tuple(fc.constantFrom('f1', 'f2', 'f3'), fc.nat(24)), { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(24), fc.constantFrom('f1', 'f2', null), fc.constantFrom<RecurrenceAction['status']>('open', 'in_progress', 'done', 'wont_do')), { maxLength: 30 }),
        (specs, linkSpecs, actionSpecs) => {
          if (!specs.length) return;
          const incidents: RecurrenceIncident[] = specs.map((s) => ({ id: `i${s.number}`, number: s.number, title: `#${s.number}`, kind: s.kind, startedAt: new Date(T0 + s.offset) }));
          const links = linkSpecs.map(([factorId, k]) => ({ factorId, incident: incidents[k % incidents.length]! }));
          const actions = actionSpecs.map(([k, factorId, status], n) => ({ id: `a${n}`, incidentId: incidents[k % incidents.length]!.id, factorId, title: 'Fix', status }));
          const all = reference(links, actions);
          expect(findRecurrences(links, actions)).toEqual(all);
          expect(findRecurrences(links, actions, undefined, { closestOnly: true })).toEqual(consecutivePairs(all));
        },
      ),
      { numRuns: 300 },
    );
  });
});
