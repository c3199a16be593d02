import 'server-only';
import type { Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { IdMap } from './id-map';
import type { TeamExport } from './schemas';

type Person = (email: string | null) => string | null;

/** The incidents of an import and everything hanging off them (see import.ts), in bulk inserts. */
export async function insertIncidents(tx: Tx, teamId: string, doc: TeamExport, ids: IdMap, person: Person): Promise<void> {
  const required = (email: string) => person(email) ?? '';
  // Every id first: revisions and comments point at rows of any incident section or thread.
  for (const i of doc.incidents) {
    ids.fresh(i.id);
    for (const rows of [i.sections, i.timeline, i.factors, i.reviews, i.comments, i.revisions]) for (const r of rows) ids.fresh(r.id);
  }
  await tx.incident.createMany({
    data: doc.incidents.map(({ id, createdBy, services: _s, members: _m, sections: _se, timeline: _t, factors: _f, reviews: _r, comments: _c, revisions: _v, ...i }) => ({
      ...i, id: ids.get(id), teamId, createdById: person(createdBy),
    })),
  });
  const each = <T>(pick: (i: TeamExport['incidents'][number]) => T[]) => doc.incidents.flatMap((i) => pick(i).map((row) => ({ incidentId: ids.get(i.id), row })));
  await tx.incidentService.createMany({ data: each((i) => i.services).map(({ incidentId, row }) => ({ incidentId, serviceId: ids.get(row) })) });
  await tx.incidentMember.createMany({ data: each((i) => i.members).map(({ incidentId, row }) => ({ incidentId, userId: required(row) })) });
  await tx.postmortemSection.createMany({
    data: each((i) => i.sections).map(({ incidentId, row: { id, updatedBy, ...s } }) => ({ ...s, id: ids.get(id), incidentId, updatedById: person(updatedBy) })),
  });
  await tx.timelineEvent.createMany({
    data: each((i) => i.timeline).map(({ incidentId, row: { id, author, ...e } }) => ({ ...e, id: ids.get(id), incidentId, authorId: person(author) })),
  });
  await tx.incidentFactor.createMany({
    data: each((i) => i.factors).map(({ incidentId, row: { id, factor, ...f } }) => ({ ...f, id: ids.get(id), incidentId, factorId: ids.get(factor) })),
  });
  await tx.review.createMany({
    data: each((i) => i.reviews).map(({ incidentId, row: { id, reviewer, ...r } }) => ({ ...r, id: ids.get(id), incidentId, reviewerId: required(reviewer) })),
  });
  // Thread starters before replies: the parent must exist when a reply is inserted.
  const comments = each((i) => i.comments).map(({ incidentId, row: { id, parent, author, resolvedBy, ...c } }) => ({
    ...c, id: ids.get(id), incidentId, parentId: ids.optional(parent), authorId: person(author), resolvedById: person(resolvedBy),
  }));
  await tx.comment.createMany({ data: comments.filter((c) => c.parentId === null) });
  await tx.comment.createMany({ data: comments.filter((c) => c.parentId !== null) });
  await tx.revision.createMany({
    data: each((i) => i.revisions).map(({ incidentId, row: { id, entityId, actor, content, ...r } }) => ({
      ...r, id: ids.get(id), incidentId, entityId: ids.soft(entityId) ?? entityId, actorId: person(actor), content: ids.inJson(content) as Prisma.InputJsonValue,
    })),
  });
}
