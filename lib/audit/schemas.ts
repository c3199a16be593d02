import { z } from 'zod';
import { pgText } from '@/lib/pg-text';

export const AUDIT_PAGE_SIZE = 50;

/** Search params arrive as string | string[] | undefined; filters use the first value. */
const param = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v === '' ? undefined : v), schema.optional()).catch(undefined);

const day = pgText().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

/**
 * The audit log page's query string. A malformed value is dropped rather than refused: a
 * hand-edited URL shows the unfiltered log instead of an error page.
 */
export const auditFiltersSchema = z.object({
  /** Action group: the part before the first dot ("token" matches token.create, token.use ...). */
  action: param(pgText().regex(/^[a-z][a-z_]{0,39}$/)),
  /** "user:<uuid>", "token:<uuid>" or "system". */
  actor: param(pgText().regex(/^(system|(user|token):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i)),
  /** UTC calendar days, both inclusive. */
  from: param(day),
  to: param(day),
  /** Keyset cursors: `before` pages to older rows, `after` to newer ones. */
  before: param(pgText().max(200)),
  after: param(pgText().max(200)),
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;
