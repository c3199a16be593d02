import { describe, expect, it } from 'vitest';
import { AppError, isDatabaseUnavailable, markIfDatabaseUnavailable, UNAVAILABLE_DIGEST } from './errors';

describe('isDatabaseUnavailable', () => {
  it('treats a statement cancelled by statement_timeout as unavailable (503), raw queries included', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('Raw query failed. Code: `57014`.'), { code: 'P2010', meta: { code: '57014', message: 'canceling statement due to statement timeout' } }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Raw query failed. Code: `23505`.'), { code: 'P2010', meta: { code: '23505' } }))).toBe(false);
  });

  it('reads the SQLSTATE of a model query from the driver adapter error Prisma carries in meta', () => {
    const adapterError = (code: string) => Object.assign(new Error('database error'), { cause: { kind: 'postgres', code, originalCode: code } });
    const modelError = (code: string) => Object.assign(new Error(`Database error. Code: \`${code}\`.`), { code: 'P2039', meta: { modelName: 'Incident', driverAdapterError: adapterError(code) } });
    expect(isDatabaseUnavailable(modelError('57014'))).toBe(true);
    expect(isDatabaseUnavailable(modelError('23505'))).toBe(false);
  });

  it('treats a transaction that got no pooled connection in time as unavailable, but not one that ran out its own time', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Transaction API error: Transaction already closed: A query cannot be executed on an expired transaction.'), { code: 'P2028' }))).toBe(false);
  });

  it('recognises connection failures anywhere in the cause chain', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: new Error('timeout exceeded when trying to connect') }))).toBe(true);
    expect(isDatabaseUnavailable({ name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
  });

  it('does not mistake ordinary errors for an outage', () => {
    expect(isDatabaseUnavailable(new Error('duplicate key value violates unique constraint'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('unique'), { code: 'P2002' }))).toBe(false);
    expect(isDatabaseUnavailable(new AppError('NOT_FOUND', 'Incident not found'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('survives cyclic causes', () => {
    const a: { message: string; cause?: unknown } = { message: 'a' };
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe('markIfDatabaseUnavailable', () => {
  it('gives an unreachable-database error the digest the error page recognises, and leaves other errors alone', () => {
    const down = markIfDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) as { digest?: string };
    expect(down.digest?.startsWith(UNAVAILABLE_DIGEST)).toBe(true);
    expect('digest' in (markIfDatabaseUnavailable(new Error('unique')) as object)).toBe(false);
    const routed = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', digest: 'NEXT_REDIRECT' });
    expect((markIfDatabaseUnavailable(routed) as { digest: string }).digest).toBe('NEXT_REDIRECT');
  });
});
