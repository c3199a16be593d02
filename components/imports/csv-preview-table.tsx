import type { CsvPreview } from '@/lib/imports/csv-import';
import styles from './imports.module.css';

/** Counts, the first rows as they would be imported, and every problem by row and column. */
export function CsvPreviewTable({ preview, pending }: { preview: CsvPreview; pending: boolean }) {
  if (preview.mappingIssues.length) {
    return (
      <div className={styles.problems} role="alert">
        <h2 className={styles.heading}>Map the columns first</h2>
        <ul>{preview.mappingIssues.map((i) => <li key={i.column}>{i.message}</li>)}</ul>
      </div>
    );
  }
  return (
    <section aria-labelledby="csv-preview-title" aria-busy={pending} className={styles.preview}>
      <h2 id="csv-preview-title" className={styles.heading}>Preview</h2>
      <p role="status" className={styles.counts}>
        {preview.total} {preview.total === 1 ? 'row' : 'rows'}: <strong>{preview.valid} valid</strong>, <strong>{preview.invalid} with errors</strong>. Nothing is saved until you import.
      </p>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">The first {preview.rows.length} rows as they would be imported (times in UTC)</caption>
          <thead>
            <tr><th scope="col">Row</th><th scope="col">Title</th><th scope="col">Severity</th><th scope="col">Kind</th><th scope="col">Started (UTC)</th><th scope="col">Resolved (UTC)</th><th scope="col">Services</th></tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row} className={r.ok ? undefined : styles.badRow}>
                <td>{r.row}</td>
                {r.ok ? (
                  <>
                    <td>{r.title}</td><td>{r.severity}</td><td>{r.kind}</td><td>{r.startedAt?.replace('T', ' ').slice(0, 16)}</td><td>{r.resolvedAt?.replace('T', ' ').slice(0, 16) ?? '—'}</td><td>{r.services.join(', ') || '—'}</td>
                  </>
                ) : (
                  <td colSpan={6}>Has errors (listed below); not imported as is.</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.errors.length ? (
        <div className={styles.problems}>
          <h3 className={styles.heading}>Errors</h3>
          <table className={styles.table}>
            <thead><tr><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
            <tbody>
              {preview.errors.map((e, i) => (
                <tr key={i}><td>{e.row}</td><td>{e.column}</td><td>{e.message}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
