import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import type { Provider } from 'next-auth/providers/index';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { applyAuthRuntimeEnv, authSecret, env } from '@/lib/env';
import { clientIp } from '@/lib/http/client-ip';
import { publicSignInError, signInWithPassword } from './credentials';
import { resolveOAuthUser } from './oauth';

applyAuthRuntimeEnv();

const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

function oauthProviders(): Provider[] {
  const e = env();
  const providers: Provider[] = [];
  if (e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET) providers.push(GitHubProvider({ clientId: e.GITHUB_CLIENT_ID, clientSecret: e.GITHUB_CLIENT_SECRET }));
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) providers.push(GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET }));
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: 'oidc',
      name: e.OIDC_NAME,
      type: 'oauth',
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      idToken: true,
      checks: ['pkce', 'state'],
      authorization: { params: { scope: 'openid email profile' } },
      profile(profile: { sub: string; email?: string; name?: string; email_verified?: boolean }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null, emailVerified: profile.email_verified === true };
      },
    });
  }
  return providers;
}

/** The sign-in methods shown on the sign-in page, besides email and password. */
export function oauthProviderList(): { id: string; name: string }[] {
  return oauthProviders().map((p) => ({ id: p.id, name: p.name }));
}

/**
 * Sessions are JWTs that carry the user id and the user's sessionVersion at sign-in. Every
 * request re-reads the user (lib/auth/session.ts): "sign out everywhere" and disabling bump or
 * set fields there, so old sessions stop working on their next request; roles are always read
 * fresh from the membership, never from the token.
 */
export function authOptions(): NextAuthOptions {
  const e = env();
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
    useSecureCookies: e.APP_URL?.startsWith('https://') ?? false,
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          // Errors thrown here reach the sign-in form as its message (next-auth passes them through):
          // only our own sentences, never a database error's text.
          try {
            const user = await signInWithPassword({ email: credentials?.email, password: credentials?.password }, clientIp(request.headers ?? {}));
            return { id: user.id, sessionVersion: user.sessionVersion };
          } catch (error) {
            throw publicSignInError(error);
          }
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.type === 'credentials') return true;
        const verified =
          (profile as { email_verified?: boolean } | undefined)?.email_verified === true || (user as { emailVerified?: boolean }).emailVerified === true;
        const resolved = await resolveOAuthUser({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email ?? null,
          emailVerified: verified,
          name: user.name ?? null,
        });
        if (!resolved) return '/sign-in?error=OAuthAccountNotLinked';
        Object.assign(user, { id: resolved.id, sessionVersion: resolved.sessionVersion });
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
  };
}
