import { z } from 'zod';

/** The API's keyset position: the last item's (createdAt, id), newest first. Opaque base64url. */
export interface ActionCursor {
  createdAt: Date;
  id: string;
}

const payloadSchema = z.object({ a: z.literal('action'), t: z.iso.datetime(), i: z.uuid() });

export function encodeActionCursor(cursor: ActionCursor): string {
  return Buffer.from(JSON.stringify({ a: 'action', t: cursor.createdAt.toISOString(), i: cursor.id }), 'utf8').toString('base64url');
}

/** The cursor, or null when it was not made by encodeActionCursor (tampered, truncated, another API's). */
export function decodeActionCursor(value: string): ActionCursor | null {
  if (!/^[A-Za-z0-9_-]{1,500}$/.test(value)) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? { createdAt: new Date(parsed.data.t), id: parsed.data.i } : null;
  } catch {
    return null;
  }
}
