import { describe, expect, it } from 'vitest';
import { parseChatLog, type ImportedLine } from './import';
import { guessKind } from './import-kind';

const UTC = { incidentStart: new Date('2024-05-01T13:50:00Z'), timeZone: 'UTC' };
const iso = (lines: ImportedLine[]) => lines.map((l) => l.occurredAt?.toISOString() ?? null);

describe('parseChatLog: text formats', () => {
  it.each([
    ['[2024-05-01 14:02] alice: text', '2024-05-01T14:02:00.000Z', 'alice'],
    ['[2024-05-01 14:02:33] alice: text', '2024-05-01T14:02:33.000Z', 'alice'],
    ['2024-05-01 14:02 alice: text', '2024-05-01T14:02:00.000Z', 'alice'],
    ['2024/05/01 14:02 - alice: text', '2024-05-01T14:02:00.000Z', 'alice'],
    ['[14:02] alice: text', '2024-05-01T14:02:00.000Z', 'alice'],
    ['14:02 alice: text', '2024-05-01T14:02:00.000Z', 'alice'],
    ['14:02:07 alice: text', '2024-05-01T14:02:07.000Z', 'alice'],
    ['9:05 alice: text', '2024-05-01T09:05:00.000Z', 'alice'],
    ['2024-05-01T14:02:33Z alice: text', '2024-05-01T14:02:33.000Z', 'alice'],
    ['2024-05-01T16:02:33+02:00 alice: text', '2024-05-01T14:02:33.000Z', 'alice'],
    ['2024-05-01T09:02:33.25-0500 alice: text', '2024-05-01T14:02:33.250Z', 'alice'],
    ['[2024-05-01 14:02 UTC] alice: text', '2024-05-01T14:02:00.000Z', 'alice'],
    ['[2024-05-01 16:02 +02:00] alice: text', '2024-05-01T14:02:00.000Z', 'alice'],
    ['[14:02] <alice> text', '2024-05-01T14:02:00.000Z', 'alice'],
    ['2024-05-01 14:02:33 <alice.b> text', '2024-05-01T14:02:33.000Z', 'alice.b'],
    ['14:02 text', '2024-05-01T14:02:00.000Z', null],
  ])('%s', (line, at, author) => {
    const [entry, ...more] = parseChatLog(line, UTC);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ lineNo: 1, raw: line, author, body: 'text' });
    expect(entry?.occurredAt?.toISOString()).toBe(at);
    expect(entry?.error).toBeUndefined();
  });

  it('reads dated lines without an offset in the given zone', () => {
    const opts = { incidentStart: new Date('2024-05-01T10:00:00Z'), timeZone: 'Europe/Berlin' };
    expect(iso(parseChatLog('[2024-05-01 14:02] a: x\n2024-05-01T14:02:00Z b: y', opts))).toEqual(['2024-05-01T12:02:00.000Z', '2024-05-01T14:02:00.000Z']);
  });

  it('keeps text that only looks like an author or an offset', () => {
    const [a, b, c] = parseChatLog('14:02 https://grafana.example/d/1 is red\n14:03 +10 more errors\n14:04 Alice Smith: hi', UTC);
    expect(a).toMatchObject({ author: null, body: 'https://grafana.example/d/1 is red' });
    expect(b).toMatchObject({ author: null, body: '+10 more errors' });
    expect(b?.occurredAt?.toISOString()).toBe('2024-05-01T14:03:00.000Z');
    expect(c).toMatchObject({ author: null, body: 'Alice Smith: hi' });
  });

  it('reads JSON-looking text that is not a Slack export as text', () => {
    expect(parseChatLog('[14:02] alice: x', UTC)).toHaveLength(1);
    expect(parseChatLog('{"not": "slack"}', UTC)).toMatchObject([{ body: '{"not": "slack"}', occurredAt: null }]);
  });

  it('rejects an unknown time zone or start as a caller error', () => {
    expect(() => parseChatLog('14:02 a: x', { ...UTC, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => parseChatLog('14:02 a: x', { ...UTC, incidentStart: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe('parseChatLog: continuation lines', () => {
  it('appends lines without a stamp to the previous entry and ignores blank lines', () => {
    const log = ['[14:02] alice: first line', '  second line', '', 'third line', '[14:03] bob: next', '\r'].join('\n');
    const [a, b, ...rest] = parseChatLog(log, UTC);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ lineNo: 1, author: 'alice', body: 'first line\nsecond line\nthird line' });
    expect(a?.raw).toBe('[14:02] alice: first line\n  second line\nthird line');
    expect(b).toMatchObject({ lineNo: 5, body: 'next' });
  });

  it('keeps text before the first stamp as an entry without a time, with an error', () => {
    const [head, entry] = parseChatLog('#incident-42\nexported by bot\n\r\n14:02 alice: x', UTC);
    expect(head).toMatchObject({ lineNo: 1, occurredAt: null, body: '#incident-42\nexported by bot', error: expect.stringMatching(/no time stamp/i) });
    expect(entry).toMatchObject({ lineNo: 4, body: 'x' });
  });

  it('handles Windows and old Mac line endings', () => {
    expect(parseChatLog('14:02 a: x\r\n more\r14:03 b: y', UTC).map((l) => l.body)).toEqual(['x\nmore', 'y']);
  });
});

describe('parseChatLog: dates of time-only lines', () => {
  it('rolls to the next day when the clock goes backwards past midnight', () => {
    const log = '23:58 a: one\n23:59 a: two\n00:03 a: three\n00:03 a: same minute\n01:00 a: four\n22:00 a: five\n01:00 a: six';
    expect(iso(parseChatLog(log, UTC))).toEqual([
      '2024-05-01T23:58:00.000Z',
      '2024-05-01T23:59:00.000Z',
      '2024-05-02T00:03:00.000Z',
      '2024-05-02T00:03:00.000Z',
      '2024-05-02T01:00:00.000Z',
      '2024-05-02T22:00:00.000Z',
      '2024-05-03T01:00:00.000Z',
    ]);
  });

  it('takes the date from the incident start in the zone, then from dated lines', () => {
    const start = new Date('2024-05-01T23:30:00Z'); // 16:30 on May 1 in Los Angeles, 01:30 on May 2 in Berlin
    expect(iso(parseChatLog('14:02 a: x', { incidentStart: start, timeZone: 'America/Los_Angeles' }))).toEqual(['2024-05-01T21:02:00.000Z']);
    expect(iso(parseChatLog('14:02 a: x', { incidentStart: start, timeZone: 'Europe/Berlin' }))).toEqual(['2024-05-02T12:02:00.000Z']);
    expect(iso(parseChatLog('[2024-06-10 09:00] a: x\n09:30 a: y\n2024-06-11T23:00:00Z a: z\n10:00 a: w', UTC))).toEqual([
      '2024-06-10T09:00:00.000Z',
      '2024-06-10T09:30:00.000Z',
      '2024-06-11T23:00:00.000Z',
      '2024-06-12T10:00:00.000Z',
    ]);
  });

  it('marks invalid stamps with an error, keeps their text and skips them for the day', () => {
    const lines = parseChatLog('23:50 a: x\n25:61 b: bad time\n[2024-02-30 10:00] c: bad date\n2024-05-01T10:00+25:00 d: bad offset\n24:00 e: y\n23:55 f: z', UTC);
    expect(lines.map((l) => [l.occurredAt?.toISOString() ?? null, l.error ?? null, l.author, l.body])).toEqual([
      ['2024-05-01T23:50:00.000Z', null, 'a', 'x'],
      [null, 'Invalid time in "25:61"', 'b', 'bad time'],
      [null, 'Invalid date in "[2024-02-30 10:00]"', 'c', 'bad date'],
      [null, 'Invalid UTC offset +25:00', 'd', 'bad offset'],
      [null, 'Invalid time in "24:00"', 'e', 'y'],
      ['2024-05-01T23:55:00.000Z', null, 'f', 'z'],
    ]);
  });
});

describe('parseChatLog: daylight-saving days', () => {
  // 2024-03-10 in Los Angeles: 02:00 PST jumps to 03:00 PDT.
  const LA = { incidentStart: new Date('2024-03-10T09:00:00Z'), timeZone: 'America/Los_Angeles' };

  it('spring forward: real times on either side, an error (not a shift) in the skipped hour', () => {
    const lines = parseChatLog('01:30 a: before\n02:30 b: skipped\n03:15 c: after\n[2024-03-10 02:15] d: dated skipped', LA);
    expect(iso(lines)).toEqual(['2024-03-10T09:30:00.000Z', null, '2024-03-10T10:15:00.000Z', null]);
    expect(lines[1]?.error).toMatch(/2024-03-10 02:30 does not exist in America\/Los_Angeles/);
    expect(lines[3]?.error).toMatch(/02:15 does not exist/);
    expect(lines[1]).toMatchObject({ author: 'b', body: 'skipped' });
  });

  it('rolls over midnight into the daylight-saving day', () => {
    const opts = { ...LA, incidentStart: new Date('2024-03-10T07:00:00Z') }; // 23:00 PST on March 9
    expect(iso(parseChatLog('23:50 a: x\n01:59 a: y\n03:00 a: z', opts))).toEqual(['2024-03-10T07:50:00.000Z', '2024-03-10T09:59:00.000Z', '2024-03-10T10:00:00.000Z']);
  });

  // 2024-10-27 in Berlin: 03:00 CEST falls back to 02:00 CET, so 02:00-02:59 happens twice.
  const BERLIN = { incidentStart: new Date('2024-10-26T22:00:00Z'), timeZone: 'Europe/Berlin' };

  it('fall back: a lone ambiguous time is its first occurrence (summer time)', () => {
    expect(iso(parseChatLog('02:30 a: x', BERLIN))).toEqual(['2024-10-27T00:30:00.000Z']);
    expect(iso(parseChatLog('[2024-10-27 02:30] a: x', BERLIN))).toEqual(['2024-10-27T00:30:00.000Z']);
  });

  it('fall back: a repeated time after a later one is its second occurrence, not the next day', () => {
    const log = '01:55 a: w\n02:45 a: x\n02:30 a: y\n02:50 a: z\n03:05 a: v';
    expect(iso(parseChatLog(log, BERLIN))).toEqual([
      '2024-10-26T23:55:00.000Z',
      '2024-10-27T00:45:00.000Z', // 02:45 CEST
      '2024-10-27T01:30:00.000Z', // 02:30 CET
      '2024-10-27T01:50:00.000Z', // 02:50 CET
      '2024-10-27T02:05:00.000Z',
    ]);
  });

  it('does not depend on the server time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/New_York', 'Asia/Kolkata', 'Europe/Berlin']) {
        process.env.TZ = tz;
        expect(iso(parseChatLog('02:45 a: x\n02:30 a: y', BERLIN))).toEqual(['2024-10-27T00:45:00.000Z', '2024-10-27T01:30:00.000Z']);
        expect(iso(parseChatLog('01:30 a: x\n03:15 a: y', LA))).toEqual(['2024-03-10T09:30:00.000Z', '2024-03-10T10:15:00.000Z']);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('guessKind', () => {
  it.each([
    ['Got paged: 5xx alert on checkout', 'detection'],
    ['noticed p99 going up', 'detection'],
    ['investigating, seeing timeouts in the graph', 'diagnosis'],
    ['rolled back to v41', 'action'],
    ['restarted the api pods', 'action'],
    ['failover to us-east-2 done', 'action'],
    ['error rate mitigated by the rollback', 'mitigation'],
    ['resolved, all clear', 'resolution'],
    ['posted on the status page for customers', 'communication'],
    ['escalating to the database team', 'escalation'],
    ['paging the storage team', 'escalation'],
    ['coffee', 'note'],
  ] as const)('%s -> %s', (text, kind) => {
    expect(guessKind(text)).toBe(kind);
  });

  it('is applied to the whole multi-line body', () => {
    expect(parseChatLog('14:02 a: update\nwe rolled back', UTC)[0]?.kind).toBe('action');
  });
});
