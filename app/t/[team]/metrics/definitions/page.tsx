import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/metrics/metrics.module.css';
import { teamSlugFromParam } from '@/components/shell/sections';
import { PageHeader } from '@/components/ui/page-header';
import { BOOTSTRAP_RESAMPLES, LOW_SAMPLE } from '@/lib/metrics/stats';
import { pageActor } from '@/lib/teams/session-actor';

export const metadata: Metadata = { title: 'How metrics are computed' };

/** The definitions behind every figure (the same text as shared/METRICS.md), with anchors the dashboard links to. */
export default async function MetricDefinitionsPage({ params }: { params: Promise<{ team: string }> }) {
  const slug = teamSlugFromParam((await params).team);
  const path = `/t/${encodeURIComponent(slug)}/metrics`;
  const actor = await pageActor(slug, `${path}/definitions`);
  return (
    <div className={styles.definitions}>
      <PageHeader title="How is this computed?" description="Every figure on the metrics page, defined so a sceptical SRE can re-derive it by hand. Durations are exact seconds; milliseconds are kept, never rounded to minutes." />
      <p>
        <Link href={path}>Back to the metrics</Link>
      </p>

      <h2 id="durations">Per-incident durations</h2>
      <p>
        An incident records when impact <strong>started</strong> (required) and, when known, when it was <strong>detected</strong>, <strong>acknowledged</strong>, <strong>mitigated</strong> and{' '}
        <strong>resolved</strong>. Every write enforces started ≤ detected ≤ acknowledged, started ≤ mitigated ≤ resolved, started ≤ resolved, and nothing in the future.
      </p>
      <dl>
        <dt id="ttd">TTD, time to detect</dt>
        <dd>
          <code>detected − started</code>
        </dd>
        <dt id="tta">TTA, time to acknowledge</dt>
        <dd>
          <code>acknowledged − detected</code>
        </dd>
        <dt id="ttm">TTM, time to mitigate</dt>
        <dd>
          <code>mitigated − started</code>
        </dd>
        <dt id="ttr">TTR, time to resolve</dt>
        <dd>
          <code>resolved − started</code>
        </dd>
      </dl>
      <p>A duration is missing when either timestamp is; the figures say how many incidents had it (“known for 7 of 9”). Drills (game days, failover exercises) never enter these figures; they have their own view.</p>

      <h2 id="stats">Statistics for a period</h2>
      <p>
        A period runs from its start (included) to its end (excluded). Its sample is the incidents matching the filters whose <strong>resolved</strong> time lies in the period; each duration
        uses the incidents of the sample that have it.
      </p>
      <dl>
        <dt>n</dt>
        <dd>The size of that sample.</dd>
        <dt>Median and p90</dt>
        <dd>
          PostgreSQL’s <code>percentile_cont</code>: position (n − 1) × p in the sorted values, interpolating linearly between the two values either side. Example: 100 s, 300 s, 800 s and 90 s
          give median 200 s and p90 650 s (mean 322.5 s).
        </dd>
        <dt>Mean, min, max</dt>
        <dd>As named. The mean is shown second: a few long incidents dominate it.</dd>
        <dt id="ci90">90 % interval</dt>
        <dd>
          A percentile bootstrap of the median: {BOOTSTRAP_RESAMPLES.toLocaleString('en')} resamples with replacement drawn by a seeded generator (xoroshiro128+), so the same data always gives the
          same interval; the interval runs from the 5th to the 95th percentile of the resampled medians. None with fewer than 2 incidents.
        </dd>
        <dt id="low-sample">Low sample</dt>
        <dd>Fewer than {LOW_SAMPLE} incidents: read the figure as an anecdote, not a trend.</dd>
        <dt id="change">Better, worse, no detectable change</dt>
        <dd>
          Durations are skewed, close to log-normal, and their medians move between periods by chance. A period is called better or worse than the one before only when their 90 % intervals do not
          overlap; otherwise “no detectable change”.
        </dd>
      </dl>
      <p>An empty period has n = 0 and no value for the other figures, never 0. A longer range is computed from the incidents themselves, never by averaging bucket figures.</p>

      <h2 id="availability">Downtime, MTBF and availability</h2>
      <ol>
        <li>Each incident is an interval from started to resolved (an open incident runs until now or the end of the range, whichever is first).</li>
        <li>Overlapping and touching intervals (one ends at 11:00:00, the next starts at 11:00:00) merge into episodes; a gap of a second keeps them apart.</li>
        <li>
          <strong id="downtime">Downtime</strong> is the time the episodes cover inside the period; <strong>episodes</strong> counts those that start in it.
        </li>
      </ol>
      <dl>
        <dt id="mtbf">MTBF</dt>
        <dd>
          <code>(length of the period − downtime) / episodes</code>; none without an episode. Example: 24 hours with two incidents and 2 hours of downtime give an MTBF of 11 hours.
        </dd>
        <dt>Availability</dt>
        <dd>
          <code>1 − downtime / length of the period</code> (22/24 in the same example). A period’s length is the real time between its instants: a month that crosses a daylight-saving change
          has its true length.
        </dd>
        <dt>Mean interval between starts</dt>
        <dd>(start of the last episode − start of the first) / (episodes − 1), over the episodes that start in the period; none with fewer than two.</dd>
      </dl>

      <h2 id="buckets">Weeks and months</h2>
      <p>
        Buckets are ISO weeks (Monday 00:00) or months, starting at local midnight in the team’s time zone ({actor.team.timeZone}), as PostgreSQL’s <code>date_trunc</code> computes them. Every
        bucket of the range is listed, empty ones included; the first and last are cut to the range. An incident counts in the bucket of its resolved time for durations and in the bucket of
        its start for “started”.
      </p>
      <dl>
        <dt id="counts">Started, resolved, open</dt>
        <dd>Incidents started in the period, resolved in it, and still open at its end (or now, if sooner).</dd>
      </dl>

      <h2 id="factors">Contributing factors</h2>
      <p>
        For each factor and each category: the incidents started in the period that it contributed to, and those incidents’ summed TTR (open incidents have none yet, and the table says how
        many were resolved). The Pareto orders them largest first with the cumulative share.
      </p>

      <h2 id="actions">Remediation</h2>
      <dl>
        <dt>Open and overdue</dt>
        <dd>Open or in-progress items now; overdue ones have a due date before today in the team’s time zone.</dd>
        <dt>Completion rate</dt>
        <dd>Done ÷ all but won’t do, for items created in the period.</dd>
        <dt>Median time to close</dt>
        <dd>completed − created, for items completed in the period.</dd>
        <dt>With a prevent or detect action</dt>
        <dd>The share of incidents resolved in the period that have at least one prevent or detect item.</dd>
      </dl>
    </div>
  );
}
