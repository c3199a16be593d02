import { z } from 'zod';

/**
 * Runs in the browser before the app. Zod compiles object parsers with `new Function` when it
 * may; its probe for that trips the Content-Security-Policy (no 'unsafe-eval') and files a
 * securitypolicyviolation report on every page. Jitless parsing is as correct, and keeps the
 * CSP reports for real violations.
 */
z.config({ jitless: true });
