'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/**
 * An instant in the viewer's own locale and time zone, with the exact UTC ISO time in the title.
 * The server cannot know the viewer's zone: it renders UTC, and the browser switches to local
 * time after hydration (useSyncExternalStore keeps both renders consistent).
 */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const date = new Date(iso);
  const text = inBrowser
    ? date.toLocaleString(undefined, dateOnly ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'medium' })
    : `${iso.slice(0, dateOnly ? 10 : 19).replace('T', ' ')}${dateOnly ? '' : ' UTC'}`;
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}
