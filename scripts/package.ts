/**
 * npm run package [-- <folder>] — the deployable app in one folder (default dist/hindsight):
 * builds when stale, then copies the assembled standalone output. Run it with
 *   DATABASE_URL=postgresql://… AUTH_SECRET=… PORT=3000 node <folder>/hindsight-server.mjs
 * (applies pending migrations, then serves). The Dockerfile runs exactly this.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from './lib/cli';
import { ROOT } from './lib/paths';
import { ensureProductionBuild, SERVER_ENTRY } from './lib/standalone';

async function main() {
  const target = path.resolve(ROOT, process.argv[2] || 'dist/hindsight');
  const built = await ensureProductionBuild(ROOT, { onBuild: () => console.error('hindsight: building the production app ...') });
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(built, target, { recursive: true, dereference: true });
  console.log(`Packaged Hindsight into ${path.relative(process.cwd(), target) || target}\nStart it with: DATABASE_URL=postgresql://… AUTH_SECRET=… PORT=3000 node ${path.join(path.relative(process.cwd(), target) || '.', SERVER_ENTRY)}`);
}

void runCli(main);
