/**
 * What must never reach a client: a stack trace, a source path or a database message. Shared by
 * the integration and end-to-end fuzz tests.
 */
export const LEAK_PATTERNS: readonly RegExp[] = [
  /\n\s+at /,
  /node_modules/,
  /\.tsx?:\d/,
  /\.ts:/,
  /Prisma/i,
  /SQLSTATE/,
  /relation "/,
  /invalid input syntax/,
  /violates/,
  /duplicate key/,
  /ECONNREFUSED/,
  /\bP20\d\d\b/,
];

/** The first leak pattern `text` matches, or null. */
export function leakIn(text: string): RegExp | null {
  return LEAK_PATTERNS.find((p) => p.test(text)) ?? null;
}

/**
 * Generated strings must not contain the leak patterns themselves: an endpoint that echoes (or
 * stores and later shows) its input would otherwise be reported as leaking.
 */
export function withoutLeaks(text: string): string {
  let clean = text;
  for (let i = 0; i < 5 && leakIn(clean); i++) for (const p of LEAK_PATTERNS) clean = clean.replace(new RegExp(p.source, `${p.flags.replace('g', '')}g`), '_');
  return leakIn(clean) ? '' : clean;
}
