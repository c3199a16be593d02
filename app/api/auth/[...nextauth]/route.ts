import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

export const dynamic = 'force-dynamic';

// next-auth's own endpoints (sign-in, callbacks, sign-out, CSRF token); they authenticate by design.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, { params: await context.params } as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
