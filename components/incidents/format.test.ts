import { describe, expect, it } from 'vitest';
import { parseFiltersLeniently } from '@/lib/incidents/schemas';
import { displayZone, formatDuration, formatInZone, incidentRef, utcTitle } from './format';
import { isFiltered, listHref } from './list-href';

describe('incident list formatting', () => {
  it('writes references and h:mm:ss durations without rounding up', () => {
    expect(incidentRef(42)).toBe('INC-42');
    expect(formatDuration(0)).toBe('0:00:00');
    expect(formatDuration(3_661_999)).toBe('1:01:01');
    expect(formatDuration(2 * 86_400_000 + 5_000)).toBe('48:00:05');
  });

  it('shows times in the user’s zone, else the team’s, with the UTC instant for hovering', () => {
    expect(displayZone('America/Los_Angeles', 'Europe/Berlin')).toEqual({ zone: 'America/Los_Angeles', source: 'user' });
    expect(displayZone(null, 'Europe/Berlin')).toEqual({ zone: 'Europe/Berlin', source: 'team' });
    expect(displayZone('Nowhere/Else', 'Bad/Zone')).toEqual({ zone: 'UTC', source: 'default' });
    const at = new Date('2026-03-29T00:30:07Z');
    expect(formatInZone(at, 'Europe/Berlin')).toBe('29 Mar 2026, 01:30');
    expect(formatInZone(at, 'America/Los_Angeles')).toBe('28 Mar 2026, 17:30');
    expect(utcTitle(at)).toBe('2026-03-29 00:30:07 UTC');
  });

  it('builds list links that keep the view and leave defaults out', () => {
    const { filters } = parseFiltersLeniently({ q: 'db lag', status: ['active', 'resolved'], kind: 'drill', page: '3' });
    expect(listHref('/t/a/incidents', filters)).toBe('/t/a/incidents?q=db+lag&status=active&status=resolved&kind=drill&page=3');
    expect(listHref('/t/a/incidents', filters, { sort: 'ttr', page: 1 })).toBe('/t/a/incidents?q=db+lag&status=active&status=resolved&kind=drill&sort=ttr');
    expect(isFiltered(filters)).toBe(true);
    expect(isFiltered(parseFiltersLeniently({ sort: 'ttr', page: '2' }).filters)).toBe(false);
  });
});
