'use server';

import { revalidatePath } from 'next/cache';
import { toFormState, type FormState } from '@/lib/forms';
import { commitCsvImport, previewCsvImport, type CsvPreview } from '@/lib/imports/csv-import';
import { actionActor } from '@/lib/teams/session-actor';

// actionActor checks the session and the membership; the domain functions check the role
// (editor) and re-validate everything: the preview the browser shows is never trusted.

export interface CsvPreviewState extends FormState {
  preview?: CsvPreview;
}

export async function previewCsvImportAction(slug: string, input: unknown): Promise<CsvPreviewState> {
  try {
    const actor = await actionActor(slug);
    return { preview: await previewCsvImport(actor, input) };
  } catch (error) {
    return toFormState(error);
  }
}

export async function importCsvAction(slug: string, input: unknown): Promise<FormState> {
  let result: Awaited<ReturnType<typeof commitCsvImport>>;
  try {
    const actor = await actionActor(slug);
    result = await commitCsvImport(actor, input);
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(`/t/${encodeURIComponent(slug)}`, 'layout');
  const range = result.firstNumber === result.lastNumber ? `INC-${result.firstNumber}` : `INC-${result.firstNumber} to INC-${result.lastNumber}`;
  const skipped = result.skipped ? ` ${result.skipped} ${result.skipped === 1 ? 'row was' : 'rows were'} left out.` : '';
  return { ok: true, message: `Imported ${result.imported} ${result.imported === 1 ? 'incident' : 'incidents'} (${range}).${skipped}` };
}
