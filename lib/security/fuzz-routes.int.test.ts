/**
 * Property-based fuzzing of every route handler (app/**\/route.ts, every exported method), called
 * directly with real Requests against real PostgreSQL: valid-shaped inputs from the OpenAPI zod
 * schemas with mutated values, and junk (wrong types, odd Unicode, huge and out-of-range values,
 * prototype-pollution keys, oversized and malformed bodies). No answer may be a 5xx, and no body
 * may carry a stack trace or database text. The transport itself (Next's body limits, header and
 * path decoding) is fuzzed over HTTP in e2e/fuzz-http.spec.ts.
 */
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { credentials } from '@/lib/alerts/alert-fixtures';
import { OPERATIONS } from '@/lib/api/openapi/operations';
import { fromZod, junkValue, longString, oddString, propertiesOf, fromJsonSchema, asText, BAD_UUIDS, wellFormed } from './fuzz/arbitraries';
import { discoverRoutes, type RouteEntry } from './fuzz/discover';
import { asRequest } from './fuzz/next-mocks';
import { checkResponse } from './fuzz/outcome';
import { ROLES, seedFuzzWorld, type FuzzWorld } from './fuzz/seed';
import { FUZZ_SCALE, fuzzRuns } from '@/scripts/testing/fuzz-runs';

vi.hoisted(() => {
  process.env.LOG_LEVEL = 'error'; // the expected 4xx warnings would drown a real failure
});
vi.mock('next-auth', async (original) => ({ ...(await original<object>()), getServerSession: (await import('./fuzz/next-mocks')).getServerSession }));
vi.mock('next/headers', async () => (await import('./fuzz/next-mocks')).nextHeaders);
vi.mock('next/cache', async () => (await import('./fuzz/next-mocks')).nextCache);

/**
 * Routes not fuzzed here, with the reason. next-auth's handler reads next/headers through a
 * CommonJS require that only a real Next request scope satisfies: it is fuzzed over HTTP.
 */
const OVER_HTTP_ONLY = new Set(['GET /api/auth/[...nextauth]', 'POST /api/auth/[...nextauth]']);

const NUM_RUNS = fuzzRuns(200);
const BATCH = 8;
const BASE = 'http://hindsight.test';
const MIB = 1024 * 1024;

let world: FuzzWorld;

beforeAll(async () => {
  world = await seedFuzzWorld('Fuzz routes');
});

function operationOf(route: RouteEntry) {
  const path = route.template.replace(/\[([^\]]+)\]/g, '{$1}');
  return OPERATIONS.find((o) => o.path === path && o.method.toUpperCase() === route.method);
}

/** Values for a dynamic path segment, by its name; undefined when the name is new (then the test fails). */
function paramArb(name: string): fc.Arbitrary<unknown> | undefined {
  const junk = fc.oneof(oddString, fc.constantFrom(...BAD_UUIDS), fc.uuid());
  const ids = Object.values(world.ids).flat();
  switch (name) {
    case 'id':
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 2, arbitrary: junk });
    case 'team':
      return fc.oneof({ weight: 3, arbitrary: fc.constant(world.slug) }, { weight: 1, arbitrary: junk });
    case 'number':
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...world.incidentNumbers.map(String)) }, { weight: 2, arbitrary: fc.oneof(junk, fc.integer().map(String), fc.constantFrom('1e3', '0x1', '1.0', '99999999999999999999', '-1')) });
    case 'source':
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom('generic', 'alertmanager', 'pagerduty') }, { weight: 1, arbitrary: junk });
    case '...nextauth':
      return fc.array(fc.oneof(fc.constantFrom('signin', 'signout', 'session', 'csrf', 'providers', 'callback', 'credentials', 'error'), oddString), { maxLength: 3 });
  }
  return undefined;
}

/** A query string: the operation's parameters with valid-shaped or junk values, plus unknown keys. */
function queryArb(route: RouteEntry): fc.Arbitrary<[string, string][]> {
  const op = operationOf(route);
  const hints = { uuids: Object.values(world.ids).flat() };
  const props = Object.entries(op?.query ? propertiesOf(op.query) : {});
  const known = props.length ? fc.constantFrom(...props) : fc.constant(['q', {}] as const);
  const pair = fc.oneof(
    { weight: 4, arbitrary: known.chain(([key, schema]) => fromJsonSchema(schema, hints).map((v) => [key, asText(v)] as [string, string])) },
    { weight: 1, arbitrary: fc.tuple(fc.oneof(oddString, fc.constantFrom('__proto__', 'constructor', 'cursor', 'page', 'limit', 'version', 'team')), oddString) },
  );
  return fc.array(pair, { maxLength: 5 });
}

