import { z } from 'zod';

/** PostgreSQL text cannot hold U+0000: a NUL anywhere makes the whole statement fail (22021). */
export const NUL_MESSAGE = 'Remove the NUL character (U+0000): text cannot contain it.';
/**
 * Half of a UTF-16 surrogate pair on its own (JSON's "\ud800") is no character at all: a text
 * column would store it as U+FFFD, and a JSON column (revisions, audit rows, webhook payloads)
 * refuses the whole statement.
 */
export const BROKEN_CHARACTER_MESSAGE = 'Remove the broken character (half of a UTF-16 surrogate pair): text cannot contain it.';
const NO_NUL = /^[^\u0000]*$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * z.string() for anything that may reach the database: the same string schema, refusing a NUL
 * or a lone surrogate with a field error (422 / form error) instead of a failed query (500).
 */
export function pgText(params?: Parameters<typeof z.string>[0]): z.ZodString {
  return z
    .string(params)
    .regex(NO_NUL, NUL_MESSAGE)
    .refine((s) => !LONE_SURROGATE.test(s), BROKEN_CHARACTER_MESSAGE);
}
