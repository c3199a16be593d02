import { errorFields, log } from '@/lib/log';

/**
 * The background loop of the server process (started from instrumentation.ts): every tick it
 * sends due webhook deliveries, and once a minute it queues "action.overdue" events and prunes
 * the delivery log (lib/webhooks/retention.ts). A tick never
 * overlaps the previous one, a failing tick (database down) is logged and the next one tries
 * again, and the timer is unref'd so it never keeps the process alive.
 */

export interface RunnerDeps {
  deliver: () => Promise<unknown>;
  scan: (now: Date) => Promise<unknown>;
  intervalMs: number;
  scanEveryMs?: number;
  clock?: () => Date;
}

export interface Runner {
  /** Runs one tick now (skipped while one is running); resolves when it is done. */
  tick(): Promise<void>;
  stop(): void;
  readonly running: boolean;
}

export function createWebhookRunner({ deliver, scan, intervalMs, scanEveryMs = 60_000, clock = () => new Date() }: RunnerDeps): Runner {
  let busy = false;
  let stopped = false;
  let lastScan = Number.NEGATIVE_INFINITY;

  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      await deliver();
      const now = clock();
      if (now.getTime() - lastScan >= scanEveryMs) {
        lastScan = now.getTime();
        await scan(now);
      }
    } catch (error) {
      log('error', 'webhooks: background tick failed; retrying next tick', errorFields(error));
    } finally {
      busy = false;
    }
  };

  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    tick,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    get running() {
      return busy;
    },
  };
}

const globalForRunner = globalThis as unknown as { hindsightWebhookRunner?: Runner };

/** Starts the one runner of this process (a second call, e.g. after a dev reload, is a no-op). */
export async function startWebhookRunner(): Promise<void> {
  const { env } = await import('@/lib/env');
  const e = env();
  // `next build` loads the server code to prerender pages: it must not send anything.
  if (e.WEBHOOKS_DISABLED || e.NEXT_PHASE === 'phase-production-build' || globalForRunner.hindsightWebhookRunner) return;
  const { deliverDueWebhooks } = await import('./dispatch');
  const { queueOverdueActionEvents } = await import('./overdue-scan');
  const { pruneWebhookDeliveries } = await import('./retention');
  const scan = async (now: Date) => {
    await queueOverdueActionEvents(now);
    await pruneWebhookDeliveries(now);
  };
  const runner = createWebhookRunner({ deliver: () => deliverDueWebhooks(), scan, intervalMs: e.WEBHOOKS_INTERVAL_MS });
  globalForRunner.hindsightWebhookRunner = runner;
  // Stop sending when the server shuts down; whatever was mid-send comes due again after its lease.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      runner.stop();
      // Next handles these signals and exits; if nothing else does (NEXT_MANUAL_SIG_HANDLE), a
      // listener of ours must not keep the process alive: re-raise for the default behaviour.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
  log('info', 'webhooks: background sender started', { intervalMs: e.WEBHOOKS_INTERVAL_MS });
}
