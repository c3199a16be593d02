import type { IncidentKind, IncidentStatus, PostmortemStatus, Severity } from '@/lib/generated/prisma/enums';
import styles from './incident-table.module.css';

const SEVERITY_CLASS: Record<Severity, string | undefined> = {
  SEV1: styles.sev1,
  SEV2: styles.sev2,
  SEV3: styles.sev3,
  SEV4: styles.sev4,
};

export const STATUS_LABEL: Record<IncidentStatus, string> = { active: 'Active', mitigated: 'Mitigated', resolved: 'Resolved' };
export const KIND_LABEL: Record<IncidentKind, string> = { incident: 'Incident', drill: 'Drill' };
const POSTMORTEM_LABEL: Record<PostmortemStatus, string> = { draft: 'draft', in_review: 'in review', published: 'published' };

/** Colour helps scanning; the text (SEV1 ... SEV4) carries the meaning. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`${styles.badge} ${SEVERITY_CLASS[severity] ?? ''}`}>{severity}</span>;
}

export function RestrictedBadge() {
  return (
    <span className={`${styles.badge} ${styles.restricted}`} title="Visible only to admins and the people named on it">
      <svg width="10" height="10" viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2">
        <rect x="3" y="7" width="10" height="7.5" rx="1.5" />
        <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
      </svg>
      restricted
    </span>
  );
}

export function StatusText({ status, postmortem }: { status: IncidentStatus; postmortem: PostmortemStatus }) {
  return (
    <>
      <span className={styles.status}>
        <span aria-hidden="true" className={`${styles.dot} ${styles[`dot_${status}`] ?? ''}`} />
        {STATUS_LABEL[status]}
      </span>
      <span className={styles.sub}>Post-mortem {POSTMORTEM_LABEL[postmortem]}</span>
    </>
  );
}
