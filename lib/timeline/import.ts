/**
 * Paste import for the timeline editor: a chat log (or a Slack channel export) to candidate
 * timeline entries for the import preview, where each can be checked, edited or unticked.
 * Pure: no React, no database.
 *
 * Text formats, one entry per line starting with a time stamp (brackets optional):
 *   [2024-05-01 14:02] alice: text      2024-05-01 14:02:33 <alice> text
 *   [14:02] alice: text                 14:02:07 alice: text
 *   2024-05-01T14:02:33Z alice: text    2024-05-01T14:02:33.120+02:00 alice: text
 * Also "2024/05/01", "[... UTC]", a "-" or "|" after the stamp, and no author at all. Lines
 * without a stamp continue the previous entry (multi-line messages); text before the first
 * stamp becomes an entry without a time, with an error, so that nothing pasted is dropped.
 * Blank lines are ignored; continuation lines are trimmed.
 *
 * Times: stamps without an offset are wall-clock times in `options.timeZone`; time-only stamps
 * take their date from the incident's local start date, then from the latest dated line, and
 * roll to the next day when the clock goes backwards (see ZonedClock for daylight-saving rules:
 * a skipped time is an error, a repeated one resolves deterministically).
 *
 * A Slack export is recognised when the trimmed input starts with "[" or "{" and parses as
 * JSON of the right shape (see import-slack.ts); anything else is read as text.
 *
 * `kind` is a keyword guess (import-kind.ts) for the user to change in the preview. Output is in
 * input order; the editor sorts by time. Entries with `error` have `occurredAt: null`.
 */
import { guessKind } from './import-kind';
import { parseEntryLine } from './import-line';
import { parseSlackExport } from './import-slack';
import { isTimeZone, ZonedClock } from './import-zone';

export type TimelineKindGuess = 'detection' | 'diagnosis' | 'action' | 'communication' | 'escalation' | 'mitigation' | 'resolution' | 'note';

export interface ImportedLine {
  /** 1-based line of the entry's first line (for Slack JSON: the message's position). */
  lineNo: number;
  /** The text as pasted, continuation lines included. */
  raw: string;
  occurredAt: Date | null;
  author: string | null;
  body: string;
  kind: TimelineKindGuess;
  /** Why the entry cannot be imported as it is; the preview shows it unticked with this. */
  error?: string;
}

export interface ParseChatLogOptions {
  /** The incident's start: time-only lines are on its local date in `timeZone`. */
  incidentStart: Date;
  /** IANA time zone for stamps without an offset. */
  timeZone: string;
}

const NO_STAMP = 'No time stamp: this text comes before the first line with a time';

function parseText(input: string, clock: ZonedClock): ImportedLine[] {
  const entries: ImportedLine[] = [];
  input.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const lineNo = index + 1;
    const parsed = parseEntryLine(line);
    const last = entries.at(-1);
    if (!parsed && last) {
      last.raw += `\n${line}`;
      last.body = last.body === '' ? line.trim() : `${last.body}\n${line.trim()}`;
      return;
    }
    if (!parsed) {
      entries.push({ lineNo, raw: line, occurredAt: null, author: null, body: line.trim(), kind: 'note', error: NO_STAMP });
      return;
    }
    const placed = parsed.error ? { error: parsed.error } : clock.place(parsed.stamp);
    const entry: ImportedLine = { lineNo, raw: line, occurredAt: null, author: parsed.author, body: parsed.body, kind: 'note' };
    if ('at' in placed) entry.occurredAt = placed.at;
    else entry.error = placed.error;
    entries.push(entry);
  });
  for (const entry of entries) entry.kind = guessKind(entry.body);
  return entries;
}

/**
 * Parses a pasted chat log or Slack export into candidate timeline entries.
 * Throws RangeError for an unknown time zone or an invalid incident start (caller bugs, not
 * user input).
 */
export function parseChatLog(input: string, options: ParseChatLogOptions): ImportedLine[] {
  if (!isTimeZone(options.timeZone)) throw new RangeError(`Unknown time zone: ${options.timeZone}`);
  if (Number.isNaN(options.incidentStart.getTime())) throw new RangeError('incidentStart is not a valid date');
  const trimmed = input.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const slack = parseSlackExport(trimmed);
    if (slack) return slack;
  }
  return parseText(input, new ZonedClock(options.timeZone, options.incidentStart));
}
