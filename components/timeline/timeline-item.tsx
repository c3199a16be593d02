'use client';

import { useEffect, useRef, useState, useTransition, type KeyboardEvent } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { addEventAction, deleteEventAction, updateEventAction } from '@/app/t/[team]/incidents/[number]/timeline/actions';
import type { TimelineEventView } from '@/lib/timeline/schemas';
import { ConflictNotice } from './conflict-notice';
import { clockTime, formatOffset, formatOffsetExact, placeQuickTime } from './time';
import styles from './timeline.module.css';
import { KindOptions } from './kind-options';
import type { TimelineActionState, TimelineContext } from './types';

type Patch = { occurredAt?: string; kind?: string; body?: string; keyMoment?: boolean };
type Pending = { op: 'update'; patch: Patch; summary: string } | { op: 'delete'; summary: string };

function firstError(state: TimelineActionState): string {
  return Object.values(state.fieldErrors ?? {})[0] ?? state.message ?? 'That did not work; try again.';
}

/** One timeline entry: shown, edited inline (Enter saves, Escape cancels), starred or deleted. */
export function TimelineItem({ event, ctx, pending = false }: { event: TimelineEventView; ctx: TimelineContext; pending?: boolean }) {
  const router = useRouter();
  const at = new Date(event.occurredAt);
  const shownTime = clockTime(at, ctx.zone);
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [draft, setDraft] = useState({ time: shownTime, kind: event.kind as string, body: event.body });
  const [error, setError] = useState('');
  const [conflict, setConflict] = useState<{ theirs: TimelineEventView | null; mine: Pending } | null>(null);
  const [busy, startTransition] = useTransition();
  const bodyRef = useRef<HTMLInputElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const label = `entry at ${shownTime}`;
  const describedBy = error ? `err-${event.id}` : undefined;

  useEffect(() => {
    if (mode === 'edit') bodyRef.current?.focus();
  }, [mode]);

  function settle(result: TimelineActionState, mine: Pending, done: string) {
    if (result.ok) {
      setConflict(null);
      setError('');
      setMode('view');
      ctx.announce(done);
    } else if (result.conflict !== undefined) {
      setConflict({ theirs: result.conflict, mine });
    } else {
      setError(firstError(result));
    }
  }

  function run(mine: Pending, version: number) {
    startTransition(async () => {
      if (mine.op === 'delete') settle(await deleteEventAction(ctx.slug, ctx.number, event.id, version), mine, 'Entry deleted.');
      else settle(await updateEventAction(ctx.slug, ctx.number, event.id, { ...mine.patch, version }), mine, 'Entry saved.');
    });
  }

  function keepMine() {
    if (!conflict) return;
    const { theirs, mine } = conflict;
    if (theirs) return run(mine, theirs.version);
    if (mine.op === 'delete') return settle({ ok: true }, mine, 'Entry deleted.');
    // Deleted meanwhile: keeping mine writes it again as a new entry.
    startTransition(async () => {
      const body = { occurredAt: event.occurredAt, kind: event.kind, body: event.body, keyMoment: event.keyMoment, ...mine.patch };
      settle(await addEventAction(ctx.slug, ctx.number, body), mine, 'Entry added again.');
    });
  }

  function takeTheirs() {
    setConflict(null);
    setMode('view');
    router.refresh();
  }

  function save() {
    const patch: Patch = { kind: draft.kind, body: draft.body };
    if (draft.time.trim() !== shownTime) {
      const placed = placeQuickTime(draft.time, at, ctx.zone);
      if ('error' in placed) return setError(placed.error);
      patch.occurredAt = placed.at.toISOString();
    }
    run({ op: 'update', patch, summary: `${draft.time} · ${draft.kind} · ${draft.body}` }, event.version);
  }

  function cancel() {
    setMode('view');
    setError('');
    setDraft({ time: shownTime, kind: event.kind, body: event.body });
    requestAnimationFrame(() => editRef.current?.focus());
  }

  function onEditKey(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
  }

  const star = ctx.canEdit && !pending ? (
    <button
      type="button"
      className={styles.star}
      aria-pressed={event.keyMoment}
      aria-label={`Key moment: ${label}`}
      disabled={busy}
      onClick={() => run({ op: 'update', patch: { keyMoment: !event.keyMoment }, summary: event.keyMoment ? 'Not a key moment' : 'Mark as key moment' }, event.version)}
    >
      {event.keyMoment ? '★' : '☆'}
    </button>
  ) : (
    <span className={event.keyMoment ? styles.starOn : styles.star} aria-label={event.keyMoment ? 'Key moment' : undefined} role={event.keyMoment ? 'img' : undefined}>
      {event.keyMoment ? '★' : ''}
    </span>
  );

  return (
    <li id={`event-${event.id}`} className={`${styles.item} ${pending ? styles.pending : ''}`} aria-busy={pending || busy || undefined}>
      <span className={styles.offset} title={formatOffsetExact(at.getTime() - ctx.startedAt.getTime())}>
        {formatOffset(at.getTime() - ctx.startedAt.getTime())}
      </span>
      <time className={styles.time} dateTime={event.occurredAt} title={`${event.occurredAt.replace('T', ' ').replace('Z', '')} UTC`}>
        {shownTime}
      </time>
      <span>
        <span className={styles.kind}>{event.kind}</span>
      </span>
      {star}
      {mode === 'edit' ? (
        <form className={`${styles.editRow} ${styles.full}`} onKeyDown={onEditKey} onSubmit={(e) => { e.preventDefault(); save(); }} aria-label={`Edit ${label}`}>
          <label className={styles.control}>
            Time
            <input className={styles.timeInput} value={draft.time} onChange={(e) => setDraft({ ...draft, time: e.target.value })} inputMode="numeric" aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
          </label>
          <label className={styles.control}>
            Kind
            <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
              <KindOptions />
            </select>
          </label>
          <label className={`${styles.control} ${styles.grow}`}>
            Text
            <input ref={bodyRef} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} aria-describedby={describedBy} />
          </label>
          <button type="submit" className={`button button-primary ${styles.small}`} disabled={busy}>Save</button>
          <button type="button" className={`button ${styles.small}`} onClick={cancel}>Cancel</button>
        </form>
      ) : (
        <span className={styles.body}>
          {event.body} {event.author ? <span className={styles.author}>· {event.author}</span> : null}
          {pending ? <span className={styles.author}> · saving…</span> : null}
        </span>
      )}
      {(ctx.canEdit || ctx.canCreateActions) && !pending && mode === 'view' ? (
        <span className={styles.actions}>
          {ctx.canEdit ? (
            <>
              <button ref={editRef} type="button" className={`button ${styles.small}`} onClick={() => { setDraft({ time: shownTime, kind: event.kind, body: event.body }); setMode('edit'); }} aria-label={`Edit ${label}`}>Edit</button>
              <button type="button" className={`button ${styles.small}`} onClick={() => setMode('delete')} aria-label={`Delete ${label}`}>Delete</button>
            </>
          ) : null}
          {ctx.canCreateActions ? (
            <Link className={`button ${styles.small}`} href={`/t/${encodeURIComponent(ctx.slug)}/incidents/${ctx.number}/actions?fromEvent=${event.id}#new-action`} aria-label={`Create an action from the ${label}`}>Create action</Link>
          ) : null}
        </span>
      ) : null}
      {mode === 'delete' && !conflict ? (
        <span className={`${styles.actions} ${styles.full}`} role="group" aria-label={`Confirm deleting ${label}`}>
          Delete this entry?
          <button type="button" className={`button ${styles.small}`} disabled={busy} onClick={() => run({ op: 'delete', summary: 'Delete the entry' }, event.version)}>Delete</button>
          <button type="button" className={`button ${styles.small}`} onClick={cancel}>Keep it</button>
        </span>
      ) : null}
      {error ? <p id={`err-${event.id}`} className={`${styles.error} ${styles.full}`} role="alert">{error}</p> : null}
      {conflict ? <ConflictNotice theirs={conflict.theirs} mine={conflict.mine.summary} zone={ctx.zone} busy={busy} onKeepMine={keepMine} onTakeTheirs={takeTheirs} /> : null}
    </li>
  );
}
