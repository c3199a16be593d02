import { z } from 'zod';
import { pgText } from '@/lib/pg-text';

export const TOKEN_ROLES = ['viewer', 'editor', 'admin'] as const;

export const tokenNameSchema = pgText()
  .trim()
  .min(1, 'Name the token after what uses it, e.g. "CI deploy bot"')
  .max(80, 'Use at most 80 characters');

export const tokenRoleSchema = z.enum(TOKEN_ROLES, 'Pick viewer, editor or admin');

export const createTokenSchema = z.object({
  name: tokenNameSchema,
  role: tokenRoleSchema.default('viewer'),
});

export const revokeTokenSchema = z.object({
  id: z.uuid('Unknown token'),
});

export type CreateTokenInput = z.infer<typeof createTokenSchema>;
