import type { Metadata } from 'next';
import Link from 'next/link';
import { SignedInHeader } from '@/components/shell/signed-in-header';
import { SiteFrame } from '@/components/shell/site-frame';
import { ImportTeamForm } from '@/components/teams/import-team-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth/session';
import { importTeamAction } from './actions';

export const metadata: Metadata = { title: 'Import a team' };

export default async function ImportTeamPage() {
  const user = await requirePageUser('/teams/new/import');
  return (
    <SiteFrame headerEnd={<SignedInHeader name={user.name} />}>
      <PageHeader
        title="Import a team"
        description="Create a new team from a Hindsight team export (Settings → Data → Export JSON). Everything in the file is recreated: incidents with their numbers, post-mortems, timelines, action items, meetings and history."
      />
      <ImportTeamForm action={importTeamAction} />
      <ul>
        <li>You become an admin of the new team. The other members keep the roles the export gives them; people not yet on this Hindsight get an account without a password (they can sign in with single sign-on on the same email).</li>
        <li>Webhook and alert integrations are recreated with new secrets: rotate them in the new team to see the secret and update the other side. Webhooks start disabled until an admin checks and enables them.</li>
        <li>
          Exports up to 20 MB. Want an empty team instead? <Link href="/teams/new">Create a team</Link>.
        </li>
      </ul>
    </SiteFrame>
  );
}
