/**
 * Arguments for a server action, by parameter name: what the page binds (slug, ids, the incident
 * number), what the client sends (a FormData, or a plain value for the few actions that take
 * one), each valid-shaped or junk. A parameter name not known here makes the fuzz test fail, so a
 * new kind of argument gets a generator instead of going unfuzzed.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { csvCommitSchema } from '@/lib/imports/csv-schemas';
import { eventInputSchema, eventPatchSchema, importRowsSchema } from '@/lib/timeline/schemas';
import { asText, BAD_UUIDS, INT_EDGES, fromJsonSchema, fromZod, junkValue, longString, oddString, propertiesOf, type ValueHints } from './arbitraries';
import { ROOT, type ActionEntry } from './discover';
import type { FuzzWorld } from './seed';

type JsonSchema = Parameters<typeof fromJsonSchema>[0];

/** Plain (non-form) values some actions take, by action and parameter name. */
const VALUE_SCHEMAS: Record<string, z.ZodType> = {
  'addEventAction.input': eventInputSchema,
  'importEventsAction.rows': importRowsSchema,
  'updateEventAction.patch': eventPatchSchema,
  'previewCsvImportAction.input': csvCommitSchema,
  'importCsvAction.input': csvCommitSchema,
};

/** Which seeded rows a parameter or field name refers to. */
function idKinds(name: string): string[] | undefined {
  const kinds: Record<string, string[]> = {
    incidentId: ['incident'], actionId: ['action'], eventId: ['event'], timelineEventId: ['event'], sectionId: ['section'],
    factorId: ['factor'], survivorId: ['factor'], sourceId: ['factor'], linkId: ['link'], commentId: ['comment'], parentId: ['comment'],
    meetingId: ['meeting'], noteId: ['note'], itemId: ['item'], inviteId: ['invite'], tokenId: ['token'], revisionId: ['revision'],
    ownerId: ['user'], facilitatorId: ['user'], userId: ['user'], reviewerIds: ['user'], attendeeIds: ['user'], memberId: ['user', 'membership'],
    membershipId: ['membership'], id: ['webhook', 'factor', 'token', 'invite', 'membership', 'integration'],
  };
  return kinds[name] ?? (/Ids?$/.test(name) ? Object.keys(kinds) : undefined);
}

export function idArb(world: FuzzWorld, kinds: string[]): fc.Arbitrary<string> {
  const ids = kinds.flatMap((k) => world.ids[k] ?? []);
  const junk = fc.oneof(fc.uuid(), fc.constantFrom(...BAD_UUIDS), oddString);
  return ids.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: junk }) : junk;
}

let fieldSchemas: Map<string, JsonSchema> | undefined;

/** Every property of every zod object schema exported by lib/**\/*schemas.ts, by name: how a form field of that name looks. */
async function loadFieldSchemas(): Promise<Map<string, JsonSchema>> {
  if (fieldSchemas) return fieldSchemas;
  const found = new Map<string, JsonSchema>();
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /schemas\.ts$/.test(e.name) ? [path.join(dir, e.name)] : []));
  for (const file of walk(path.join(ROOT, 'lib'))) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (!(value instanceof z.ZodObject)) continue;
      for (const [name, schema] of Object.entries(propertiesOf(value))) if (!found.has(name)) found.set(name, schema);
    }
  }
  return (fieldSchemas = found);
}

function fieldValue(world: FuzzWorld, name: string, schemas: Map<string, JsonSchema>, hints: ValueHints): fc.Arbitrary<string | Blob> {
  const kinds = idKinds(name);
  const schema = schemas.get(name);
  const text = kinds ? idArb(world, kinds) : schema ? fromJsonSchema(schema, hints).map(asText) : oddString;
  return fc.oneof(
    { weight: 12, arbitrary: text },
    { weight: 2, arbitrary: oddString },
    { weight: 1, arbitrary: junkValue.map(asText) },
    { weight: 1, arbitrary: fc.constantFrom(...[1, 3, 100].map((n) => new Blob(['\u0000'.repeat(n)]))) },
  );
}

/** A FormData with some of the action's field names (values valid-shaped or junk), sometimes unknown names too. */
export async function formDataArb(world: FuzzWorld, entry: ActionEntry): Promise<fc.Arbitrary<FormData>> {
  const schemas = await loadFieldSchemas();
  const hints = { uuids: Object.values(world.ids).flat() };
  const names = entry.fieldNames.length ? entry.fieldNames : ['name'];
  const pair = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...names).chain((name) => fieldValue(world, name, schemas, hints).map((v) => [name, v] as const)) },
    { weight: 1, arbitrary: fc.tuple(fc.oneof(oddString, fc.constantFrom('__proto__', 'constructor', '$ACTION_ID_x', '1_$ACTION_REF_1')), fc.oneof(oddString, longString(10_000, 200_000))) },
  );
  return fc.array(pair, { maxLength: 12 }).map((pairs) => {
    const form = new FormData();
    for (const [name, value] of pairs) form.append(name, value);
    // How a counterexample shows it (the default is "[object FormData]").
    const shown = () => `FormData(${fc.stringify(pairs.map(([n, v]) => [n, typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}… (${v.length})` : v]))})`;
    return Object.defineProperty(form, fc.toStringMethod, { value: shown });
  });
}

/** The arbitrary for one parameter of `entry`, or undefined when no generator knows the name. */
export async function paramArb(world: FuzzWorld, entry: ActionEntry, name: string): Promise<fc.Arbitrary<unknown> | undefined> {
  const hints = { uuids: Object.values(world.ids).flat() };
  const value = VALUE_SCHEMAS[`${entry.name}.${name}`];
  if (value) return fromZod(value, hints);
  const kinds = idKinds(name);
  if (kinds) return idArb(world, kinds);
  switch (name) {
    case 'slug':
      return fc.oneof({ weight: 6, arbitrary: fc.constant(world.slug) }, { weight: 1, arbitrary: oddString });
    case '_prev':
      return fc.constantFrom({}, { ok: true }, { values: { __proto__: 'x' } });
    case 'form':
    case '_form':
      // Over HTTP the client encodes every argument: a hand-made request can send anything here.
      return fc.oneof({ weight: 15, arbitrary: await formDataArb(world, entry) }, { weight: 1, arbitrary: fc.constantFrom(undefined, null, 'name=x', {}, [], { get: 1 }) });
    case 'number':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...world.incidentNumbers) }, { weight: 1, arbitrary: junkValue });
    case 'token':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(world.inviteToken) }, { weight: 3, arbitrary: fc.oneof(oddString, fc.base64String({ minLength: 43, maxLength: 44 })) });
    case 'version':
      return fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(...INT_EDGES), junkValue);
    case 'q':
    case 'body':
      return fc.oneof(fc.string({ maxLength: 200 }), oddString, longString(10_000, 200_000));
  }
  return undefined;
}
