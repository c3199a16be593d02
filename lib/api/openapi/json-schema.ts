import { z } from 'zod';

/** A JSON Schema 2020-12 object (what OpenAPI 3.1 uses for schemas). */
export type JsonSchema = { [key: string]: unknown };

export const COMPONENT_PREFIX = '#/components/schemas/';

/** Formats JSON Schema names: zod's long equivalent regular expressions add nothing for a reader. */
const NAMED_FORMATS = new Set(['date-time', 'date', 'uuid', 'email']);

/**
 * zod types with no JSON form, as the API receives them: a Date is only accepted from the forms
 * (the API gets ISO-8601 text), and the one custom type is the incidents list's decoded cursor.
 */
function override(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }): void {
  const type = ctx.zodSchema._zod.def.type;
  if (type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
  if (type === 'custom') ctx.jsonSchema.type = 'string';
}

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Drops what a reader does not need and merges the equal branches a Date-or-string union leaves. */
export function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (!isObject(value)) return value;
  const out: JsonSchema = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$schema' || key === '$id') continue;
    if (key === 'pattern' && typeof value.format === 'string' && NAMED_FORMATS.has(value.format)) continue;
    // z.int() bounds every integer by the safe range; that is JSON's limit anyway, not a rule of ours.
    if ((key === 'maximum' || key === 'minimum') && Math.abs(Number(child)) === Number.MAX_SAFE_INTEGER) continue;
    out[key] = tidy(child);
  }
  if (Array.isArray(out.anyOf)) {
    const branches = (out.anyOf as JsonSchema[]).flatMap((b) => (Object.keys(b).length === 1 && Array.isArray(b.anyOf) ? (b.anyOf as JsonSchema[]) : [b]));
    const unique = [...new Map(branches.map((b) => [JSON.stringify(b), b])).values()];
    delete out.anyOf;
    if (unique.length === 1) return { ...unique[0], ...out };
    out.anyOf = unique;
  }
  return out;
}

/**
 * Converts named zod schemas into `components.schemas`. Named schemas used inside others become
 * `$ref`s. `io: 'input'` describes what a client sends (a field with a default is optional);
 * response schemas have no defaults or transforms, so input and output are the same for them.
 */
export function componentSchemas(named: ReadonlyMap<z.ZodType, string>): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of named) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io: 'input', unrepresentable: 'any', uri: (id) => `${COMPONENT_PREFIX}${id}`, override });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, tidy(schema) as JsonSchema]));
}

/** One inline schema (query parameters are documented one by one, not as a component). */
export function inlineSchema(schema: z.ZodType): JsonSchema {
  return tidy(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', override })) as JsonSchema;
}
