import { parse } from 'csv-parse/sync';
import { createIncidentSchema, type CreateIncidentInput } from '@/lib/incidents/incident-schemas';
import { isTimeZone } from '@/lib/time-zone';
import { CSV_FIELD_LABELS, CSV_FIELDS, readKind, readServices, readSeverity, REQUIRED_FIELDS, type CsvField, type CsvMapping } from './csv-fields';
import { readTimestamp } from './csv-time';

/**
 * The CSV import from text to validated incidents, row by row. Pure: the preview and the server's
 * commit run the same code, and the commit never trusts what the preview said. Each row goes
 * through createIncidentSchema, so order rules and limits are exactly those of the form and API.
 */

export const CSV_MAX_BYTES = 5 * 1024 * 1024;
export const CSV_MAX_ROWS = 10_000;

export interface CsvTable {
  headers: string[];
  rows: string[][];
}

export class CsvFileError extends Error {
  override name = 'CsvFileError';
}

/** Parses the file (comma-separated, quoted per RFC 4180, a UTF-8 BOM allowed); throws CsvFileError with a readable message. */
export function readCsv(text: string): CsvTable {
  if (new TextEncoder().encode(text).length > CSV_MAX_BYTES) throw new CsvFileError(`The file is larger than ${CSV_MAX_BYTES / 1024 / 1024} MB; split it into smaller files.`);
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: false }) as string[][];
  } catch (error) {
    throw new CsvFileError(`The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [headers, ...rows] = records;
  if (!headers || headers.every((h) => !h.trim())) throw new CsvFileError('The file is empty: the first row must name the columns.');
  if (rows.length === 0) throw new CsvFileError('The file has a header row but no incidents below it.');
  if (rows.length > CSV_MAX_ROWS) throw new CsvFileError(`The file has ${rows.length.toLocaleString('en')} rows; at most ${CSV_MAX_ROWS.toLocaleString('en')} can be imported at once.`);
  return { headers: headers.map((h) => h.trim()), rows };
}

export interface CsvOptions {
  mapping: CsvMapping;
  /** Zone of timestamps without an offset when the row names none. */
  defaultTimeZone: string;
  /** Separator of several services in one cell. */
  servicesSeparator: string;
}

export interface RowIssue {
  /** The column header (or the field when it is not mapped). */
  column: string;
  message: string;
}

export interface CheckedRow {
  /** The row as a spreadsheet numbers it: the header is row 1, the first incident row 2. */
  row: number;
  issues: RowIssue[];
  data: CreateIncidentInput | null;
}

/** Problems with the mapping itself (a required field without a column, a column out of range). */
export function mappingIssues(headers: readonly string[], mapping: CsvMapping): RowIssue[] {
  const issues: RowIssue[] = [];
  for (const field of REQUIRED_FIELDS) {
    if (mapping[field] === null || mapping[field] === undefined) issues.push({ column: CSV_FIELD_LABELS[field], message: `Choose the column that holds “${CSV_FIELD_LABELS[field]}”.` });
  }
  for (const field of CSV_FIELDS) {
    const index = mapping[field];
    if (index !== null && index !== undefined && (index < 0 || index >= headers.length)) issues.push({ column: CSV_FIELD_LABELS[field], message: 'That column is not in the file.' });
  }
  return issues;
}

const TIME_FIELDS = ['startedAt', 'detectedAt', 'acknowledgedAt', 'mitigatedAt', 'resolvedAt'] as const;

/** Validates every row; `now` is the "not in the future" reference (the schema's tolerance applies). */
export function checkRows(table: CsvTable, options: CsvOptions): CheckedRow[] {
  const { mapping } = options;
  const columnName = (field: CsvField) => {
    const index = mapping[field];
    return index === null || index === undefined ? CSV_FIELD_LABELS[field] : table.headers[index] || `Column ${index + 1}`;
  };
  const cell = (row: string[], field: CsvField) => {
    const index = mapping[field];
    return index === null || index === undefined ? '' : (row[index] ?? '').trim();
  };

  return table.rows.map((row, i) => {
    const issues: RowIssue[] = [];
    const issue = (field: CsvField, message: string) => issues.push({ column: columnName(field), message });

    let zone = options.defaultTimeZone;
    const rowZone = cell(row, 'timeZone');
    if (rowZone) {
      if (isTimeZone(rowZone)) zone = rowZone;
      else issue('timeZone', `“${rowZone}” is not an IANA time zone such as Europe/Berlin or America/New_York.`);
    }

    const severityText = cell(row, 'severity');
    const severity = readSeverity(severityText);
    if (!severity) issue('severity', severityText ? `“${severityText}” is not a severity: use SEV1-SEV4, 1-4, P1-P4 or critical/major/medium/minor.` : 'Severity is empty.');
    const kindText = cell(row, 'kind');
    const kind = readKind(kindText);
    if (!kind) issue('kind', `“${kindText}” is not a kind: use incident or drill.`);

    const times: Partial<Record<(typeof TIME_FIELDS)[number], Date | null>> = {};
    for (const field of TIME_FIELDS) {
      const text = cell(row, field);
      if (!text) {
        if (field === 'startedAt') issue(field, 'Started at is empty; every incident needs its start.');
        else times[field] = null;
        continue;
      }
      const reading = readTimestamp(text, zone);
      if ('error' in reading) issue(field, reading.error);
      else times[field] = reading.at;
    }
    if (issues.length) return { row: i + 2, issues, data: null };

    const parsed = createIncidentSchema.safeParse({
      title: cell(row, 'title'),
      severity,
      kind,
      summary: cell(row, 'summary'),
      customerImpact: cell(row, 'customerImpact'),
      services: readServices(cell(row, 'services'), options.servicesSeparator),
      ...times,
    });
    if (parsed.success) return { row: i + 2, issues, data: parsed.data };
    for (const zodIssue of parsed.error.issues) {
      const field = zodIssue.path[0];
      issue(typeof field === 'string' && (CSV_FIELDS as readonly string[]).includes(field) ? (field as CsvField) : 'title', zodIssue.message);
    }
    return { row: i + 2, issues, data: null };
  });
}
