import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env';

describe('parseEnv', () => {
  it('applies defaults', () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.LOG_LEVEL).toBe('info');
  });

  it('rejects a non-PostgreSQL DATABASE_URL with a one-line message naming the variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(ConfigError);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/^Invalid configuration: DATABASE_URL: /);
  });

  it('rejects a bad PORT and a short AUTH_SECRET', () => {
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => parseEnv({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET must be at least 32 characters/);
  });
});
