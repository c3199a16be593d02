import { describe, expect, it } from 'vitest';
import { sameHexDigest, signBody, verifyBody } from './signature';

describe('webhook signatures', () => {
  // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
  it('computes HMAC-SHA256 over the raw body', () => {
    expect(signBody('Jefe', 'what do ya want for nothing?')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('verifies only the exact body with the exact secret', () => {
    const header = signBody('s3cret', '{"a":1}');
    expect(verifyBody('s3cret', '{"a":1}', header)).toBe(true);
    expect(verifyBody('s3cret', '{"a":1} ', header)).toBe(false);
    expect(verifyBody('other', '{"a":1}', header)).toBe(false);
    expect(verifyBody('s3cret', '{"a":1}', header.toUpperCase().replace('SHA256', 'sha256'))).toBe(true);
    for (const bad of [null, '', 'sha256=', 'sha1=abc', header.slice(0, -2), `${header}00`]) expect(verifyBody('s3cret', '{"a":1}', bad)).toBe(false);
  });

  it('compares digests of different lengths as different', () => {
    expect(sameHexDigest('abcd', 'abcd')).toBe(true);
    expect(sameHexDigest('abcd', 'abcdef')).toBe(false);
    expect(sameHexDigest('zz', 'zz')).toBe(false);
  });
});
