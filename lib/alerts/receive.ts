import 'server-only';
import { AppError } from '@/lib/errors';
import { clientIp } from '@/lib/http/client-ip';
import { publicOrigin } from '@/lib/http/origin';
import { authenticateAlert } from './authenticate';
import { ingestAlerts, type AlertResult } from './ingest';
import { normalizeAlerts } from './normalize';
import { ALERT_SOURCES, type AlertSourceName } from './schemas';

/** Alert payloads are small; Alertmanager's largest groups stay far below this. */
export const ALERT_BODY_LIMIT = 1024 * 1024;

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

export function isAlertSource(value: string): value is AlertSourceName {
  return (ALERT_SOURCES as readonly string[]).includes(value);
}

/** The raw body bytes, refusing (without reading on) once they pass `limit`. */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw new BodyTooLargeError();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function invalid(message: string): AppError {
  return new AppError('VALIDATION', message, { fields: [{ path: [], message }] });
}

function parseJson(request: Request, body: Uint8Array): unknown {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type.trim())) throw invalid('Send the alert as JSON (Content-Type: application/json).');
  try {
    return JSON.parse(Buffer.from(body).toString('utf8')) as unknown;
  } catch {
    throw invalid('The request body is not valid JSON.');
  }
}

/**
 * One alert delivery: authenticate the raw bytes, then parse the source's shape (422 naming the
 * field when it is not one), then ingest. 202 when anything was recorded, 200 for a pure replay.
 */
export async function receiveAlerts(request: Request, source: AlertSourceName, requestId: string): Promise<{ status: number; results: AlertResult[] }> {
  const url = new URL(request.url);
  const ip = clientIp(request.headers);
  const body = await readLimitedBody(request, ALERT_BODY_LIMIT);
  const integration = await authenticateAlert(request, source, url.searchParams.get('team') ?? '', body, { ip, requestId });
  const alerts = normalizeAlerts(source, parseJson(request, body));
  const baseUrl = publicOrigin(request.headers, request.url);
  const results = await ingestAlerts(integration, alerts, { baseUrl, ip, requestId });
  return { status: results.some((r) => r.outcome !== 'duplicate') ? 202 : 200, results };
}
