import Link from 'next/link';
import { LogoMark } from '@/components/shell/logo-mark';
import styles from '@/components/shell/shell.module.css';

/** The product name with its mark, linking home. */
export function Brand() {
  return (
    <Link href="/" className={styles.brand}>
      <LogoMark />
      <span>Hindsight</span>
    </Link>
  );
}
