import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { APIRequestContext } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(ROOT, 'package.json'));
// React's own reply encoder and response decoder (what the browser uses to call a server action), as Next ships them.
const { encodeReply, createFromReadableStream } = require('next/dist/compiled/react-server-dom-webpack/client.node') as {
  encodeReply(value: unknown): Promise<string | FormData>;
  createFromReadableStream(stream: ReadableStream<Uint8Array>, options: { serverConsumerManifest: unknown }): Promise<unknown>;
};

export interface ServerActionInfo {
  id: string;
  /** The server the calls go to. */
  baseURL?: string;
  /** `app/.../actions.ts#exportedName` */
  key: string;
  /** A page route that imports it, e.g. `app/t/[team]/settings/members/page`. */
  page: string;
}

/** Every server action of the production build, from Next's server reference manifest. */
export function listServerActions(baseURL?: string): ServerActionInfo[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    baseURL,
    key: `${entry.filename}#${entry.exportedName}`,
    page: Object.keys(entry.workers).find((w) => w.startsWith('app/')) ?? '',
  }));
}

/** The URL path of an app page entry, with dynamic segments filled in. */
export function pagePath(page: string, params: Record<string, string>): string {
  const segments = page
    .replace(/^app/, '')
    .replace(/\/page$/, '')
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => {
      const m = /^\[(?:\.\.\.)?(\w+)\]$/.exec(s);
      if (!m) return s;
      const value = params[m[1]!];
      if (value === undefined) throw new Error(`no sample value for [${m[1]}] in ${page}`);
      return value;
    });
  return `/${segments.join('/')}`;
}

export interface ActionCall {
  status: number;
  body: string;
  redirect: string | null;
}

/**
 * Calls a server action over HTTP exactly as a browser would, with `args` encoded by React, as
 * the persona whose cookies `request` holds (sent with Node's fetch, which encodes the multipart
 * body the way browsers do), with any extra `headers` (e.g. a cross-site Origin).
 */
export async function callServerAction(request: APIRequestContext, action: ServerActionInfo, url: string, args: unknown[], headers: Record<string, string> = {}): Promise<ActionCall> {
  return callServerActionWithCookie(await cookieHeader(request), action, url, args, headers);
}

/** The Cookie header of a request context's jar (to make many calls without asking Playwright each time). */
export async function cookieHeader(request: APIRequestContext): Promise<string> {
  const { cookies } = await request.storageState();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** callServerAction with a ready Cookie header ('' for anonymous). */
export async function callServerActionWithCookie(cookie: string, action: ServerActionInfo, url: string, args: unknown[], headers: Record<string, string> = {}): Promise<ActionCall> {
  const base = new URL(url, action.baseURL);
  const response = await fetch(base, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'next-action': action.id, accept: 'text/x-component', ...(cookie ? { cookie } : {}) },
    body: await encodeReply(args),
  });
  return { status: response.status, body: await response.text(), redirect: response.headers.get('x-action-redirect') ?? response.headers.get('location') };
}

/**
 * The value a server action returned, decoded from its response with React's own decoder (as the
 * browser does; long strings arrive as separate chunks, so the payload is not plain JSON).
 */
export async function actionResult<T>(body: string): Promise<T> {
  const root = (await createFromReadableStream(new Response(body).body!, { serverConsumerManifest: { moduleMap: {}, serverModuleMap: null, moduleLoading: null } })) as { a?: unknown };
  return (await root.a) as T;
}

/** `args` as the browser sends them to a server action (React's reply encoding): a string or a multipart FormData. */
export function encodeActionArgs(args: unknown[]): Promise<string | FormData> {
  return encodeReply(args);
}

/** A form's FormData for the (prevState, formData) signature of useActionState actions. */
export function formData(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}
