/**
 * Zod compiles object parsers with `new Function` when it may; its probe for that trips the
 * Content-Security-Policy (no 'unsafe-eval') and files a securitypolicyviolation report on every
 * page that parses with zod. Jitless parsing is as correct. Zod keeps its settings on
 * `globalThis.__zod_globalConfig` (created when zod loads, or taken over if it exists), so setting
 * the flag there needs no import of zod: importing it in instrumentation-client.ts put ~30 KB of
 * gzipped JavaScript into every page, including those that never parse anything.
 */
export function makeZodJitless(): void {
  const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
  (g.__zod_globalConfig ??= {}).jitless = true;
}
