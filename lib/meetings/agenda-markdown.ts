import type { Agenda } from './agenda-types';

/**
 * The agenda as Markdown to paste into chat or a wiki: a heading, the period, one heading per
 * section and a bullet per item linking to its page (absolute URL when an origin is given).
 * Titles and details are user text: every Markdown and HTML special character is escaped, so a
 * title cannot inject a link, an image, emphasis or a tag.
 */

// User text never starts a line (newlines are flattened and every line starts with our own "- ",
// "## " or "Period:"), so block markers (#, -, +, 1.) are inert; what can act mid-line is escaped.
const SPECIAL = /[\\`*_[\]!|<>&~]/g;
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** User text made inert in Markdown: inline punctuation backslash-escaped, HTML characters as entities, one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(SPECIAL, (ch) => ESCAPES[ch] ?? `\\${ch}`)
    .trim();
}

/** A URL in a Markdown link target: angle-bracket form, with the characters that could end it encoded. */
function linkTarget(url: string): string {
  return `<${url.replace(/[<>\s]/g, (ch) => encodeURIComponent(ch))}>`;
}

export interface AgendaMarkdownOptions {
  teamName: string;
  /** e.g. "https://hindsight.example.com"; links stay relative when absent. */
  origin?: string;
  /** Formats an instant for the period line (in the team zone). */
  formatTime: (date: Date) => string;
}

export function agendaMarkdown(agenda: Agenda, options: AgendaMarkdownOptions): string {
  const origin = (options.origin ?? '').replace(/\/+$/, '');
  const lines: string[] = [
    `# Weekly review agenda: ${escapeMarkdown(options.teamName)}`,
    '',
    `Period: ${escapeMarkdown(options.formatTime(agenda.periodStart))} to ${escapeMarkdown(options.formatTime(agenda.periodEnd))}`,
  ];
  for (const section of agenda.sections) {
    lines.push('', `## ${escapeMarkdown(section.title)} (${section.items.length})`, '');
    if (section.items.length === 0) {
      lines.push('_Nothing in this period._');
      continue;
    }
    for (const item of section.items) {
      const mark = item.carriedOver ? ' **(carried over)**' : '';
      const detail = item.detail ? ` — ${escapeMarkdown(item.detail)}` : '';
      lines.push(`- [${escapeMarkdown(item.title)}](${linkTarget(`${origin}${item.href}`)})${mark}${detail}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
