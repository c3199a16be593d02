/**
 * Versions (optimistic concurrency) are PostgreSQL `integer` columns. A larger number is no
 * version of any row, and sending it to the database fails the whole query (a 500), so every
 * version schema caps it here and answers a field error instead.
 */
export const MAX_ROW_VERSION = 2_147_483_647;
export const VERSION_TOO_LARGE = 'Not a version of this record: reload and try again.';
