import type { AgendaItemKind } from '@/lib/meetings/agenda-types';

/** Section titles of a meeting's items (the agenda's sections, by item kind). */
export const SECTION_TITLE: Record<AgendaItemKind, string> = {
  incident: 'New incidents',
  review: 'Post-mortems waiting for review',
  action: 'Overdue and due-soon actions',
  factor: 'Recurring factors',
  drill: 'Drills held',
  metrics: 'Metrics',
};

export function sectionTitle(kind: string): string {
  return SECTION_TITLE[kind as AgendaItemKind] ?? kind;
}

/** Consecutive items of one kind form a section, in agenda order. */
export function groupItems<T extends { kind: string }>(items: T[]): { kind: string; title: string; items: T[] }[] {
  const sections: { kind: string; title: string; items: T[] }[] = [];
  for (const item of items) {
    const last = sections.at(-1);
    if (last && last.kind === item.kind) last.items.push(item);
    else sections.push({ kind: item.kind, title: sectionTitle(item.kind), items: [item] });
  }
  return sections;
}
