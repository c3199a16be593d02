import NextAuth from 'next-auth';
import { unsupportedAuthRequest } from '@/lib/auth/endpoints';
import { authOptions } from '@/lib/auth/options';

export const dynamic = 'force-dynamic';

// next-auth's own endpoints (sign-in, callbacks, sign-out, CSRF token); they authenticate by design.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const params = await context.params;
  const refused = await unsupportedAuthRequest(request, params.nextauth);
  if (refused) return refused;
  return NextAuth(request as never, { params } as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
