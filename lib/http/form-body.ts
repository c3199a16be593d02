/**
 * A POST with a multipart body to a page is a server action call: from the app's own script (with
 * a Next-Action header) or from a form posted before the script loaded (the action id travels in
 * the form). Next parses that body itself and answers one it cannot parse with a bare 500, before
 * any Hindsight code runs. The proxy, which has the body buffered anyway, parses it first: an
 * unreadable one is the client's fault, a 400.
 */
export async function isUnreadableFormPost(request: Request, pathname: string): Promise<boolean> {
  if (request.method !== 'POST' || pathname.startsWith('/api/')) return false;
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(type.trim())) return false;
  try {
    await request.clone().formData();
    return false;
  } catch {
    return true;
  }
}
