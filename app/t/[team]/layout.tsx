import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { teamSlugFromParam } from '@/components/shell/sections';
import { listMyTeams } from '@/lib/teams/queries';
import { pageActor } from '@/lib/teams/session-actor';

/**
 * Every team page sits in the app shell, for members only: visitors go to sign-in (and come back
 * here), non-members get the 404 (a team's existence is not disclosed). Pages still authorize
 * their own data through the domain layer; this layout is not the security boundary.
 */
export default async function TeamLayout({ children, params }: { children: ReactNode; params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const actor = await pageActor(slug, `/t/${encodeURIComponent(slug)}`);
  const teams = await listMyTeams(actor.user.id);
  return (
    <AppShell
      team={{ slug: actor.team.slug, name: actor.team.name }}
      role={actor.role}
      user={{ name: actor.user.name, email: actor.user.email }}
      teams={teams}
    >
      {children}
    </AppShell>
  );
}
