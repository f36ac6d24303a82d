/**
 * Near-identical titles: the same words with a typo, a dropped article, different punctuation or a British spelling.
 * Pure functions; the listing decides which pairs to compare.
 */

/** Titles shorter than this (normalized) are too generic ("Introduction", "Editorial") to call alike unless equal. */
export const MIN_SIMILAR_LENGTH = 24;

/** Edits allowed per character of the longer title. */
const EDIT_RATIO = 0.08;

/**
 * Levenshtein distance, or `limit + 1` as soon as it must exceed `limit` (a band of width 2·limit+1 is enough, so
 * comparing long titles stays cheap).
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= limit ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    cur.fill(over);
    cur[0] = i <= limit ? i : over;
    let best = cur[0];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j - 1]! + cost, prev[j]! + 1, cur[j - 1]! + 1);
      cur[j] = v > over ? over : v;
      if (v < best) best = v;
    }
    if (best > limit) return over;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length]!, over);
}

/** Numbers and roman numerals tell parts and editions apart ("Part I" and "Part II" are two papers). */
function markers(key: string): string {
  return key
    .split(' ')
    .filter((w) => /^\d+$/.test(w) || /^[ivxl]{1,5}$/.test(w))
    .join(' ');
}

/** True when two normalized titles (see `normalizeTitle`) differ by a few edits that do not change a number or part. */
export function nearlySameTitle(a: string, b: string): boolean {
  if (a === b) return true;
  const longer = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < MIN_SIMILAR_LENGTH) return false;
  if (markers(a) !== markers(b)) return false;
  // Spacing alone ("pre training" / "pretraining") is no difference at all.
  if (a.replace(/ /g, '') === b.replace(/ /g, '')) return true;
  const limit = Math.max(1, Math.floor(longer * EDIT_RATIO));
  return boundedDistance(a, b, limit) <= limit;
}

/** Keys under which titles are compared: two near-identical titles share their start or their end. */
export function blockKeys(key: string): [string, string] {
  const compact = key.replace(/ /g, '');
  return [`^${compact.slice(0, 12)}`, `$${compact.slice(-12)}`];
}
