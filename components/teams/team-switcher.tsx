'use client';

import Link from 'next/link';
import { sectionHref } from '@/components/shell/sections';
import { useDisclosure } from '@/components/shell/use-disclosure';
import styles from '@/components/teams/team-switcher.module.css';

export interface SwitcherTeam {
  slug: string;
  name: string;
  role: string;
}

const LIST_ID = 'team-switcher-list';

function Glyph({ d }: { d: string }) {
  return (
    <svg width={16} height={16} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={d} />
    </svg>
  );
}

/**
 * The current team, and a disclosure listing the user's teams (each opens its incidents) and
 * "Create a team". Links rather than an ARIA menu: they are navigation, and links keep Tab,
 * middle-click and "open in new tab" working.
 */
export function TeamSwitcher({ current, role, teams }: { current: { slug: string; name: string }; role: string; teams: readonly SwitcherTeam[] }) {
  const { open, toggle, buttonRef, panelRef, onPanelClick } = useDisclosure();
  return (
    <div className={styles.switcher}>
      <span className={styles.label} aria-hidden="true">
        Team
      </span>
      <button ref={buttonRef} type="button" className={styles.button} aria-expanded={open} aria-controls={LIST_ID} onClick={toggle}>
        <span className={styles.avatar} aria-hidden="true">
          {current.name.slice(0, 1).toUpperCase()}
        </span>
        <span className={styles.current}>
          <span className="visually-hidden">Team: </span>
          <span className={styles.name}>{current.name}</span>
          <span className={styles.role}>
            <span className="visually-hidden">, your role: </span>
            {role}
          </span>
          <span className="visually-hidden"> (switch team)</span>
        </span>
        <Glyph d="m5 6 3-3 3 3M5 10l3 3 3-3" />
      </button>
      <div ref={panelRef} id={LIST_ID} className={styles.popover} hidden={!open} onClick={onPanelClick}>
        <p id={`${LIST_ID}-title`} className={styles.popoverTitle}>
          Your teams
        </p>
        <ul className={styles.list} aria-labelledby={`${LIST_ID}-title`}>
          {teams.map((team) => {
            const isCurrent = team.slug === current.slug;
            return (
              <li key={team.slug}>
                <Link href={sectionHref(team.slug, 'incidents')} className={styles.item} aria-current={isCurrent ? 'true' : undefined}>
                  <span className={styles.itemText}>
                    <span className={styles.itemName}>{team.name}</span>
                    <span className={styles.itemRole}>
                      <span className="visually-hidden">, role: </span>
                      {team.role}
                    </span>
                  </span>
                  <span className={styles.check}>{isCurrent ? <Glyph d="m3.5 8.5 3 3 6-7" /> : null}</span>
                </Link>
              </li>
            );
          })}
        </ul>
        <Link href="/teams/new" className={styles.create}>
          <Glyph d="M8 3.5v9M3.5 8h9" />
          Create a team
        </Link>
      </div>
    </div>
  );
}
