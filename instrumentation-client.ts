import { makeZodJitless } from '@/lib/security/zod-jitless';

/** Runs in the browser before the app: zod parses without `new Function` (see lib/security/zod-jitless.ts). */
makeZodJitless();
