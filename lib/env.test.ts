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

  it('reads the webhook sender settings', () => {
    expect(parseEnv({})).toMatchObject({ WEBHOOKS_INTERVAL_MS: 5_000, WEBHOOKS_DISABLED: false });
    expect(parseEnv({ WEBHOOKS_DISABLED: 'true', WEBHOOKS_INTERVAL_MS: '1000' })).toMatchObject({ WEBHOOKS_INTERVAL_MS: 1_000, WEBHOOKS_DISABLED: true });
    expect(() => parseEnv({ WEBHOOKS_DISABLED: 'yes' })).toThrow(/WEBHOOKS_DISABLED/);
    expect(() => parseEnv({ WEBHOOKS_INTERVAL_MS: '10' })).toThrow(/WEBHOOKS_INTERVAL_MS/);
  });
});
