import 'server-only';
import { revalidatePath } from 'next/cache';

/** After a change: the team's pages that show actions (board, incident tabs) and "My actions". */
export function revalidateActions(slug: string): void {
  revalidatePath(`/t/${encodeURIComponent(slug)}`, 'layout');
  revalidatePath('/actions');
}
