import { z } from 'zod';
import { AppError, type FieldIssue } from '@/lib/errors';

/**
 * zod building blocks for query-string parameters, shared by the pages (search params) and the
 * API (URLSearchParams): each names its parameter in its messages, so a 422 says which one.
 */

export const oneOf = (values: readonly string[]) => values.slice(0, -1).join(', ') + ' or ' + values.at(-1);

/** Search params and query strings give string | string[] | undefined; an empty value is "not set". */
export function single(name: string) {
  return (value: unknown, ctx: z.RefinementCtx): unknown => {
    const values = Array.isArray(value) ? value : [value];
    const set = values.filter((v) => v !== undefined && v !== '');
    if (set.length > 1) ctx.addIssue({ code: 'custom', message: `Give ${name} only once.` });
    return set[0];
  };
}

/** A list parameter: repeated (`status=a&status=b`) or comma-separated (`status=a,b`). */
export const list = <T extends string>(name: string, values: readonly T[], normalize: (s: string) => string = (s) => s) =>
  z.preprocess(
    (value) => {
      if (value === undefined) return undefined;
      const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
      const kept = parts.map((p) => (typeof p === 'string' ? normalize(p.trim()) : p)).filter((p) => p !== '');
      return kept.length ? [...new Set(kept)] : undefined;
    },
    z.array(z.enum(values as [T, ...T[]], { error: `${name} must be ${oneOf(values)}.` })).optional(),
  );

/** Free text; control characters (a NUL would make PostgreSQL refuse the query) become spaces. */
export const text = (name: string, max: number) =>
  z.preprocess(
    single(name),
    z
      .string()
      .transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim())
      .pipe(z.string().max(max, `${name} must be at most ${max} characters.`))
      .transform((s) => s || undefined)
      .optional(),
  );

export const choice = <T extends string>(name: string, values: readonly T[]) =>
  z.preprocess(single(name), z.enum(values as [T, ...T[]], { error: `${name} must be ${oneOf(values)}.` }).optional());

export const wholeNumber = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number.` })
    .int(`${name} must be a whole number.`)
    .min(min, `${name} must be at least ${min}.`)
    .max(max, `${name} must be at most ${max}.`);

export const integer = (name: string, min: number, max: number, fallback: number) => z.preprocess(single(name), wholeNumber(name, min, max).default(fallback));

export const optionalInteger = (name: string, min: number, max: number) => z.preprocess(single(name), wholeNumber(name, min, max).optional());


/**
 * For the API: the query string's values for `known` keys. An unknown parameter is a 422 naming
 * it (a typo must not silently return unfiltered data).
 */
export function knownParams(params: URLSearchParams, known: readonly string[]): Record<string, string[]> {
  const unknown: FieldIssue[] = [...new Set(params.keys())]
    .filter((key) => !known.includes(key))
    .map((key) => ({ path: [key], message: `Unknown parameter ${key}; known parameters: ${known.join(', ')}.` }));
  if (unknown.length) throw new AppError('VALIDATION', unknown[0]!.message, { fields: unknown });
  const raw: Record<string, string[]> = {};
  for (const key of known) {
    const values = params.getAll(key);
    if (values.length) raw[key] = values;
  }
  return raw;
}

/**
 * For pages: a hand-edited or stale URL should still show something. Parses `input`'s `keys`
 * with `schema`; each bad parameter is reported (by key) and dropped, and the rest apply.
 */
export function parseLeniently<K extends string, T>(
  schema: z.ZodType<T>,
  keys: readonly K[],
  input: Record<string, string | string[] | undefined>,
): { value: T; errors: Partial<Record<K, string>> } {
  const errors: Partial<Record<K, string>> = {};
  const kept: Record<string, unknown> = {};
  for (const key of keys) kept[key] = input[key];
  for (let attempt = 0; attempt <= keys.length; attempt++) {
    const parsed = schema.safeParse(kept);
    if (parsed.success) return { value: parsed.data, errors };
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (!(keys as readonly unknown[]).includes(key)) continue;
      errors[key as K] ??= issue.message;
      delete kept[key as K];
    }
  }
  return { value: schema.parse({}), errors };
}
