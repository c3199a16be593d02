/**
 * next-auth reports failures as codes (in the ?error= query of its redirects, or in the `error`
 * of signIn(..., { redirect: false })). These are the sentences the sign-in page shows for them.
 */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'Wrong email or password.',
  OAuthAccountNotLinked:
    'That sign-in could not be linked to a Hindsight account: an account with this email already exists and the provider did not confirm the email is yours, or the account is disabled. Sign in with your email and password instead.',
  OAuthSignin: 'Signing in with that provider could not start. Try again, or sign in with your email and password.',
  OAuthCallback: 'The provider did not complete the sign-in. Try again, or sign in with your email and password.',
  OAuthCreateAccount: 'An account could not be created from that provider’s profile. Try again, or create an account with your email.',
  Callback: 'The sign-in could not be completed. Try again.',
  AccessDenied: 'This sign-in was refused. The account may be disabled; ask an administrator.',
  Verification: 'This sign-in link has expired or was already used.',
  Configuration: 'Sign-in is not configured correctly on this server. Ask your administrator.',
  configuration: 'Sign-in is not configured correctly on this server. Ask your administrator.',
  SessionRequired: 'Sign in to see that page.',
};

const GENERIC = 'Signing in did not work. Try again.';

/**
 * For ?error= in the address bar: known codes only. The query is attacker-controlled (anyone can
 * send a link), so free text there is never shown.
 */
export function describeAuthErrorCode(code: string | string[] | undefined): string | null {
  const value = Array.isArray(code) ? code[0] : code;
  if (!value) return null;
  return MESSAGES[value] ?? GENERIC;
}

/**
 * For the error of signIn('credentials', { redirect: false }): it comes from our own server, and
 * lib/auth/credentials.ts throws readable sentences ("Too many failed sign-ins ... Try again in
 * 15 minutes."), which next-auth passes through verbatim. Codes are translated.
 */
export function describeSignInResult(error: string | null | undefined): string {
  if (!error) return GENERIC;
  return MESSAGES[error] ?? error;
}
