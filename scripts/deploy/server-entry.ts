/**
 * The packaged app's entry point (node hindsight-server.mjs in the standalone folder, and the
 * Docker image's command): apply pending migrations to DATABASE_URL, then serve with Next.js's
 * standalone server. Bundled by scripts/lib/standalone.ts; runs without the source tree.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkDatabase, redactUrl } from '../lib/database-url';
import { applyMigrations, firstLine } from '../lib/migrations';

const here = import.meta.dirname;

function fail(message: string): never {
  console.error(`hindsight: ${message}`);
  process.exit(1);
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) fail('DATABASE_URL is not set (postgresql://user:password@host:5432/database)');
  if (!process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) fail('AUTH_SECRET is not set (at least 32 random characters: openssl rand -base64 32)');
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  // Next's standalone server binds to HOSTNAME, which container runtimes set to the container id.
  process.env.HOSTNAME = process.env.HINDSIGHT_HOST || '0.0.0.0';
  try {
    await checkDatabase(url);
    const applied = await applyMigrations(url, here);
    console.error(`hindsight: database ${redactUrl(url)} ready${applied.length ? `, applied ${applied.length} migration(s)` : ''}`);
  } catch (error) {
    fail(firstLine(error));
  }
  await import(pathToFileURL(path.join(here, 'server.js')).href);
}

void main();
