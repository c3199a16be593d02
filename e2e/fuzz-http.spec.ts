import http from 'node:http';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import fc from 'fast-check';
import { BAD_UUIDS, longString, ODD_STRINGS, oddString, wellFormed } from '../lib/security/fuzz/arbitraries';
import { pageFiles, routeFiles } from '../lib/security/fuzz/discover';
import { FUZZ_SCALE, fuzzRuns } from '../scripts/testing/fuzz-runs';
import { leakIn } from '../lib/security/fuzz/leaks';
import { signInRequest } from './support/auth';
import { insertIncident, insertMembership, insertTeam, insertToken, insertUser, withDb } from './support/fixtures-db';
import { encodeActionArgs, listServerActions, pagePath } from './support/server-actions';

/**
 * Fuzzing through the real transport, for what only HTTP shows (the handlers and actions
 * themselves are fuzzed in lib/security/fuzz-*.int.test.ts): Next's decoding of odd paths, query
 * strings and headers, malformed and oversized bodies (over the server-action and alert limits),
 * junk action arguments in React's own encoding, bogus Next-Action ids, and next-auth's own
 * endpoints. No answer may be a 5xx, and no body may carry a stack trace or database text (the
 * one exception, Next's decoder on payloads React never produces, is explained at its test).
 */
test.describe.configure({ mode: 'serial', timeout: 60_000 * FUZZ_SCALE });

const PASSWORD = 'fuzz persona passphrase';
const run = Date.now().toString(36);
const SLUG = `fuzz-${run}`;
const MIB = 1024 * 1024;
let port = 0;
let token = '';
let cookie = '';
let incidentNumber = 1;

test.beforeAll(async ({ baseURL }) => {
  port = Number(new URL(baseURL!).port);
  const email = `fuzz-${run}@fuzz.test`;
  ({ token, number: incidentNumber } = await withDb(async (db) => {
    const teamId = await insertTeam(db, SLUG);
    await insertMembership(db, teamId, await insertUser(db, email, PASSWORD), 'admin');
    const incident = await insertIncident(db, teamId, { title: 'Fuzzed over HTTP' });
    return { token: (await insertToken(db, teamId, 'admin')).token, number: incident.number };
  }));
  const context = await playwrightRequest.newContext({ baseURL });
  await signInRequest(context, email, PASSWORD);
  cookie = (await context.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  await context.dispose();
});

interface Raw {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One request with the path and headers exactly as given (no URL normalisation), answered status and body. */
function send({ method, path, headers = {}, body }: Raw): Promise<{ status: number; text: string }> {
  // A declared length, as browsers and API clients send it (not chunked).
  const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { ...headers, ...length }, insecureHTTPParser: true }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close the connection on an oversized body before reading all of it.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: 413, text: '' });
      else reject(error);
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function expectSafe(raw: Raw): Promise<void> {
  const { status, text } = await send(raw);
  const where = `${raw.method} ${raw.path.slice(0, 200)}`;
  if (status >= 500) throw new Error(`${where} answered ${status}: ${text.slice(0, 500)}`);
  const leak = leakIn(text);
  if (leak) throw new Error(`${where} answered ${status} with ${leak} in its body: ${text.slice(0, 500)}`);
}

/** Path segments as a client may send them: valid, percent-encoded odd Unicode, or raw broken escapes. */
const segment = fc.oneof(
  fc.constantFrom(SLUG, '1', 'INC-1', ...BAD_UUIDS.slice(0, 4)),
  oddString.map((s) => encodeURIComponent(wellFormed(s).slice(0, 300))),
  fc.constantFrom('%', '%00', '%ZZ', '%C0%80', '%ED%A0%80', '%2e%2e', '..%2f..%2f', '%uD800', '%E2%80%AE', '%F0%9F%94%A5', ';a=b', '%252e'),
);
const latin1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 200 });
const query = fc.array(fc.tuple(segment, segment), { maxLength: 4 }).map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

