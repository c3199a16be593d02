import type { IncidentKind, Severity } from '@/lib/generated/prisma/enums';

/**
 * The incident fields a CSV column can be mapped to, how a header name is guessed, and the
 * lenient readings of severity and kind. Pure (used by the import page and the server).
 */

export const CSV_FIELDS = [
  'title',
  'severity',
  'kind',
  'startedAt',
  'detectedAt',
  'acknowledgedAt',
  'mitigatedAt',
  'resolvedAt',
  'services',
  'summary',
  'customerImpact',
  'timeZone',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

export const REQUIRED_FIELDS: readonly CsvField[] = ['title', 'severity', 'startedAt'];

export const CSV_FIELD_LABELS: Record<CsvField, string> = {
  title: 'Title',
  severity: 'Severity',
  kind: 'Kind (incident or drill)',
  startedAt: 'Started at',
  detectedAt: 'Detected at',
  acknowledgedAt: 'Acknowledged at',
  mitigatedAt: 'Mitigated at',
  resolvedAt: 'Resolved at',
  services: 'Services',
  summary: 'Summary',
  customerImpact: 'Customer impact',
  timeZone: 'Time zone (per row)',
};

/** Header names (compared without case, spaces, dashes and underscores) that map to a field. */
const HEADER_GUESSES: Record<CsvField, string[]> = {
  title: ['title', 'name', 'incident', 'incidenttitle', 'subject'],
  severity: ['severity', 'sev', 'priority', 'level'],
  kind: ['kind', 'type', 'incidenttype'],
  startedAt: ['startedat', 'started', 'start', 'starttime', 'startat', 'began', 'impactstart'],
  detectedAt: ['detectedat', 'detected', 'detection', 'detectiontime'],
  acknowledgedAt: ['acknowledgedat', 'acknowledged', 'ackedat', 'acked', 'ack', 'acktime'],
  mitigatedAt: ['mitigatedat', 'mitigated', 'mitigation', 'mitigationtime'],
  resolvedAt: ['resolvedat', 'resolved', 'resolution', 'end', 'ended', 'endtime', 'closedat', 'closed'],
  services: ['services', 'service', 'components', 'component', 'systems', 'affectedservices'],
  summary: ['summary', 'description', 'details'],
  customerImpact: ['customerimpact', 'impact'],
  timeZone: ['timezone', 'tz', 'zone'],
};

const normalizeHeader = (h: string) => h.toLowerCase().replace(/[\s_\-.()]/g, '');

export type CsvMapping = Partial<Record<CsvField, number | null>>;

/** A column index per field guessed from the header names; each column is used at most once. */
export function guessMapping(headers: readonly string[]): Record<CsvField, number | null> {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping = {} as Record<CsvField, number | null>;
  for (const field of CSV_FIELDS) {
    const index = normalized.findIndex((h, i) => !used.has(i) && HEADER_GUESSES[field].includes(h));
    mapping[field] = index >= 0 ? index : null;
    if (index >= 0) used.add(index);
  }
  return mapping;
}

const SEVERITY_WORDS: Record<string, Severity> = { critical: 'SEV1', major: 'SEV2', high: 'SEV2', medium: 'SEV3', moderate: 'SEV3', minor: 'SEV4', low: 'SEV4' };

/**
 * Severity as written by other tools: SEV1, sev 1, Sev-1, 1, P1 (all 1-4), or the words
 * critical (SEV1), major/high (SEV2), medium/moderate (SEV3), minor/low (SEV4). Null otherwise.
 */
export function readSeverity(value: string): Severity | null {
  const v = value.trim().toLowerCase();
  const numbered = /^(?:sev|p)?[\s_-]?([1-4])$/.exec(v);
  if (numbered) return `SEV${numbered[1]}` as Severity;
  return SEVERITY_WORDS[v] ?? null;
}

/** Kind: empty is an incident; "incident" or "drill" (also "game day", "exercise") in any case. */
export function readKind(value: string): IncidentKind | null {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'incident') return 'incident';
  if (v === 'drill' || v === 'game day' || v === 'gameday' || v === 'exercise') return 'drill';
  return null;
}

/** Services in one cell, split on `separator` (";" by default; "," is the CSV delimiter). */
export function readServices(value: string, separator: string): string[] {
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}
