export type AppErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'VALIDATION' | 'UNAVAILABLE' | 'RATE_LIMITED';

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** The one error type the domain layer throws; route handlers and actions map it by code. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: { fields?: FieldIssue[]; current?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'Not found') => new AppError('NOT_FOUND', what);
export const forbidden = (what = 'You do not have access to this') => new AppError('FORBIDDEN', what);
export const conflict = (message: string, current?: unknown) => new AppError('CONFLICT', message, { current });

const UNAVAILABLE_CODES = new Set([
  // Prisma: cannot reach / timed out / closed / pool timeout
  'P1001', 'P1002', 'P1008', 'P1017', 'P2024',
  // node / pg socket errors
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH',
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, too many connections, and a
  // statement cancelled by statement_timeout (an overloaded database: retry later, not a bug)
  '57P01', '57P02', '57P03', '53300', '57014',
]);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'SocketTimeout', 'ConnectionClosed', 'TooManyConnections', 'DatabaseDoesNotExist']);
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /Connection terminated unexpectedly/i,
  /Can't reach database server/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down)/i,
  // Prisma P2028 when no pooled connection came within the transaction's maxWait (pool exhausted).
  /Unable to start a transaction in the given time/i,
];

/**
 * True when an error (or any error in its cause chain, or the driver adapter's error a Prisma
 * error carries in meta.driverAdapterError) means "the database cannot be reached now".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length) {
    const current = pending.pop();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const e = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; meta?: { code?: unknown; driverAdapterError?: unknown } };
    // A raw query's database error arrives as P2010 with the SQLSTATE in meta.code.
    if (typeof e.meta?.code === 'string' && UNAVAILABLE_CODES.has(e.meta.code)) return true;
    if (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
    if (typeof e.originalCode === 'string' && (UNAVAILABLE_CODES.has(e.originalCode) || e.originalCode.startsWith('08'))) return true;
    if (typeof e.kind === 'string' && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(e.message as string))) return true;
    // A model query's database error (e.g. P2039 for a statement timeout) keeps the SQLSTATE there.
    pending.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}

/**
 * The digest prefix of page errors caused by an unreachable database. In production Next.js hides
 * a server error's message from the browser but keeps its digest, so the error page reads this.
 */
export const UNAVAILABLE_DIGEST = 'db-unavailable';

/** Tags a database-unavailable error with the UNAVAILABLE digest (unique per error, for the log); returns it. */
export function markIfDatabaseUnavailable(error: unknown): unknown {
  if (error && typeof error === 'object' && !('digest' in error) && isDatabaseUnavailable(error)) {
    Object.assign(error, { digest: `${UNAVAILABLE_DIGEST}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}` });
  }
  return error;
}
