import { describe, expect, it } from 'vitest';
import { incidentDurations, statusFromTimes } from './durations';

const t = (iso: string) => new Date(iso);

describe('incidentDurations', () => {
  it('computes TTD, TTA, TTM and TTR in exact milliseconds (METRICS.md section 1)', () => {
    const d = incidentDurations({
      startedAt: t('2026-03-12T14:00:00.000Z'),
      detectedAt: t('2026-03-12T14:07:30.250Z'),
      acknowledgedAt: t('2026-03-12T14:09:00.250Z'),
      mitigatedAt: t('2026-03-12T14:42:00Z'),
      resolvedAt: t('2026-03-12T16:05:15.500Z'),
    });
    expect(d).toEqual({ ttd: 450_250, tta: 90_000, ttm: 2_520_000, ttr: 7_515_500 });
  });

  it('is null when either timestamp is missing', () => {
    expect(incidentDurations({ startedAt: t('2026-03-12T14:00:00Z'), acknowledgedAt: t('2026-03-12T14:09:00Z'), resolvedAt: null })).toEqual({ ttd: null, tta: null, ttm: null, ttr: null });
    expect(incidentDurations({ startedAt: t('2026-03-12T14:00:00Z'), detectedAt: t('2026-03-12T14:01:00Z') })).toMatchObject({ ttd: 60_000, tta: null });
  });

  it('measures real elapsed time across a daylight-saving change', () => {
    // 01:30 PST to 03:30 PDT on 8 March 2026 in Los Angeles: one hour, not two.
    expect(incidentDurations({ startedAt: t('2026-03-08T09:30:00Z'), resolvedAt: t('2026-03-08T10:30:00Z') }).ttr).toBe(3_600_000);
  });

  it('derives the status from the timestamps', () => {
    const startedAt = t('2026-03-12T14:00:00Z');
    expect(statusFromTimes({ startedAt })).toBe('active');
    expect(statusFromTimes({ startedAt, mitigatedAt: t('2026-03-12T15:00:00Z') })).toBe('mitigated');
    expect(statusFromTimes({ startedAt, mitigatedAt: t('2026-03-12T15:00:00Z'), resolvedAt: t('2026-03-12T16:00:00Z') })).toBe('resolved');
  });
});
