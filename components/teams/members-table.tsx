import { MembersConfirmForm } from './members-confirm-form';
import { MembersRoleForm, type FormAction } from './members-role-form';
import { roleLabel } from './members-roles';
import styles from './members.module.css';

export interface MemberItem {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: string;
  version: number;
  /** Join date, already formatted for the viewer's time zone. */
  joined: string;
  joinedIso: string;
}

interface Props {
  members: MemberItem[];
  currentUserId: string;
  /** Set for admins: role pickers and Remove buttons. Others see the roles read-only. */
  manage?: { changeRole: FormAction; removeMember: FormAction };
}

/** The team's members: name, email, role, join date, and (for admins) what can be done about each. */
export function MembersTable({ members, currentUserId, manage }: Props) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">Members of this team</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
            {manage ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const isYou = m.userId === currentUserId;
            return (
              <tr key={m.membershipId}>
                <th scope="row" className={styles.name}>
                  {m.name}
                  {isYou ? <span className={styles.you}>(you)</span> : null}
                </th>
                <td className={styles.muted} data-label="Email">
                  {m.email}
                </td>
                <td data-label="Role" className={styles.roleCell}>
                  {manage ? (
                    <MembersRoleForm action={manage.changeRole} membershipId={m.membershipId} version={m.version} role={m.role} memberName={m.name} />
                  ) : (
                    <span className={styles.badge}>{roleLabel(m.role)}</span>
                  )}
                </td>
                <td className={styles.muted} data-label="Joined">
                  <time dateTime={m.joinedIso}>{m.joined}</time>
                </td>
                {manage ? (
                  <td data-label="Actions">
                    {isYou ? (
                      <span className={styles.muted}>Use “Leave team” below</span>
                    ) : (
                      <MembersConfirmForm
                        action={manage.removeMember}
                        fields={{ membershipId: m.membershipId }}
                        trigger={
                          <>
                            Remove<span className="visually-hidden"> {m.name}</span>
                          </>
                        }
                        question={`Remove ${m.name} from the team?`}
                        confirmLabel="Yes, remove"
                      />
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
