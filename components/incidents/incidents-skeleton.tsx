import styles from './incidents.module.css';

/** The incidents page while it loads: the filter bar's and the table's outline, announced once. */
export function IncidentsSkeleton() {
  return (
    <div role="status" className={styles.skeleton}>
      <span className="visually-hidden">Loading incidents…</span>
      <div aria-hidden="true" className={styles.skeletonTitle} />
      <div aria-hidden="true" className={styles.skeletonLine} />
      <div aria-hidden="true" className={styles.skeletonFilters} />
      <div aria-hidden="true" className={styles.skeletonTable}>
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className={styles.skeletonRow} />
        ))}
      </div>
    </div>
  );
}
