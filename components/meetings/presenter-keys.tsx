'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Keyboard navigation of presenter mode: ArrowRight / Space / PageDown next, ArrowLeft / PageUp
 * previous, Home / End first and last. Keys typed into a control (none here, but a browser
 * extension may add one) are left alone. The items themselves are rendered by the server.
 */
export function PresenterKeys({ index, count, hrefFor }: { index: number; count: number; hrefFor: string }) {
  const router = useRouter();
  // The overlay covers the app shell: make the shell's chrome (sidebar, header, skip link, all
  // marked data-print="hide") inert meanwhile, so Tab stays on the presentation.
  useEffect(() => {
    const chrome = [...document.querySelectorAll<HTMLElement>('[data-print="hide"]')].filter((el) => !el.closest('[data-presenter]') && !el.inert);
    for (const el of chrome) el.inert = true;
    return () => {
      for (const el of chrome) el.inert = false;
    };
  }, []);
  useEffect(() => {
    const go = (n: number) => {
      const target = Math.min(Math.max(1, n), count);
      if (target !== index) router.replace(`${hrefFor}?item=${target}`, { scroll: false });
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const moves: Record<string, number> = { ArrowRight: index + 1, ' ': index + 1, PageDown: index + 1, ArrowLeft: index - 1, PageUp: index - 1, Home: 1, End: count };
      const next = event.key === ' ' && event.shiftKey ? index - 1 : moves[event.key];
      if (next === undefined) return;
      event.preventDefault();
      go(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, count, hrefFor, router]);
  return null;
}
