import 'server-only';
import { cache } from 'react';
import { getIncidentByNumber } from './record';

/**
 * One incident by its per-team number, if this actor may see it (restricted incidents are
 * NOT_FOUND for everyone else: their existence is not disclosed). Cached per request, so the
 * incident layout and the tab it renders (overview, timeline, post-mortem) read it once.
 */
export const getIncidentHeader = cache(getIncidentByNumber);

export type IncidentHeader = Awaited<ReturnType<typeof getIncidentHeader>>;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a lone "%" (Next hands over "%25" decoded): not a number either way
  }
}

/** "INC-42" from a route segment "42" or "INC-42"; NaN when it is neither. */
export function parseIncidentNumber(segment: string): number {
  const m = /^(?:inc-)?(\d{1,10})$/i.exec(decoded(segment));
  return m ? Number(m[1]) : Number.NaN;
}

/**
 * The incident number a page bound to a server action. The client sends the bound arguments, so
 * it may be anything: only a number (or a numeric segment) counts; NaN otherwise (then NOT_FOUND).
 * Never Number(value): an object whose valueOf is not a function makes that throw.
 */
export function incidentNumberArg(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? parseIncidentNumber(value) : Number.NaN;
}
