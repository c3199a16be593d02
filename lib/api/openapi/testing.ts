import { z } from 'zod';
import { openApiDocument } from './document';
import { OPERATIONS } from './operations';
import { conflictErrorSchema, errorSchema, validationErrorSchema } from './responses';

/**
 * For the API tests: wraps a route handler so that every response it gives is checked against
 * the operation's entry in the OpenAPI document: its status must be documented, and its body must
 * parse with the (strict) zod schema the document was generated from. A route that starts sending
 * an undocumented field or status fails the tests that exercise it.
 */
type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

const errorBody = (status: number): z.ZodType => (status === 409 ? conflictErrorSchema : status === 422 ? validationErrorSchema : errorSchema);

export function documented<P>(operationId: string, handler: Handler<P>): Handler<P> {
  const op = OPERATIONS.find((o) => o.id === operationId);
  if (!op) throw new Error(`No operation ${operationId} in lib/api/openapi/operations.ts`);
  const pattern = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
  const statuses = Object.keys(openApiDocument().paths[op.path]?.[op.method]?.responses as object);
  return async (request, context) => {
    const where = `${op.method.toUpperCase()} ${op.path} (${operationId})`;
    if (request.method !== op.method.toUpperCase() || !pattern.test(new URL(request.url).pathname)) {
      throw new Error(`${where} called as ${request.method} ${new URL(request.url).pathname}`);
    }
    const response = await handler(request, context);
    const { status } = response;
    if (!statuses.includes(String(status))) throw new Error(`${where} answered ${status}; its OpenAPI entry documents ${statuses.join(', ')}`);
    const schema = status === op.ok.status ? op.ok.schema : (op.alsoReturns?.find((r) => r.status === status)?.schema ?? errorBody(status));
    const parsed = schema.safeParse(await response.clone().json());
    if (!parsed.success) throw new Error(`${where} answered ${status} with a body its OpenAPI entry does not describe:\n${z.prettifyError(parsed.error)}`);
    if (status === op.ok.status && op.ok.location && !response.headers.get('location')) throw new Error(`${where} answered ${status} without a location header`);
    return response;
  };
}
