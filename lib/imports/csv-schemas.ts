import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { isTimeZone } from '@/lib/time-zone';
import { CSV_FIELDS, type CsvField } from './csv-fields';

/** What the import page sends for a preview and for the import itself (parsed on the server). */

const column = z.int().min(0).max(500).nullable().optional();

export const csvImportRequestSchema = z.object({
  fileName: pgText().max(255).default(''),
  csv: pgText({ error: 'Choose a CSV file.' }).min(1, 'Choose a CSV file.'),
  mapping: z.object(Object.fromEntries(CSV_FIELDS.map((f) => [f, column])) as Record<CsvField, typeof column>).default({}),
  defaultTimeZone: pgText().trim().refine(isTimeZone, 'Pick a valid IANA time zone, like Europe/Berlin.'),
  servicesSeparator: z.enum([';', '|'], { error: 'Services are separated by ; or |.' }).default(';'),
});
export type CsvImportRequest = z.infer<typeof csvImportRequestSchema>;

export const csvCommitSchema = csvImportRequestSchema.extend({
  /** Explicit consent to leave out the rows with errors (otherwise any error refuses the import). */
  skipInvalid: z.boolean().default(false),
  /** The number of incidents the preview promised; a different count on the server refuses the import. */
  expectedCount: z.int().min(1),
});
