import 'server-only';
import { AppError } from '@/lib/errors';

/** A request's JSON body, or a 422 saying it is not JSON (instead of a generic 500). */
export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError('VALIDATION', 'The request body must be JSON', { fields: [{ path: [], message: 'The request body must be JSON' }] });
  }
}
