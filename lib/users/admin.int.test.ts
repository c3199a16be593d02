import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db';
import { disableUser, enableUser, InvalidEmailError, listUsers } from './admin';

const db = createPrismaClient(process.env.DATABASE_URL!, { poolMax: 2 });
const ROOT = path.resolve(import.meta.dirname, '../..');
const context = { via: 'test' };

afterAll(() => db.$disconnect());

let counter = 0;
async function createUser(label: string) {
  counter += 1;
  const email = `${label}-${counter}-${Date.now().toString(36)}@example.test`;
  return db.user.create({ data: { email, name: `User ${label}` }, select: { id: true, email: true, sessionVersion: true, version: true } });
}

function stateOf(id: string) {
  return db.user.findUniqueOrThrow({ where: { id }, select: { disabledAt: true, sessionVersion: true, version: true } });
}

function auditRows(entityId: string) {
  return db.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true, teamId: true, entity: true, before: true, after: true } });
}

describe('disableUser / enableUser', () => {
  it('disables: sets disabledAt, bumps sessionVersion and version, and audits it with no actor', async () => {
    const user = await createUser('disable');
    const result = await disableUser(db, user.email, context);
    expect(result).toMatchObject({ outcome: 'changed', user: { id: user.id, email: user.email } });

    const state = await stateOf(user.id);
    expect(state.disabledAt).toBeInstanceOf(Date);
    expect(state.sessionVersion).toBe(user.sessionVersion + 1);
    expect(state.version).toBe(user.version + 1);
    const [audit, ...rest] = await auditRows(user.id);
    expect(rest).toEqual([]);
    expect(audit).toEqual({
      action: 'user.disable',
      actorId: null,
      teamId: null,
      entity: 'user',
      before: { email: user.email, disabledAt: null },
      after: { email: user.email, disabledAt: state.disabledAt?.toISOString(), via: 'test' },
    });
  });

  it('enables again: clears disabledAt and audits it; the old sessions stay ended', async () => {
    const user = await createUser('enable');
    await disableUser(db, user.email, context);
    const disabled = await stateOf(user.id);

    expect(await enableUser(db, user.email, context)).toMatchObject({ outcome: 'changed', user: { disabledAt: null } });
    const state = await stateOf(user.id);
    expect(state).toEqual({ disabledAt: null, sessionVersion: disabled.sessionVersion, version: disabled.version + 1 });
    const rows = await auditRows(user.id);
    expect(rows.map((r) => r.action)).toEqual(['user.disable', 'user.enable']);
    expect(rows[1]).toMatchObject({ actorId: null, before: { disabledAt: disabled.disabledAt?.toISOString() }, after: { disabledAt: null } });
  });

  it('changes nothing, and audits nothing, when the account already is in that state', async () => {
    const user = await createUser('same');
    expect(await enableUser(db, user.email, context)).toMatchObject({ outcome: 'unchanged' });
    await disableUser(db, user.email, context);
    const disabled = await stateOf(user.id);
    expect(await disableUser(db, user.email, context)).toMatchObject({ outcome: 'unchanged' });
    expect(await stateOf(user.id)).toEqual(disabled);
    expect((await auditRows(user.id)).map((r) => r.action)).toEqual(['user.disable']);
  });

  it('finds the account whatever the case and spacing of the email', async () => {
    const user = await createUser('case');
    expect(await disableUser(db, `  ${user.email.toUpperCase()} `, context)).toMatchObject({ outcome: 'changed', user: { id: user.id } });
  });

  it('reports an unknown email as not found and writes nothing; an invalid one is refused', async () => {
    const before = await db.auditLog.count();
    expect(await disableUser(db, 'nobody@example.test', context)).toEqual({ outcome: 'not-found', email: 'nobody@example.test' });
    expect(await enableUser(db, 'Nobody@Example.test', context)).toEqual({ outcome: 'not-found', email: 'nobody@example.test' });
    await expect(disableUser(db, 'not an email', context)).rejects.toThrow(InvalidEmailError);
    expect(await db.auditLog.count()).toBe(before);
  });

  it('audits a concurrent double disable once', async () => {
    const user = await createUser('race');
    const results = await Promise.all([disableUser(db, user.email, context), disableUser(db, user.email, context)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['changed', 'unchanged']);
    expect((await auditRows(user.id)).map((r) => r.action)).toEqual(['user.disable']);
  });
});

describe('listUsers', () => {
  it('lists every account by email with its status and team count', async () => {
    const active = await createUser('list-a');
    const disabled = await createUser('list-b');
    await disableUser(db, disabled.email, context);
    const team = await db.team.create({ data: { slug: `list-${Date.now().toString(36)}`, name: 'List' }, select: { id: true } });
    await db.membership.create({ data: { teamId: team.id, userId: active.id, role: 'viewer' } });

    const users = await listUsers(db);
    expect(users.map((u) => u.email)).toEqual([...users.map((u) => u.email)].sort());
    expect(users.find((u) => u.id === active.id)).toMatchObject({ disabledAt: null, teams: 1 });
    expect(users.find((u) => u.id === disabled.id)?.disabledAt).toBeInstanceOf(Date);
  });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/user.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run user', () => {
  it('disables through the command line, lists, and fails with one line for an unknown email', async () => {
    const user = await createUser('cli');

    const disabled = await runCli(['--disable', user.email]);
    expect(disabled).toMatchObject({ code: 0, stdout: '' });
    expect(disabled.stderr).toContain(`Disabled User cli <${user.email}>`);
    expect((await stateOf(user.id)).disabledAt).toBeInstanceOf(Date);
    expect((await auditRows(user.id)).map((r) => [r.action, r.after])).toEqual([['user.disable', expect.objectContaining({ via: 'npm run user' })]]);

    const list = await runCli(['--list']);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')).toContainEqual(expect.stringMatching(new RegExp(`^${user.email.replace(/\./g, '\\.')}\tdisabled since \\S+\t0 teams\tUser cli$`)));

    const unknown = await runCli(['--enable', 'nobody@example.test']);
    expect(unknown).toEqual({ code: 1, stdout: '', stderr: 'hindsight: no user has the email nobody@example.test\n' });
  });
});
