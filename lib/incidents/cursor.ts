import { z } from 'zod';

/** The orders a cursor can resume: both are total orders on (startedAt, number). */
export const CURSOR_SORTS = ['started_desc', 'started_asc'] as const;
export type CursorSort = (typeof CURSOR_SORTS)[number];

export interface IncidentCursor {
  sort: CursorSort;
  startedAt: Date;
  number: number;
  id: string;
}

const payloadSchema = z.object({
  s: z.enum(CURSOR_SORTS),
  t: z.iso.datetime(),
  n: z.number().int().min(1),
  i: z.uuid(),
});

/** Opaque to clients: base64url of the last item's sort key (startedAt, number) and id. */
export function encodeCursor(cursor: IncidentCursor): string {
  const payload = { s: cursor.sort, t: cursor.startedAt.toISOString(), n: cursor.number, i: cursor.id };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** The cursor, or null when it was not made by encodeCursor (tampered, truncated, another API's). */
export function decodeCursor(value: string): IncidentCursor | null {
  if (!/^[A-Za-z0-9_-]{1,500}$/.test(value)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return null;
  return { sort: parsed.data.s, startedAt: new Date(parsed.data.t), number: parsed.data.n, id: parsed.data.i };
}

export const isCursorSort = (sort: string): sort is CursorSort => (CURSOR_SORTS as readonly string[]).includes(sort);

/** A decoded cursor (what the filters hold after parsing). */
export function isIncidentCursor(value: unknown): value is IncidentCursor {
  if (!value || typeof value !== 'object') return false;
  const c = value as Partial<Record<keyof IncidentCursor, unknown>>;
  return typeof c.sort === 'string' && isCursorSort(c.sort) && c.startedAt instanceof Date && typeof c.number === 'number' && typeof c.id === 'string';
}