/** A request body: the operation's body schema as JSON (mutated), or junk JSON, or not JSON at all. */
function bodyArb(route: RouteEntry): fc.Arbitrary<string | undefined> {
  const op = operationOf(route);
  const hints = { uuids: Object.values(world.ids).flat() };
  const shaped = (op?.body ? fromZod(op.body, hints) : junkValue).map((v) => JSON.stringify(v) ?? 'null');
  return fc.oneof(
    { weight: 20, arbitrary: shaped },
    { weight: 1, arbitrary: oddString },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[1,2', '{"__proto__":{"polluted":1}}', 'null', '""', '{}', '[]', '\uFEFF{}', '{"a":1}{"b":2}', undefined) },
    { weight: 1, arbitrary: fc.noShrink(longString(100_000, 2 * MIB).map((s) => JSON.stringify({ title: s, body: s, factor: s }))) },
  );
}

interface Call {
  params: Record<string, unknown>;
  query: [string, string][];
  body: string | undefined;
  contentType: string | undefined;
  auth: string;
  requestId: string;
  sign: boolean;
}

function callArb(route: RouteEntry): fc.Arbitrary<Call> {
  const params: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of route.params) params[name] = paramArb(name)!;
  const hasBody = !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(route.method);
  return fc.record({
    params: fc.record(params),
    query: queryArb(route),
    body: hasBody ? bodyArb(route) : fc.constant(undefined),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'multipart/form-data; boundary=x', undefined),
    auth: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ROLES) }, { weight: 1, arbitrary: fc.constantFrom('none', 'junk') }),
    requestId: fc.oneof(fc.constant(''), fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 120 })),
    sign: fc.boolean(),
  });
}

let nextIp = 0;

function toRequest(route: RouteEntry, call: Call): NextRequest {
  let path = route.template;
  for (const name of route.params) {
    const value = call.params[name];
    const encode = (v: unknown) => encodeURIComponent(wellFormed(asText(v)));
    const segment = Array.isArray(value) ? value.map(encode).join('/') : encode(value);
    path = path.replace(`[${name}]`, segment || '_');
  }
  const url = new URL(path, BASE);
  for (const [k, v] of call.query) url.searchParams.append(wellFormed(k), wellFormed(v));
  const headers = new Headers({ 'x-forwarded-for': `198.51.100.${nextIp++ % 250}` });
  if (call.requestId) headers.set('x-request-id', call.requestId);
  if (call.contentType) headers.set('content-type', call.contentType);
  if (call.auth === 'junk') headers.set('authorization', 'Bearer hs_not_a_real_token');
  else if (call.auth !== 'none') headers.set('authorization', `Bearer ${world.tokens[call.auth as (typeof ROLES)[number]]}`);
  const source = asText(call.params.source);
  if (call.sign && call.body !== undefined && (source === 'generic' || source === 'alertmanager')) {
    url.searchParams.set('team', url.searchParams.get('team') ?? world.slug);
    for (const [k, v] of Object.entries(credentials(source, world.alertSecrets[source], call.body))) headers.set(k, v);
  }
  return new NextRequest(url, { method: route.method, headers, body: call.body });
}

async function run(route: RouteEntry, call: Call): Promise<void> {
  // The session routes (/t/...) read the signed-in user: the same persona as the token.
  const userId = call.auth === 'none' || call.auth === 'junk' ? null : world.members[call.auth as (typeof ROLES)[number]].userId;
  const request = toRequest(route, call);
  const response = await asRequest(userId, request.headers, () => route.handler(request, { params: Promise.resolve(call.params) }));
  await checkResponse(`${route.method} ${request.nextUrl.pathname}${request.nextUrl.search.slice(0, 200)}`, response);
}

const discovered = await discoverRoutes();
const fuzzed = discovered.filter((r) => !OVER_HTTP_ONLY.has(`${r.method} ${r.template}`));

describe('fuzzing every route handler', () => {
  it('finds the route handlers, and can generate every dynamic segment', () => {
    expect(discovered.length).toBeGreaterThan(20);
    for (const route of discovered) for (const name of route.params) expect(paramArb(name), `no generator for [${name}] of ${route.template}: add one to paramArb`).toBeDefined();
  });

  it('every /api/v1 route method has an OpenAPI operation to draw valid-shaped inputs from', () => {
    for (const route of discovered.filter((r) => r.template.startsWith('/api/v1/'))) expect(operationOf(route), `${route.method} ${route.template}`).toBeDefined();
  });

  it.each(fuzzed.map((r) => [`${r.method} ${r.template}`, r] as const))('%s: every generated request is answered below 500 without a leak', async (_name, route) => {
    const first = (p: string) => fc.sample(paramArb(p)!, { numRuns: 1, seed: 1 })[0];
    const oversized: Call = { params: Object.fromEntries(route.params.map((p) => [p, first(p)])), query: [], body: JSON.stringify({ title: 'x'.repeat(25 * MIB) }), contentType: 'application/json', auth: 'admin', requestId: '', sign: true };
    // BATCH calls at a time, concurrently (as a server sees them): NUM_RUNS inputs in all.
    const batch = fc.array(callArb(route), { minLength: BATCH, maxLength: BATCH });
    await fc.assert(
      fc.asyncProperty(batch, async (calls) => {
        await Promise.all(calls.map((call) => run(route, call)));
      }),
      { numRuns: NUM_RUNS / BATCH, examples: route.method === 'GET' ? [] : [[[oversized]]] },
    );
  }, 60_000 * FUZZ_SCALE);
});
