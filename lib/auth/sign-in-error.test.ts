import { describe, expect, it } from 'vitest';
import { publicSignInError, SIGN_IN_FAILED, SIGN_IN_UNAVAILABLE, SignInRefused, WRONG_CREDENTIALS } from './credentials';

describe('publicSignInError (what next-auth may hand to the browser)', () => {
  it('keeps our own refusals word for word', () => {
    const refused = new SignInRefused(WRONG_CREDENTIALS);
    expect(publicSignInError(refused)).toBe(refused);
  });

  it('says "temporarily unavailable" when the database cannot be reached, without its text', () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(publicSignInError(down).message).toBe(SIGN_IN_UNAVAILABLE);
  });

  it('turns any other error into a fixed sentence: no SQL, table or database name reaches the page', () => {
    const prisma = new Error('Invalid `prisma.$queryRaw()` invocation: Raw query failed. Code: `3D000`. Message: `database "hs_secret" does not exist`');
    const result = publicSignInError(prisma);
    expect(result).toBeInstanceOf(SignInRefused);
    expect(result.message).toBe(SIGN_IN_FAILED);
  });
});
