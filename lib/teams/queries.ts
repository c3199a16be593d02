import 'server-only';
import { db } from '@/lib/db';
import type { Role } from './access';

export interface MyTeam {
  slug: string;
  name: string;
  role: Role;
}

/** The teams of a user, for the team switcher and the home redirect. */
export async function listMyTeams(userId: string): Promise<MyTeam[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { role: true, team: { select: { slug: true, name: true } } },
    orderBy: { team: { name: 'asc' } },
  });
  return rows.map((r) => ({ slug: r.team.slug, name: r.team.name, role: r.role }));
}
