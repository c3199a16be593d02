import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { DEMO_SIGN_INS, DEMO_TEAM_SLUG, DEMO_USER, ISOLATION_TEAM, seedDemoTeam } from './demo';

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

const counts = async () => ({
  incidents: await db.incident.count(),
  timeline: await db.timelineEvent.count(),
  actions: await db.actionItem.count(),
  factors: await db.contributingFactor.count(),
  links: await db.incidentFactor.count(),
});

describe('demo seed', () => {
  const now = new Date();

  it('creates a valid demo team on an empty database', async () => {
    const result = await seedDemoTeam(db, { now, passwordHash: await hashPassword(DEMO_USER.password) });
    expect(result.created).toBe(true);
    const team = await db.team.findUniqueOrThrow({ where: { slug: DEMO_TEAM_SLUG } });
    expect(team.id).toBe(result.teamId);

    const incidents = await db.incident.findMany({ where: { teamId: team.id } });
    expect(incidents.length).toBeLessThan(await db.incident.count());
    expect(incidents.length).toBeGreaterThanOrEqual(40);
    expect(new Set(incidents.map((i) => i.severity))).toEqual(new Set(['SEV1', 'SEV2', 'SEV3', 'SEV4']));
    expect(incidents.some((i) => i.kind === 'drill')).toBe(true);
    expect(incidents.some((i) => i.resolvedAt === null)).toBe(true);
    const oldest = Math.min(...incidents.map((i) => i.startedAt.getTime()));
    expect(now.getTime() - oldest).toBeGreaterThan(200 * 86_400_000);
    expect(team.nextIncidentNo).toBe(Math.max(...incidents.map((i) => i.number)) + 1);

    const actions = await db.actionItem.findMany({ where: { teamId: team.id } });
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['open', 'in_progress', 'done', 'wont_do']));
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    expect(actions.some((a) => a.dueDate && a.dueDate < today && (a.status === 'open' || a.status === 'in_progress'))).toBe(true);
    expect(actions.filter((a) => a.status === 'done').every((a) => a.completedAt !== null)).toBe(true);
    expect(actions.filter((a) => a.status === 'wont_do').every((a) => !!a.wontDoReason)).toBe(true);
    expect(await db.timelineEvent.count()).toBeGreaterThan(incidents.length * 3);
    expect(await db.incidentFactor.count()).toBeGreaterThan(0);
  });

  it('obeys the timestamp order rules of METRICS.md in the database itself', async () => {
    const [row] = await db.$queryRaw<{ bad: bigint }[]>`
      SELECT count(*) AS bad FROM "Incident" WHERE
        "detectedAt" < "startedAt" OR "acknowledgedAt" < "detectedAt" OR "acknowledgedAt" < "startedAt"
        OR "mitigatedAt" < "startedAt" OR "resolvedAt" < "mitigatedAt" OR "resolvedAt" < "startedAt"
        OR greatest("startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt") > now()`;
    expect(Number(row?.bad)).toBe(0);
  });

  it('gives each demo sign-in its role and keeps the isolation team apart', async () => {
    for (const s of DEMO_SIGN_INS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: s.email }, include: { memberships: { include: { team: true } } } });
      expect(await verifyPassword(user.passwordHash!, DEMO_USER.password)).toBe(true);
      expect(user.memberships.map((m) => [m.team.slug, m.role])).toEqual([[s.team, s.role]]);
    }
    const isolation = await db.team.findUniqueOrThrow({ where: { slug: ISOLATION_TEAM.slug }, include: { memberships: true } });
    const demo = await db.team.findUniqueOrThrow({ where: { slug: DEMO_TEAM_SLUG }, include: { memberships: true } });
    const demoUsers = new Set(demo.memberships.map((m) => m.userId));
    expect(isolation.memberships.some((m) => demoUsers.has(m.userId))).toBe(false);
    expect(await db.incident.count({ where: { teamId: isolation.id } })).toBeGreaterThan(0);
    // Only the four sign-in users have a password.
    expect(await db.user.count({ where: { passwordHash: { not: null } } })).toBe(DEMO_SIGN_INS.length);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await counts();
    const again = await seedDemoTeam(db, { now: new Date(), passwordHash: '$argon2id$other' });
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
    expect(await db.team.count()).toBe(2);
  });
});
