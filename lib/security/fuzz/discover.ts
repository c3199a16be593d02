/**
 * Finds every entry point from the file system, so a new route handler or server action is fuzzed
 * without anyone adding it to a list: every exported HTTP method of app/**\/route.ts and every
 * export of every app/ module that starts with 'use server' (actions.ts, comment-actions.ts ...).
 */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function walk(dir: string, matches: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(full, matches));
    else if (matches(entry.name)) found.push(full);
  }
  return found.sort();
}

export interface RouteEntry {
  /** URL path template, e.g. /api/v1/incidents/[id]. */
  template: string;
  /** Dynamic segment names, in order; a catch-all is `...name`. */
  params: string[];
  method: string;
  handler: (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
}

/** Every app/ file of that name with its URL path template and dynamic segment names (nothing imported). */
function appFiles(fileName: string): { file: string; template: string; params: string[] }[] {
  return walk(path.join(ROOT, 'app'), (name) => name === fileName).map((file) => {
    const template = `/${path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep).join('/')}`;
    return { file, template, params: [...template.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!) };
  });
}

/** Every route handler file (app/**\/route.ts). */
export const routeFiles = () => appFiles('route.ts');

/** Every page (app/**\/page.tsx); the root page's template is "/". */
export const pageFiles = () => appFiles('page.tsx');

export async function discoverRoutes(): Promise<RouteEntry[]> {
  const entries: RouteEntry[] = [];
  for (const { file, template, params } of routeFiles()) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = mod[method];
      if (typeof handler === 'function') entries.push({ template, params, method, handler: handler as RouteEntry['handler'] });
    }
  }
  return entries;
}

export interface ActionEntry {
  /** e.g. app/t/[team]/factors/actions.ts#createFactorAction */
  id: string;
  name: string;
  /** Parameter names, from the compiled function. */
  params: string[];
  fn: (...args: unknown[]) => Promise<unknown>;
  /** Form field names the action (or a lib helper it imports that reads FormData) mentions. */
  fieldNames: string[];
}

/** Parameter names of a function, from its source (types are gone after compilation). */
export function parameterNames(fn: (...args: never[]) => unknown): string[] {
  const source = fn.toString();
  const list = source.slice(source.indexOf('(') + 1, source.indexOf(')'));
  return list.split(',').map((p) => p.trim().replace(/\s*=.*$/, '')).filter(Boolean);
}

function quotedWords(source: string): string[] {
  return [...source.matchAll(/'([A-Za-z][A-Za-z0-9]*)'/g)].map((m) => m[1]!);
}

/** Field names mentioned by the action file and by the lib modules it imports that read a FormData. */
function fieldNamesOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const names = new Set(quotedWords(source));
  for (const [, spec] of source.matchAll(/from '@\/(lib\/[^']+)'/g)) {
    const lib = path.join(ROOT, `${spec}.ts`);
    if (!fs.existsSync(lib)) continue;
    const text = fs.readFileSync(lib, 'utf8');
    if (text.includes('FormData')) for (const w of quotedWords(text)) names.add(w);
  }
  return [...names].filter((n) => !['use', 'server', 'layout', 'page'].includes(n));
}

export async function discoverActions(): Promise<ActionEntry[]> {
  const entries: ActionEntry[] = [];
  for (const file of walk(path.join(ROOT, 'app'), (name) => /\.tsx?$/.test(name))) {
    if (!/^\s*['"]use server['"]/.test(fs.readFileSync(file, 'utf8'))) continue;
    const mod = (await import(file)) as Record<string, unknown>;
    const fieldNames = fieldNamesOf(file);
    for (const [name, value] of Object.entries(mod)) {
      const fn = value as ActionEntry['fn'];
      entries.push({ id: `${path.relative(ROOT, file)}#${name}`, name, params: typeof fn === 'function' ? parameterNames(fn) : [], fn, fieldNames });
    }
  }
  return entries;
}
