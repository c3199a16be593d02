import { formatInZone, utcTitle } from '@/components/incidents/format';
import type { DeliveryRow } from '@/lib/webhooks/queries';
import { DeliveryStatusBadge } from './endpoint-list';
import table from '@/components/audit/data-table.module.css';
import styles from './webhooks.module.css';

function When({ at, zone }: { at: Date; zone: string }) {
  return (
    <time dateTime={at.toISOString()} title={utcTitle(at)}>
      {formatInZone(at, zone)}
    </time>
  );
}

/** One page of an endpoint's deliveries; each row expands to its attempts (code, error, reply, duration). */
export function DeliveryLog({ deliveries, zone }: { deliveries: DeliveryRow[]; zone: string }) {
  return (
    <div className={table.wrap}>
      <table className={table.table}>
        <caption className="visually-hidden">Deliveries to this endpoint, newest first (times in the team’s zone, {zone})</caption>
        <thead>
          <tr>
            <th scope="col">Queued</th>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last response</th>
            <th scope="col">Next retry</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td className={table.nowrap}>
                <When at={d.createdAt} zone={zone} />
              </td>
              <td>
                <code>{d.event}</code>
              </td>
              <td>
                <DeliveryStatusBadge status={d.status} statusCode={null} />
              </td>
              <td>
                {d.attemptList.length ? (
                  <details>
                    <summary>
                      {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}
                    </summary>
                    <ol className={styles.attempts}>
                      {d.attemptList.map((a) => (
                        <li key={a.id}>
                          <When at={a.attemptedAt} zone={zone} />: {a.statusCode ?? 'no response'}
                          {a.error ? ` – ${a.error}` : ''} ({a.durationMs} ms)
                          {a.responseSnippet ? <span className={styles.attemptSnippet}>{a.responseSnippet}</span> : null}
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : (
                  <span className={table.muted}>none yet</span>
                )}
              </td>
              <td>{d.lastStatusCode ?? (d.lastError ? <span className={table.muted}>{d.lastError}</span> : <span className={table.muted}>–</span>)}</td>
              <td className={table.nowrap}>{d.nextAttemptAt ? <When at={d.nextAttemptAt} zone={zone} /> : <span className={table.muted}>–</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
