/**
 * npm run backup [-- <file>] [--format=pg_dump|json] — a backup of the whole database
 * (DATABASE_URL, or the embedded one when no launcher holds it): pg_dump's custom format when a
 * pg_dump at least as new as the server is installed, else a JSON backup. Default file:
 * backups/hindsight-<UTC time>.<dump|json>. Restore with npm run restore -- <file>.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, pgDumpUsable, type BackupFormat } from './lib/backup';
import { runCli, UsageError, withDatabaseUrl } from './lib/cli';
import { ROOT } from './lib/paths';

function parseArgs(argv: string[]): { file?: string; format: BackupFormat | 'auto' } {
  let file: string | undefined;
  let format: BackupFormat | 'auto' = 'auto';
  for (const arg of argv) {
    const m = /^--format=(.*)$/.exec(arg);
    if (m) {
      if (m[1] !== 'pg_dump' && m[1] !== 'json') throw new UsageError('usage: npm run backup -- [<file>] [--format=pg_dump|json]');
      format = m[1];
    } else if (arg.startsWith('-') || file) {
      throw new UsageError('usage: npm run backup -- [<file>] [--format=pg_dump|json]');
    } else file = arg;
  }
  return { file, format };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  await withDatabaseUrl('npm run backup', async (url) => {
    const format = args.format === 'auto' ? ((await pgDumpUsable(url)) ? 'pg_dump' : 'json') : args.format;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.resolve(args.file ?? path.join(ROOT, 'backups', `hindsight-${stamp}.${format === 'pg_dump' ? 'dump' : 'json'}`));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const result = await backupDatabase(url, file, { format });
    console.log(`Backed up the database to ${path.relative(process.cwd(), result.file) || result.file} (${result.format}, ${(result.bytes / 1024).toFixed(1)} KiB).\nRestore into an empty database with: npm run restore -- ${path.relative(process.cwd(), result.file) || result.file}`);
  });
}

runCli(main);
