import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditActor, AuditRow } from '@/lib/audit/queries';
import { LocalTime } from './local-time';
import styles from './audit.module.css';
import table from './data-table.module.css';

function ActorCell({ actor }: { actor: AuditActor }) {
  if (actor.kind === 'user') return <span title={actor.email}>{actor.name}</span>;
  if (actor.kind === 'token')
    return (
      <span>
        API token <code>{actor.prefix}</code> <span className={table.muted}>({actor.name})</span>
      </span>
    );
  return <span className={table.muted}>system</span>;
}

function Json({ label, value }: { label: string; value: Prisma.JsonValue | null }) {
  if (value === null) return null;
  return (
    <div className={styles.change}>
      <span className={styles.changeLabel}>{label}</span>
      <pre className={styles.json}>{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

function Changes({ row }: { row: AuditRow }) {
  if (row.before === null && row.after === null) return <span className={table.muted}>—</span>;
  const label = row.before !== null && row.after !== null ? 'Before and after' : row.before !== null ? 'Before' : 'Details';
  return (
    <details className={styles.details}>
      <summary>{label}</summary>
      <Json label="Before" value={row.before} />
      <Json label={row.before !== null ? 'After' : 'Recorded'} value={row.after} />
    </details>
  );
}

/** Audit rows, newest first: when, who, what, on which entity, and the recorded change. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <div className={table.wrap}>
      <table className={table.table}>
        <caption className="visually-hidden">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Change</th>
            <th scope="col">Address</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className={styles.time}>
                <LocalTime iso={row.createdAt.toISOString()} />
              </td>
              <td>
                <ActorCell actor={row.actor} />
              </td>
              <td className={styles.action}>{row.action}</td>
              <td>
                {row.entity}
                {row.entityId ? (
                  <span className={styles.entityId} title={row.entityId}>
                    {row.entityId}
                  </span>
                ) : null}
              </td>
              <td>
                <Changes row={row} />
              </td>
              <td className={table.muted}>{row.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
