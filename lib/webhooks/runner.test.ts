import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebhookRunner } from './runner';

describe('webhook background runner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ticks on the interval, scans once a minute, and stops', async () => {
    const deliver = vi.fn(async () => undefined);
    const scan = vi.fn(async () => undefined);
    const runner = createWebhookRunner({ deliver, scan, intervalMs: 5_000, clock: () => new Date(Date.now()) });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(scan).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(55_000);
    expect(deliver).toHaveBeenCalledTimes(12);
    expect(scan).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(scan).toHaveBeenCalledTimes(2);
    runner.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(deliver).toHaveBeenCalledTimes(13);
  });

  it('never overlaps a slow tick', async () => {
    let release = () => {};
    const deliver = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const runner = createWebhookRunner({ deliver, scan: async () => undefined, intervalMs: 1_000 });
    await vi.advanceTimersByTimeAsync(3_500);
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(runner.running).toBe(true);
    release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(deliver).toHaveBeenCalledTimes(2);
    runner.stop();
  });

  it('survives a failing tick (database down) and tries again next tick', async () => {
    const deliver = vi.fn().mockRejectedValueOnce(new Error('Connection terminated unexpectedly')).mockResolvedValue(undefined);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const runner = createWebhookRunner({ deliver, scan: async () => undefined, intervalMs: 1_000 });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(deliver).toHaveBeenCalledTimes(2);
    expect(errors.mock.calls.join('\n')).toContain('background tick failed');
    runner.stop();
    errors.mockRestore();
  });
});
