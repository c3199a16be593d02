/**
 * Requests to next-auth's own endpoints that next-auth itself would answer with a 500 although the
 * client is at fault: its callback route supports the credentials provider only by POST (the
 * sign-in form's submit), and answers a GET with "500 Callback for provider type credentials not
 * supported". Those get a 405 naming the method that works, before next-auth runs.
 */
export function unsupportedAuthRequest(method: string, segments: readonly string[]): Response | null {
  const [action, providerId] = segments;
  if (action === 'callback' && providerId === 'credentials' && method !== 'POST') {
    return Response.json({ error: 'method_not_allowed', message: 'Password sign-in takes a POST from the sign-in form.' }, { status: 405, headers: { allow: 'POST' } });
  }
  return null;
}
