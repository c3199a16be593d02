import { randomUUID } from 'node:crypto';
import { AppError } from '@/lib/errors';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Export id -> fresh id, for an import. A reference to a row the export lacks is a damaged export. */
export class IdMap {
  private readonly map = new Map<string, string>();

  /** A new id for the row `old` (the same one when asked twice). */
  fresh(old: string): string {
    let id = this.map.get(old);
    if (!id) {
      id = randomUUID();
      this.map.set(old, id);
    }
    return id;
  }

  get(old: string): string {
    const id = this.map.get(old);
    if (!id) throw new AppError('VALIDATION', `The export refers to a row (${old}) it does not contain; it is damaged or was edited.`);
    return id;
  }

  optional(old: string | null): string | null {
    return old === null ? null : this.get(old);
  }

  /** A loose reference (no foreign key: e.g. an agenda item's subject, which may have been deleted): rewritten when known. */
  soft(old: string | null): string | null {
    return old === null ? null : (this.map.get(old) ?? old);
  }

  /** Every known id inside a text (agenda keys such as "incident:<id>") rewritten. */
  inText(text: string): string {
    return text.replace(UUID, (id) => this.map.get(id) ?? id);
  }

  /** The same, through every string of a JSON value (revision snapshots). */
  inJson<T>(value: T): T {
    return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'string' ? this.inText(v) : v)) as T;
  }

  /** Rows ordered so that each comes after the row it points at (merge chains); a cycle is a damaged export. */
  static topological<T extends { id: string }>(rows: readonly T[], parent: (row: T) => string | null): T[] {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const done = new Set<string>();
    const out: T[] = [];
    const visit = (row: T, depth: number) => {
      if (done.has(row.id)) return;
      if (depth > rows.length) throw new AppError('VALIDATION', 'The export has a cycle of merged factors; it is damaged or was edited.');
      const up = parent(row);
      const target = up ? byId.get(up) : undefined;
      if (target) visit(target, depth + 1);
      done.add(row.id);
      out.push(row);
    };
    for (const row of rows) visit(row, 0);
    return out;
  }
}
