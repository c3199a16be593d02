import type { Metadata } from 'next';
import Link from 'next/link';
import { timeZoneOptions } from '@/lib/time-zone';
import { SignedInHeader } from '@/components/shell/signed-in-header';
import { SiteFrame } from '@/components/shell/site-frame';
import { NewTeamForm } from '@/components/teams/new-team-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth/session';
import { createTeamAction } from './actions';

export const metadata: Metadata = { title: 'Create a team' };


export default async function NewTeamPage() {
  const user = await requirePageUser('/teams/new');
  return (
    <SiteFrame headerEnd={<SignedInHeader name={user.name} />}>
      <PageHeader
        title="Create a team"
        description="A team shares its incidents, post-mortems, action items and metrics. You will be its first admin and can invite colleagues from its settings."
      />
      <NewTeamForm action={createTeamAction} timeZones={timeZoneOptions()} />
      <p>
        Moving a team from another Hindsight, or restoring one? <Link href="/teams/new/import">Import a team export</Link> instead.
      </p>
    </SiteFrame>
  );
}
