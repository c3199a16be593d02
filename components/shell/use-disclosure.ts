'use client';

import { useEffect, useRef, useState, type MouseEvent } from 'react';

/**
 * The disclosure pattern (a button with aria-expanded that shows a panel), as the compact menu
 * and the team switcher use it. While open, it closes on Escape (returning focus to the button),
 * on a pointer press or focus outside the button and panel, and when a link in the panel is
 * followed. Outside means outside both, so opening one disclosure closes any other.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const inside = (target: EventTarget | null) =>
      target instanceof Node && [buttonRef.current, panelRef.current].some((element) => element?.contains(target));
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    }
    function onOutside(event: Event) {
      if (!inside(event.target)) setOpen(false);
    }
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open]);

  function onPanelClick(event: MouseEvent<HTMLElement>) {
    if (event.target instanceof Element && event.target.closest('a')) setOpen(false);
  }

  return { open, toggle: () => setOpen((value) => !value), buttonRef, panelRef, onPanelClick };
}
