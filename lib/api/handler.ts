import 'server-only';
import { authorize, type Actor, type Role } from '@/lib/teams/access';
import { errorResponse, route } from '@/lib/http/route';
import { authenticateBearer, BearerError } from '@/lib/tokens/bearer';

type ApiHandler<P> = (request: Request, context: { params: Promise<P> }, actor: Actor) => Promise<Response>;

/** The 401 challenge of RFC 6750: say what is wrong without saying which tokens exist. */
function challenge(error: BearerError): string {
  const realm = 'realm="hindsight"';
  if (error.problem === 'missing') return `Bearer ${realm}`;
  return `Bearer ${realm}, error="invalid_token", error_description="The token is invalid or has been revoked"`;
}

/**
 * A `/api/v1` route handler: bearer-token authentication, then the token's role must be at least
 * `needed` (403 otherwise), then `handler` runs with the token's actor. Built on route(), so
 * every error maps to the same JSON responses as the rest of the app.
 */
export function apiRoute<P = Record<string, never>>(needed: Role, handler: ApiHandler<P>) {
  return route<P>(async (request, context, { requestId }) => {
    let actor: Actor;
    try {
      actor = await authenticateBearer(request, requestId);
    } catch (error) {
      const response = errorResponse(error, requestId);
      if (error instanceof BearerError) response.headers.set('www-authenticate', challenge(error));
      return response;
    }
    authorize(actor, needed, 'use this endpoint');
    const response = await handler(request, context, actor);
    response.headers.set('cache-control', 'no-store');
    return response;
  });
}
