import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import styles from '@/components/shell/shell.module.css';

/** The right end of the site header for a signed-in user outside a team: their account, and sign out. */
export function SignedInHeader({ name, current }: { name: string; current?: 'account' | 'actions' }) {
  return (
    <nav aria-label="Account" className={styles.siteHeaderNav}>
      <Link href="/actions" className={styles.siteHeaderLink} aria-current={current === 'actions' ? 'page' : undefined}>
        My actions
      </Link>
      <Link href="/account" className={styles.siteHeaderLink} aria-current={current === 'account' ? 'page' : undefined}>
        {name}
      </Link>
      <SignOutButton />
    </nav>
  );
}
