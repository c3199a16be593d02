'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { SECTION_SLUGS, SECTIONS, sectionHref, type SectionSlug } from '@/components/shell/sections';
import { SECTION_ICONS } from '@/components/ui/icons';
import styles from '@/components/shell/shell.module.css';

/**
 * Which section a pathname belongs to, and whether it is the section's own page or a page below
 * it. Reads the third path segment (/t/<team>/<section>/...) so the team slug's encoding does not
 * matter.
 */
function locateSection(pathname: string): { section: SectionSlug; exact: boolean } | null {
  const segments = pathname.split('/');
  const candidate = segments[3];
  const section = SECTION_SLUGS.find((slug) => slug === candidate);
  if (segments[1] !== 't' || !section) return null;
  const rest = segments.slice(4).filter(Boolean);
  return { section, exact: rest.length === 0 };
}

/**
 * The team navigation. The current section carries aria-current="page"; on a page below a
 * section (an incident, say) the section link carries aria-current="true" instead, which is what
 * assistive technology expects for "you are inside this".
 */
export function NavLinks({ teamSlug }: { teamSlug: string }) {
  const pathname = usePathname();
  const location = locateSection(pathname);

  return (
    <ul className={styles.navList}>
      {SECTION_SLUGS.map((slug) => {
        const Icon = SECTION_ICONS[slug];
        const isCurrent = location?.section === slug;
        const ariaCurrent = isCurrent ? (location.exact ? 'page' : 'true') : undefined;
        return (
          <li key={slug}>
            <Link href={sectionHref(teamSlug, slug)} className={styles.navLink} aria-current={ariaCurrent}>
              <Icon className={styles.navIcon} />
              <span>{SECTIONS[slug].label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
