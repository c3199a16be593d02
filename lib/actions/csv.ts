/**
 * CSV (RFC 4180) for spreadsheets. A cell that a spreadsheet would read as a formula (starting
 * with = + - @, or a tab / carriage return that some strip first) is prefixed with an apostrophe,
 * so an action titled "=HYPERLINK(...)" stays text when the export is opened.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the header first) as one CSV document with CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CSV_HEADER = ['Incident', 'Incident title', 'Action', 'Type', 'Priority', 'Status', 'Owner', 'Owner email', 'Due date', 'Days overdue', 'Completed at (UTC)', 'Factor', 'Ticket URL', "Won't do reason", 'Description', 'Created at (UTC)', 'Id'];

/** One action as a CSV row (the same order as CSV_HEADER). */
export function actionCsvRow(a: {
  id: string;
  title: string;
  description: string;
  type: string;
  priority: string;
  status: string;
  wontDoReason: string | null;
  dueDate: string | null;
  daysOverdue: number;
  completedAt: string | null;
  ticketUrl: string | null;
  owner: { name: string; email: string } | null;
  factor: { name: string } | null;
  incident: { number: number; title: string };
  createdAt: string;
}): (string | number | null)[] {
  return [
    `INC-${a.incident.number}`,
    a.incident.title,
    a.title,
    a.type,
    a.priority,
    a.status,
    a.owner?.name ?? '',
    a.owner?.email ?? '',
    a.dueDate ?? '',
    a.daysOverdue || '',
    a.completedAt ?? '',
    a.factor?.name ?? '',
    a.ticketUrl ?? '',
    a.wontDoReason ?? '',
    a.description,
    a.createdAt,
    a.id,
  ];
}
