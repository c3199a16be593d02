/**
 * Runs once when the Next.js server starts. The webhook sender lives in the Node.js server
 * process only (not the edge runtime); lib/webhooks/runner.ts skips it during `next build`.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startWebhookRunner } = await import('@/lib/webhooks/runner');
    await startWebhookRunner();
  }
}
