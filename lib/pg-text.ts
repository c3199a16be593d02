import { z } from 'zod';

/** PostgreSQL text cannot hold U+0000: a NUL anywhere makes the whole statement fail (22021). */
export const NUL_MESSAGE = 'Remove the NUL character (U+0000): text cannot contain it.';
const NO_NUL = /^[^\u0000]*$/;

/**
 * z.string() for anything that may reach the database: the same string schema, refusing a NUL
 * byte with a field error (422 / form error) instead of a failed query (500).
 */
export function pgText(params?: Parameters<typeof z.string>[0]): z.ZodString {
  return z.string(params).regex(NO_NUL, NUL_MESSAGE);
}
