import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { DEMO_MEMBERS, buildDemoData } from './generate';
import { ISOLATION_MEMBERS, type DemoMember } from './catalog';

/**
 * Seeds the demo team (first run of the launcher, `npm run seed`). All content comes from the
 * pure generator in ./generate; this file only writes it, in one transaction of about twenty
 * bulk inserts, because the embedded PGlite runs one query at a time.
 */

export const DEMO_TEAM_SLUG = 'demo';
export const DEMO_USER = { email: 'demo@hindsight.local', password: 'hindsight-demo', name: 'Dana Demo' } as const;
/** A second team none of the demo team is on, to see that teams are isolated. */
export const ISOLATION_TEAM = { slug: 'data-platform', name: 'Data Platform Team', seed: 0x5eed_2027 } as const;

/** Demo sign-ins, one per role on the demo team plus the isolation team's admin; all use DEMO_USER.password. */
export const DEMO_SIGN_INS = [
  { team: DEMO_TEAM_SLUG, role: 'admin', email: DEMO_USER.email },
  { team: DEMO_TEAM_SLUG, role: 'editor', email: 'priya.raman@hindsight.local' },
  { team: DEMO_TEAM_SLUG, role: 'viewer', email: 'sam.okafor@hindsight.local' },
  { team: ISOLATION_TEAM.slug, role: 'admin', email: 'noor.haddad@hindsight.local' },
] as const;
const SIGN_IN_EMAILS = new Set<string>(DEMO_SIGN_INS.map((s) => s.email));

export interface SeedDemoOptions {
  /** Reference instant: every generated date is relative to it. Defaults to the current time. */
  now?: Date;
  /** Hash of DEMO_USER.password, stored as the demo user's User.passwordHash. */
  passwordHash: string;
}

export interface SeedDemoResult {
  created: boolean;
  teamId: string;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'P2002';
}

/**
 * Creates the demo team with about nine months of history, and the isolation team (generated the
 * same way, other people, none on both), unless a team with slug 'demo' already exists (then
 * nothing changes). Demo users that already exist (matched by email) are
 * reused as they are: their password is not reset.
 */
export async function seedDemoTeam(db: PrismaClient, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const existing = await db.team.findUnique({ where: { slug: DEMO_TEAM_SLUG }, select: { id: true } });
  if (existing) return { created: false, teamId: existing.id };
  const now = opts.now ?? new Date();
  try {
    return await db.$transaction(
      async (tx) => {
        const demo = await writeTeam(tx, { slug: DEMO_TEAM_SLUG, people: DEMO_MEMBERS, now, passwordHash: opts.passwordHash });
        await writeTeam(tx, { slug: ISOLATION_TEAM.slug, people: ISOLATION_MEMBERS, now, passwordHash: opts.passwordHash, teamName: ISOLATION_TEAM.name, seed: ISOLATION_TEAM.seed });
        return { created: true, teamId: demo };
      },
      { timeout: 120_000, maxWait: 20_000 },
    );
  } catch (err) {
    // Another process seeded at the same moment and won the unique slug: that is success too.
    if (isUniqueViolation(err)) {
      const team = await db.team.findUnique({ where: { slug: DEMO_TEAM_SLUG }, select: { id: true } });
      if (team) return { created: false, teamId: team.id };
    }
    throw err;
  }
}

type SeedTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Writes one generated team; demo users that already exist (by email) are reused as they are. */
async function writeTeam(
  tx: SeedTx,
  input: { slug: string; people: readonly DemoMember[]; now: Date; passwordHash: string; teamName?: string; seed?: number },
): Promise<string> {
  const emails = input.people.map((m) => m.email);
  const known = new Map((await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const members = input.people.map((m) => ({ ...m, id: known.get(m.email) ?? randomUUID(), isNew: !known.has(m.email) }));
  const data = buildDemoData({ now: input.now, slug: input.slug, memberIds: members.map((m) => m.id), newId: randomUUID, teamName: input.teamName, seed: input.seed });
  const joined = data.team.createdAt ?? input.now;
  const users = members
    .filter((m) => m.isNew)
    .map((m) => ({ id: m.id, email: m.email, name: m.name, passwordHash: SIGN_IN_EMAILS.has(m.email) ? input.passwordHash : null, createdAt: joined, updatedAt: joined }));

  // Parents before children; each call is one INSERT (Prisma batches large ones).
  await tx.team.createMany({ data: [data.team] });
  if (users.length > 0) await tx.user.createMany({ data: users });
  await tx.membership.createMany({ data: data.memberships });
  await tx.service.createMany({ data: data.services });
  await tx.templateSection.createMany({ data: data.templateSections });
  await tx.contributingFactor.createMany({ data: data.factors });
  await tx.incident.createMany({ data: data.incidents });
  await tx.incidentService.createMany({ data: data.incidentServices });
  await tx.incidentMember.createMany({ data: data.incidentMembers });
  await tx.postmortemSection.createMany({ data: data.sections });
  await tx.timelineEvent.createMany({ data: data.timeline });
  await tx.incidentFactor.createMany({ data: data.incidentFactors });
  await tx.reviewMeeting.createMany({ data: data.meetings });
  await tx.actionItem.createMany({ data: data.actionItems });
  await tx.review.createMany({ data: data.reviews });
  await tx.comment.createMany({ data: data.comments });
  await tx.meetingAttendee.createMany({ data: data.meetingAttendees });
  await tx.meetingIncident.createMany({ data: data.meetingIncidents });
  await tx.auditLog.create({ data: data.auditLog, select: { id: true } });
  return data.team.id;
}
