import { redirect } from 'next/navigation';
import { sectionHref, teamSlugFromParam } from '@/components/shell/sections';

/** /t/<team> has no page of its own: incidents are where a team starts. */
export default async function TeamHomePage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  redirect(sectionHref(teamSlugFromParam(team), 'incidents'));
}
