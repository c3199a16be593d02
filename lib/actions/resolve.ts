import 'server-only';
import type { Tx } from '@/lib/db';
import type { FieldIssue } from '@/lib/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * References in an action's input, checked against the team: the owner must be a member, the
 * factor a live entry of the team's catalog (not archived, not merged away), the timeline
 * entry one of this incident's. Each miss is a field issue named after the field given.
 */
export interface RefInput {
  ownerId?: string | null;
  ownerEmail?: string | null;
  factorId?: string | null;
  factor?: string | null;
  timelineEventId?: string | null;
}

export interface ResolvedRefs {
  /** undefined: not given (leave as is); null: cleared. */
  ownerId?: string | null;
  factorId?: string | null;
  timelineEventId?: string | null;
}

export async function resolveRefs(tx: Tx, teamId: string, incidentId: string, input: RefInput, issues: FieldIssue[]): Promise<ResolvedRefs> {
  const out: ResolvedRefs = {};
  if (input.ownerId !== undefined && input.ownerEmail !== undefined) issues.push({ path: ['ownerEmail'], message: 'Give the owner once: ownerId or ownerEmail' });
  else if (input.ownerId === null || input.ownerEmail === null) out.ownerId = null;
  else if (input.ownerId || input.ownerEmail) {
    const field = input.ownerId ? 'ownerId' : 'ownerEmail';
    const member = await tx.membership.findFirst({
      where: { teamId, user: input.ownerId ? { id: input.ownerId } : { email: input.ownerEmail! } },
      select: { userId: true },
    });
    if (member) out.ownerId = member.userId;
    else issues.push({ path: [field], message: 'The owner must be a member of this team' });
  }

  if (input.factorId !== undefined && input.factor !== undefined) issues.push({ path: ['factor'], message: 'Give the factor once: factorId or factor' });
  else if (input.factorId === null || input.factor === null) out.factorId = null;
  else if (input.factorId || input.factor) {
    const ref = (input.factorId ?? input.factor)!;
    const field = input.factorId ? 'factorId' : 'factor';
    const factor = await tx.contributingFactor.findFirst({
      where: { teamId, archivedAt: null, mergedIntoId: null, ...(UUID.test(ref) ? { id: ref } : { name: ref }) },
      select: { id: true },
    });
    if (factor) out.factorId = factor.id;
    else issues.push({ path: [field], message: 'Choose a current factor from this team’s catalog' });
  }

  if (input.timelineEventId) {
    const event = await tx.timelineEvent.findFirst({ where: { id: input.timelineEventId, incidentId }, select: { id: true } });
    if (event) out.timelineEventId = event.id;
    else issues.push({ path: ['timelineEventId'], message: 'Choose an entry of this incident’s timeline' });
  }
  return out;
}
