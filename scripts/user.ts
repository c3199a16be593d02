/**
 * npm run user -- --disable <email> | --enable <email> | --list
 *
 * Account administration until there is an instance-admin UI. --disable ends the user's sessions
 * on their next request and refuses their sign-ins; --enable lets them sign in again. --list
 * prints one account a line on standard output (email, status, teams, name; tab-separated);
 * every message goes to standard error. Exit code 0 on success (also when nothing needed to
 * change), 1 on any error, such as an unknown email. Works on DATABASE_URL, or on the embedded
 * database when it is unset (refused while `npm start` holds it).
 */
import { parseArgs } from 'node:util';
import type { Db } from '../lib/db';
import { disableUser, enableUser, InvalidEmailError, listUsers, normalizeEmail, type UserListing, type UserStatusChange } from '../lib/users/admin';
import { runCli, UsageError, withDatabase } from './lib/cli';

process.env.CHECKPOINT_DISABLE ??= '1';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const USAGE = 'usage: npm run user -- --disable <email> | --enable <email> | --list';
const VIA = 'npm run user';

type Command = { kind: 'disable' | 'enable'; email: string } | { kind: 'list' };

function readArgs(argv: string[]): Command {
  let values: { disable?: string; enable?: string; list?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { disable: { type: 'string' }, enable: { type: 'string' }, list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    console.error(USAGE);
    process.exit(0);
  }
  const given = [values.disable !== undefined, values.enable !== undefined, values.list === true].filter(Boolean).length;
  if (given !== 1) throw new UsageError(`give exactly one of --disable, --enable and --list\n${USAGE}`);
  if (values.list) return { kind: 'list' };
  const kind = values.disable !== undefined ? 'disable' : 'enable';
  const email = values.disable ?? values.enable ?? '';
  try {
    // Checked before any database work, so a typo answers at once.
    normalizeEmail(email);
  } catch (error) {
    if (error instanceof InvalidEmailError) throw new UsageError(error.message);
    throw error;
  }
  return { kind, email };
}

function describeChange(kind: 'disable' | 'enable', result: UserStatusChange): string {
  if (result.outcome === 'not-found') throw new Error(`no user has the email ${result.email}`);
  const who = `${result.user.name} <${result.user.email}>`;
  if (kind === 'disable')
    return result.outcome === 'changed'
      ? `Disabled ${who}: their sessions end on their next request, and signing in is refused.`
      : `${who} was already disabled: nothing changed.`;
  return result.outcome === 'changed'
    ? `Enabled ${who}: they can sign in again.`
    : `${who} is not disabled: nothing changed.`;
}

function listingLine(user: UserListing): string {
  const status = user.disabledAt ? `disabled since ${user.disabledAt.toISOString()}` : 'active';
  const teams = user.teams === 1 ? '1 team' : `${user.teams} teams`;
  // Tabs and line breaks in a name would break the columns; names are free text.
  return [user.email, status, teams, user.name.replace(/\s+/g, ' ')].join('\t');
}

async function run(db: Db, command: Command): Promise<void> {
  if (command.kind === 'list') {
    const users = await listUsers(db);
    for (const user of users) process.stdout.write(`${listingLine(user)}\n`);
    const disabled = users.filter((u) => u.disabledAt).length;
    console.error(`${users.length === 1 ? '1 user' : `${users.length} users`}, ${disabled} disabled.`);
    return;
  }
  const change = command.kind === 'disable' ? disableUser : enableUser;
  console.error(describeChange(command.kind, await change(db, command.email, { via: VIA })));
}

async function main() {
  const command = readArgs(process.argv.slice(2));
  await withDatabase(VIA, (db) => run(db, command));
}

runCli(main);
