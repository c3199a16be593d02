import Link from 'next/link';
import { formatInZone, utcTitle } from '@/components/incidents/format';
import type { AlertEventView } from '@/lib/alerts/queries';
import { ALERT_SOURCE_LABELS } from '@/lib/alerts/schemas';
import table from '@/components/audit/data-table.module.css';

/** The latest alert events: when, from where, what the sender said and what Hindsight did. */
export function EventsTable({ events, teamSlug, zone }: { events: AlertEventView[]; teamSlug: string; zone: string }) {
  return (
    <div className={table.wrap}>
      <table className={table.table}>
        <caption className="visually-hidden">Recent alert events, newest first (times in {zone})</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Source</th>
            <th scope="col">Status</th>
            <th scope="col">Outcome</th>
            <th scope="col">Incident</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td className={table.nowrap}>
                <time dateTime={e.receivedAt.toISOString()} title={utcTitle(e.receivedAt)}>
                  {formatInZone(e.receivedAt, zone)}
                </time>
              </td>
              <td>{ALERT_SOURCE_LABELS[e.source]}</td>
              <td>
                <code>{e.status}</code>
              </td>
              <td>{e.outcome}</td>
              <td>
                {e.incident ? (
                  <Link href={`/t/${encodeURIComponent(teamSlug)}/incidents/${e.incident.number}`}>
                    INC-{e.incident.number} {e.incident.title}
                  </Link>
                ) : (
                  <span className={table.muted}>None</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
