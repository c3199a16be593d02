import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import styles from '@/components/shell/user-area.module.css';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts[parts.length - 1]?.[0] ?? ''}` : (parts[0]?.slice(0, 1) ?? '?');
  return letters.toUpperCase();
}

/** Who is signed in, with their account page and sign-out; at the foot of the sidebar. */
export function UserArea({ name, email }: { name: string; email: string }) {
  return (
    <div className={styles.userArea}>
      <div className={styles.userIdentity}>
        <span className={styles.userAvatar} aria-hidden="true">
          {initials(name)}
        </span>
        <p className={styles.userText}>
          <span className="visually-hidden">Signed in as </span>
          <span className={styles.userName}>{name}</span>
          <span className={styles.userEmail} title={email}>
            {email}
          </span>
        </p>
      </div>
      <div className={styles.userActions}>
        <Link href="/actions" className={styles.userLink}>
          My actions
        </Link>
        <Link href="/account" className={styles.userLink}>
          Account
        </Link>
        <SignOutButton className={styles.userLink} />
      </div>
    </div>
  );
}
