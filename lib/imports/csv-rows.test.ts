import { describe, expect, it } from 'vitest';
import { guessMapping, readSeverity } from './csv-fields';
import { checkRows, CsvFileError, mappingIssues, readCsv } from './csv-rows';
import { readTimestamp } from './csv-time';

const CSV = [
  'Title,Severity,Started,Resolved,Services,Time zone,Notes',
  'Checkout 500s,SEV2,2024-03-01 14:00,2024-03-01 15:30,checkout; payments,,"Quoted, with comma"',
  'Search slow,p3,2024-03-02T09:00:00Z,2024-03-02T10:00:00+01:00,search,Europe/Berlin,',
  'Login outage,critical,2024-07-01 08:00,2024-07-01 09:15,auth,America/New_York,',
  ',SEV9,yesterday,,,Mars/Olympus,',
  'Backwards,SEV3,2024-03-05 10:00,2024-03-05 09:00,,,',
].join('\r\n');

function check(text = CSV, defaultTimeZone = 'Europe/London') {
  const table = readCsv(text);
  return { table, rows: checkRows(table, { mapping: guessMapping(table.headers), defaultTimeZone, servicesSeparator: ';' }) };
}

describe('CSV import rows', () => {
  it('guesses the mapping from header names', () => {
    const { table } = check();
    expect(guessMapping(table.headers)).toMatchObject({ title: 0, severity: 1, startedAt: 2, resolvedAt: 3, services: 4, timeZone: 5, summary: null, detectedAt: null });
  });

  it('turns good rows into incidents, with wall times in the default zone or the row zone', () => {
    const { rows } = check();
    const [first, second, third] = rows;
    expect(first).toMatchObject({ row: 2, issues: [] });
    expect(first?.data).toMatchObject({ title: 'Checkout 500s', severity: 'SEV2', kind: 'incident', services: ['checkout', 'payments'] });
    // Europe/London is on GMT on 1 March.
    expect(first?.data?.startedAt.toISOString()).toBe('2024-03-01T14:00:00.000Z');
    // Offsets win over the row's zone.
    expect(second?.data?.severity).toBe('SEV3');
    expect(second?.data?.startedAt.toISOString()).toBe('2024-03-02T09:00:00.000Z');
    expect(second?.data?.resolvedAt?.toISOString()).toBe('2024-03-02T09:00:00.000Z');
    // The time zone column: 08:00 EDT (UTC-4) in July.
    expect(third?.data).toMatchObject({ severity: 'SEV1' });
    expect(third?.data?.startedAt.toISOString()).toBe('2024-07-01T12:00:00.000Z');
    expect(third?.data?.resolvedAt?.toISOString()).toBe('2024-07-01T13:15:00.000Z');
  });

  it('reports every problem of a bad row with its row number and column', () => {
    const { rows } = check();
    const bad = rows[3];
    expect(bad).toMatchObject({ row: 5, data: null });
    expect(bad?.issues.map((i) => i.column)).toEqual(['Time zone', 'Severity', 'Started']);
    expect(bad?.issues[0]?.message).toContain('Mars/Olympus');
    // The schema's order rules, on the offending column.
    expect(rows[4]).toMatchObject({ row: 6, data: null, issues: [{ column: 'Resolved', message: expect.stringContaining('cannot be before') }] });
  });

  it('runs the title rule of the schema when the rest is fine', () => {
    const { rows } = check('title,severity,started\n,SEV1,2024-01-01 10:00\n');
    expect(rows[0]?.issues).toEqual([{ column: 'title', message: 'Give the incident a title.' }]);
  });

  it('refuses a mapping without the required fields', () => {
    expect(mappingIssues(['a', 'b'], { title: 0, severity: null, startedAt: 7 }).map((i) => i.column)).toEqual(['Severity', 'Started at']);
  });

  it('rejects empty, header-only and malformed files with a readable message', () => {
    expect(() => readCsv('')).toThrow(CsvFileError);
    expect(() => readCsv('title,severity\n')).toThrow(/no incidents/);
    expect(() => readCsv('a,b\n"unclosed,1\n')).toThrow(/not valid CSV/);
  });

  it('reads the severities other tools write', () => {
    expect(['SEV1', 'sev 2', 'Sev-3', '4', 'P2', 'critical', 'Minor'].map(readSeverity)).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV2', 'SEV1', 'SEV4']);
    expect(readSeverity('SEV5')).toBeNull();
  });

  it('handles daylight-saving changes deterministically', () => {
    // Skipped hour in Europe/Berlin (31 March 2024, 02:00 -> 03:00): an error, not a shift.
    expect(readTimestamp('2024-03-31 02:30', 'Europe/Berlin')).toMatchObject({ error: expect.stringContaining('does not exist') });
    // Repeated hour (27 October 2024): the first occurrence, still summer time (UTC+2).
    expect(readTimestamp('2024-10-27 02:30', 'Europe/Berlin')).toEqual({ at: new Date('2024-10-27T00:30:00Z') });
    expect(readTimestamp('2024-10-27 02:30+01:00', 'Europe/Berlin')).toEqual({ at: new Date('2024-10-27T01:30:00Z') });
    expect(readTimestamp('2024-02-30 10:00', 'UTC')).toMatchObject({ error: expect.stringContaining('not a valid date') });
  });
});
