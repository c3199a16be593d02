'use client';

import { useCallback, useMemo, useOptimistic, useState, startTransition } from 'react';
import { addEventAction } from '@/app/t/[team]/incidents/[number]/timeline/actions';
import type { TimelineEventView } from '@/lib/timeline/schemas';
import { PasteImport } from './paste-import';
import { QuickEntry, type NewEntry } from './quick-entry';
import { TimelineItem } from './timeline-item';
import styles from './timeline.module.css';
import type { TimelineContext } from './types';

interface Props {
  slug: string;
  number: number;
  startedAt: string;
  zone: string;
  canEdit: boolean;
  /** Editors may turn an entry into an action item, even once the post-mortem is published. */
  canCreateActions?: boolean;
  events: TimelineEventView[];
}

type Shown = TimelineEventView & { pending?: boolean };

/** By time; entries at the same instant keep their order (Array.prototype.sort is stable). */
function byTime(events: Shown[]): Shown[] {
  return [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
}

let nextTemp = 0;

/** The timeline editor: the entries in time order, quick keyboard entry, and the paste import. */
export function TimelineEditor({ slug, number, startedAt, zone, canEdit, canCreateActions = false, events }: Props) {
  const [status, setStatus] = useState('');
  const [shown, addShown] = useOptimistic<Shown[], Shown>(events, (state, added) => byTime([...state, added]));
  const start = useMemo(() => new Date(startedAt), [startedAt]);
  const announce = useCallback((message: string) => setStatus(message), []);
  const ctx: TimelineContext = { slug, number, startedAt: start, zone, canEdit, canCreateActions, announce };
  const last = shown.at(-1);
  const anchor = last ? new Date(last.occurredAt) : start;

  const add = (entry: NewEntry) =>
    new Promise<string | null>((resolve) => {
      startTransition(async () => {
        addShown({ ...entry, id: `pending-${++nextTemp}`, keyMoment: false, version: 0, author: null, pending: true });
        const result = await addEventAction(slug, number, entry);
        if (result.ok) announce('Entry added.');
        resolve(result.ok ? null : (Object.values(result.fieldErrors ?? {})[0] ?? result.message ?? 'The entry was not saved.'));
      });
    });

  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <p className={styles.author}>
        Times in {zone}; offsets from the start of the incident. Hover a time for UTC.
      </p>
      {shown.length === 0 ? <p>No entries yet.{canEdit ? ' Add the first one below, or paste a chat log.' : ''}</p> : null}
      <ol className={styles.list} aria-label="Timeline entries">
        {shown.map((event) => (
          <TimelineItem key={event.id} event={event} ctx={ctx} pending={event.pending} />
        ))}
      </ol>
      <p className={styles.status} role="status" aria-live="polite">
        {status}
      </p>
      {canEdit ? (
        <>
          <QuickEntry zone={zone} anchor={anchor} onAdd={add} />
          <PasteImport ctx={ctx} />
        </>
      ) : null}
    </section>
  );
}
