import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { buildIsCurrent, writeBuildStamp } from './build-stamp';
import { MIGRATIONS_DIR } from './migrations-dir';

/**
 * The production build as one self-contained folder: Next's standalone output (server.js and the
 * traced node_modules) plus what it leaves out: the static assets, public/, the migrations, the
 * WebAssembly schema engine, and hindsight-server.mjs (migrate, then serve). npm start serves it,
 * npm run package copies it, the Dockerfile runs it.
 */
export const STANDALONE_DIR = '.next/standalone';
export const SERVER_ENTRY = 'hindsight-server.mjs';
const ENGINE_PACKAGE = 'node_modules/@prisma/schema-engine-wasm';

function copyDir(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, dereference: true });
}

async function assemble(root: string): Promise<void> {
  const out = path.join(root, STANDALONE_DIR);
  if (!fs.existsSync(path.join(out, 'server.js'))) throw new Error(`${STANDALONE_DIR}/server.js is missing: is output: 'standalone' set in next.config.ts?`);
  copyDir(path.join(root, '.next/static'), path.join(out, '.next/static'));
  copyDir(path.join(root, 'public'), path.join(out, 'public'));
  copyDir(path.join(root, MIGRATIONS_DIR), path.join(out, MIGRATIONS_DIR));
  copyDir(path.join(root, ENGINE_PACKAGE), path.join(out, ENGINE_PACKAGE));
  await esbuild({
    entryPoints: [path.join(root, 'scripts/deploy/server-entry.ts')],
    outfile: path.join(out, SERVER_ENTRY),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Both are in the folder already: pg traced by Next, the engine copied above (it loads its .wasm by path).
    external: ['pg', '@prisma/schema-engine-wasm'],
    // Bundled CommonJS (the driver adapter) calls require(): give the ES module one.
    banner: { js: "import { createRequire as __hsCreateRequire } from 'node:module'; const require = __hsCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

/** Builds (when the sources changed since the last build) and assembles the standalone folder. */
export async function ensureProductionBuild(root: string, options: { env?: NodeJS.ProcessEnv; force?: boolean; onBuild?: () => void } = {}): Promise<string> {
  const out = path.join(root, STANDALONE_DIR);
  if (options.force || !buildIsCurrent(root) || !fs.existsSync(path.join(out, SERVER_ENTRY))) {
    options.onBuild?.();
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...(options.env ?? process.env), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (result.status !== 0) throw new Error('the build failed (see above)');
    await assemble(root);
    writeBuildStamp(root);
  }
  return out;
}
