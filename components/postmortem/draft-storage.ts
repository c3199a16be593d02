/**
 * Unsaved section text in localStorage, keyed by section id and the version it was based on, so
 * a closed tab or a crash never loses typing: the next visit offers it again (and a stale base
 * version surfaces as a conflict instead of overwriting someone else's save).
 */
const PREFIX = 'hindsight:postmortem:';

const keyOf = (sectionId: string, version: number) => `${PREFIX}${sectionId}:v${version}`;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function writeDraft(sectionId: string, version: number, text: string): void {
  const s = storage();
  if (!s) return;
  try {
    clearDrafts(sectionId);
    s.setItem(keyOf(sectionId, version), text);
  } catch {
    // Quota or privacy mode: the text is still kept in component state.
  }
}

export function clearDrafts(sectionId: string): void {
  const s = storage();
  if (!s) return;
  const prefix = `${PREFIX}${sectionId}:v`;
  for (let i = s.length - 1; i >= 0; i--) {
    const key = s.key(i);
    if (key?.startsWith(prefix)) s.removeItem(key);
  }
}

/** The stored draft for a section with the highest base version, if any. */
export function readDraft(sectionId: string): { version: number; text: string } | null {
  const s = storage();
  if (!s) return null;
  const prefix = `${PREFIX}${sectionId}:v`;
  let best: { version: number; text: string } | null = null;
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (!key?.startsWith(prefix)) continue;
    const version = Number(key.slice(prefix.length));
    const text = s.getItem(key);
    if (Number.isInteger(version) && text !== null && (!best || version > best.version)) best = { version, text };
  }
  return best;
}