test('API and session routes over HTTP: odd paths, query strings, headers and malformed bodies are never a 5xx', async () => {
  const routes = routeFiles();
  const requestArb = fc.record({
    route: fc.constantFrom(...routes),
    method: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'HEAD'),
    values: fc.array(segment, { minLength: 3, maxLength: 3 }),
    query,
    auth: fc.constantFrom('token', 'cookie', 'junk', 'none'),
    requestId: latin1,
    contentType: fc.oneof(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz'), latin1),
    body: fc.oneof(fc.constantFrom('', '{', '{"title":', '[]', 'null', '{"__proto__":{"x":1}}', '\uFEFF{}'), oddString.map((s) => JSON.stringify({ title: s, body: s, version: s }))),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(requestArb, { minLength: 10, maxLength: 10 }), async (batch) => {
      await Promise.all(batch.map(({ route, method, values, query: q, auth, requestId, contentType, body }) => {
        let path = route.template;
        route.params.forEach((name, i) => (path = path.replace(`[${name}]`, values[i]!)));
        const headers: Record<string, string> = { 'x-request-id': requestId, 'content-type': contentType, 'user-agent': 'fuzz' };
        if (auth === 'token') headers.authorization = `Bearer ${token}`;
        if (auth === 'cookie') headers.cookie = cookie;
        if (auth === 'junk') headers.authorization = `Bearer ${requestId}`;
        const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(method);
        return expectSafe({ method, path: `${path}${q}`, headers, body: hasBody ? Buffer.from(wellFormed(body)) : undefined });
      }));
    }),
    { numRuns: fuzzRuns(12) },
  );
});

test('pages over HTTP: odd segments and query strings are never a 5xx', async () => {
  // Every page, signed in or not, mostly with real segments (so the page renders and reads its
  // query) and junk in the query parameters pages read: filters, sorts, ranges, pages, cursors.
  const valid: Record<string, string> = { team: SLUG, number: String(incidentNumber), id: BAD_UUIDS[1]!, endpoint: BAD_UUIDS[1]!, token: 'x'.repeat(43) };
  const pages = pageFiles();
  const key = fc.constantFrom('page', 'pageSize', 'sort', 'q', 'severity', 'status', 'kind', 'service', 'from', 'to', 'range', 'bucket', 'cursor', 'limit', 'category', 'factor', 'owner', 'type', 'archived', 'action', 'actor', 'due', 'version', 'section', 'fromEvent', 'error', 'callbackUrl');
  const value = fc.oneof(segment, fc.constantFrom('', '-1', '0', '1e309', '99999999999999999999', '2.5', 'NaN', '2026-02-30', '2026-13-01', '9999-12-31', '0001-01-01', 'SEV1,SEV9', 'custom', 'week', 'month', 'started_asc', 'ttr', 'relevance', 'open,done'));
  const pageArb = fc.record({
    page: fc.constantFrom(...pages),
    junk: fc.array(segment, { minLength: 3, maxLength: 3 }),
    useJunk: fc.array(fc.integer({ min: 0, max: 9 }).map((n) => n < 3), { minLength: 3, maxLength: 3 }),
    query: fc.array(fc.tuple(key, value), { maxLength: 6 }).map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : '')),
    signedIn: fc.boolean(),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(pageArb, { minLength: 10, maxLength: 10 }), async (batch) => {
      await Promise.all(batch.map(({ page, junk, useJunk, query: q, signedIn }) => {
        let path = page.template;
        page.params.forEach((name, i) => (path = path.replace(`[${name}]`, useJunk[i] ? junk[i]! : valid[name]!)));
        return expectSafe({ method: 'GET', path: `${path}${q}`, headers: signedIn ? { cookie } : {} });
      }));
    }),
    { numRuns: fuzzRuns(6) },
  );
});

