/**
 * The largest request body Hindsight takes (the CSV import's 5 MB and the team import's 20 MB
 * travel in server-action bodies). next.config.ts gives it to Next (server actions and the
 * proxy's buffer); the proxy refuses a larger declared body with a 413 up front, because Next
 * would otherwise cut the body at the limit and hand the truncated rest to the action (a 500).
 */
export const MAX_REQUEST_BODY_MB = 21;
const MAX_REQUEST_BODY_BYTES = MAX_REQUEST_BODY_MB * 1024 * 1024;

/** Whether a request's Content-Length declares more than the limit. */
export function isOversizedBody(contentLength: string | null): boolean {
  return contentLength !== null && Number(contentLength) > MAX_REQUEST_BODY_BYTES;
}
