import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import packageJson from '@/package.json';
import { buildOpenApiDocument, ROLE_EXTENSION, type OpenApiObject } from './document';
import { pathParameters } from './operation';
import { OPERATIONS } from './operations';

const document = buildOpenApiDocument();

/** Every `$ref` anywhere in `value`, with where it was found. */
function refs(value: unknown, at = '#'): { ref: string; at: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => (key === '$ref' && typeof child === 'string' ? [{ ref: child, at }] : refs(child, `${at}/${key}`)));
}

/** Follows a local JSON pointer (`#/components/schemas/Incident`) through the document. */
function resolve(pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined;
  return pointer
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), document);
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(document.info.version).toBe(packageJson.version);
  });

  it('has no $ref that does not resolve inside it', () => {
    const all = refs(document);
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter(({ ref }) => resolve(ref) === undefined)).toEqual([]);
  });

  it('declares every path parameter of every path, and no other', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const declared = ((operation as OpenApiObject).parameters as { name: string; in: string; description: string }[]).filter((p) => p.in === 'path');
        expect(declared.map((p) => p.name).sort(), `${method} ${path}`).toEqual(pathParameters(path).sort());
        for (const p of declared) expect(p.description, `${method} ${path} {${p.name}}`).not.toBe('');
      }
    }
  });

  it('names each operation once and states the role it needs', () => {
    const ids = OPERATIONS.map((op) => op.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = OPERATIONS.map((op) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const op of OPERATIONS) {
      const operation = document.paths[op.path]?.[op.method];
      expect(operation?.[ROLE_EXTENSION]).toBe(op.access);
      // Token operations inherit the document's bearer requirement; public ones opt out.
      expect(operation?.security, op.id).toEqual(op.access === 'public' ? [] : undefined);
    }
  });

  it('documents request bodies and query parameters from the zod schemas the routes parse with', () => {
    const create = document.components.schemas.CreateIncidentRequest as { required: string[]; properties: Record<string, { enum?: string[] }>; additionalProperties: boolean };
    expect(create.required.sort()).toEqual(['severity', 'startedAt', 'title']);
    expect(create.properties.severity?.enum).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
    expect(create.additionalProperties).toBe(false);
    const list = document.paths['/api/v1/incidents']?.get?.parameters as { name: string; schema: { type?: string; items?: { enum?: string[] } } }[];
    expect(list.map((p) => p.name)).toEqual(['q', 'status', 'severity', 'service', 'kind', 'from', 'to', 'sort', 'page', 'pageSize', 'cursor', 'limit']);
    expect(list.find((p) => p.name === 'status')?.schema.items?.enum).toEqual(['active', 'mitigated', 'resolved']);
    const remove = document.paths['/api/v1/timeline/{id}']?.delete?.parameters as { name: string; required: boolean }[];
    expect(remove.find((p) => p.name === 'version')).toMatchObject({ required: true });
  });

  it('contains no secret-looking values and no absolute server address', () => {
    const text = JSON.stringify(document);
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    expect(text).not.toMatch(/hs_[a-z0-9]{8}_|postgres(?:ql)?:\/\/|NEXTAUTH_SECRET|DATABASE_URL/);
  });
});
