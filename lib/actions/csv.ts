/** The action board's CSV (escaping and the formula guard live in lib/csv.ts). */
export { csvCell, toCsv } from '@/lib/csv';

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
