import { isValidTimeZone } from '@/lib/incidents/zoned-day';

/** The human reference of an incident: "INC-42". */
export function incidentRef(number: number): string {
  return `INC-${number}`;
}

/** A duration as h:mm:ss (hours are not wrapped at 24: a two-day incident is "48:00:00"). */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The zone times are shown in: the user's own, else the team's, else UTC. */
export function displayZone(userZone: string | null | undefined, teamZone: string | null | undefined): { zone: string; source: 'user' | 'team' | 'default' } {
  if (isValidTimeZone(userZone)) return { zone: userZone, source: 'user' };
  if (isValidTimeZone(teamZone)) return { zone: teamZone, source: 'team' };
  return { zone: 'UTC', source: 'default' };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "12 Mar 2026, 14:02" in `zone` (day-month order, 24-hour clock: unambiguous for every reader). */
export function formatInZone(date: Date, zone: string): string {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  return f.format(date);
}

/** The exact instant for a title attribute: "2026-03-12 13:02:07 UTC". */
export function utcTitle(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
