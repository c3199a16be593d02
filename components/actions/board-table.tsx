import Link from 'next/link';
import table from '@/components/audit/data-table.module.css';
import type { ActionView } from '@/lib/actions/schemas';
import { ActionStatusBadge, DueDate, PriorityBadge, TypeText } from './badges';
import { BULK_FORM_ID } from './bulk-status-form';
import styles from './actions.module.css';

/** The board's rows; overdue ones are tinted and say by how many days. Checkboxes feed the bulk form. */
export function BoardTable({ items, teamPath, caption, selectable }: { items: ActionView[]; teamPath: string; caption: string; selectable: boolean }) {
  return (
    <div className={table.wrap} role="region" aria-label="Action items" tabIndex={0}>
      <table className={table.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col">
                <span className="visually-hidden">Select</span>
              </th>
            ) : null}
            <th scope="col">Action</th>
            <th scope="col">Priority</th>
            <th scope="col">Status</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Type</th>
            <th scope="col">Factor</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} className={a.daysOverdue > 0 ? styles.overdueRow : undefined}>
              {selectable ? (
                <td>
                  <input type="checkbox" name="selected" value={`${a.id}:${a.version}`} form={BULK_FORM_ID} aria-label={`Select ${a.title}`} />
                </td>
              ) : null}
              <td className={styles.actionCell}>
                <Link href={`${teamPath}/incidents/${a.incident.number}/actions`}>{a.title}</Link>
                <span className={styles.sub}>
                  INC-{a.incident.number}: {a.incident.title}
                </span>
              </td>
              <td>
                <PriorityBadge priority={a.priority} />
              </td>
              <td>
                <ActionStatusBadge status={a.status} />
              </td>
              <td>{a.owner ? a.owner.name : <span className={table.muted}>No owner</span>}</td>
              <td className={table.nowrap}>
                <DueDate dueDate={a.dueDate} daysOverdue={a.daysOverdue} />
              </td>
              <td>
                <TypeText type={a.type} />
              </td>
              <td>{a.factor ? a.factor.name : <span className={table.muted}>—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
