/**
 * Recurrence of contributing factors (pure, no database). A factor recurs when it contributed to
 * an incident and again to a later one that started at most RECURRENCE_WINDOW_DAYS after it
 * (exactly 180 days counts). Only real incidents count: a drill (kind "drill") rehearses a
 * failure on purpose, so a factor named in a game day is not evidence that remediation failed.
 */

export const RECURRENCE_WINDOW_DAYS = 180;
const DAY_MS = 86_400_000;

export interface RecurrenceIncident {
  id: string;
  number: number;
  title: string;
  kind: 'incident' | 'drill';
  startedAt: Date;
}

export interface RecurrenceLink {
  factorId: string;
  incident: RecurrenceIncident;
}

export interface RecurrenceAction {
  id: string;
  incidentId: string;
  factorId: string | null;
  title: string;
  status: 'open' | 'in_progress' | 'done' | 'wont_do';
}

/**
 * What the earlier incident's remediation of the factor says about a recurrence:
 * - `not_prevented`: it had action items for the factor, all done, and the factor still recurred;
 * - `incomplete`: some of its action items for the factor were not done (open, in progress, won't do);
 * - `none`: it had no action item addressing the factor.
 */
export type RemediationVerdict = 'not_prevented' | 'incomplete' | 'none';

export interface Recurrence {
  factorId: string;
  earlier: RecurrenceIncident;
  later: RecurrenceIncident;
  /** Whole days from the earlier start to the later start (rounded down). */
  daysApart: number;
  /** The earlier incident's action items addressing this factor. */
  earlierActions: RecurrenceAction[];
  verdict: RemediationVerdict;
}

/** True when `later` started after `earlier` and at most the window after it (the boundary counts). */
export function withinWindow(earlier: Date, later: Date, days = RECURRENCE_WINDOW_DAYS): boolean {
  const gap = later.getTime() - earlier.getTime();
  return gap > 0 && gap <= days * DAY_MS;
}

export function remediationVerdict(actions: readonly RecurrenceAction[]): RemediationVerdict {
  if (actions.length === 0) return 'none';
  return actions.every((a) => a.status === 'done') ? 'not_prevented' : 'incomplete';
}

/**
 * Every (earlier, later) pair of incidents sharing a factor within the window, for each factor,
 * later first by start then by number. Drills are ignored on both sides.
 */
export function findRecurrences(links: readonly RecurrenceLink[], actions: readonly RecurrenceAction[], days = RECURRENCE_WINDOW_DAYS, options: { closestOnly?: boolean } = {}): Recurrence[] {
  const byFactor = new Map<string, Map<string, RecurrenceIncident>>();
  for (const link of links) {
    if (link.incident.kind !== 'incident') continue;
    const incidents = byFactor.get(link.factorId) ?? new Map<string, RecurrenceIncident>();
    if (!incidents.has(link.incident.id)) incidents.set(link.incident.id, link.incident);
    byFactor.set(link.factorId, incidents);
  }
  // Actions by (incident, factor), in their given order: looked up once per pair, not scanned.
  const actionsOf = new Map<string, RecurrenceAction[]>();
  for (const a of actions) {
    const key = `${a.incidentId}:${a.factorId}`;
    actionsOf.set(key, [...(actionsOf.get(key) ?? []), a]);
  }
  const windowMs = days * DAY_MS;
  const found: Recurrence[] = [];
  for (const [factorId, incidents] of byFactor) {
    const sorted = [...incidents.values()].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.number - b.number);
    for (let j = 0; j < sorted.length; j++) {
      const later = sorted[j]!;
      // Walk back from the closest earlier start; past the window every older one is outside too.
      for (let i = j - 1; i >= 0; i--) {
        const earlier = sorted[i]!;
        const gap = later.startedAt.getTime() - earlier.startedAt.getTime();
        if (gap <= 0) continue;
        if (gap > windowMs) break;
        const earlierActions = actionsOf.get(`${earlier.id}:${factorId}`) ?? [];
        found.push({ factorId, earlier, later, daysApart: Math.floor(gap / DAY_MS), earlierActions, verdict: remediationVerdict(earlierActions) });
        // The first one back is the closest earlier incident (latest start, then highest number):
        // exactly what consecutivePairs keeps, without building every other pair first.
        if (options.closestOnly) break;
      }
    }
  }
  return found.sort((a, b) => b.later.startedAt.getTime() - a.later.startedAt.getTime() || b.later.number - a.later.number || a.earlier.number - b.earlier.number);
}

/** The recurrences one incident takes part in: as the later one (it recurred) and as the earlier one (it recurred afterwards). */
export function recurrencesOf<R extends Recurrence>(incidentId: string, recurrences: readonly R[]): { earlier: R[]; later: R[] } {
  return {
    earlier: recurrences.filter((r) => r.later.id === incidentId),
    later: recurrences.filter((r) => r.earlier.id === incidentId),
  };
}

/** Recurrences grouped by factor; `notPrevented` when any pair's remediation was all done and it still recurred. */
export function groupByFactor<R extends Recurrence>(recurrences: readonly R[]): { factorId: string; recurrences: R[]; notPrevented: boolean }[] {
  const groups = new Map<string, R[]>();
  for (const r of recurrences) groups.set(r.factorId, [...(groups.get(r.factorId) ?? []), r]);
  return [...groups].map(([factorId, list]) => ({ factorId, recurrences: list, notPrevented: list.some((r) => r.verdict === 'not_prevented') }));
}

/** Only each later incident's closest earlier one per factor: a chain A, B, C reads A->B, B->C (not also A->C). */
export function consecutivePairs<R extends Recurrence>(recurrences: readonly R[]): R[] {
  const closest = new Map<string, R>();
  for (const r of recurrences) {
    const key = `${r.factorId}:${r.later.id}`;
    const seen = closest.get(key);
    if (!seen || r.earlier.startedAt > seen.earlier.startedAt || (r.earlier.startedAt.getTime() === seen.earlier.startedAt.getTime() && r.earlier.number > seen.earlier.number)) closest.set(key, r);
  }
  return recurrences.filter((r) => closest.get(`${r.factorId}:${r.later.id}`) === r);
}
