import { CATEGORY_LABEL, FACTOR_CATEGORIES } from '@/lib/factors/schemas';

/** The category choices of the factor forms. */
export const CATEGORY_OPTIONS = FACTOR_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABEL[value] }));

/** Action item statuses as the factor pages show them (the action items pages own editing them). */
export const ACTION_STATUS_LABEL: Record<string, string> = { open: 'Open', in_progress: 'In progress', done: 'Done', wont_do: 'Won’t do' };

/** "due 2026-03-01", "owner Priya" ... for one action item line. */
export function actionDetails(a: { owner: string | null; dueDate: Date | null }): string {
  return [a.owner ? `owner ${a.owner}` : 'no owner', a.dueDate ? `due ${a.dueDate.toISOString().slice(0, 10)}` : null].filter(Boolean).join(', ');
}
