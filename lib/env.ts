import { z } from 'zod';

/**
 * The one place that reads process.env. Validated once, on first use, so a bad value is a
 * clear one-line error at start-up instead of a failure deep inside a request.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .min(1, 'DATABASE_URL is empty')
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'DATABASE_URL must be a postgresql:// URL')
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Signing secret for sessions. The launcher generates and keeps one in the data folder when unset.
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  APP_URL: z.url().optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  // Reverse proxies in front of the app that append to X-Forwarded-For (for client addresses).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // OAuth / OIDC sign-in: each provider switches on when its settings are present.
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default('Single sign-on'),
  // Outbound webhooks: the background sender's tick (ms) and a switch to turn it off (e.g. in
  // an instance that should only serve requests). Set by Next itself during `next build`.
  WEBHOOKS_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).default(5_000),
  WEBHOOKS_DISABLED: z
    .enum(['0', '1', 'true', 'false'], 'WEBHOOKS_DISABLED must be 1/true or 0/false')
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  NEXT_PHASE: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid configuration: ${where}: ${issue?.message ?? 'invalid value'}`);
  }
  return result.data;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * next-auth v4 reads its base URL from process.env itself. Behind the launcher the app may run on
 * any port: trust the Host header unless APP_URL pins the public URL.
 */
export function applyAuthRuntimeEnv(): void {
  const e = env();
  if (e.APP_URL) process.env.NEXTAUTH_URL ??= e.APP_URL;
  else process.env.AUTH_TRUST_HOST ??= 'true';
}

/** The session secret; required in production (the launcher generates and keeps one). */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.NODE_ENV === 'production') throw new ConfigError('AUTH_SECRET is required in production (at least 32 characters)');
  return 'development-only-secret-not-for-production-use';
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new ConfigError('DATABASE_URL is not set (npm start sets it for the embedded database)');
  return url;
}