test('oversized bodies (past the action, proxy and alert limits) and malformed JSON are refused below 500', async () => {
  const huge = Buffer.alloc(25 * MIB, 'a');
  const json = Buffer.concat([Buffer.from('{"title":"'), huge, Buffer.from('","severity":"SEV2","startedAt":"2026-01-01T00:00:00Z"}')]);
  const api = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const [action] = listServerActions().filter((a) => a.key.includes('#createIncidentAction'));
  expect(action, 'createIncidentAction in the build').toBeDefined();
  const cases: Raw[] = [
    { method: 'POST', path: '/api/v1/incidents', headers: api, body: json },
    { method: 'PATCH', path: `/api/v1/incidents/${BAD_UUIDS[1]}`, headers: api, body: json },
    { method: 'POST', path: `/api/v1/webhooks/alerts/generic?team=${SLUG}`, headers: { 'content-type': 'application/json' }, body: json },
    { method: 'POST', path: `/t/${SLUG}/incidents/new`, headers: { cookie, 'next-action': action!.id, 'content-type': 'text/plain;charset=UTF-8' }, body: json },
    { method: 'POST', path: '/api/v1/incidents', headers: api, body: '{"title": "unterminated' },
    { method: 'POST', path: '/api/v1/incidents', headers: api, body: Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xc0, 0x80]) },
    { method: 'POST', path: '/api/v1/incidents', headers: api, body: `{"title":"${'['.repeat(10_000)}"}` },
    { method: 'POST', path: '/api/v1/incidents', headers: api, body: '['.repeat(100_000) },
    // A multipart body that does not parse, to pages (Next reads it for a server action, with or
    // without a Next-Action header): a 500 from Next's decoder until the proxy refused it.
    { method: 'POST', path: '/sign-in', headers: { 'content-type': 'multipart/form-data; boundary=zz' }, body: '{"title":""}' },
    { method: 'POST', path: '/postmortems.zip', headers: { 'content-type': 'multipart/form-data' }, body: 'x' },
    { method: 'POST', path: `/t/${SLUG}/incidents/new`, headers: { cookie, 'next-action': action!.id, 'content-type': 'multipart/form-data; boundary=zz' }, body: '--zz\r\nbroken' },
  ];
  for (const raw of cases) await expectSafe(raw);
});

