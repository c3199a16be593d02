import 'server-only';
import { db } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/errors';
import { MIGRATION_NAMES } from '@/lib/generated/migrations';

export type Readiness = { ready: true } | { ready: false; reason: string };

const TIMEOUT_MS = 4500;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error('readiness check timed out'), { code: 'ETIMEDOUT' })), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

/** Ready = the database answers within a few seconds and every migration this build expects is applied. */
export async function checkReadiness(): Promise<Readiness> {
  try {
    const rows = await withTimeout(
      db.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      TIMEOUT_MS,
    );
    const applied = new Set(rows.map((r) => r.name));
    const pending = MIGRATION_NAMES.filter((n) => !applied.has(n));
    if (pending.length) return { ready: false, reason: `pending migrations: ${pending.join(', ')} (run npm run db:migrate)` };
    return { ready: true };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ready: false, reason: 'database unreachable' };
    const code = (error as { code?: string }).code;
    // 42P01: no migrations table yet
    if (code === '42P01' || /_prisma_migrations/.test(String((error as Error).message))) return { ready: false, reason: 'database has no migrations applied (run npm run db:migrate)' };
    return { ready: false, reason: 'database check failed' };
  }
}
