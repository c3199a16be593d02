import pg from 'pg';

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/** Describes a URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Connects once; turns every failure into a one-line DatabaseUnreachableError. */
export async function checkDatabase(url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUnreachableError('DATABASE_URL is not a valid URL (expected postgresql://user:password@host:5432/database)');
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new DatabaseUnreachableError(`DATABASE_URL must start with postgresql:// (got ${parsed.protocol}//)`);
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 8000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new DatabaseUnreachableError(`cannot reach PostgreSQL at ${redactUrl(url)}: ${e.code ? `${e.code} ` : ''}${e.message.split('\n')[0]}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** One connection to `url` for `fn`, always closed afterwards (a dropped connection is not an uncaught error). */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 8000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
