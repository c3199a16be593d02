/**
 * HTTP plumbing of npm run bench: a signed-in cookie for the production server, the server
 * action ids of the build, and the JavaScript a route loads on first visit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the Cookie header. */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = cookiesOf(response).filter((c) => c.includes('session-token'));
  if (!session.length) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return [...jar, ...session].join('; ');
}

/** The build's id of a server action, by its exported name. */
export function serverActionId(root: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(([, e]) => e.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`no server action ${exportedName} in the build`);
  return id;
}

/** First-load JavaScript of a page: every script the HTML references, gzipped as served. */
export async function firstLoadJs(base: string, pathname: string, cookie: string, root: string): Promise<{ files: number; bytes: number; gzip: number }> {
  const html = await (await fetch(`${base}${pathname}`, { headers: { cookie } })).text();
  const sources = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!));
  let bytes = 0;
  let gzip = 0;
  for (const src of sources) {
    const file = path.join(root, '.next', decodeURIComponent(src.replace(/^\/_next\//, '').split('?')[0]!));
    const content = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer());
    bytes += content.length;
    gzip += gzipSync(content).length;
  }
  return { files: sources.size, bytes, gzip };
}
