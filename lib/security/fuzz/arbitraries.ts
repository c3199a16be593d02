/**
 * fast-check arbitraries for the fuzz tests: junk of every kind (odd Unicode, wrong types, huge
 * and out-of-range values, prototype-pollution keys) and valid-shaped values generated from the
 * app's own zod schemas (through their JSON Schema), with any leaf swapped for junk now and then.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { withoutLeaks } from './leaks';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/** Strings that have broken parsers, databases and renderers before. */
export const ODD_STRINGS: readonly string[] = [
  '', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDFFFy', '\uFFFE\uFFFF', '\u202Eevil\u202C', '\u200F\u200E\u200B', '\uFEFF',
  '👩‍👩‍👧‍👦🔥', 'e\u0301\u0301\u0301', 'Z\u0364\u0351\u0313\u0300', '\r\n\t\v\f', '%00', '%', '%zz', "' OR 1=1 --", '"; DROP TABLE "Team"; --',
  '../../etc/passwd', '${7*7}', '{{7*7}}', '<script>alert(1)</script>', '\\', 'null', 'undefined', 'NaN', '-0', '1e309', 'true',
  '__proto__', 'constructor', 'prototype', '🏳️‍🌈'.repeat(50), 'ǅ', 'İ', 'ß', '\u0085', '\u2028\u2029',
];

export const ODD_NUMBERS: readonly number[] = [0, -0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN];

/** Where PostgreSQL integer columns and JavaScript's safe integers end. */
export const INT_EDGES: readonly number[] = [2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 2 ** 53];

export const ODD_DATES: readonly string[] = [
  '0000-01-01T00:00:00Z', '0001-01-01', '-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00.001Z', '9999-12-31T23:59:59.999Z', '1969-12-31T23:59:59Z',
  '2026-02-30', '2026-13-01', '2026-01-01T25:00:00Z', '2026-01-01T00:00:00+25:00', '2026-01-01T00:00:00', '1e10', '2026-W01', '1970-01-01',
  '2026-03-29T02:30:00+01:00', '99999-01-01', '2026-01-01T00:00:00.123456789Z',
];

export const BAD_UUIDS: readonly string[] = [
  'not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '123', '-1', '1.5', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  '0aa5d1b4-7d8c-4c5b-9c1e-7f1c2b3a4d5e\u0000', '{0aa5d1b4-7d8c-4c5b-9c1e-7f1c2b3a4d5e}', '0AA5D1B47D8C4C5B9C1E7F1C2B3A4D5E',
];

export const POLLUTION_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** A string that is long (up to `max` characters), made of one repeated odd unit. */
export function longString(min: number, max: number): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min, max }), fc.constantFrom('x', 'ä', '€', '😀', '\u0000', 'e\u0301', '\u202E')).map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));
}

export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(withoutLeaks) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map(withoutLeaks) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(withoutLeaks) },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_UUIDS, ...ODD_DATES) },
  { weight: 1, arbitrary: longString(1_000, 20_000) },
);

/** Any JSON-ish value of the wrong kind. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: oddString },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, undefined, [], {}, [null], { __proto__: { admin: true } }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(withoutLeaks(JSON.stringify(v) ?? 'null')) as unknown) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...POLLUTION_KEYS), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }) },
);

function leaf<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: junkValue });
}

function isoDate(): fc.Arbitrary<string> {
  return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString());
}

/** Characters that break things when they land inside an otherwise valid string. */
const INJECTED = ['\u0000', '\u0000', '\u0000', '\uD800', '\uDC00', '\u202E', '\uFEFF', '\u0301', '\r\n', '\u2028', '🔥', '%00', "'"];

/** A valid string with an odd character slipped in somewhere (the commonest way junk gets past a form). */
export function injected(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 1, arbitrary: fc.tuple(valid, fc.nat(), fc.constantFrom(...INJECTED)).map(([v, at, c]) => `${v.slice(0, at % (v.length + 1))}${c}${v.slice(at % (v.length + 1))}`) },
  );
}

