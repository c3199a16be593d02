'use client';

import { Brand } from '@/components/shell/brand';
import { NavLinks } from '@/components/shell/nav-links';
import { useDisclosure } from '@/components/shell/use-disclosure';
import { UserArea } from '@/components/shell/user-area';
import { TeamSwitcher, type SwitcherTeam } from '@/components/teams/team-switcher';
import { CloseIcon, MenuIcon } from '@/components/ui/icons';
import styles from '@/components/shell/shell.module.css';

const PANEL_ID = 'main-nav';

export interface ShellProps {
  team: { slug: string; name: string };
  role: string;
  user: { name: string; email: string };
  teams: readonly SwitcherTeam[];
}

/**
 * The team sidebar: brand, team switcher, section navigation and the signed-in user. On wide
 * screens it is a fixed column and the menu button is hidden; below ~820px it collapses to a top
 * bar whose menu button discloses the navigation and the user area (aria-expanded +
 * aria-controls; Escape closes and returns focus to the button; so do clicking or tabbing
 * outside and following a link).
 */
export function Sidebar({ team, role, user, teams }: ShellProps) {
  const { open, toggle, buttonRef, panelRef, onPanelClick } = useDisclosure();
  return (
    <div className={styles.sidebar} data-print="hide">
      <header className={styles.sidebarHeader}>
        <Brand />
        <TeamSwitcher current={team} role={role} teams={teams} />
        <button
          ref={buttonRef}
          type="button"
          className={styles.menuButton}
          aria-expanded={open}
          aria-controls={PANEL_ID}
          onClick={toggle}
        >
          {open ? <CloseIcon /> : <MenuIcon />}
          <span>Menu</span>
        </button>
      </header>
      <div ref={panelRef} id={PANEL_ID} className={styles.panel} data-open={open} onClick={onPanelClick}>
        <nav aria-label="Main">
          <NavLinks teamSlug={team.slug} />
        </nav>
        <UserArea name={user.name} email={user.email} />
      </div>
    </div>
  );
}
