/**
 * API token minting, shared by the app and `npm run token` (so no `server-only` here).
 * A token is `hs_<8-char prefix>_<32 random bytes, base64url>`. Only its sha256 and the prefix
 * are stored; the prefix lets people tell tokens apart without the secret.
 */
import { createHash, randomBytes } from 'node:crypto';

const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const PREFIX_LENGTH = 8;
const SECRET_BYTES = 32;

/** Shape check before any database work; 32 bytes are 43 base64url characters. */
export const TOKEN_PATTERN = /^hs_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export interface MintedToken {
  /** The secret, shown once. */
  token: string;
  prefix: string;
  /** sha256 of the token, hex: what ApiToken.tokenHash stores. */
  hash: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function randomPrefix(): string {
  // 256 is a multiple of 32 but not of 36: reject the top bytes so every character is equally likely.
  const limit = 256 - (256 % PREFIX_ALPHABET.length);
  let prefix = '';
  while (prefix.length < PREFIX_LENGTH) {
    for (const byte of randomBytes(PREFIX_LENGTH * 2)) {
      if (byte < limit && prefix.length < PREFIX_LENGTH) prefix += PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length];
    }
  }
  return prefix;
}

export function generateToken(): MintedToken {
  const prefix = randomPrefix();
  const token = `hs_${prefix}_${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { token, prefix, hash: hashToken(token) };
}

/** The prefix of a well-formed token, or null for anything else. */
export function tokenPrefix(token: string): string | null {
  return TOKEN_PATTERN.exec(token)?.[1] ?? null;
}

/** How a token is shown once its secret is gone. */
export function displayPrefix(prefix: string): string {
  return `hs_${prefix}_…`;
}
