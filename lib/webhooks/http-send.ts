import { signBody, SIGNATURE_HEADER } from './signature';
import packageJson from '@/package.json';

/** One POST of a webhook body: what the delivery log records of it. */
export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  responseSnippet: string | null;
  durationMs: number;
}

export const USER_AGENT = `Hindsight-Webhooks/${packageJson.version}`;
export const SEND_TIMEOUT_MS = 10_000;
const SNIPPET_BYTES = 500;

/** The first `max` bytes of a response body (the rest is not downloaded). */
async function readSnippet(response: Response, max = SNIPPET_BYTES): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const text = Buffer.concat(chunks).subarray(0, max).toString('utf8');
  return text || null;
}

/** The most specific reason in an error's cause chain ("ECONNREFUSED: connect … 127.0.0.1:9" over "fetch failed"). */
function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `Timed out after ${timeoutMs / 1000} s`;
  let fallback = error instanceof Error ? error.message : String(error);
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof e.code === 'string' && e.code !== 'UND_ERR') return typeof e.message === 'string' && e.message ? `${e.code}: ${e.message}` : e.code;
    if (typeof e.message === 'string' && e.message) fallback = e.message;
    // A host with several addresses fails with an AggregateError of the attempts.
    current = e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined);
  }
  return fallback;
}

/**
 * POSTs `body` exactly as given, signed with `secret`. Redirects are not followed (a 3xx is a
 * failure: the signature was made for this URL, and a redirect could point anywhere). Never throws.
 */
export async function sendWebhook(url: string, body: string, headers: { event: string; deliveryId: string; secret: string }, timeoutMs = SEND_TIMEOUT_MS): Promise<SendResult> {
  const started = performance.now();
  const duration = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'x-hindsight-event': headers.event,
        'x-hindsight-delivery': headers.deliveryId,
        [SIGNATURE_HEADER]: signBody(headers.secret, body),
      },
    });
    const responseSnippet = await readSnippet(response).catch(() => null);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}${response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : ''}`, responseSnippet, durationMs: duration() };
  } catch (error) {
    return { ok: false, statusCode: null, error: describeError(error, timeoutMs).slice(0, 500), responseSnippet: null, durationMs: duration() };
  }
}
