import 'server-only';
import { z } from 'zod';
import { pgText } from '@/lib/pg-text';
import { MAX_ROW_VERSION, VERSION_TOO_LARGE } from '@/lib/row-version';
import { writeAudit } from '@/lib/audit/write';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import type { BlamelessOptions } from '@/lib/postmortem/blameless';
import { listMemberNames } from '@/lib/postmortem/sections';
import { authorize, requireUserActor, type Actor } from '@/lib/teams/access';

/**
 * The team's blameless allow-list: words and phrases the blameless-language check never flags
 * for this team (product names like "Careless Whisper", quoted alert names ...). Admins edit it,
 * versioned on Team.version; every place that runs the check takes its options from
 * `blamelessOptions`, so the editor, the open-flag count and publishing agree.
 */

export const MAX_ALLOW_PHRASES = 200;
export const MAX_ALLOW_PHRASE_LENGTH = 100;

/** One phrase a line, as the settings form submits it; blank lines dropped, duplicates (any case) merged. */
export const allowListSchema = z.object({
  phrases: pgText()
    .max(MAX_ALLOW_PHRASES * (MAX_ALLOW_PHRASE_LENGTH + 1), 'The list is too long.')
    .transform((text) => text.split(/\r?\n/).map((line) => line.trim().replace(/\s+/g, ' ')).filter((line) => line.length > 0))
    .pipe(
      z
        .array(pgText().max(MAX_ALLOW_PHRASE_LENGTH, `Keep each phrase under ${MAX_ALLOW_PHRASE_LENGTH} characters.`))
        .max(MAX_ALLOW_PHRASES, `Use at most ${MAX_ALLOW_PHRASES} phrases.`),
    )
    .transform((lines) => [...new Map(lines.map((line) => [line.toLowerCase(), line])).values()]),
  version: z.coerce.number().int().min(1).max(MAX_ROW_VERSION, VERSION_TOO_LARGE),
});

/** The list and the team version it was read at (any member may read it: the editor needs it). */
export async function getAllowList(actor: Actor): Promise<{ phrases: string[]; version: number }> {
  authorize(actor, 'viewer', 'see the blameless allow-list');
  const team = await db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { blamelessAllowList: true, version: true } });
  return { phrases: team.blamelessAllowList, version: team.version };
}

/** Replaces the list if the team is still at `version` (admins); CONFLICT with the stored list otherwise. */
export async function saveAllowList(actor: Actor, input: { phrases: string; version: number | string }) {
  authorize(actor, 'admin', 'edit the blameless allow-list');
  const userId = requireUserActor(actor);
  const { phrases, version } = allowListSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { blamelessAllowList: true } });
    const updated = await tx.team.updateMany({ where: { id: actor.teamId, version }, data: { blamelessAllowList: phrases, version: { increment: 1 } } });
    if (updated.count === 0) throw conflict('The team’s settings changed since you opened this page (another admin?). Reload to see the current list, then edit again.', before.blamelessAllowList);
    await writeAudit(tx, {
      teamId: actor.teamId,
      actorId: userId,
      action: 'team.blameless_allow_list_update',
      entity: 'team',
      entityId: actor.teamId,
      before: { phrases: before.blamelessAllowList, version },
      after: { phrases, version: version + 1 },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return { phrases, version: version + 1 };
  });
}

/** What the blameless check needs for this team: member names (as persons) and the allow-list. */
export async function blamelessOptions(actor: Actor): Promise<Required<BlamelessOptions>> {
  const [names, team] = await Promise.all([listMemberNames(actor), db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { blamelessAllowList: true } })]);
  return { names, allowList: team.blamelessAllowList };
}
