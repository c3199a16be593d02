import type { ImportedLine } from './import';
import { guessKind } from './import-kind';

/**
 * Slack channel export JSON (the per-day files of a workspace export: an array of messages, or
 * a conversations.history response `{ messages: [...] }`). `lineNo` is the message's 1-based
 * position in the array and `raw` its text as Slack wrote it (with markup).
 */

type JsonRecord = Record<string, unknown>;

const SKIPPED_SUBTYPES = new Set(['channel_join', 'channel_leave']);
const BROADCASTS = new Set(['here', 'channel', 'everyone']);

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function authorOf(message: JsonRecord): string | null {
  const profile = isRecord(message.user_profile) ? message.user_profile : {};
  return text(profile.display_name) ?? text(profile.real_name) ?? text(message.user_name) ?? text(message.user) ?? null;
}

/** "1714572153.000200" (epoch seconds and microseconds) to epoch milliseconds. */
export function slackTsToMs(ts: unknown): number | null {
  const m = typeof ts === 'string' ? /^(\d{1,15})(?:\.(\d+))?$/.exec(ts.trim()) : null;
  if (!m) return typeof ts === 'number' && Number.isFinite(ts) ? Math.floor(ts * 1000) : null;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').slice(0, 3).padEnd(3, '0'));
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp);/g, (_, name: string) => (name === 'lt' ? '<' : name === 'gt' ? '>' : '&'));
}

function stripScheme(url: string): string {
  return url.replace(/^mailto:/i, '').replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
}

/**
 * Slack markup to readable text: <@U123> -> @alice (a name from the same export, or the id),
 * <#C1|general> -> #general, <!here> -> @here, <!subteam^S1|@sre> -> @sre, <http://x|label> ->
 * "label (http://x)" (the link is kept), <http://x> -> http://x; then &lt; &gt; &amp;.
 */
export function slackToText(markup: string, names: ReadonlyMap<string, string> = new Map()): string {
  const converted = markup.replace(/<([^<>]+)>/g, (_, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? '' : inner.slice(bar + 1);
    if (target.startsWith('@')) return `@${label || names.get(target.slice(1)) || target.slice(1)}`;
    if (target.startsWith('#')) return `#${label || target.slice(1)}`;
    if (target.startsWith('!')) {
      const command = target.slice(1);
      if (label) return label;
      if (BROADCASTS.has(command)) return `@${command}`;
      return `@${command.replace(/^subteam\^/, '')}`;
    }
    if (!label) return target.replace(/^mailto:/i, '');
    // Auto-linked text (<http://example.com|example.com>, <mailto:a@b.c|a@b.c>) reads as typed.
    return stripScheme(target) === label ? label : `${label} (${target})`;
  });
  return decodeEntities(converted);
}

/** The export's messages, or null when the JSON is not a Slack export (then it is text). */
function messagesOf(data: unknown): unknown[] | null {
  const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.messages) ? data.messages : null;
  if (!list) return null;
  return list.length === 0 || list.some(isRecord) ? list : null;
}

export function parseSlackExport(input: string): ImportedLine[] | null {
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch {
    return null;
  }
  const messages = messagesOf(data);
  if (!messages) return null;

  const names = new Map<string, string>();
  for (const m of messages) {
    const id = isRecord(m) ? text(m.user) : undefined;
    const name = isRecord(m) ? authorOf(m) : null;
    if (id && name && name !== id && !names.has(id)) names.set(id, name);
  }

  const lines: ImportedLine[] = [];
  messages.forEach((message, index) => {
    const lineNo = index + 1;
    if (!isRecord(message)) {
      const raw = JSON.stringify(message);
      lines.push({ lineNo, raw, occurredAt: null, author: null, body: raw, kind: 'note', error: 'Not a Slack message' });
      return;
    }
    if (typeof message.subtype === 'string' && SKIPPED_SUBTYPES.has(message.subtype)) return;
    const raw = typeof message.text === 'string' ? message.text : '';
    const body = slackToText(raw, names).trim();
    const ms = slackTsToMs(message.ts);
    const entry: ImportedLine = { lineNo, raw, occurredAt: ms === null ? null : new Date(ms), author: authorOf(message), body, kind: guessKind(body) };
    if (ms === null) entry.error = 'Missing or invalid Slack "ts"';
    lines.push(entry);
  });
  return lines;
}
