'use client';

import { useEffect, useRef, useState, type FocusEvent, type MouseEvent } from 'react';
import { Brand } from '@/components/shell/brand';
import { NavLinks } from '@/components/shell/nav-links';
import { CloseIcon, MenuIcon } from '@/components/ui/icons';
import styles from '@/components/shell/shell.module.css';

const NAV_ID = 'main-nav';

/**
 * The team sidebar. On wide screens it is a fixed column and the menu button is hidden; below
 * ~820px it collapses to a top bar whose menu button discloses the navigation (disclosure
 * pattern: aria-expanded + aria-controls; Escape closes and returns focus to the button; so do
 * clicking outside, tabbing out and following a link).
 */
export function Sidebar({ teamSlug }: { teamSlug: string }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    }
    function onPointerDown(event: PointerEvent) {
      if (event.target instanceof Node && rootRef.current?.contains(event.target)) return;
      setOpen(false);
    }
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  function onBlur(event: FocusEvent<HTMLDivElement>) {
    // Focus moved to something outside the bar (Tab past the last link): the menu is done.
    const next = event.relatedTarget;
    if (open && next instanceof Node && !event.currentTarget.contains(next)) setOpen(false);
  }

  function onNavClick(event: MouseEvent<HTMLElement>) {
    if (event.target instanceof Element && event.target.closest('a')) setOpen(false);
  }

  return (
    <div ref={rootRef} className={styles.sidebar} onBlur={onBlur}>
      <header className={styles.sidebarHeader}>
        <Brand />
        <p className={styles.team} title={teamSlug}>
          <span className={styles.teamLabel}>Team</span>
          <span className={styles.teamAvatar} aria-hidden="true">
            {teamSlug.slice(0, 1).toUpperCase()}
          </span>
          <span className={styles.teamSlug}>{teamSlug}</span>
        </p>
        <button
          ref={buttonRef}
          type="button"
          className={styles.menuButton}
          aria-expanded={open}
          aria-controls={NAV_ID}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? <CloseIcon /> : <MenuIcon />}
          <span>Menu</span>
        </button>
      </header>
      <nav id={NAV_ID} aria-label="Main" className={styles.nav} data-open={open} onClick={onNavClick}>
        <NavLinks teamSlug={teamSlug} />
      </nav>
    </div>
  );
}
