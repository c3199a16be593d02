import styles from '@/components/ui/ui.module.css';

/**
 * A quiet skeleton while a page streams in. Announced once as "Loading" to screen readers; the
 * bars themselves are decorative and stop pulsing under prefers-reduced-motion.
 */
export function LoadingState({ label = 'Loading' }: { label?: string }) {
  return (
    <div role="status" className={styles.loading}>
      <span className="visually-hidden">{label}…</span>
      <div aria-hidden="true" className={styles.skeletonTitle} />
      <div aria-hidden="true" className={styles.skeletonLine} />
      <div aria-hidden="true" className={styles.skeletonBlock} />
    </div>
  );
}
