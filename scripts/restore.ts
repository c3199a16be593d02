/**
 * npm run restore -- <file> — restores a backup of npm run backup (pg_dump custom format or
 * JSON) into DATABASE_URL (or the embedded database), which must be EMPTY: a restore never
 * merges into existing data. Applies the migrations newer than the backup afterwards.
 */
import fs from 'node:fs';
import { runCli, UsageError, withDatabaseUrl } from './lib/cli';
import { ROOT } from './lib/paths';
import { restoreDatabase } from './lib/restore';

async function main() {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length) throw new UsageError('usage: npm run restore -- <backup file>');
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  await withDatabaseUrl('npm run restore', async (url) => {
    const result = await restoreDatabase(url, ROOT, file);
    const rows = result.format === 'json' ? `, ${result.rows} rows` : '';
    console.log(`Restored ${file} (${result.format}: ${result.tables} tables${rows})${result.applied.length ? `, then applied ${result.applied.length} newer migration(s)` : ''}.`);
  });
}

runCli(main);
