import 'server-only';
import { writeAudit } from '@/lib/audit/write';
import { db } from '@/lib/db';
import { AppError, conflict } from '@/lib/errors';
import { insertIncident } from '@/lib/incidents/mutations';
import { authorize, type Actor } from '@/lib/teams/access';
import { CSV_FIELDS, guessMapping, type CsvField } from './csv-fields';
import { checkRows, CsvFileError, mappingIssues, readCsv, type CheckedRow, type CsvTable, type RowIssue } from './csv-rows';
import { csvCommitSchema, csvImportRequestSchema, type CsvImportRequest } from './csv-schemas';

/**
 * The CSV import of historic incidents (editors and above, like declaring one). The preview
 * writes nothing; the import re-reads and re-validates the whole file on the server and writes
 * every accepted row in ONE transaction through insertIncident (numbers, services, template
 * sections, one audit row each; no webhook events), plus one audit row for the import.
 */

export const PREVIEW_ROWS = 20;
const MAX_LISTED_ERRORS = 200;

export interface CsvPreview {
  headers: string[];
  mapping: Record<CsvField, number | null>;
  mappingIssues: RowIssue[];
  total: number;
  valid: number;
  invalid: number;
  /** The first rows as they would be imported. */
  rows: { row: number; title: string; severity: string | null; kind: string | null; startedAt: string | null; resolvedAt: string | null; services: string[]; ok: boolean }[];
  /** Every problem (up to 200), by row and column. */
  errors: { row: number; column: string; message: string }[];
}

function load(input: CsvImportRequest): { table: CsvTable; mapping: Record<CsvField, number | null> } {
  let table: CsvTable;
  try {
    table = readCsv(input.csv);
  } catch (error) {
    if (error instanceof CsvFileError) throw new AppError('VALIDATION', error.message, { fields: [{ path: ['csv'], message: error.message }] });
    throw error;
  }
  const given = Object.values(input.mapping).some((v) => v !== null && v !== undefined);
  const mapping = given ? (Object.fromEntries(CSV_FIELDS.map((f) => [f, input.mapping[f] ?? null])) as Record<CsvField, number | null>) : guessMapping(table.headers);
  return { table, mapping };
}

function check(input: CsvImportRequest, table: CsvTable, mapping: Record<CsvField, number | null>): CheckedRow[] {
  return checkRows(table, { mapping, defaultTimeZone: input.defaultTimeZone, servicesSeparator: input.servicesSeparator });
}

export async function previewCsvImport(actor: Actor, raw: unknown): Promise<CsvPreview> {
  authorize(actor, 'editor', 'import incidents');
  const input = csvImportRequestSchema.parse(raw);
  const { table, mapping } = load(input);
  const problems = mappingIssues(table.headers, mapping);
  const checked = problems.length ? [] : check(input, table, mapping);
  const valid = checked.filter((r) => r.data).length;
  return {
    headers: table.headers,
    mapping,
    mappingIssues: problems,
    total: table.rows.length,
    valid,
    invalid: checked.length - valid,
    rows: checked.slice(0, PREVIEW_ROWS).map((r) => ({
      row: r.row,
      title: r.data?.title ?? '',
      severity: r.data?.severity ?? null,
      kind: r.data?.kind ?? null,
      startedAt: r.data?.startedAt.toISOString() ?? null,
      resolvedAt: r.data?.resolvedAt?.toISOString() ?? null,
      services: r.data?.services ?? [],
      ok: r.data !== null,
    })),
    errors: checked.flatMap((r) => r.issues.map((i) => ({ row: r.row, ...i }))).slice(0, MAX_LISTED_ERRORS),
  };
}

export interface CsvImportResult {
  imported: number;
  skipped: number;
  firstNumber: number | null;
  lastNumber: number | null;
}

export async function commitCsvImport(actor: Actor, raw: unknown): Promise<CsvImportResult> {
  authorize(actor, 'editor', 'import incidents');
  const input = csvCommitSchema.parse(raw);
  const { table, mapping } = load(input);
  const problems = mappingIssues(table.headers, mapping);
  if (problems.length) throw new AppError('VALIDATION', problems[0]?.message ?? 'Map the required columns.', { fields: problems.map((p) => ({ path: ['mapping'], message: p.message })) });
  const checked = check(input, table, mapping);
  const accepted = checked.flatMap((r) => (r.data ? [r.data] : []));
  const skipped = checked.length - accepted.length;
  if (skipped > 0 && !input.skipInvalid) {
    throw new AppError('VALIDATION', `${skipped} ${skipped === 1 ? 'row has' : 'rows have'} errors. Fix the file, or confirm that those rows are left out. Nothing was imported.`);
  }
  if (accepted.length === 0) throw new AppError('VALIDATION', 'No row of the file can be imported. Nothing was imported.');
  if (accepted.length !== input.expectedCount) {
    throw conflict(`The preview promised ${input.expectedCount} incidents but the file now gives ${accepted.length}. Preview it again; nothing was imported.`);
  }
  // Thousands of rows are thousands of small inserts: allow more than the default 5 s.
  return db.$transaction(
    async (tx) => {
      const numbers: number[] = [];
      for (const data of accepted) numbers.push((await insertIncident(tx, actor, data, { auditAction: 'incident.import' })).number);
      const result = { imported: accepted.length, skipped, firstNumber: numbers[0] ?? null, lastNumber: numbers[numbers.length - 1] ?? null };
      await writeAudit(tx, {
        teamId: actor.teamId,
        actorId: actor.userId,
        actorToken: actor.tokenId,
        ip: actor.ip,
        requestId: actor.requestId,
        action: 'incidents.import_csv',
        entity: 'team',
        entityId: actor.teamId,
        after: { fileName: input.fileName, rows: checked.length, ...result, skippedRows: checked.filter((r) => !r.data).map((r) => r.row) },
      });
      return result;
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}
