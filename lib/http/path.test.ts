import { describe, expect, it } from 'vitest';
import { isDecodablePath } from './path';

describe('isDecodablePath', () => {
  it('accepts plain and well-escaped paths', () => {
    for (const p of ['/', '/t/demo/incidents/1', '/api/v1/incidents/%F0%9F%94%A5', '/a%25b', '/a%20b']) expect(isDecodablePath(p), p).toBe(true);
  });

  it('refuses a stray %, a bad escape, an escaped lone surrogate, or an escaped control character', () => {
    for (const p of ['/t/%/incidents', '/api/v1/incidents/%ZZ', '/api/auth/%E0%A4', '/x/%ED%A0%80', '/%C0%80', '/api/auth/error/%00', '/t/a%0Ab']) expect(isDecodablePath(p), p).toBe(false);
  });

  it("keeps next-auth's paths to printable ASCII (it copies them into headers), other paths may hold any text", () => {
    for (const p of ['/api/auth/error/%C4%80', '/api/auth/signin/%C3%A9', '/api/auth/callback/%F0%9F%94%A5']) expect(isDecodablePath(p), p).toBe(false);
    for (const p of ['/api/auth/callback/credentials', '/api/auth/error/x%20y', '/t/%C4%80/incidents']) expect(isDecodablePath(p), p).toBe(true);
  });
});