test('server actions over HTTP: junk arguments in React\'s encoding and bogus Next-Action ids are never a 5xx', async () => {
  // Each action is posted to a page that imports it, so Next decodes the payload for real.
  const params = { team: SLUG, number: String(incidentNumber), id: BAD_UUIDS[1]!, token: 'x'.repeat(43) };
  const actions = listServerActions().map((a) => ({ id: a.id, page: pagePath(a.page, params) }));
  // Field names come from the app's own forms; the junk is in the values. (A NUL in a multipart part
  // header is the malformed-payload case of the next test.)
  const fieldName = fc.constantFrom('name', 'title', 'version', 'body', 'id', 'severity', 'email', 'phrases', 'status', 'role', 'url', 'csv', 'file');
  const junkForm = fc.array(fc.tuple(fieldName, fc.oneof(oddString, fc.constantFrom(SLUG, '1', BAD_UUIDS[1]!))), { maxLength: 6 }).map((pairs) => {
    const form = new FormData();
    for (const [k, v] of pairs) form.append(k, wellFormed(v));
    return form;
  });
  const arg = fc.oneof(junkForm, oddString.map(wellFormed), fc.constantFrom(SLUG, incidentNumber, undefined, null, {}, [], { get: 1 }), fc.jsonValue({ maxDepth: 2 }));
  const callArb = fc.record({ action: fc.constantFrom(...actions), args: fc.array(arg, { maxLength: 5 }), signedIn: fc.boolean() });
  await fc.assert(
    fc.asyncProperty(fc.array(callArb, { minLength: 10, maxLength: 10 }), async (batch) => {
      await Promise.all(batch.map(async ({ action, args, signedIn }) => {
        const response = await fetch(`http://127.0.0.1:${port}${action.page}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'next-action': action.id, accept: 'text/x-component', ...(signedIn ? { cookie } : {}) },
          body: await encodeActionArgs(args),
        });
        const text = await response.text();
        if (response.status >= 500) throw new Error(`action ${action.id} on ${action.page} answered ${response.status}: ${text.slice(0, 500)}`);
        const leak = leakIn(text);
        if (leak) throw new Error(`action ${action.id} on ${action.page} answered with ${leak}: ${text.slice(0, 500)}`);
      }));
    }),
    { numRuns: fuzzRuns(8) },
  );
  const bogusId = fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 40, maxLength: 42 }), latin1, fc.constantFrom(...ODD_STRINGS.filter((s) => /^[\x20-\x7e]*$/.test(s))));
  await fc.assert(
    fc.asyncProperty(fc.array(bogusId, { minLength: 10, maxLength: 10 }), async (ids) => {
      await Promise.all(ids.map((id) => expectSafe({ method: 'POST', path: `/t/${SLUG}/incidents`, headers: { 'next-action': id, cookie, 'content-type': 'text/plain;charset=UTF-8' }, body: '["$undefined"]' })));
    }),
    { numRuns: fuzzRuns(3) },
  );
});

test('server actions over HTTP: a payload React never encodes gets no stack or database text', async () => {
  // Next's own decoder (React's decodeReply) answers a malformed payload with a 500 that carries a
  // digest only: framework behaviour, before any Hindsight code runs. Asserted: nothing leaks, and
  // nothing worse than that 500 (no 502/503, the server keeps serving).
  const params = { team: SLUG, number: String(incidentNumber), id: BAD_UUIDS[1]!, token: 'x'.repeat(43) };
  const actions = listServerActions().map((a) => ({ id: a.id, page: pagePath(a.page, params) }));
  const payload = fc.oneof(
    fc.constantFrom('', '[', '["$@1"]', '["$K1"]', '["$Q1"]', '["$T"]', '["$n99999999999999999999"]', '{"0":"$1:constructor:constructor"}', '["$B1"]', '["$h"]', '["$D2026"]'),
    fc.array(oddString, { maxLength: 4 }).map((a) => JSON.stringify(a.map(wellFormed))),
  );
  const callArb = fc.record({ action: fc.constantFrom(...actions), payload, contentType: fc.constantFrom('text/plain;charset=UTF-8', 'multipart/form-data; boundary=----x', 'application/x-www-form-urlencoded') });
  await fc.assert(
    fc.asyncProperty(fc.array(callArb, { minLength: 10, maxLength: 10 }), async (batch) => {
      await Promise.all(batch.map(async ({ action, payload: body, contentType }) => {
        const { status, text } = await send({ method: 'POST', path: action.page, headers: { 'next-action': action.id, cookie, 'content-type': contentType }, body: Buffer.from(body) });
        expect(status, `${action.page}: ${text.slice(0, 300)}`).toBeLessThanOrEqual(500);
        expect(leakIn(text), text.slice(0, 300)).toBeNull();
      }));
    }),
    { numRuns: fuzzRuns(4) },
  );
  expect((await send({ method: 'GET', path: '/api/health' })).status).toBe(200);
});

test("next-auth's endpoints: odd provider names, callbacks and bodies are never a 5xx", async () => {
  // next-auth reads only the first two path segments (action, provider): that space is small, so
  // every pair is tried with each method and kind of body, signed in and out, before the random
  // part (a GET of /api/auth/callback/credentials, and a POST of broken JSON to any of them, were
  // 500s that random runs met only now and then).
  const actions = ['signin', 'signout', 'session', 'csrf', 'providers', 'callback', 'verify-request', 'error', '_log', 'nope'];
  const providers = [undefined, 'credentials', 'github', 'google', 'oidc', 'nope'];
  // next-auth parses a POST's body by its declared type before it routes: each kind, well-formed and not.
  const bodies: [method: string, contentType: string, body: string | undefined][] = [
    ['GET', 'application/x-www-form-urlencoded', undefined],
    ['POST', 'application/x-www-form-urlencoded', 'csrfToken=x&email=a%40b.c&password=x&callbackUrl=%2F&json=true'],
    ['POST', 'application/json', '{"csrfToken":"x","email":"a@b.c","password":"x","json":"true"}'],
    ['POST', 'application/json', '{'],
    ['POST', 'application/json', ''],
    ['POST', 'multipart/form-data; boundary=zz', 'x'],
  ];
  for (const action of actions) {
    await Promise.all(providers.flatMap((provider) => bodies.flatMap(([method, contentType, body]) => [cookie, ''].map((withCookie) => {
      const path = `/api/auth/${[action, provider].filter(Boolean).join('/')}`;
      return expectSafe({ method, path, headers: { 'content-type': contentType, cookie: withCookie }, body });
    }))));
  }
  const callArb = fc.record({
    path: fc.array(fc.oneof(fc.constantFrom('signin', 'signout', 'session', 'csrf', 'providers', 'callback', 'credentials', 'error', 'github'), segment), { minLength: 1, maxLength: 3 }),
    method: fc.constantFrom('GET', 'POST'),
    query,
    body: fc.oneof(fc.constant('csrfToken=x&email=a%40b.c&password=x&json=true'), latin1, longString(10_000, 100_000)),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(callArb, { minLength: 10, maxLength: 10 }), async (batch) => {
      await Promise.all(batch.map(({ path, method, query: q, body }) => {
        const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie };
        return expectSafe({ method, path: `/api/auth/${path.join('/')}${q}`, headers, body: method === 'POST' ? Buffer.from(wellFormed(body)) : undefined });
      }));
    }),
    { numRuns: fuzzRuns(5) },
  );
});
