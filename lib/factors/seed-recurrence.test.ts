import { describe, expect, it } from 'vitest';
import { DEMO_MEMBERS, buildDemoData } from '@/lib/seed/generate';
import { findRecurrences, type RecurrenceAction } from './recurrence';

// The demo team must show what the factors pages are for: a factor that recurred, and one whose
// earlier remediation was all done and still did not prevent it.
describe('demo data and recurrence', () => {
  it.each(['2026-03-15T13:47:12.345Z', '2027-01-20T08:00:00.000Z'])('has recurring factors and a "did not prevent recurrence" case (now %s)', (iso) => {
    let n = 0;
    const data = buildDemoData({ now: new Date(iso), slug: 'demo', memberIds: DEMO_MEMBERS.map((_, i) => `user-${i}`), newId: () => `id-${n++}` });
    const incidents = new Map(data.incidents.map((i) => [i.id as string, { id: i.id as string, number: i.number, title: i.title, kind: i.kind ?? 'incident', startedAt: new Date(i.startedAt) }]));
    const links = data.incidentFactors.map((l) => ({ factorId: l.factorId, incident: incidents.get(l.incidentId)! }));
    const actions: RecurrenceAction[] = data.actionItems.map((a) => ({ id: a.id as string, incidentId: a.incidentId, factorId: a.factorId ?? null, title: a.title, status: a.status ?? 'open' }));
    const found = findRecurrences(links, actions);
    expect(new Set(found.map((r) => r.factorId)).size).toBeGreaterThanOrEqual(3);
    expect(found.some((r) => r.verdict === 'not_prevented')).toBe(true);
    expect(found.some((r) => r.verdict !== 'not_prevented')).toBe(true);
  });
});
