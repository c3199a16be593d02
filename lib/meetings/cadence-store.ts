import 'server-only';
import { writeAudit } from '@/lib/audit/write';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { authorize, requireUserActor, type Actor } from '@/lib/teams/access';
import { cadenceSchema, type Cadence } from './cadence';

/** The team's review cadence and the team version it was read at (any member). */
export async function getCadence(actor: Actor): Promise<Cadence & { version: number }> {
  authorize(actor, 'viewer', 'see the review schedule');
  return db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { reviewWeekday: true, reviewTime: true, timeZone: true, version: true } });
}

/** Sets the review weekday and time if the team is still at `version` (admins); audited. */
export async function saveCadence(actor: Actor, input: { weekday: unknown; time: unknown; version: unknown }): Promise<Cadence & { version: number }> {
  authorize(actor, 'admin', 'change the review schedule');
  const userId = requireUserActor(actor);
  const { weekday, time, version } = cadenceSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { reviewWeekday: true, reviewTime: true, timeZone: true } });
    const updated = await tx.team.updateMany({ where: { id: actor.teamId, version }, data: { reviewWeekday: weekday, reviewTime: time, version: { increment: 1 } } });
    if (updated.count === 0) {
      throw conflict('The team’s settings changed since you opened this page (another admin?). Reload to see the current schedule, then change it again.', {
        weekday: before.reviewWeekday,
        time: before.reviewTime,
      });
    }
    await writeAudit(tx, {
      teamId: actor.teamId,
      actorId: userId,
      action: 'team.review_cadence_update',
      entity: 'team',
      entityId: actor.teamId,
      before: { weekday: before.reviewWeekday, time: before.reviewTime, version },
      after: { weekday, time, version: version + 1 },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return { reviewWeekday: weekday, reviewTime: time, timeZone: before.timeZone, version: version + 1 };
  });
}
