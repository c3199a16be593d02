'use client';

import Link from 'next/link';
import { useId, useState, useTransition, type ChangeEvent } from 'react';
import formStyles from '@/components/forms/forms.module.css';
import type { FormState } from '@/lib/forms';
import { CSV_FIELD_LABELS, CSV_FIELDS, REQUIRED_FIELDS, type CsvField } from '@/lib/imports/csv-fields';
import type { CsvPreview } from '@/lib/imports/csv-import';
import { CsvPreviewTable } from './csv-preview-table';
import styles from './imports.module.css';

type PreviewAction = (input: unknown) => Promise<FormState & { preview?: CsvPreview }>;
type ImportAction = (input: unknown) => Promise<FormState>;

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The CSV import: choose a file, map its columns (guessed from the headers), pick the zone of
 * times without an offset, check the preview, then import. Every change previews again on the
 * server, which also re-validates the whole file on import.
 */
export function CsvImportForm({ preview, commit, timeZones, teamZone, incidentsHref }: { preview: PreviewAction; commit: ImportAction; timeZones: readonly string[]; teamZone: string; incidentsHref: string }) {
  const id = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [mapping, setMapping] = useState<Record<CsvField, number | null> | null>(null);
  const [zone, setZone] = useState(teamZone);
  const [separator, setSeparator] = useState<';' | '|'>(';');
  const [result, setResult] = useState<CsvPreview | null>(null);
  const [message, setMessage] = useState<FormState>({});
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [pending, startTransition] = useTransition();

  function refresh(next: { text?: string; name?: string; mapping?: Record<CsvField, number | null> | null; zone?: string; separator?: ';' | '|' }) {
    const text = next.text ?? file?.text;
    if (!text) return;
    setSkipInvalid(false);
    startTransition(async () => {
      const state = await preview({ fileName: next.name ?? file?.name ?? '', csv: text, mapping: next.mapping === undefined ? (mapping ?? {}) : (next.mapping ?? {}), defaultTimeZone: next.zone ?? zone, servicesSeparator: next.separator ?? separator });
      setMessage(state.preview ? {} : state);
      setResult(state.preview ?? null);
      if (state.preview) setMapping(state.preview.mapping);
    });
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.currentTarget.files?.[0];
    setResult(null);
    setMapping(null);
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_BYTES) {
      setFile(null);
      return setMessage({ fieldErrors: { csv: `${chosen.name} is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; at most 5 MB can be imported at once. Split the file.` } });
    }
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    refresh({ text, name: chosen.name, mapping: null });
  }

  function onMap(field: CsvField, value: string) {
    const next = { ...(mapping ?? ({} as Record<CsvField, number | null>)), [field]: value === '' ? null : Number(value) };
    setMapping(next);
    refresh({ mapping: next });
  }

  function onImport() {
    if (!file || !result) return;
    startTransition(async () => {
      const state = await commit({ fileName: file.name, csv: file.text, mapping: mapping ?? {}, defaultTimeZone: zone, servicesSeparator: separator, skipInvalid, expectedCount: result.valid });
      setMessage(state);
      if (state.ok) {
        setResult(null);
        setFile(null);
      }
    });
  }

  const fileError = message.fieldErrors?.csv;
  const canImport = !!result && result.mappingIssues.length === 0 && result.valid > 0 && (result.invalid === 0 || skipInvalid) && !pending;

  return (
    <div className={styles.importer}>
      <p role={message.ok ? 'status' : 'alert'} className={message.ok ? formStyles.success : message.message ? formStyles.formError : formStyles.empty}>
        {message.message ?? ''} {message.ok ? <Link href={incidentsHref}>See the incidents</Link> : null}
      </p>
      <div className={formStyles.field}>
        <label htmlFor={`${id}-file`} className={formStyles.label}>CSV file</label>
        <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={onFile} aria-invalid={fileError ? true : undefined} aria-describedby={`${id}-file-hint ${id}-file-error`} className={formStyles.input} />
        <p id={`${id}-file-hint`} className={formStyles.hint}>Comma-separated, UTF-8, the first row names the columns. At most 5 MB and 10,000 incidents.</p>
        <p id={`${id}-file-error`} className={formStyles.error} aria-live="polite">{fileError ?? ''}</p>
      </div>
      {result ? (
        <>
          <fieldset className={styles.mapping} disabled={pending}>
            <legend>Columns</legend>
            {CSV_FIELDS.map((field) => (
              <label key={field} className={styles.mapRow}>
                <span>{CSV_FIELD_LABELS[field]}{REQUIRED_FIELDS.includes(field) ? ' (required)' : ''}</span>
                <select className={formStyles.input} value={mapping?.[field] ?? ''} onChange={(e) => onMap(field, e.currentTarget.value)}>
                  <option value="">(not in the file)</option>
                  {result.headers.map((h, i) => (
                    <option key={i} value={i}>{h || `Column ${i + 1}`}</option>
                  ))}
                </select>
              </label>
            ))}
            <label className={styles.mapRow}>
              <span>Time zone of times without an offset</span>
              <select className={formStyles.input} value={zone} onChange={(e) => { setZone(e.currentTarget.value); refresh({ zone: e.currentTarget.value }); }}>
                {timeZones.map((z) => <option key={z} value={z}>{z.replaceAll('_', ' ')}</option>)}
              </select>
            </label>
            <label className={styles.mapRow}>
              <span>Services separated by</span>
              <select className={formStyles.input} value={separator} onChange={(e) => { const s = e.currentTarget.value === '|' ? '|' : ';'; setSeparator(s); refresh({ separator: s }); }}>
                <option value=";">; (semicolon)</option>
                <option value="|">| (vertical bar)</option>
              </select>
            </label>
          </fieldset>
          <CsvPreviewTable preview={result} pending={pending} />
          {result.invalid > 0 && result.valid > 0 ? (
            <label className={styles.skip}>
              <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.currentTarget.checked)} /> Leave out the {result.invalid} {result.invalid === 1 ? 'row' : 'rows'} with errors and import the other {result.valid}
            </label>
          ) : null}
          <button type="button" className={`button button-primary ${styles.importButton}`} disabled={!canImport} aria-disabled={!canImport} onClick={onImport}>
            {pending ? 'Working…' : `Import ${result.valid} ${result.valid === 1 ? 'incident' : 'incidents'}`}
          </button>
        </>
      ) : pending ? <p className={styles.status} role="status">Reading the file…</p> : null}
    </div>
  );
}
