import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Embedded database folder (git-ignored); HINDSIGHT_DATA_DIR overrides it. */
export function dataDir(): string {
  return path.resolve(ROOT, process.env.HINDSIGHT_DATA_DIR || '.hindsight/pgdata');
}

export function fail(message: string): never {
  console.error(`hindsight: ${message}`);
  process.exit(1);
}
