import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** What the minutes need of a meeting (a subset of MeetingView; plain data, no DB). */
export interface MinutesNote {
  kind: 'note' | 'decision';
  body: string;
  authorName: string | null;
}

export interface MinutesInput {
  teamName: string;
  zone: string;
  status: 'in_progress' | 'ended';
  heldAt: string;
  endedAt: string | null;
  periodStart: string;
  periodEnd: string;
  facilitator: { name: string } | null;
  attendees: { name: string }[];
  items: { kind: string; title: string; detail: string; status: 'pending' | 'discussed' | 'carried_over'; carriedOver: boolean; notes: MinutesNote[] }[];
  sectionTitle: (kind: string) => string;
  general: MinutesNote[];
  actionsCreated: { title: string; owner: { name: string } | null; dueDate: string | null; status: string; incident: { number: number } }[];
  incidentsReviewed: { number: number; title: string; reviewedAt: string }[];
}

/**
 * Markdown-significant characters are backslash-escaped, so a title or a note is always plain
 * text: it cannot open a link, an image, raw HTML, a heading or a list. "://" and "www." are
 * broken up too, so a renderer with autolinking does not turn a pasted URL into a link.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#!|<>~&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.');
}

/** One line of text: newlines (and other line breaks) folded into spaces. */
function inline(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim());
}

/** A multi-line body as a list item's continuation (each line indented, escaped). */
function block(text: string, indent: string): string {
  return text
    .trim()
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line, i) => (i === 0 ? escapeMarkdown(line) : line.trim() === '' ? '' : `${indent}${escapeMarkdown(line)}`))
    .join('\n');
}

function when(iso: string, zone: string): string {
  return format(new TZDate(new Date(iso).getTime(), zone), 'yyyy-MM-dd HH:mm');
}

function noteLine(n: MinutesNote): string {
  const who = n.authorName ? ` (${inline(n.authorName)})` : '';
  return `- ${n.kind === 'decision' ? '**Decision**' : 'Note'}${who}: ${block(n.body, '  ')}`;
}

const STATUS: Record<MinutesInput['items'][number]['status'], string> = { pending: 'not reached', discussed: 'discussed', carried_over: 'carried over' };

/** The meeting's minutes as Markdown (times in `zone`). */
export function renderMinutes(m: MinutesInput): string {
  const out: string[] = [];
  out.push(`# Weekly review: ${inline(m.teamName)}, ${format(new TZDate(new Date(m.heldAt).getTime(), m.zone), 'yyyy-MM-dd')}`, '');
  out.push(`- Held: ${when(m.heldAt, m.zone)}${m.endedAt ? ` to ${when(m.endedAt, m.zone)}` : ' (still in progress)'} (${inline(m.zone)})`);
  out.push(`- Period reviewed: ${when(m.periodStart, m.zone)} to ${when(m.periodEnd, m.zone)}`);
  out.push(`- Facilitator: ${m.facilitator ? inline(m.facilitator.name) : 'none'}`);
  out.push(`- Attendees: ${m.attendees.length ? m.attendees.map((a) => inline(a.name)).join(', ') : 'none'}`, '');

  out.push('## Agenda', '');
  if (!m.items.length) out.push('The agenda was empty.', '');
  let section = '';
  m.items.forEach((item, i) => {
    const title = m.sectionTitle(item.kind);
    if (title !== section) {
      section = title;
      out.push(`### ${inline(title)}`, '');
    }
    out.push(`#### ${i + 1}. ${inline(item.title)} (${STATUS[item.status]}${item.carriedOver ? ', carried over from the last meeting' : ''})`, '');
    if (item.detail) out.push(inline(item.detail), '');
    if (item.notes.length) out.push(...item.notes.map(noteLine), '');
  });

  out.push('## General notes and decisions', '');
  out.push(...(m.general.length ? m.general.map(noteLine) : ['None.']), '');

  const decisions = [...m.items.flatMap((i) => i.notes.map((n) => ({ n, on: i.title }))), ...m.general.map((n) => ({ n, on: null }))].filter((d) => d.n.kind === 'decision');
  out.push('## Decisions', '');
  out.push(...(decisions.length ? decisions.map((d) => `- ${block(d.n.body, '  ')}${d.on ? ` (on ${inline(d.on)})` : ''}`) : ['None.']), '');

  out.push('## Actions created', '');
  out.push(
    ...(m.actionsCreated.length
      ? m.actionsCreated.map((a) => `- ${inline(a.title)} (INC-${a.incident.number}; owner: ${a.owner ? inline(a.owner.name) : 'none'}; due: ${a.dueDate ?? 'no date'}; ${inline(a.status.replace('_', ' '))})`)
      : ['None.']),
    '',
  );

  out.push('## Incidents reviewed', '');
  out.push(...(m.incidentsReviewed.length ? m.incidentsReviewed.map((r) => `- INC-${r.number}: ${inline(r.title)} (${when(r.reviewedAt, m.zone)})`) : ['None.']), '');

  const carried = m.items.filter((i) => i.status === 'carried_over');
  out.push('## Carried over to the next meeting', '');
  out.push(...(carried.length ? carried.map((i) => `- ${inline(i.title)}`) : [m.status === 'ended' ? 'Nothing: every item was reached.' : 'Decided when the meeting ends.']), '');
  return `${out.join('\n').trimEnd()}\n`;
}
