/**
 * The weekly review's agenda, shared by the agenda builder (lib/meetings/agenda.ts) and the
 * meeting (lib/meetings/meeting.ts), which snapshots the items into MeetingItem rows when a
 * meeting starts. Item keys are stable ("incident:<id>", "review:<id>", "action:<id>",
 * "factor:<id>", "drill:<id>", "metrics") so a carried-over item is recognised next time.
 */
export type AgendaItemKind = 'incident' | 'review' | 'action' | 'factor' | 'drill' | 'metrics';

export interface AgendaItem {
  key: string;
  kind: AgendaItemKind;
  /** The incident, action or factor id; null for the metrics snapshot. */
  refId: string | null;
  title: string;
  /** One line of plain text shown under the title (severity and duration, owner and due date ...). */
  detail: string;
  /** The page the item links to (relative URL). */
  href: string;
  /** Not reached in the previous meeting. */
  carriedOver: boolean;
}

export interface AgendaSection {
  kind: AgendaItemKind;
  title: string;
  items: AgendaItem[];
}

export interface Agenda {
  /** The agenda covers [periodStart, periodEnd): since the last meeting ended, or the last 7 days. */
  periodStart: Date;
  periodEnd: Date;
  sections: AgendaSection[];
}