export interface ValueHints {
  /** Ids of seeded rows, tried for a uuid-formatted string. */
  uuids: readonly string[];
}

function stringArb(s: JsonSchema, hints: ValueHints): fc.Arbitrary<string> {
  switch (s.format) {
    case 'uuid':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...hints.uuids) }, { weight: 1, arbitrary: fc.uuid() });
    case 'date-time':
      return isoDate();
    case 'date':
      return isoDate().map((d) => d.slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
    case 'url':
      return fc.webUrl();
  }
  const max = Math.min(s.maxLength ?? 60, 200);
  const min = Math.min(s.minLength ?? 0, max);
  return fc.string({ minLength: min, maxLength: max }).map(withoutLeaks);
}

/** Valid-shaped values for a JSON Schema, every leaf sometimes swapped for junk. */
export function fromJsonSchema(schema: JsonSchema, hints: ValueHints, root: JsonSchema = schema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return junkValue;
  const next = (s: JsonSchema) => fromJsonSchema(s, hints, root, depth + 1);
  if (schema.$ref) {
    const def = root.$defs?.[schema.$ref.replace('#/$defs/', '')];
    return def ? next(def) : junkValue;
  }
  if (schema.const !== undefined) return leaf(fc.constant(schema.const));
  if (schema.enum) return leaf(fc.constantFrom(...schema.enum));
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map(next));
  if (schema.allOf?.length) return next(schema.allOf[0]!);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return leaf(injected(stringArb(schema, hints)));
    case 'integer': {
      // The schema's own bounds and one past them, and the PostgreSQL integer edges.
      const edges = [schema.minimum, schema.maximum].flatMap((b) => (b === undefined ? [] : [b - 1, b, b + 1]));
      const range = fc.integer({ min: Math.max(schema.minimum ?? -5, -1e6), max: Math.min(schema.maximum ?? 1_000, 1e9) });
      return leaf(fc.oneof({ weight: 4, arbitrary: range }, { weight: 1, arbitrary: fc.constantFrom(...edges, ...INT_EDGES) }));
    }
    case 'number':
      return leaf(fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true }));
    case 'boolean':
      return leaf(fc.boolean());
    case 'null':
      return leaf(fc.constant(null));
    case 'array':
      return leaf(fc.array(schema.items ? next(schema.items) : junkValue, { maxLength: 4 }));
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const keys = Object.keys(props);
      const valid = fc.record(Object.fromEntries(keys.map((k) => [k, next(props[k]!)])), { requiredKeys: keys.filter((k) => required.has(k)) });
      const extra = fc.dictionary(fc.oneof(fc.constantFrom(...POLLUTION_KEYS), oddString), junkValue, { maxKeys: 2 });
      return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: fc.tuple(valid, extra).map(([v, e]) => Object.assign(Object.create(null) as object, v, e)) }, { weight: 1, arbitrary: junkValue });
    }
  }
  return junkValue;
}

/** The JSON Schema (input side) of a zod schema, or an empty schema when it has none. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return {};
  }
}

/** Valid-shaped (and mutated) values for a zod schema, mixed with plain junk. */
export function fromZod(schema: z.ZodType, hints: ValueHints): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: fromJsonSchema(jsonSchemaOf(schema), hints) }, { weight: 1, arbitrary: junkValue });
}

/** The top-level properties of a zod object schema, by name (for form fields and query parameters). */
export function propertiesOf(schema: z.ZodType): Record<string, JsonSchema> {
  const js = jsonSchemaOf(schema);
  const target = js.$ref ? js.$defs?.[js.$ref.replace('#/$defs/', '')] : js;
  return target?.properties ?? {};
}

/** A value as a form or query string would carry it. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return typeof value === 'object' ? (JSON.stringify(value) ?? '') : String(value);
  } catch {
    return String(value);
  }
}

/** `text` with lone surrogates replaced (what a URL or header can carry): String#toWellFormed of ES2024. */
export function wellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, '\uFFFD');
}
