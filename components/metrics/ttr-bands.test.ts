import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ttrBands, TTR_BAND_EDGES } from './ttr-bands';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;

describe('ttrBands', () => {
  it('puts an edge value in the band it starts, and everything from 30 days on in the last', () => {
    const bands = ttrBands([
      { severity: 'SEV1', ttrSeconds: 59 },
      { severity: 'SEV2', ttrSeconds: 60 },
      { severity: 'SEV2', ttrSeconds: 3_599 },
      { severity: 'SEV3', ttrSeconds: 3_600 },
      { severity: 'SEV4', ttrSeconds: 90 * 86_400 },
    ]);
    expect(bands.map((b) => [b.label, b.counts])).toEqual([
      ['under 1m', { SEV1: 1, SEV2: 0, SEV3: 0, SEV4: 0 }],
      ['1m to 10m', { SEV1: 0, SEV2: 1, SEV3: 0, SEV4: 0 }],
      ['10m to 1h', { SEV1: 0, SEV2: 1, SEV3: 0, SEV4: 0 }],
      ['1h to 6h', { SEV1: 0, SEV2: 0, SEV3: 1, SEV4: 0 }],
      ['6h to 1d', { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 }],
      ['1d to 7d', { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 }],
      ['7d to 30d', { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 }],
      ['30d or more', { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 1 }],
    ]);
  });

  it('counts every incident exactly once, in the band whose edges hold its TTR', () => {
    const dot = fc.record({ severity: fc.constantFrom(...SEVERITIES), ttrSeconds: fc.nat({ max: 400 * 86_400 }) });
    fc.assert(
      fc.property(fc.array(dot, { maxLength: 60 }), (dots) => {
        const bands = ttrBands(dots);
        expect(bands).toHaveLength(TTR_BAND_EDGES.length + 1);
        for (const s of SEVERITIES) {
          for (const band of bands) {
            const inside = dots.filter((d) => d.severity === s && d.ttrSeconds >= band.from && (band.to === null || d.ttrSeconds < band.to));
            expect(band.counts[s]).toBe(inside.length);
          }
        }
      }),
    );
  });
});
