import Link from 'next/link';
import styles from '@/components/ui/ui.module.css';

/** A Previous/Next pager button; without a target it is shown disabled (and is not a link). */
export function PageLink({ href, rel, children }: { href: string | null; rel: 'prev' | 'next'; children: string }) {
  if (!href)
    return (
      <span className={`button ${styles.pagerDisabled}`} aria-disabled="true">
        {children}
      </span>
    );
  return (
    <Link href={href} rel={rel} className="button">
      {children}
    </Link>
  );
}
