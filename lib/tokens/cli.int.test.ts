import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { DEFAULT_TEMPLATE } from '@/lib/teams/default-template';
import { createTestTeam } from '@/lib/teams/team-fixtures';
import { authenticateBearer } from './bearer';
import { hashToken, TOKEN_PATTERN } from './mint';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npx tsx scripts/token.ts ...` against this test file's database. */
function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['--no-install', 'tsx', 'scripts/token.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const slug = () => `cli-${crypto.randomUUID().slice(0, 8)}`;

// Each test starts one or two Node processes (a few seconds each on a busy machine).
describe('npm run token', { timeout: 120_000 }, () => {
  it('with --create makes the team and prints only the token, which then authenticates', async () => {
    const team = slug();
    const run = await runCli(['--team', team, '--name', 'ci', '--create']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^hs_[a-z0-9]{8}_[A-Za-z0-9_-]{43}\n$/);
    const token = run.stdout.trim();
    expect(token).toMatch(TOKEN_PATTERN);
    expect(run.stderr).toContain(`Created team "${team}"`);
    expect(run.stderr).not.toContain(token);

    const created = await db.team.findUniqueOrThrow({ where: { slug: team }, select: { id: true, name: true, timeZone: true, templateSections: { select: { key: true }, orderBy: { position: 'asc' } } } });
    expect(created).toMatchObject({ name: team, timeZone: 'UTC' });
    expect(created.templateSections.map((s) => s.key)).toEqual(DEFAULT_TEMPLATE.map((s) => s.key));

    const row = await db.apiToken.findFirstOrThrow({ where: { teamId: created.id } });
    expect(row).toMatchObject({ name: 'ci', role: 'viewer', createdById: null, tokenHash: hashToken(token), prefix: token.slice(3, 11) });
    const audit = await db.auditLog.findMany({ where: { teamId: created.id }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true, actorToken: true, after: true } });
    expect(audit.map((a) => [a.action, a.actorId, a.actorToken])).toEqual([
      ['team.create', null, null],
      ['token.create', null, null],
    ]);
    expect(JSON.stringify(audit)).not.toContain(token.slice(12));

    const actor = await authenticateBearer(new Request('http://hindsight.test/api/v1/team', { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '192.0.2.77' } }));
    expect(actor).toMatchObject({ userId: null, tokenId: row.id, teamId: created.id, teamSlug: team, role: 'viewer' });
  });

  it('adds a token with the given role to an existing team', async () => {
    const team = await createTestTeam();
    const run = await runCli(['--team', team.slug, '--name', 'deploy bot', '--role', 'editor']);
    expect(run.code).toBe(0);
    const row = await db.apiToken.findFirstOrThrow({ where: { teamId: team.id } });
    expect(row).toMatchObject({ name: 'deploy bot', role: 'editor', tokenHash: hashToken(run.stdout.trim()) });
    expect(await db.templateSection.count({ where: { teamId: team.id } })).toBe(0); // the team was not touched
  });

  it('refuses an unknown team without --create: exit 1, one line on stderr, nothing on stdout', async () => {
    const team = slug();
    const run = await runCli(['--team', team, '--name', 'ci']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`hindsight: no team has the slug "${team}" (add --create to create it)\n`);
    expect(await db.team.count({ where: { slug: team } })).toBe(0);
  });

  it('refuses bad arguments before touching the database', async () => {
    const [missing, badRole] = await Promise.all([runCli(['--team', slug()]), runCli(['--team', slug(), '--name', 'x', '--role', 'owner', '--create'])]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--team and --name are required');
    expect(badRole).toMatchObject({ code: 1, stdout: '', stderr: 'hindsight: --role: Pick viewer, editor or admin\n' });
  });
});
