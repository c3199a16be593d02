import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { displayZone } from '@/components/incidents/format';
import { teamSlugFromParam } from '@/components/shell/sections';
import { AdminOnly, unlessForbidden } from '@/components/tokens/admin-only';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { DeliveryLog } from '@/components/webhooks/delivery-log';
import styles from '@/components/webhooks/webhooks.module.css';
import { AppError } from '@/lib/errors';
import { pageActor } from '@/lib/teams/session-actor';
import { listDeliveries } from '@/lib/webhooks/queries';

export const metadata: Metadata = { title: 'Webhook deliveries' };

interface Props {
  params: Promise<{ team: string; endpoint: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** An endpoint's delivery log, newest first, 25 a page (?page=N). */
export default async function WebhookDeliveriesPage({ params, searchParams }: Props) {
  const { team, endpoint } = await params;
  const slug = teamSlugFromParam(team);
  const base = `/t/${encodeURIComponent(slug)}/settings/webhooks`;
  const actor = await pageActor(slug, `${base}/${encodeURIComponent(endpoint)}`);
  const rawPage = (await searchParams).page;
  const page = Number.parseInt(typeof rawPage === 'string' ? rawPage : '1', 10);
  const log = await unlessForbidden(listDeliveries(actor, endpoint, Number.isFinite(page) ? page : 1)).catch((error: unknown) => {
    // An unknown endpoint, or another team's: the not-found page.
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  if (!log) {
    return (
      <>
        <PageHeader title="Webhook deliveries" />
        <AdminOnly title="Only admins can see webhook deliveries" />
      </>
    );
  }
  const zone = displayZone(null, actor.team.timeZone).zone;
  const pageHref = (n: number) => `${base}/${log.endpoint.id}?page=${n}`;
  return (
    <>
      <PageHeader title="Webhook deliveries" description={`Every event sent to ${log.endpoint.url}, with each attempt and what the endpoint answered. Times in ${zone}.`} />
      <p className={styles.sectionText}>
        <Link href={base}>← All webhooks</Link>
      </p>
      {log.deliveries.length ? (
        <>
          <DeliveryLog deliveries={log.deliveries} zone={zone} />
          <nav className={styles.pager} aria-label="Delivery log pages">
            {log.page > 1 ? <Link href={pageHref(log.page - 1)}>← Newer</Link> : null}
            <span>
              Page {log.page} of {log.pageCount} ({log.total} {log.total === 1 ? 'delivery' : 'deliveries'})
            </span>
            {log.page < log.pageCount ? <Link href={pageHref(log.page + 1)}>Older →</Link> : null}
          </nav>
        </>
      ) : (
        <EmptyState title={log.page > 1 ? 'No deliveries on this page' : 'No deliveries yet'}>
          <p>Events appear here once they are queued. Use “Send test event” on the webhooks page to try the endpoint now.</p>
        </EmptyState>
      )}
    </>
  );
}
