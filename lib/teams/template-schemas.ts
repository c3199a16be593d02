import { z } from 'zod';
import { pgText } from '@/lib/pg-text';

export const MAX_TEMPLATE_SECTIONS = 30;

/** One section as the editor submits it: `id` for an existing section, none for a new one. */
export const templateSectionInputSchema = z.object({
  id: z.uuid().optional(),
  key: pgText().optional(),
  title: pgText().trim().min(1, 'Give every section a title').max(80, 'Use at most 80 characters for a title'),
  guidance: pgText().trim().max(1000, 'Use at most 1000 characters of guidance').default(''),
});

export const saveTemplateSchema = z.object({
  sections: z
    .array(templateSectionInputSchema)
    .min(1, 'Keep at least one section')
    .max(MAX_TEMPLATE_SECTIONS, `Use at most ${MAX_TEMPLATE_SECTIONS} sections`)
    .refine((s) => new Set(s.map((x) => x.title.trim().toLowerCase())).size === s.length, 'Give each section a different title'),
  /** The version of every section the editor was showing, by id (a stale one is a CONFLICT). */
  versions: z.record(pgText(), z.number().int().min(1)),
});

export type TemplateSectionInput = z.input<typeof templateSectionInputSchema>;

/** A stable key for a new section: its title in lower case, words joined by `_` (e.g. "what_went_well"). */
export function keyFromTitle(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'section';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}
