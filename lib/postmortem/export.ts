import { formatDuration, incidentRef } from '@/components/incidents/format';
import { DURATION_LABELS, incidentDurations } from '@/lib/incidents/durations';
import { withoutUnsafeLinks } from './markdown';

/**
 * The Markdown export of a post-mortem (issue 4, item 8): a pure function of plain data, so it is
 * unit-tested without a database. User text stays Markdown, but `<` and `>` are escaped so no
 * HTML can be smuggled into a file that another tool may render, and a link the app would not
 * make (javascript:, data: ...) is left as text there too.
 */

export interface ExportData {
  incident: {
    number: number;
    title: string;
    severity: string;
    kind: string;
    status: string;
    postmortemStatus: string;
    services: string[];
    startedAt: Date;
    detectedAt: Date | null;
    acknowledgedAt: Date | null;
    mitigatedAt: Date | null;
    resolvedAt: Date | null;
    publishedAt: Date | null;
  };
  sections: { title: string; body: string }[];
  timeline: { occurredAt: Date; kind: string; body: string; keyMoment: boolean }[];
  factors: { name: string; category: string; howItContributed: string }[];
  actions: { title: string; type: string; priority: string; owner: string | null; dueDate: Date | null; status: string; ticketUrl: string | null }[];
  exportedAt: Date;
}

/** Escapes the two characters that would let user text open an HTML tag. */
export function escapeHtml(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A single-line cell: escaped, pipes escaped, line breaks folded. */
function cell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\s*\r?\n\s*/g, ' ').trim() || '—';
}

const iso = (d: Date | null) => (d ? d.toISOString() : '—');
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '—');
const label = (value: string) => value.replace(/_/g, ' ');

/** "INC-42-checkout-latency-spike.md": ASCII, lower case, at most 60 characters of slug. */
export function exportFileName(number: number, title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${incidentRef(number)}${slug ? `-${slug}` : ''}.md`;
}

function metadata(i: ExportData['incident']): string[] {
  const d = incidentDurations(i);
  const lines = [
    `- **Severity:** ${i.severity}`,
    `- **Kind:** ${label(i.kind)}`,
    `- **Status:** ${label(i.status)}; post-mortem ${label(i.postmortemStatus)}${i.publishedAt ? ` (published ${iso(i.publishedAt)})` : ''}`,
  ];
  if (i.services.length > 0) lines.push(`- **Services:** ${i.services.map(cell).join(', ')}`);
  lines.push(
    `- **Started:** ${iso(i.startedAt)}`,
    `- **Detected:** ${iso(i.detectedAt)}`,
    `- **Acknowledged:** ${iso(i.acknowledgedAt)}`,
    `- **Mitigated:** ${iso(i.mitigatedAt)}`,
    `- **Resolved:** ${iso(i.resolvedAt)}`,
  );
  for (const key of ['ttd', 'tta', 'ttm', 'ttr'] as const) {
    const ms = d[key];
    lines.push(`- **${DURATION_LABELS[key].long} (${DURATION_LABELS[key].short}):** ${ms === null ? '—' : formatDuration(ms)}`);
  }
  return lines;
}

/** The whole post-mortem as one Markdown document (times in UTC, ISO-8601). */
export function buildPostmortemMarkdown(data: ExportData): string {
  const { incident } = data;
  const out: string[] = [`# ${incidentRef(incident.number)}: ${cell(incident.title)}`, '', ...metadata(incident), ''];
  out.push('_All times are UTC (ISO-8601). Durations are h:mm:ss._', '');

  for (const section of data.sections) {
    out.push(`## ${cell(section.title)}`, '', section.body.trim() ? escapeHtml(section.body.trim()) : '_Not written._', '');
  }

  out.push('## Timeline', '');
  if (data.timeline.length === 0) out.push('_No timeline entries._');
  for (const e of data.timeline) {
    const body = escapeHtml(e.body.trim()).replace(/\r?\n/g, '\n  ');
    out.push(`- \`${e.occurredAt.toISOString()}\` **${label(e.kind)}**${e.keyMoment ? ' (key moment)' : ''}: ${body}`);
  }
  out.push('');

  out.push('## Contributing factors', '');
  if (data.factors.length === 0) out.push('_No contributing factors recorded._');
  for (const f of data.factors) {
    out.push(`- **${cell(f.name)}** (${label(f.category)}): ${escapeHtml(f.howItContributed.trim()).replace(/\r?\n/g, '\n  ') || '—'}`);
  }
  out.push('');

  out.push('## Action items', '');
  if (data.actions.length === 0) out.push('_No action items._');
  else {
    out.push('| Title | Type | Priority | Owner | Due | Status | Ticket |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const a of data.actions) {
      out.push(`| ${cell(a.title)} | ${a.type} | ${a.priority} | ${cell(a.owner ?? '')} | ${day(a.dueDate)} | ${label(a.status)} | ${cell(a.ticketUrl ?? '')} |`);
    }
  }
  out.push('', `---`, `Exported from Hindsight at ${data.exportedAt.toISOString()}.`, '');
  return withoutUnsafeLinks(out.join('\n'));
}
