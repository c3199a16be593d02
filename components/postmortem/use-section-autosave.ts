'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveSectionResult } from '@/app/t/[team]/incidents/[number]/postmortem/actions';
import type { SectionConflict } from '@/lib/postmortem/sections';
import { clearDrafts, readDraft, writeDraft } from './draft-storage';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'retrying'; attempt: number; inMs: number }
  | { kind: 'conflict'; theirs: SectionConflict }
  | { kind: 'failed'; message: string };

export type SectionSaver = (sectionId: string, body: string, version: number) => Promise<SaveSectionResult>;

export const AUTOSAVE_DELAY_MS = 1500;
const MAX_BACKOFF_MS = 30_000;

/** Status kinds in which the text in the editor is not yet stored on the server. */
export const isUnsaved = (status: SaveStatus) => !(status.kind === 'idle' || status.kind === 'saved');

/**
 * Autosave for one section: saves ~1.5 s after typing stops, one request at a time, retries
 * network and "unavailable" failures with exponential backoff, and stops on a conflict until the
 * user chooses. The text lives in state and localStorage until the server acknowledges it.
 */
export function useSectionAutosave(sectionId: string, initialBody: string, initialVersion: number, save: SectionSaver) {
  const [text, setTextState] = useState(initialBody);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const textRef = useRef(initialBody);
  const versionRef = useRef(initialVersion);
  const savedRef = useRef(initialBody);
  const inFlight = useRef(false);
  const blocked = useRef(false);
  const attempt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flushRef = useRef<() => Promise<void>>(async () => undefined);

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), ms);
  }, []);

  const flush = useCallback(async () => {
    if (inFlight.current || blocked.current) return;
    const body = textRef.current;
    const version = versionRef.current;
    if (body === savedRef.current) {
      clearDrafts(sectionId);
      return;
    }
    inFlight.current = true;
    setStatus({ kind: 'saving' });
    let result: SaveSectionResult;
    try {
      result = await save(sectionId, body, version);
    } catch {
      result = { ok: false, retryable: true, message: 'The network request failed.' };
    }
    inFlight.current = false;
    if (result.ok) {
      attempt.current = 0;
      versionRef.current = result.version;
      savedRef.current = body;
      if (textRef.current === body) {
        clearDrafts(sectionId);
        setStatus({ kind: 'saved', at: result.at });
      } else {
        // Typed while the save was in flight: keep it under the new base version, save again.
        writeDraft(sectionId, result.version, textRef.current);
        setStatus({ kind: 'pending' });
        schedule(AUTOSAVE_DELAY_MS);
      }
    } else if ('conflict' in result) {
      blocked.current = true;
      setStatus({ kind: 'conflict', theirs: result.conflict });
    } else if (result.retryable) {
      attempt.current += 1;
      const inMs = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempt.current - 1));
      setStatus({ kind: 'retrying', attempt: attempt.current, inMs });
      schedule(inMs);
    } else {
      setStatus({ kind: 'failed', message: result.message });
    }
  }, [save, schedule, sectionId]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const setText = useCallback((next: string) => {
    textRef.current = next;
    setTextState(next);
    writeDraft(sectionId, versionRef.current, next);
    if (blocked.current) return;
    attempt.current = 0;
    setStatus({ kind: 'pending' });
    schedule(AUTOSAVE_DELAY_MS);
  }, [schedule, sectionId]);

  /** Resolves a conflict by saving `body` over the version the other person saved. */
  const saveOver = useCallback((body: string, theirs: SectionConflict) => {
    blocked.current = false;
    versionRef.current = theirs.version;
    savedRef.current = theirs.body;
    textRef.current = body;
    setTextState(body);
    if (body === theirs.body) {
      clearDrafts(sectionId);
      setStatus({ kind: 'saved', at: theirs.at });
      return;
    }
    writeDraft(sectionId, theirs.version, body);
    void flush();
  }, [flush, sectionId]);

  // A draft left by an earlier visit (closed tab, crash, offline) comes back and is saved.
  useEffect(() => {
    const draft = readDraft(sectionId);
    if (!draft || draft.text === savedRef.current) return;
    versionRef.current = draft.version;
    textRef.current = draft.text;
    const restore = () => {
      setTextState(draft.text);
      setStatus({ kind: 'pending' });
      schedule(0);
    };
    queueMicrotask(restore);
  }, [schedule, sectionId]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const unsaved = isUnsaved(status);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const retryNow = useCallback(() => {
    attempt.current = 0;
    schedule(0);
  }, [schedule]);

  return { text, setText, status, saveOver, retryNow };
}
