import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type IncidentCursor } from './cursor';
import { parseIncidentQuery } from './schemas';

const cursor: IncidentCursor = { sort: 'started_desc', startedAt: new Date('2026-03-01T23:30:00.123Z'), number: 42, id: '6f1c7c2e-9a44-4d0e-8a57-1f0f4b0e2b11' };

describe('incident cursors', () => {
  it('round-trip as URL-safe text, to the millisecond', () => {
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it('refuse anything else', () => {
    const text = encodeCursor(cursor);
    for (const bad of ['', 'abc', text.slice(0, -3), `${text}!`, Buffer.from('{"s":"severity","t":"x","n":1,"i":"y"}').toString('base64url')]) {
      expect(decodeCursor(bad), bad).toBeNull();
    }
  });
});

describe('cursor and limit parameters', () => {
  const query = (s: string) => parseIncidentQuery(new URLSearchParams(s));
  it('decode the cursor and read the limit', () => {
    expect(query(`limit=10&cursor=${encodeCursor(cursor)}`)).toMatchObject({ limit: 10, cursor });
  });
  it('refuse a cursor for another sort, a search order or a page', () => {
    for (const q of [`sort=started_asc&cursor=${encodeCursor(cursor)}`, 'sort=severity&limit=5', 'q=db&limit=5', 'page=2&limit=5']) expect(() => query(q), q).toThrow(/cursor|limit/);
  });
});
