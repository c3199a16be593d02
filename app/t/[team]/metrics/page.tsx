import type { Metadata } from 'next';
import Link from 'next/link';
import { SECTIONS, teamSlugFromParam } from '@/components/shell/sections';
import { DowntimeChart } from '@/components/metrics/downtime-chart';
import { ActionCards, HeadlineCards } from '@/components/metrics/headline-cards';
import { MetricFilters } from '@/components/metrics/metric-filters';
import styles from '@/components/metrics/metrics.module.css';
import { ParetoChart } from '@/components/metrics/pareto-chart';
import { SeverityChart } from '@/components/metrics/severity-chart';
import { TtrDistributionChart } from '@/components/metrics/ttr-distribution-chart';
import { TtrTrendChart } from '@/components/metrics/ttr-trend-chart';
import { formatInZone } from '@/components/incidents/format';
import { PageHeader } from '@/components/ui/page-header';
import { listServiceNames } from '@/lib/incidents/queries';
import { toApiMetrics } from '@/lib/metric-queries/api';
import { loadDashboardView } from '@/lib/metric-queries/dashboard';
import { parseView, RANGE_LABEL, viewQuery } from '@/lib/metric-queries/view';
import { pageActor } from '@/lib/teams/session-actor';

export const metadata: Metadata = { title: SECTIONS.metrics.label };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The reliability dashboard: headline figures with honest change words, trend and distribution
 * charts (server-rendered SVG, each with a table), factor Paretos and remediation figures, for a
 * period and filters that live in the URL.
 */
export default async function MetricsPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<SearchParams> }) {
  const slug = teamSlugFromParam((await params).team);
  const base = `/t/${encodeURIComponent(slug)}`;
  const path = `${base}/metrics`;
  const actor = await pageActor(slug, path);
  const zone = actor.team.timeZone;
  const { view, errors } = parseView(await searchParams);
  const [{ current, previous, dashboard }, services] = await Promise.all([loadDashboardView(actor, view, slug), listServiceNames(actor)]);
  const api = toApiMetrics(dashboard.current, current);
  const prev = toApiMetrics(dashboard.previous, previous);
  const definitions = `${path}/definitions`;
  const noun = view.kind === 'drill' ? 'drills' : 'incidents';
  const rangeText = `${formatInZone(new Date(current.from), zone)} – ${formatInZone(new Date(current.to), zone)}`;

  return (
    <>
      <PageHeader
        title="Metrics"
        description={
          <>
            Time to detect, acknowledge, mitigate and resolve, MTBF and availability, computed exactly as{' '}
            <Link href={definitions}>the definitions</Link> say. Medians lead; a change is called better or worse only when it is larger than chance.
          </>
        }
      />
      <MetricFilters path={path} view={view} errors={errors} services={services} zone={zone} />
      <div className={styles.toolbar}>
        <span>
          {RANGE_LABEL[view.range]}: {rangeText} ({zone}), compared with the same length before.
          {view.kind === 'drill' ? ' Drills only: these never enter the incident figures.' : ''}
        </span>
        <a href={`${path}/export${viewQuery(view)}`} download>
          Download the {view.bucket} table (CSV)
        </a>
      </div>
      {api.overall.incidents.started === 0 && api.overall.incidents.resolved === 0 && api.overall.incidents.open === 0 ? (
        <p role="status">
          No {noun} started, resolved or open in this period{view.severities.length || view.service ? ' with these filters' : ''}. Every figure below is empty rather than zero.
        </p>
      ) : null}
      <HeadlineCards overall={api.overall} previous={prev.overall} definitions={definitions} />

      <h2 className={styles.section}>Time to resolve</h2>
      <TtrTrendChart periods={api.periods} zone={zone} bucket={view.bucket} definitions={definitions} />
      <TtrDistributionChart dots={dashboard.dots} incidentsHref={`${base}/incidents`} definitions={definitions} />

      <h2 className={styles.section}>Downtime and incidents</h2>
      <DowntimeChart periods={api.periods} zone={zone} bucket={view.bucket} definitions={definitions} />
      <SeverityChart periods={api.periods} counts={dashboard.severityByPeriod} zone={zone} bucket={view.bucket} />

      <h2 className={styles.section}>Contributing factors</h2>
      <ParetoChart id="pareto-factors" title="Contributing factors" rows={dashboard.factors} definitions={definitions} />
      <ParetoChart id="pareto-categories" title="Factor categories" rows={dashboard.categories} definitions={definitions} />

      <h2 className={styles.section}>Remediation</h2>
      <ActionCards actions={dashboard.actions} definitions={definitions} actionsHref={`${base}/actions`} />
    </>
  );
}
