/**
 * Fuzzy matching of contributing-factor names (pure, no database): the catalog of one team is
 * small (tens to a few hundred names), so suggestions rank it in memory. Two measures, the better
 * one wins: trigram similarity of the whole name (catches typos and word order), and token
 * similarity (each typed word against its best word of the name: equal, a prefix such as
 * "alert" / "alerting", or within a small edit distance such as "conection" / "connection").
 */

/** Lower case, accents stripped, punctuation to spaces, runs of spaces collapsed. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function trigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of text.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const gram = padded.slice(i, i + 3);
      grams.set(gram, (grams.get(gram) ?? 0) + 1);
    }
  }
  return grams;
}

/** Dice coefficient of the two names' trigram multisets, 0..1 (1 for equal normalized names). */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(normalizeName(a));
  const y = trigrams(normalizeName(b));
  let total = 0;
  let shared = 0;
  for (const n of x.values()) total += n;
  for (const [gram, n] of y) {
    total += n;
    shared += Math.min(n, x.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Levenshtein distance, stopping early once it exceeds `max` (then returns max + 1). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

function wordSimilarity(typed: string, word: string): number {
  if (typed === word) return 1;
  const shorter = Math.min(typed.length, word.length);
  if (shorter >= 3 && (word.startsWith(typed) || typed.startsWith(word))) return 0.9;
  const allowed = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  const distance = editDistance(typed, word, allowed);
  return distance <= allowed ? 1 - distance / Math.max(typed.length, word.length) : 0;
}

/** How well the typed words are covered by the name's words, 0..1 (the mean of each typed word's best match). */
export function tokenSimilarity(typed: string, name: string): number {
  const words = normalizeName(typed).split(' ').filter(Boolean);
  const against = normalizeName(name).split(' ').filter(Boolean);
  if (words.length === 0 || against.length === 0) return 0;
  let sum = 0;
  for (const w of words) sum += Math.max(...against.map((a) => wordSimilarity(w, a)));
  return sum / words.length;
}

/** The similarity of what was typed to a factor name, 0..1. */
export function nameSimilarity(typed: string, name: string): number {
  return Math.max(trigramSimilarity(typed, name), tokenSimilarity(typed, name));
}

/** Below this a name is not suggested. */
export const SUGGEST_THRESHOLD = 0.5;
/** At or above this two names are called likely duplicates. */
export const DUPLICATE_THRESHOLD = 0.75;

/** The items whose name matches `typed`, best first (ties by name), at most `limit`. */
export function rankByName<T extends { name: string }>(typed: string, items: readonly T[], limit = 8, threshold = SUGGEST_THRESHOLD): (T & { score: number })[] {
  if (!normalizeName(typed)) return [];
  return items
    .map((item) => ({ ...item, score: nameSimilarity(typed, item.name) }))
    .filter((item) => item.score >= threshold)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** True when the two names are the same after normalization (what the unique-name check compares). */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}
