import { DEFAULT_TEMPLATE } from '../teams/default-template';
import type { FactorCategory, Role } from '@/lib/generated/prisma/enums';

/**
 * Static content of the demo team: people, services, the post-mortem template, the factor
 * catalog and phrase pools. Plain data only, so the generator stays pure and testable.
 */

export interface DemoMember {
  email: string;
  name: string;
  role: Role;
}

/** The demo user first (admin); the rest never get a password. */
export const DEMO_MEMBERS: readonly DemoMember[] = [
  { email: 'demo@hindsight.local', name: 'Dana Demo', role: 'admin' },
  { email: 'priya.raman@hindsight.local', name: 'Priya Raman', role: 'editor' },
  { email: 'marco.bianchi@hindsight.local', name: 'Marco Bianchi', role: 'editor' },
  { email: 'lena.hoffmann@hindsight.local', name: 'Lena Hoffmann', role: 'editor' },
  { email: 'sam.okafor@hindsight.local', name: 'Sam Okafor', role: 'viewer' },
  { email: 'yuki.tanaka@hindsight.local', name: 'Yuki Tanaka', role: 'viewer' },
];

/** The isolation team's people, in DEMO_MEMBERS' role order; none of them is on the demo team. */
export const ISOLATION_MEMBERS: readonly DemoMember[] = [
  { email: 'noor.haddad@hindsight.local', name: 'Noor Haddad', role: 'admin' },
  { email: 'tomas.novak@hindsight.local', name: 'Tomás Novák', role: 'editor' },
  { email: 'aisha.bello@hindsight.local', name: 'Aisha Bello', role: 'editor' },
  { email: 'jonas.berg@hindsight.local', name: 'Jonas Berg', role: 'editor' },
  { email: 'mei.lin@hindsight.local', name: 'Mei Lin', role: 'viewer' },
  { email: 'oscar.diaz@hindsight.local', name: 'Óscar Díaz', role: 'viewer' },
];

export const DEMO_SERVICES = [
  'api-gateway',
  'auth',
  'cdn',
  'checkout',
  'kafka',
  'payments',
  'postgres-primary',
  'search',
] as const;
export type DemoService = (typeof DEMO_SERVICES)[number];

export { DEFAULT_TEMPLATE };

export interface FactorSpec {
  key: string;
  name: string;
  category: FactorCategory;
  description: string;
  /** How it contributed, phrased so it fits any incident it is linked to. */
  how: string;
}

