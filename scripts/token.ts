/**
 * npm run token -- --team <slug> --name <name> [--role viewer|editor|admin] [--create]
 *
 * Prints a new API token for a team: the token alone on standard output, every message on
 * standard error, so `TOKEN=$(npm run -s token -- ...)` works in scripts and CI. With --create
 * the team is created first when no team has that slug. Works on DATABASE_URL, or on the
 * embedded database when it is unset (refused while `npm start` holds it).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_TEMPLATE } from '../lib/teams/default-template';
import { teamSlugSchema } from '../lib/teams/schemas';
import { displayPrefix, generateToken } from '../lib/tokens/mint';
import { tokenNameSchema, tokenRoleSchema } from '../lib/tokens/schemas';
import { hasCode, runCli, UsageError, withDatabase } from './lib/cli';

process.env.CHECKPOINT_DISABLE ??= '1';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const USAGE = 'usage: npm run token -- --team <slug> --name <name> [--role viewer|editor|admin] [--create]';

const argsSchema = z.object({
  team: teamSlugSchema,
  name: tokenNameSchema,
  role: tokenRoleSchema.default('viewer'),
  create: z.boolean().default(false),
});

function readArgs(argv: string[]): z.infer<typeof argsSchema> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { team: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, create: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
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
  if (!values.team || !values.name) throw new UsageError(`--team and --name are required\n${USAGE}`);
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${issue?.path.join('.') ?? 'arguments'}: ${issue?.message ?? 'invalid value'}`);
  }
  return parsed.data;
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  await withDatabase('npm run token', async (db) => {
    const minted = generateToken();
    try {
      const result = await db.$transaction(async (tx) => {
        let team = await tx.team.findUnique({ where: { slug: args.team }, select: { id: true, slug: true } });
        let createdTeam = false;
        if (!team) {
          if (!args.create) return { kind: 'no-team' as const };
          const created = await tx.team.create({ data: { slug: args.team, name: args.team, timeZone: 'UTC' }, select: { id: true, slug: true } });
          await tx.templateSection.createMany({ data: DEFAULT_TEMPLATE.map((s, position) => ({ ...s, position, teamId: created.id })) });
          await tx.auditLog.create({
            data: { teamId: created.id, action: 'team.create', entity: 'team', entityId: created.id, after: { name: args.team, slug: args.team, timeZone: 'UTC', via: 'npm run token' } },
          });
          team = created;
          createdTeam = true;
        }
        const token = await tx.apiToken.create({
          data: { teamId: team.id, name: args.name, role: args.role, tokenHash: minted.hash, prefix: minted.prefix },
          select: { id: true },
        });
        await tx.auditLog.create({
          data: {
            teamId: team.id,
            action: 'token.create',
            entity: 'api_token',
            entityId: token.id,
            after: { name: args.name, role: args.role, prefix: displayPrefix(minted.prefix), via: 'npm run token' },
          },
        });
        return { kind: 'created' as const, createdTeam };
      });
      if (result.kind === 'no-team') throw new Error(`no team has the slug "${args.team}" (add --create to create it)`);
      if (result.createdTeam) console.error(`Created team "${args.team}" (time zone UTC).`);
      console.error(`Created ${args.role} token "${args.name}" (${displayPrefix(minted.prefix)}) for team "${args.team}". It is shown once, below; store it now.`);
      process.stdout.write(`${minted.token}\n`);
    } catch (error) {
      // P2002: a unique violation, from a race on --create.
      if (hasCode(error, 'P2002')) throw new Error(`team "${args.team}" was created by someone else at the same moment; run the command again`);
      throw error;
    }
  });
}

runCli(main);
