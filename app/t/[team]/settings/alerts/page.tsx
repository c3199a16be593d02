import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { EventsTable } from '@/components/alerts/events-table';
import { IntegrationCard } from '@/components/alerts/integration-card';
import { teamSlugFromParam } from '@/components/shell/sections';
import { AdminOnly, unlessForbidden } from '@/components/tokens/admin-only';
import styles from '@/components/tokens/tokens.module.css';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listIntegrations, listRecentAlertEvents, RECENT_EVENTS_LIMIT } from '@/lib/alerts/queries';
import { webhookUrl } from '@/lib/alerts/snippets';
import { publicOrigin } from '@/lib/http/origin';
import { pageActor } from '@/lib/teams/session-actor';
import { connectAlertSourceAction, rotateAlertSecretAction, saveAlertSettingsAction } from './actions';

export const metadata: Metadata = { title: 'Alert sources' };

export default async function AlertsSettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const actor = await pageActor(slug, `/t/${encodeURIComponent(slug)}/settings/alerts`);
  const integrations = await unlessForbidden(listIntegrations(actor));
  const header = (
    <PageHeader
      title="Alert sources"
      description="Alerts from Prometheus Alertmanager, PagerDuty or any tool that can POST JSON open incidents here (or join the open one of their group), with the alert's start as Started and Detected."
    />
  );
  if (!integrations) {
    return (
      <>
        {header}
        <AdminOnly title="Only admins can manage alert sources" />
      </>
    );
  }
  const events = await listRecentAlertEvents(actor);
  const origin = publicOrigin(await headers());
  const actions = {
    connect: connectAlertSourceAction.bind(null, slug),
    rotate: rotateAlertSecretAction.bind(null, slug),
    save: saveAlertSettingsAction.bind(null, slug),
  };
  return (
    <>
      {header}
      {integrations.map(({ source, integration }) => (
        <IntegrationCard key={source} source={source} integration={integration} url={webhookUrl(origin, source, actor.team.slug)} zone={actor.team.timeZone} actions={actions} />
      ))}
      <section className={styles.section} aria-labelledby="alert-events-title">
        <h2 id="alert-events-title" className={styles.sectionTitle}>
          Recent alert events
        </h2>
        <p className={styles.sectionText}>
          The last {RECENT_EVENTS_LIMIT} events received, times in {actor.team.timeZone}. A delivery seen before is not recorded again.
        </p>
        {events.length ? (
          <EventsTable events={events} teamSlug={actor.team.slug} zone={actor.team.timeZone} />
        ) : (
          <EmptyState title="No alerts received yet">
            <p>Connect a source above and send a test alert.</p>
          </EmptyState>
        )}
      </section>
    </>
  );
}
