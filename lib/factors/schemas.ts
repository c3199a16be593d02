import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { MAX_ROW_VERSION, VERSION_TOO_LARGE } from '@/lib/row-version';

/** The categories of a contributing factor (matches the Prisma enum FactorCategory), in the order forms offer them. */
export const FACTOR_CATEGORIES = ['technical', 'process', 'organizational', 'external', 'human_factors'] as const;
export type FactorCategoryName = (typeof FACTOR_CATEGORIES)[number];
export const CATEGORY_LABEL: Record<FactorCategoryName, string> = {
  technical: 'Technical',
  process: 'Process',
  organizational: 'Organizational',
  external: 'External',
  human_factors: 'Human factors',
};

export const MAX_NAME_LENGTH = 120;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_HOW_LENGTH = 4000;

const name = pgText().trim().min(2, 'Name the factor (at least 2 characters)').max(MAX_NAME_LENGTH, `At most ${MAX_NAME_LENGTH} characters`);
const category = z.enum(FACTOR_CATEGORIES, { message: `Pick a category: ${FACTOR_CATEGORIES.join(', ')}` });
const description = pgText().trim().max(MAX_DESCRIPTION_LENGTH, `At most ${MAX_DESCRIPTION_LENGTH} characters`);
const version = z.coerce.number<unknown>().int('A whole number').min(1, 'The version you loaded').max(MAX_ROW_VERSION, VERSION_TOO_LARGE);
const how = pgText().trim().min(1, 'Say how this factor contributed').max(MAX_HOW_LENGTH, `At most ${MAX_HOW_LENGTH} characters`);

export const factorIdSchema = z.uuid({ message: 'Not a factor id' });

export const factorInputSchema = z.object({ name, category, description: description.default('') });
export type FactorInput = z.infer<typeof factorInputSchema>;

export const factorPatchSchema = z.object({ version, name, category, description: description.default('') });

export const archiveSchema = z.object({ version, archived: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const mergeSchema = z
  .object({ sourceId: factorIdSchema, survivorId: z.uuid({ message: 'Pick the factor to keep' }) })
  .refine((m) => m.sourceId !== m.survivorId, { message: 'Pick a different factor to merge into', path: ['survivorId'] });

/** Linking from the incident page: an existing factor by id, or a new one by name and category. */
export const linkExistingSchema = z.object({ factorId: factorIdSchema, howItContributed: how });
export const linkNewSchema = z.object({ newName: name, category, howItContributed: how });

export const linkPatchSchema = z.object({ version, howItContributed: how });
export const unlinkSchema = z.object({ version });

/** POST /api/v1/incidents/{id}/factors: a factor by id or name; category only needed to create one. */
export const apiLinkSchema = z.strictObject({
  factor: pgText()
    .trim()
    .min(1, 'Give a factor id or name')
    .max(MAX_NAME_LENGTH, `At most ${MAX_NAME_LENGTH} characters`)
    .meta({ description: 'A factor id, or a name matched ignoring case; an unknown name creates the factor.' }),
  category: category.optional().meta({ description: 'Needed only to create a new factor.' }),
  description: description.optional().meta({ description: 'Of a new factor.' }),
  howItContributed: how.meta({ description: 'How this condition made the incident possible or worse.' }),
});

export const catalogQuerySchema = z.object({
  q: pgText().trim().max(MAX_NAME_LENGTH, `At most ${MAX_NAME_LENGTH} characters`).optional().meta({ description: 'Fuzzy name match, best first.' }),
  category: category.optional().meta({ description: 'Only factors of this category.' }),
  includeArchived: z
    .enum(['true', 'false'], { message: 'true or false' })
    .optional()
    .transform((v) => v === 'true').meta({ description: 'true to list archived factors too.' }),
});
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

/** One factor of the catalog with its counts (JSON-safe, the API returns it as is). */
export interface FactorSummary {
  id: string;
  name: string;
  category: FactorCategoryName;
  description: string;
  archived: boolean;
  version: number;
  incidentCount: number;
  openActionCount: number;
}

/** One link of an incident to a factor, as the incident's factors tab and the API show it. */
export interface IncidentFactorView {
  id: string;
  incidentId: string;
  factorId: string;
  factorName: string;
  category: FactorCategoryName;
  howItContributed: string;
  version: number;
}
