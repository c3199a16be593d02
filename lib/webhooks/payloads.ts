import 'server-only';
import { env } from '@/lib/env';
import { toApiIncident, type IncidentRecord } from '@/lib/incidents/record';

/**
 * The `data` of each event. Links are absolute when APP_URL is configured, paths otherwise.
 * Restricted incidents go out without their title, summary, customer impact and services: a
 * webhook usually lands in a shared channel, and a restricted incident's content is for the
 * people named on it.
 */

export function appLink(path: string): string {
  const base = env().APP_URL;
  return base ? `${base.replace(/\/+$/, '')}${path}` : path;
}

export function incidentPath(teamSlug: string, number: number): string {
  return `/t/${encodeURIComponent(teamSlug)}/incidents/${number}`;
}

const REDACTED = { title: null, summary: null, customerImpact: null, services: [] as string[] };

/** incident.created / incident.resolved: the REST API's incident plus its link. */
export function incidentEventData(teamSlug: string, record: IncidentRecord) {
  const incident = toApiIncident(record);
  return { ...incident, ...(record.visibility === 'restricted' ? REDACTED : {}), url: appLink(incidentPath(teamSlug, record.number)) };
}

/** postmortem.published: the incident and the post-mortem's link. */
export function postmortemEventData(teamSlug: string, record: IncidentRecord, publishedAt: Date) {
  return {
    incident: incidentEventData(teamSlug, record),
    publishedAt: publishedAt.toISOString(),
    url: appLink(`${incidentPath(teamSlug, record.number)}/postmortem`),
  };
}

export interface OverdueActionFacts {
  id: string;
  title: string;
  status: string;
  priority: string;
  dueDate: string;
  daysOverdue: number;
  owner: { name: string; email: string } | null;
  incident: { id: string; number: number; title: string; visibility: string };
}

/** action.overdue: the action, its owner and incident, and the incident's actions page. */
export function overdueActionEventData(teamSlug: string, a: OverdueActionFacts) {
  const restricted = a.incident.visibility === 'restricted';
  return {
    id: a.id,
    title: restricted ? null : a.title,
    status: a.status,
    priority: a.priority,
    dueDate: a.dueDate,
    daysOverdue: a.daysOverdue,
    owner: a.owner,
    incident: { id: a.incident.id, number: a.incident.number, title: restricted ? null : a.incident.title, visibility: a.incident.visibility },
    url: appLink(`${incidentPath(teamSlug, a.incident.number)}/actions`),
  };
}