export const FACTORS: readonly FactorSpec[] = [
  { key: 'pool-alert', category: 'technical', name: 'Missing alert on connection pool saturation',
    description: 'Pool utilisation is exported as a metric, but nothing alerts before the pool is exhausted.',
    how: 'The connection pool saturated for several minutes before any alert fired; the first signal was user-facing errors.' },
  { key: 'retry-storm', category: 'technical', name: 'Retries without backoff or jitter',
    description: 'Several clients retry immediately on timeout, multiplying load on a dependency that is already struggling.',
    how: 'Immediate client retries roughly tripled request volume on the degraded dependency and slowed recovery.' },
  { key: 'capacity', category: 'technical', name: 'No capacity headroom tracking for peak load',
    description: 'Headroom is not tracked against forecast peaks, so saturation is discovered in production.',
    how: 'The component ran close to its limits for weeks; the peak pushed it over with no earlier warning.' },
  { key: 'cert-expiry', category: 'technical', name: 'Internal certificate renewal not monitored',
    description: 'Internal mTLS certificates renew through a cron job whose failures are not surfaced anywhere.',
    how: 'Automatic renewal had been failing silently, so the certificate expired in production.' },
  { key: 'no-canary', category: 'process', name: 'Config change without canary',
    description: 'Configuration changes roll out to every region at once; the canary stage only covers code deploys.',
    how: 'The change reached all traffic at once instead of a small canary slice, so the blast radius was total.' },
  { key: 'runbook', category: 'process', name: 'Manual failover runbook out of date',
    description: 'The failover runbook predates the current topology and has not been exercised since the last migration.',
    how: 'Responders had to work out several runbook steps live because they no longer matched the infrastructure.' },
  { key: 'migration-review', category: 'process', name: 'Schema migrations not checked for lock impact',
    description: 'Migration review covers correctness but not the locks a statement takes on large, hot tables.',
    how: 'The migration took a lock that blocked writes on a hot table; nothing in review flagged it.' },
  { key: 'secret-masking', category: 'process', name: 'CI secret masking not enforced',
    description: 'Pipelines opt in to secret masking per job, so new jobs can print credentials to shared logs.',
    how: 'A pipeline job without masking printed credentials into build logs readable by the whole organisation.' },
  { key: 'ownership', category: 'organizational', name: 'Unclear ownership of shared infrastructure',
    description: 'Shared clusters have no single owning team, so alerts and upkeep fall between teams.',
    how: 'Alerts for the shared component routed to a channel no rotation watches, which delayed engagement.' },
  { key: 'dependency-comms', category: 'organizational', name: 'Cross-team changes not announced',
    description: 'Changes with effects on other teams ship without a shared change calendar or heads-up.',
    how: 'A dependent team changed behaviour without notice, so responders did not suspect it at first.' },
  { key: 'dns-provider', category: 'external', name: 'Third-party DNS provider outage',
    description: 'A single managed DNS provider serves all public zones; there is no secondary provider.',
    how: 'Resolution failures at the DNS provider made our endpoints unreachable for part of the internet.' },
  { key: 'vendor-degradation', category: 'external', name: 'Upstream vendor degradation',
    description: 'Payment and CDN vendors degrade occasionally; our timeouts and fallbacks assume they never do.',
    how: 'The vendor degraded and our integration had no fallback or tighter timeout, so the slowness propagated.' },
  { key: 'alert-fatigue', category: 'human_factors', name: 'Alert fatigue on on-call rotation',
    description: 'The rotation receives many low-value pages per week, which trains responders to expect noise.',
    how: 'The relevant page arrived among several known-noisy alerts and looked like another false positive.' },
  { key: 'dashboard-gap', category: 'human_factors', name: 'Dashboards hide per-region failures',
    description: 'The main service dashboards aggregate all regions, so a single-region failure looks like noise.',
    how: 'Aggregated dashboards looked healthy, which pointed diagnosis in the wrong direction for a while.' },
];

export const WENT_WELL: readonly string[] = [
  'The incident channel and roles (incident lead, comms, scribe) were set up within minutes.',
  'Rolling back was a single, well-practised pipeline action.',
  'Status page updates went out every 30 minutes, as agreed.',
  'Tracing made it quick to see which dependency the slow requests were waiting on.',
  'The feature flag let us disable the affected path without a deploy.',
  'Escalation to the database specialists happened early rather than late.',
  'Customer support had a ready answer thanks to an early heads-up in #support-incidents.',
  'Responders handed over cleanly at the shift boundary using the running timeline.',
];

export const LUCKY: readonly string[] = [
  'It happened during business hours, with most of the team online.',
  'Traffic was close to its weekly low at the time.',
  'A responder happened to have worked on the affected component the previous week.',
  'The last good snapshot was only minutes old.',
  'The change freeze for the sales event had not started yet, so the fix could ship immediately.',
  'A second, unrelated alert made someone look at the right dashboard.',
];

export const COMMS: readonly string[] = [
  'Status page updated: investigating degraded performance.',
  'Posted an update to #support-incidents with customer-facing wording.',
  'Incident lead briefed the engineering manager on call; next update in 30 minutes.',
  'Status page updated: a fix is being applied, monitoring recovery.',
];

export const NOTES: readonly string[] = [
  'Handed over scribe role; timeline reviewed and gaps filled in from chat history.',
  'Confirmed no data loss: write-ahead log and queue offsets are consistent.',
  'Deferred the root-cause deep dive to the post-mortem; focus stays on recovery.',
  'Paused the unrelated deploy train until the incident is resolved.',
];

export const WONT_DO_REASONS: readonly string[] = [
  'Superseded by the platform-wide move to a managed connection pooler.',
  'The service is being decommissioned next quarter; the cost outweighs the benefit.',
  'Covered by a broader action item from a later incident.',
  'Vendor now provides this natively; enabling it is tracked in the vendor rollout.',
];

export const REVIEW_COMMENTS: readonly string[] = [
  'Could we add the p99 latency graph to supporting information? It shows the onset clearly.',
  'The response section explains what responders knew at each point; that reads well.',
  'I think the retry behaviour deserves its own contributing factor rather than a footnote.',
  'Timeline has a gap between acknowledgement and the first diagnosis entry; anything from chat?',
  'Suggest we link the related incident from last quarter; the pattern looks the same.',
];
