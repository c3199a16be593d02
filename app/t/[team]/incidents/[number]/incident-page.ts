import 'server-only';
import { notFound } from 'next/navigation';
import { displayZone } from '@/components/incidents/format';
import { teamSlugFromParam } from '@/components/shell/sections';
import { getIncidentHeader, parseIncidentNumber } from '@/lib/incidents/detail';
import { AppError } from '@/lib/errors';
import { pageActor } from '@/lib/teams/session-actor';

export type IncidentParams = Promise<{ team: string; number: string }>;

/** The actor, display zone and incident of an /t/<team>/incidents/<number> page (404 when not visible). */
export async function loadIncidentPage(params: IncidentParams, suffix = '') {
  const { team, number: segment } = await params;
  const slug = teamSlugFromParam(team);
  const number = parseIncidentNumber(segment);
  const base = `/t/${encodeURIComponent(slug)}/incidents/${segment}`;
  const actor = await pageActor(slug, base + suffix);
  try {
    const incident = await getIncidentHeader(actor, number);
    const zone = displayZone(actor.user.timeZone, actor.team.timeZone);
    return { actor, incident, zone, slug, href: `/t/${encodeURIComponent(slug)}/incidents/${incident.number}` };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export function zoneNote(zone: { zone: string; source: 'user' | 'team' | 'default' }): string {
  const whose = zone.source === 'user' ? 'your time zone' : zone.source === 'team' ? 'the team’s time zone' : 'the default';
  return `Times are in ${zone.zone} (${whose}); hover a time for UTC.`;
}
