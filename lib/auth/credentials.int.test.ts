import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { hashPassword } from './password';
import { signInWithPassword, SignInRefused, WRONG_CREDENTIALS } from './credentials';

const email = 'blocked.test@example.com';
const password = 'a long and unusual passphrase';

beforeAll(async () => {
  await db.user.create({ data: { email, name: 'Blocked Test', passwordHash: await hashPassword(password) } });
});

describe('signInWithPassword', () => {
  it('accepts the right password and refuses a wrong one with one generic message', async () => {
    await expect(signInWithPassword({ email: 'Blocked.Test@Example.com ', password }, '198.51.100.1')).resolves.toMatchObject({ sessionVersion: 1 });
    await expect(signInWithPassword({ email, password: 'nope' }, '198.51.100.1')).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(signInWithPassword({ email: 'nobody@example.com', password }, '198.51.100.1')).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it('blocks the account+address pair after 10 failures in 15 minutes, even for the right password; other addresses still work', async () => {
    const ip = '203.0.113.7';
    for (let i = 1; i <= 9; i++) await expect(signInWithPassword({ email, password: `wrong-${i}` }, ip)).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(signInWithPassword({ email, password: 'wrong-10' }, ip)).rejects.toThrow(/Too many failed sign-ins .* Try again in 15 minutes\./);
    await expect(signInWithPassword({ email, password }, ip)).rejects.toThrow(SignInRefused);
    await expect(signInWithPassword({ email, password }, ip)).rejects.toThrow(/Too many failed sign-ins/);
    await expect(signInWithPassword({ email, password }, '203.0.113.8')).resolves.toBeTruthy();

    const blocked = await db.rateLimit.findUniqueOrThrow({ where: { key: `sign-in:${email}:${ip}` } });
    const minutes = (blocked.blockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it('unblocks once the block has passed, and a success clears the failure count', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 10; i++) await signInWithPassword({ email, password: 'wrong' }, ip).catch(() => undefined);
    await db.rateLimit.update({ where: { key: `sign-in:${email}:${ip}` }, data: { blockedUntil: new Date(Date.now() - 1000), windowStartedAt: new Date(Date.now() - 16 * 60_000) } });
    await expect(signInWithPassword({ email, password }, ip)).resolves.toBeTruthy();
    expect(await db.rateLimit.findUnique({ where: { key: `sign-in:${email}:${ip}` } })).toBeNull();
  });

  it('counts failures atomically under concurrency (limits live in PostgreSQL, shared by all instances)', async () => {
    const ip = '203.0.113.50';
    await Promise.allSettled(Array.from({ length: 10 }, (_, i) => signInWithPassword({ email, password: `x${i}` }, ip)));
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: `sign-in:${email}:${ip}` } });
    expect(row.count).toBe(10);
    expect(row.blockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it('audits failures, blocks and successes', async () => {
    const actions = (await db.auditLog.findMany({ select: { action: true } })).map((a) => a.action);
    expect(actions).toContain('auth.sign_in_failed');
    expect(actions).toContain('auth.sign_in_blocked');
    expect(actions).toContain('auth.sign_in');
  });

  it('refuses a disabled account', async () => {
    await db.user.update({ where: { email }, data: { disabledAt: new Date() } });
    await expect(signInWithPassword({ email, password }, '198.51.100.99')).rejects.toThrow(/disabled/);
  });
});
