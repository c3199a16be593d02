import 'server-only';
import { AppError } from '@/lib/errors';

/** The JSON object body of an API request; a missing or malformed body is a 422, not a 500. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError('VALIDATION', 'The request body must be a JSON object.', { fields: [{ path: [], message: 'The request body must be a JSON object.' }] });
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('VALIDATION', 'The request body must be a JSON object.', { fields: [{ path: [], message: 'The request body must be a JSON object.' }] });
  }
  return body as Record<string, unknown>;
}
