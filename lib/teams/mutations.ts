import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write';
import { DEFAULT_TEMPLATE } from './default-template';
import { createTeamSchema } from './schemas';

/** Creates a team with the user as its first admin and the default post-mortem template. */
export async function createTeam(userId: string, input: unknown, meta: { ip?: string } = {}): Promise<{ slug: string }> {
  const data = createTeamSchema.parse(input);
  return db.$transaction(async (tx) => {
    if (await tx.team.findUnique({ where: { slug: data.slug }, select: { id: true } }))
      throw new AppError('VALIDATION', 'That address is taken', { fields: [{ path: ['slug'], message: 'That address is taken; pick another.' }] });
    const team = await tx.team.create({ data: { name: data.name, slug: data.slug, timeZone: data.timeZone }, select: { id: true, slug: true } });
    await tx.membership.create({ data: { teamId: team.id, userId, role: 'admin' } });
    await tx.templateSection.createMany({ data: DEFAULT_TEMPLATE.map((s, position) => ({ ...s, position, teamId: team.id })) });
    await writeAudit(tx, { teamId: team.id, actorId: userId, action: 'team.create', entity: 'team', entityId: team.id, after: data, ip: meta.ip });
    return { slug: team.slug };
  });
}
