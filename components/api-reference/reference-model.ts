import type { OpenApiDocument, OpenApiObject } from '@/lib/api/openapi/document';
import { ROLE_EXTENSION } from '@/lib/api/openapi/document';
import { COMPONENT_PREFIX, type JsonSchema } from '@/lib/api/openapi/json-schema';

/**
 * The OpenAPI document, read for people: the reference page renders these rows. Everything here
 * comes from the document (which comes from the zod schemas), so the page cannot disagree with it.
 */

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
  values: string[];
  defaultValue: string | null;
}

export interface ResponseRow {
  status: string;
  description: string;
  body: string | null;
}

export interface OperationView {
  id: string;
  method: string;
  path: string;
  role: string;
  summary: string;
  description: string;
  parameters: (FieldRow & { location: string })[];
  bodyName: string | null;
  bodyFields: FieldRow[];
  responses: ResponseRow[];
  curl: string;
}

export interface TagView {
  name: string;
  slug: string;
  description: string;
  operations: OperationView[];
}

const slugOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const refName = (ref: unknown) => (typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : '');

/** A short type for a reader: `string (date-time)`, `array of SEV1 | SEV2`, `ActionItem or null`. */
export function typeLabel(schema: JsonSchema): string {
  if (typeof schema.$ref === 'string') return refName(schema.$ref);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(typeLabel).join(' or ');
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.type === 'array') return Array.isArray(schema.prefixItems) ? 'array (pair)' : `array of ${typeLabel((schema.items as JsonSchema | undefined) ?? {})}`;
  const types = Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === 'string' ? [schema.type] : ['any'];
  return types.map((type) => (typeof schema.format === 'string' && type !== 'null' ? `${type} (${schema.format})` : type)).join(' or ');
}

/** Enum values anywhere in a field's schema (`status` of a list parameter has them on its items). */
function values(schema: JsonSchema): string[] {
  if (Array.isArray(schema.enum)) return schema.enum.map(String);
  if (schema.items && typeof schema.items === 'object') return values(schema.items as JsonSchema);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).flatMap(values);
  return [];
}

function fieldRow(name: string, schema: JsonSchema, required: boolean): FieldRow {
  return {
    name,
    type: typeLabel(schema),
    required,
    description: typeof schema.description === 'string' ? schema.description : '',
    values: values(schema),
    defaultValue: schema.default === undefined ? null : JSON.stringify(schema.default),
  };
}

function objectFields(schema: JsonSchema): FieldRow[] {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([name, field]) => fieldRow(name, field, required.has(name)));
}

/** A plausible value of a field for the curl example. */
function example(schema: JsonSchema): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(schema.anyOf)) return example((schema.anyOf as JsonSchema[])[0] ?? {});
  if (schema.format === 'date-time') return '2026-03-08T14:02:00Z';
  if (schema.type === 'integer' || schema.type === 'number') return 1;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'array') return [];
  return '…';
}

function curlOf(method: string, path: string, token: boolean, body: JsonSchema | null, origin: string): string {
  const url = path.replace(/\{([^}]+)\}/g, '<$1>');
  const lines = [`curl ${method === 'GET' ? '' : `-X ${method} `}'${origin}${url}'`];
  if (token) lines.push(`-H 'Authorization: Bearer <token>'`);
  if (body) {
    const required = new Set((body.required as string[] | undefined) ?? []);
    const sample = Object.fromEntries(Object.entries((body.properties ?? {}) as Record<string, JsonSchema>).filter(([name]) => required.has(name)).map(([name, field]) => [name, example(field)]));
    lines.push(`-H 'Content-Type: application/json'`, `-d '${JSON.stringify(sample).replace(/'/g, "'\\''")}'`);
  }
  return lines.join(' \\\n  ');
}

/** The document grouped by tag, in the document's tag order; `origin` goes into the curl examples. */
export function referenceModel(document: OpenApiDocument, origin: string): TagView[] {
  const schemas = document.components.schemas;
  const resolve = (schema: JsonSchema | undefined) => (schema && typeof schema.$ref === 'string' ? schemas[schema.$ref.slice(COMPONENT_PREFIX.length)] : schema);
  const byTag = new Map(document.tags.map((tag) => [tag.name, { ...tag, slug: slugOf(tag.name), operations: [] as OperationView[] }]));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OpenApiObject][]) {
      const bodyRef = ((operation.requestBody as OpenApiObject | undefined)?.content as Record<string, { schema: JsonSchema }> | undefined)?.['application/json']?.schema;
      const body = resolve(bodyRef) ?? null;
      const role = String(operation[ROLE_EXTENSION]);
      const responses = Object.entries(operation.responses as Record<string, OpenApiObject>).map(([status, response]) => {
        const shared = typeof response.$ref === 'string' ? document.components.responses[refName(response.$ref)] : response;
        const content = (shared?.content as Record<string, { schema: JsonSchema }> | undefined)?.['application/json']?.schema;
        return { status, description: String(response.description ?? shared?.description ?? ''), body: content ? typeLabel(content) : null };
      });
      const view: OperationView = {
        id: String(operation.operationId),
        method: method.toUpperCase(),
        path,
        role,
        summary: String(operation.summary ?? ''),
        description: String(operation.description ?? ''),
        parameters: ((operation.parameters ?? []) as { name: string; in: string; required: boolean; description?: string; schema: JsonSchema }[]).map((p) => ({
          ...fieldRow(p.name, { ...p.schema, description: p.description }, p.required),
          location: p.in,
        })),
        bodyName: bodyRef ? typeLabel(bodyRef) : null,
        bodyFields: body ? objectFields(body) : [],
        responses,
        curl: curlOf(method.toUpperCase(), path, role !== 'public', body, origin),
      };
      byTag.get(((operation.tags as string[] | undefined) ?? [])[0] ?? '')?.operations.push(view);
    }
  }
  return [...byTag.values()].filter((tag) => tag.operations.length > 0);
}

export interface ShapeView {
  name: string;
  slug: string;
  /** For a shape that is not an object (e.g. one of two page shapes): its type. */
  summary: string | null;
  fields: FieldRow[];
}

export const shapeSlug = (name: string) => `schema-${slugOf(name)}`;

/** The named shapes of components.schemas, for the page's "Shapes" part (bodies link to them). */
export function shapeModel(document: OpenApiDocument): ShapeView[] {
  return Object.entries(document.components.schemas).map(([name, schema]) => ({
    name,
    slug: shapeSlug(name),
    summary: schema.properties ? null : typeLabel(schema),
    fields: schema.properties ? objectFields(schema) : [],
  }));
}
