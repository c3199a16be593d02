import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ticketUrlSchema } from '@/lib/actions/schemas';
import { apiLinkSchema } from '@/lib/factors/schemas';
import { saveSectionSchema } from '@/lib/postmortem/sections';
import { tokenNameSchema } from '@/lib/tokens/schemas';
import { webhookDescriptionSchema, webhookUrlSchema } from '@/lib/webhooks/schemas';
import { BROKEN_CHARACTER_MESSAGE, NUL_MESSAGE } from './pg-text';

// Free-text fields that once reached PostgreSQL with a NUL (a 500, found by the fuzzer in CI runs):
// each refuses it with a field error, while the same text without it passes.
const CASES: [string, z.ZodType, string][] = [
  ['token name', tokenNameSchema, 'CI deploy bot'],
  ['ticket link', ticketUrlSchema, 'https://tracker.example/T-1'],
  ['webhook URL', webhookUrlSchema, 'https://hooks.example/hindsight'],
  ['webhook description', webhookDescriptionSchema, 'Chat relay'],
  ['API factor name', apiLinkSchema.shape.factor, 'Missing alert'],
];

describe('text that may reach PostgreSQL refuses a NUL', () => {
  it.each(CASES)('%s', (_name, schema, valid) => {
    expect(schema.safeParse(valid).success).toBe(true);
    const result = schema.safeParse(`${valid}\u0000`);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(NUL_MESSAGE);
  });
});

describe('text that may reach PostgreSQL refuses half a surrogate pair', () => {
  // "\ud800" alone (JSON can carry it) made the revision of a saved section, a JSON column, fail.
  it.each([...CASES, ['section body', saveSectionSchema.shape.body, 'We rolled back at 14:02.'] as [string, z.ZodType, string]])('%s', (_name, schema, valid) => {
    for (const broken of [`${valid}\ud800`, `\udc00${valid}`]) {
      const result = schema.safeParse(broken);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toContain(BROKEN_CHARACTER_MESSAGE);
    }
  });
});
