import { describe, expect, it } from 'vitest';
import { DUPLICATE_THRESHOLD, SUGGEST_THRESHOLD, editDistance, nameSimilarity, normalizeName, rankByName, sameName, trigramSimilarity } from './fuzzy';

const CATALOG = [
  { name: 'Missing alerting on connection pool saturation' },
  { name: 'Retry storm from clients without backoff' },
  { name: 'DNS provider outage' },
  { name: 'Runbook out of date' },
  { name: 'No canary stage for config changes' },
];

describe('fuzzy factor matching', () => {
  it('normalizes case, accents and punctuation', () => {
    expect(normalizeName('  Missing   ALERT-ing!  ')).toBe('missing alert ing');
    expect(normalizeName('Café déjà-vu')).toBe('cafe deja vu');
    expect(sameName('Missing alerting', 'missing  ALERTING')).toBe(true);
  });

  it('calls near-duplicates near: "Missing alerting" vs "missing alert"', () => {
    expect(nameSimilarity('missing alert', 'Missing alerting')).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(nameSimilarity('Missing alerting', 'missing alert')).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });

  it('forgives typos', () => {
    expect(nameSimilarity('runbok out of dat', 'Runbook out of date')).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(nameSimilarity('conection pool', 'Missing alerting on connection pool saturation')).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
    expect(editDistance('conection', 'connection')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });

  it('keeps unrelated names apart', () => {
    expect(nameSimilarity('DNS provider outage', 'Missing alerting')).toBeLessThan(SUGGEST_THRESHOLD);
    expect(nameSimilarity('capacity', 'Runbook out of date')).toBeLessThan(SUGGEST_THRESHOLD);
    expect(trigramSimilarity('', 'x')).toBe(0);
  });

  it('ranks the best match first and suggests from a prefix while typing', () => {
    expect(rankByName('missing alert', CATALOG)[0]?.name).toBe('Missing alerting on connection pool saturation');
    expect(rankByName('retr', CATALOG)[0]?.name).toBe('Retry storm from clients without backoff');
    expect(rankByName('dns', CATALOG).map((m) => m.name)).toEqual(['DNS provider outage']);
    expect(rankByName('   ', CATALOG)).toEqual([]);
    expect(rankByName('zzzz qqqq', CATALOG)).toEqual([]);
    expect(rankByName('o', CATALOG, 2).length).toBeLessThanOrEqual(2);
  });

  it('is symmetric on identical names and bounded 0..1', () => {
    for (const a of CATALOG) for (const b of CATALOG) {
      const s = nameSimilarity(a.name, b.name);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(nameSimilarity('Runbook out of date', 'runbook OUT of date')).toBe(1);
  });
});
