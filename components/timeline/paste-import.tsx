'use client';

import { useId, useState, useTransition } from 'react';
import { importEventsAction } from '@/app/t/[team]/incidents/[number]/timeline/actions';
import { parseChatLog, type ImportedLine } from '@/lib/timeline/import';
import type { TimelineKindName } from '@/lib/timeline/schemas';
import { clockTime, formatOffset } from './time';
import styles from './timeline.module.css';
import { KindOptions } from './kind-options';
import type { TimelineContext } from './types';

interface Row {
  line: ImportedLine;
  ticked: boolean;
  kind: TimelineKindName;
}

/** The text an imported line becomes: the chat author stays with what they said. */
function entryBody(line: ImportedLine): string {
  return line.author ? `${line.author}: ${line.body}` : line.body;
}

/**
 * "Paste chat log": parse on the client (pure), preview with a checkbox and a kind per line
 * (lines with errors start unticked and say why), then import the ticked ones in one go.
 */
export function PasteImport({ ctx }: { ctx: TimelineContext }) {
  const [text, setText] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [message, setMessage] = useState('');
  const [busy, startTransition] = useTransition();
  const id = useId();
  const ticked = rows?.filter((r) => r.ticked && r.line.occurredAt) ?? [];

  function preview() {
    const lines = parseChatLog(text, { incidentStart: ctx.startedAt, timeZone: ctx.zone });
    setRows(lines.map((line) => ({ line, ticked: !line.error && line.body !== '', kind: line.kind })));
    setMessage(lines.length === 0 ? 'Nothing to import: paste some chat lines first.' : `${lines.length} lines read; untick any you do not want.`);
  }

  function update(index: number, change: Partial<Row>) {
    setRows((current) => current?.map((r, i) => (i === index ? { ...r, ...change } : r)) ?? null);
  }

  function importRows() {
    const payload = ticked.map((r) => ({ occurredAt: r.line.occurredAt?.toISOString() ?? '', kind: r.kind, body: entryBody(r.line) }));
    startTransition(async () => {
      const result = await importEventsAction(ctx.slug, ctx.number, payload);
      if (result.ok) {
        setRows(null);
        setText('');
        setMessage('');
        ctx.announce(result.message ?? 'Imported.');
      } else {
        const field = Object.entries(result.fieldErrors ?? {})[0];
        setMessage(field ? `Entry ${Number(field[0].split('.')[0]) + 1}: ${field[1]}` : (result.message ?? 'The import failed; nothing was imported.'));
      }
    });
  }

  return (
    <details className={styles.disclosure}>
      <summary>Paste chat log</summary>
      <label className={styles.control} htmlFor={`${id}-log`}>
        Chat log or Slack export (times without a date are on the incident&apos;s start date, {ctx.zone})
      </label>
      <textarea id={`${id}-log`} className={styles.textarea} value={text} onChange={(e) => setText(e.target.value)} />
      <p>
        <button type="button" className="button" onClick={preview} disabled={text.trim() === ''}>
          Preview
        </button>
      </p>
      <p className={styles.status} aria-live="polite">
        {message}
      </p>
      {rows && rows.length > 0 ? (
        <>
          <table className={styles.preview}>
            <caption className="visually-hidden">Lines to import</caption>
            <thead>
              <tr>
                <th scope="col">Import</th>
                <th scope="col">Time</th>
                <th scope="col">Kind</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const at = row.line.occurredAt;
                return (
                  <tr key={`${row.line.lineNo}-${i}`}>
                    <td>
                      <input
                        type="checkbox"
                        checked={row.ticked}
                        disabled={!at}
                        onChange={(e) => update(i, { ticked: e.target.checked })}
                        aria-label={`Import line ${row.line.lineNo}`}
                      />
                    </td>
                    <td>{at ? `${clockTime(at, ctx.zone)} (${formatOffset(at.getTime() - ctx.startedAt.getTime())})` : '—'}</td>
                    <td>
                      <select value={row.kind} onChange={(e) => update(i, { kind: e.target.value as TimelineKindName })} aria-label={`Kind of line ${row.line.lineNo}`}>
                        <KindOptions />
                      </select>
                    </td>
                    <td>
                      {entryBody(row.line)}
                      {row.line.error ? <div className={styles.rowError}>{row.line.error}</div> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="button" className="button button-primary" onClick={importRows} disabled={busy || ticked.length === 0}>
            {busy ? 'Importing…' : `Import ${ticked.length} ${ticked.length === 1 ? 'entry' : 'entries'}`}
          </button>
        </>
      ) : null}
    </details>
  );
}
