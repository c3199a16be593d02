import { InviteRevokeForm } from './invite-revoke-form';
import type { FormAction } from './members-role-form';
import { roleLabel } from './members-roles';
import styles from './members.module.css';

export interface InviteItem {
  id: string;
  role: string;
  status: 'pending' | 'expired' | 'used';
  /** Dates already formatted for the viewer's time zone. */
  created: string;
  expires: string;
  used: string | null;
  createdByName: string | null;
}

const STATUS_LABEL = { pending: 'Pending', expired: 'Expired', used: 'Used' } as const;

/** The team's invites: pending ones can be revoked; used and expired ones stay listed for the record. */
export function InviteList({ invites, revoke }: { invites: InviteItem[]; revoke: FormAction }) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">Invites of this team</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invites.map((invite) => {
            const role = roleLabel(invite.role);
            return (
              <tr key={invite.id}>
                <th scope="row">{role}</th>
                <td data-label="Status">
                  <span className={`${styles.badge} ${invite.status === 'pending' ? styles.badgePending : ''}`}>{STATUS_LABEL[invite.status]}</span>
                  {invite.used ? <div className={styles.muted}>{invite.used}</div> : null}
                </td>
                <td className={styles.muted} data-label="Created">
                  {invite.created}
                  {invite.createdByName ? <div>by {invite.createdByName}</div> : null}
                </td>
                <td className={styles.muted} data-label="Expires">
                  {invite.expires}
                </td>
                <td>
                  {invite.status === 'pending' ? (
                    <InviteRevokeForm action={revoke} inviteId={invite.id} label={`${role} invite created ${invite.created}`} />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
