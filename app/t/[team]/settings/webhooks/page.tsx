import type { Metadata } from 'next';
import Link from 'next/link';
import { displayZone } from '@/components/incidents/format';
import { teamSlugFromParam } from '@/components/shell/sections';
import { AdminOnly, unlessForbidden } from '@/components/tokens/admin-only';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { EndpointForm } from '@/components/webhooks/endpoint-form';
import { EndpointList } from '@/components/webhooks/endpoint-list';
import styles from '@/components/webhooks/webhooks.module.css';
import { pageActor } from '@/lib/teams/session-actor';
import { listEndpoints } from '@/lib/webhooks/queries';
import { createWebhookAction, deleteWebhookAction, rotateWebhookSecretAction, sendTestWebhookAction, updateWebhookAction } from './actions';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const base = `/t/${encodeURIComponent(slug)}/settings`;
  const actor = await pageActor(slug, `${base}/webhooks`);
  const endpoints = await unlessForbidden(listEndpoints(actor));
  const header = (
    <PageHeader
      title="Webhooks"
      description="Hindsight POSTs signed JSON to these URLs when incidents are created or resolved, post-mortems are published and action items become overdue."
    />
  );
  if (!endpoints) {
    return (
      <>
        {header}
        <AdminOnly title="Only admins can manage webhooks" />
      </>
    );
  }
  return (
    <>
      {header}
      <section className={styles.section} aria-labelledby="add-webhook-title">
        <h2 id="add-webhook-title" className={styles.sectionTitle}>
          Add an endpoint
        </h2>
        <EndpointForm action={createWebhookAction.bind(null, slug)} prefix="new-webhook" submitLabel="Add endpoint" />
      </section>
      <section className={styles.section} aria-labelledby="webhook-list-title">
        <h2 id="webhook-list-title" className={styles.sectionTitle}>
          Endpoints
        </h2>
        <p className={styles.sectionText}>
          Failed deliveries are retried with growing pauses (30 s, 2 min, 8 min, … up to 8 attempts). Changes to endpoints appear in the{' '}
          <Link href={`${base}/audit?action=webhook`}>audit log</Link>.
        </p>
        {endpoints.length ? (
          <EndpointList
            endpoints={endpoints}
            zone={displayZone(null, actor.team.timeZone).zone}
            logHref={(id) => `${base}/webhooks/${id}`}
            actionsFor={(id) => ({
              update: updateWebhookAction.bind(null, slug, id),
              rotate: rotateWebhookSecretAction.bind(null, slug, id),
              remove: deleteWebhookAction.bind(null, slug, id),
              test: sendTestWebhookAction.bind(null, slug, id),
            })}
          />
        ) : (
          <EmptyState title="No webhook endpoints yet">
            <p>Add one above to send this team’s events to chat, paging or ticketing tools.</p>
          </EmptyState>
        )}
      </section>
    </>
  );
}
