/**
 * Test tooling, read by the fuzz tests only. How many generated inputs a fuzz property runs: the
 * figure `npm test` uses, times FUZZ_SCALE when it is set (a longer soak by hand, e.g.
 * `FUZZ_SCALE=20`, before a release). The inputs are random per run, so a soak finds what a single
 * CI run meets only now and then.
 */
const requested = Number(process.env.FUZZ_SCALE ?? '1');
export const FUZZ_SCALE = Number.isInteger(requested) && requested > 1 ? requested : 1;

export function fuzzRuns(runs: number): number {
  return runs * FUZZ_SCALE;
}
