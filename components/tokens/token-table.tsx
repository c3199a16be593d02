import { LocalTime } from '@/components/audit/local-time';
import type { FormState } from '@/lib/forms';
import { displayPrefix } from '@/lib/tokens/mint';
import type { TokenRow } from '@/lib/tokens/queries';
import { RevokeTokenButton } from './revoke-token-button';
import table from '@/components/audit/data-table.module.css';
import styles from './tokens.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** The team's tokens: what they are called, what they may do, who made them and when they were last used. */
export function TokenTable({ tokens, revokeAction }: { tokens: TokenRow[]; revokeAction: Action }) {
  return (
    <div className={table.wrap}>
      <table className={table.table}>
        <caption className="visually-hidden">API tokens of this team</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Token</th>
            <th scope="col">Role</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className={t.revokedAt ? styles.revoked : undefined}>
              <th scope="row">{t.name}</th>
              <td className={table.nowrap}>
                <code>{displayPrefix(t.prefix)}</code>
              </td>
              <td>{t.role}</td>
              <td className={table.nowrap}>
                <LocalTime iso={t.createdAt.toISOString()} />
                <br />
                <span className={table.muted}>by {t.createdBy ?? 'npm run token'}</span>
              </td>
              <td className={table.nowrap}>{t.lastUsedAt ? <LocalTime iso={t.lastUsedAt.toISOString()} /> : <span className={table.muted}>Never</span>}</td>
              <td>
                {t.revokedAt ? (
                  <span className={styles.badge}>
                    Revoked <LocalTime iso={t.revokedAt.toISOString()} dateOnly />
                  </span>
                ) : (
                  <span className={`${styles.badge} ${styles.badgeActive}`}>Active</span>
                )}
              </td>
              <td>
                <RevokeTokenButton action={revokeAction} id={t.id} name={t.name} revoked={t.revokedAt !== null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
