import { isTimeZone } from '@/lib/time-zone';
import { z } from 'zod';
import { pgText } from '@/lib/pg-text';

export const RESERVED_SLUGS = new Set(['new', 'api', 'admin', 'settings', 'sign-in', 'sign-up', 'invite', 'me']);

export const teamSlugSchema = pgText()
  .trim()
  .toLowerCase()
  .min(2, 'Use at least 2 characters')
  .max(40, 'Use at most 40 characters')
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'Use lowercase letters, digits and dashes (not at the start or end)')
  .refine((s) => !RESERVED_SLUGS.has(s), 'This name is reserved');

/**
 * A slug taken from a URL or query string, only to look a team up: anything that cannot be a slug
 * (NUL bytes, which PostgreSQL refuses in text, odd Unicode, kilobytes) is an unknown team.
 */
export const teamSlugKeySchema = pgText().max(40).regex(/^[a-z0-9-]+$/);

export const createTeamSchema = z.object({
  name: pgText().trim().min(1, 'Enter a team name').max(80, 'Use at most 80 characters'),
  slug: teamSlugSchema,
  timeZone: pgText()
    .trim()
    .default('UTC')
    .refine(isTimeZone, 'Pick a valid IANA time zone, like Europe/Berlin'),
});

export const roleSchema = z.enum(['viewer', 'editor', 'admin']);
