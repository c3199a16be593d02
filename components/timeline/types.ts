import type { FormState } from '@/lib/forms';
import { TIMELINE_KINDS, type TimelineEventView } from '@/lib/timeline/schemas';

/** What the timeline's server actions return. */
export interface TimelineActionState extends FormState {
  /** The entry as saved (add / update). */
  event?: TimelineEventView;
  /** How many entries an import added. */
  count?: number;
  /** On a stale version: the entry as it is now (null when someone deleted it). */
  conflict?: TimelineEventView | null;
}

export interface TimelineContext {
  slug: string;
  number: number;
  /** The incident start (offsets are from it). */
  startedAt: Date;
  /** The zone times are shown and typed in. */
  zone: string;
  canEdit: boolean;
  /** Shows each entry's "Create action" link (editors). */
  canCreateActions: boolean;
  /** Says something in the page's polite live region. */
  announce: (message: string) => void;
}

const label = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1);
export const KIND_OPTIONS = TIMELINE_KINDS.map((value) => ({ value, label: label(value) }));
