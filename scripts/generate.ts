/**
 * `prisma generate` without the network: Prisma 7's CLI wants to download a native schema engine
 * even for `generate`; pointing it at a stub lets it run (generation itself is pure WebAssembly).
 * Also writes the migration manifest that /api/ready compares with the database.
 */
import { spawnSync } from 'node:child_process';
import { writeMigrationManifest } from './lib/migrations-dir';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), 'generate'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, 'scripts/schema-engine-stub.sh'),
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
if (result.status !== 0) {
  console.error('prisma generate failed');
  process.exit(result.status ?? 1);
}
writeMigrationManifest(root);
