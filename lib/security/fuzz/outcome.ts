import { leakIn } from './leaks';

/** Thrown inside a property when an entry point answers what Next would send as a 5xx, or leaks. */
export class FuzzFailure extends Error {}

const MAX_SHOWN = 600;

function shown(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length} chars)` : text;
}

/** A route's answer: below 500 and no stack trace or database text in the body. */
export async function checkResponse(where: string, response: Response): Promise<void> {
  const text = await response.text();
  if (response.status >= 500) throw new FuzzFailure(`${where} answered ${response.status}: ${shown(text)}`);
  const leak = leakIn(text);
  if (leak) throw new FuzzFailure(`${where} answered ${response.status} with ${leak} in its body: ${shown(text)}`);
}

/** Next's redirect() and notFound()/forbidden() throw these; Next answers them with 303/404/403, never 500. */
export function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND');
}

/** A server action's outcome: a returned state without leaks, or a redirect/notFound. Anything else thrown is a 500. */
export async function checkAction(where: string, call: () => Promise<unknown>): Promise<void> {
  let result: unknown;
  try {
    result = await call();
  } catch (error) {
    if (isNextControlFlow(error)) return;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new FuzzFailure(`${where} threw (Next answers 500): ${shown(detail)}`);
  }
  const text = JSON.stringify(result) ?? '';
  const leak = leakIn(text);
  if (leak) throw new FuzzFailure(`${where} returned ${leak}: ${shown(text)}`);
}
