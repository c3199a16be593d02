import type { Metadata } from 'next';
import Link from 'next/link';
import { teamSlugFromParam } from '@/components/shell/sections';
import { AdminOnly, unlessForbidden } from '@/components/tokens/admin-only';
import { CreateTokenForm } from '@/components/tokens/create-token-form';
import { TokenTable } from '@/components/tokens/token-table';
import styles from '@/components/tokens/tokens.module.css';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { pageActor } from '@/lib/teams/session-actor';
import { listTokens } from '@/lib/tokens/queries';
import { createTokenAction, revokeTokenAction } from './actions';

export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const base = `/t/${encodeURIComponent(slug)}/settings`;
  const actor = await pageActor(slug, `${base}/tokens`);
  const tokens = await unlessForbidden(listTokens(actor));
  const header = (
    <PageHeader
      title="API tokens"
      description={
        <>
          Tokens let scripts and CI call the Hindsight API as this team, with the role you give them. Send one as Authorization: Bearer
          &lt;token&gt; to /api/v1/…; the <Link href="/docs/api">API reference</Link> lists every endpoint.
        </>
      }
    />
  );
  if (!tokens) {
    return (
      <>
        {header}
        <AdminOnly title="Only admins can manage API tokens" />
      </>
    );
  }
  return (
    <>
      {header}
      <section className={styles.section} aria-labelledby="create-token-title">
        <h2 id="create-token-title" className={styles.sectionTitle}>
          Create a token
        </h2>
        <CreateTokenForm action={createTokenAction.bind(null, slug)} />
      </section>
      <section className={styles.section} aria-labelledby="token-list-title">
        <h2 id="token-list-title" className={styles.sectionTitle}>
          Tokens
        </h2>
        <p className={styles.sectionText}>
          Revoking a token refuses its next request. Creation, use (at most once a minute) and revocation appear in the{' '}
          <Link href={`${base}/audit?action=token`}>audit log</Link>.
        </p>
        {tokens.length ? (
          <TokenTable tokens={tokens} revokeAction={revokeTokenAction.bind(null, slug)} />
        ) : (
          <EmptyState title="No API tokens yet">
            <p>Create one above, or from a shell: npm run token -- --team {slug} --name &lt;name&gt;</p>
          </EmptyState>
        )}
      </section>
    </>
  );
}
