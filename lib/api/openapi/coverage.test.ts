import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTTP_METHODS } from './operation';
import { OPERATIONS } from './operations';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const API = path.join(ROOT, 'app/api');

/** Routes under app/api that are deliberately not in the document, each with its reason. */
const UNDOCUMENTED: Record<string, string> = {
  'GET /api/auth/[...nextauth]': 'next-auth’s own sign-in, callback and session endpoints for the browser; not part of the token API.',
  'POST /api/auth/[...nextauth]': 'next-auth’s own sign-in, callback and session endpoints for the browser; not part of the token API.',
};

/** Every route.ts under app/api, as its URL path in Next's notation (`/api/v1/incidents/[id]`). */
function routeFiles(dir = API): { file: string; urlPath: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== 'route.ts') return [];
    return [{ file: path.relative(ROOT, full), urlPath: '/' + path.relative(path.join(ROOT, 'app'), dir).split(path.sep).join('/') }];
  });
}

interface Handler {
  key: string;
  /** The role passed to apiRoute, 'public' for route(), null when the source does not say. */
  access: string | null;
}

/** The HTTP methods a route file exports, read from its source (importing it would need a database). */
function handlers(file: string, urlPath: string): Handler[] {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const found: Handler[] = [];
  for (const method of HTTP_METHODS.map((m) => m.toUpperCase())) {
    const declared = new RegExp(`export\\s+(?:const\\s+${method}\\s*=\\s*(.*)|(?:async\\s+)?function\\s+${method}\\b)`).exec(source);
    const reexported = new RegExp(`export\\s*\\{[^}]*\\bas\\s+${method}\\b`).test(source);
    if (!declared && !reexported) continue;
    const init = declared?.[1] ?? '';
    const role = /^apiRoute(?:<[^>]*>)?\(\s*'(\w+)'/.exec(init)?.[1];
    found.push({ key: `${method} ${urlPath}`, access: role ?? (/^route(?:<[^>]*>)?\(/.test(init) ? 'public' : null) });
  }
  return found;
}

/** `/api/v1/incidents/{id}` as Next names its folder: `/api/v1/incidents/[id]`. */
const toNextPath = (template: string) => template.replace(/\{([^}]+)\}/g, '[$1]');

const routes = routeFiles().flatMap(({ file, urlPath }) => handlers(file, urlPath));
const documented = new Map(OPERATIONS.map((op) => [`${op.method.toUpperCase()} ${toNextPath(op.path)}`, op]));

describe('the OpenAPI document covers every API route', () => {
  it('finds the route files (guards against a broken glob)', () => {
    expect(routes.map((r) => r.key)).toContain('GET /api/v1/incidents');
    expect(routes.length).toBeGreaterThanOrEqual(OPERATIONS.length);
  });

  it('has an operation for every exported method of every route under app/api', () => {
    const missing = routes.filter((r) => !documented.has(r.key) && !(r.key in UNDOCUMENTED)).map((r) => r.key);
    expect(missing, 'add an entry to lib/api/openapi/operations.ts for each').toEqual([]);
  });

  it('has a route for every operation, and every exemption is still a route', () => {
    const keys = new Set(routes.map((r) => r.key));
    expect([...documented.keys()].filter((key) => !keys.has(key)), 'documented but no route exports it').toEqual([]);
    expect(Object.keys(UNDOCUMENTED).filter((key) => !keys.has(key)), 'stale exemption').toEqual([]);
  });

  it('states the role each route really requires', () => {
    const wrong = routes
      .filter((r) => documented.has(r.key))
      .filter((r) => r.access !== documented.get(r.key)?.access)
      .map((r) => `${r.key}: route ${r.access ?? 'unknown'}, document ${documented.get(r.key)?.access}`);
    expect(wrong).toEqual([]);
  });
});
