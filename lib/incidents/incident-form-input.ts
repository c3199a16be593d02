import { AppError, type FieldIssue } from '@/lib/errors';
import type { FormState } from '@/lib/forms';
import { TIMESTAMP_FIELDS, TIMESTAMP_LABELS, type TimestampField } from './incident-schemas';
import { fromLocalInput, toLocalInput } from './local-time';

/** The state of the incident forms: a FormState plus the other version when a save conflicted. */
export interface IncidentFormState extends FormState {
  conflict?: { version: number; title: string; status: string; updatedAt: string };
}

export interface IncidentFormDefaults {
  title: string;
  severity: string;
  kind: string;
  visibility: string;
  summary: string;
  customerImpact: string;
  services: string[];
  /** Each timestamp as shown in the zone (datetime-local) and as the stored ISO instant. */
  times: Partial<Record<TimestampField, { local: string; iso: string }>>;
}

type IncidentValues = Omit<IncidentFormDefaults, 'times'> & Record<TimestampField, Date | null>;

/** The edit form's starting values: the stored incident with its times shown in `zone`. */
export function incidentFormDefaults(incident: IncidentValues, zone: string): IncidentFormDefaults {
  const times: IncidentFormDefaults['times'] = {};
  for (const field of TIMESTAMP_FIELDS) {
    const value = incident[field];
    if (value) times[field] = { local: toLocalInput(value, zone), iso: value.toISOString() };
  }
  const { title, severity, kind, visibility, summary, customerImpact, services } = incident;
  return { title, severity, kind, visibility, summary, customerImpact, services, times };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** Selected services (checkboxes) plus new ones typed comma-separated, without blanks or repeats. */
export function formServices(form: FormData): string[] {
  const picked = form.getAll('services').filter((v): v is string => typeof v === 'string');
  const typed = text(form, 'newServices').split(',');
  return [...new Set([...picked, ...typed].map((s) => s.trim()).filter(Boolean))];
}

/**
 * The create/update input of an incident form, with its datetime-local values read in `zone`.
 * A time left exactly as it was shown keeps its stored instant (milliseconds included), so
 * saving a form never shifts timestamps nobody touched. Unreadable times are field errors.
 */
export function incidentFormInput(form: FormData, zone: string, mode: 'create' | 'update'): Record<string, unknown> {
  const issues: FieldIssue[] = [];
  const input: Record<string, unknown> = {
    title: text(form, 'title'),
    severity: text(form, 'severity'),
    kind: text(form, 'kind') || 'incident',
    visibility: text(form, 'visibility') || 'team',
    summary: text(form, 'summary'),
    customerImpact: text(form, 'customerImpact'),
    services: formServices(form),
  };
  for (const field of TIMESTAMP_FIELDS) {
    const value = text(form, field).trim();
    const original = text(form, `${field}Original`);
    if (!value) {
      if (field === 'startedAt') issues.push({ path: [field], message: 'Enter when the impact started.' });
      else input[field] = mode === 'update' ? null : undefined;
      continue;
    }
    const instant = fromLocalInput(value, zone);
    // The input shows whole seconds (browsers drop ":00"): the same second is the same time.
    const kept = original ? new Date(original) : null;
    if (instant && kept && !Number.isNaN(kept.getTime()) && Math.floor(kept.getTime() / 1000) === Math.floor(instant.getTime() / 1000)) input[field] = kept;
    else if (instant) input[field] = instant;
    else issues.push({ path: [field], message: `${TIMESTAMP_LABELS[field]}: enter a date and time.` });
  }
  if (issues.length) throw new AppError('VALIDATION', 'Check the highlighted fields.', { fields: issues });
  return input;
}
