import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { teamSlugFromParam } from '@/components/shell/sections';

/**
 * Every team page sits in the app shell. The team slug comes from the URL and is shown as-is;
 * no database is consulted here (membership checks belong to the domain layer, page by page).
 */
export default async function TeamLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ team: string }>;
}) {
  const { team } = await params;
  return <AppShell teamSlug={teamSlugFromParam(team)}>{children}</AppShell>;
}
