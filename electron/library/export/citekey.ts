/**
 * Citation keys: generated once, in the familiar `vaswani2017attention` form (first author's family name, year,
 * first significant title word), made unique across the whole library, and stored in the paper so every later export
 * (and the user's LaTeX documents) keep using the same key. The user may edit a key (`papers.update`); an edited key
 * is kept as long as it is usable and not taken by an older paper.
 */
import type { Paper } from '../../../shared/types';
import { authorFamily } from '../../../shared/normalize';
import { cached } from '../db/statements';
import type { Library } from '../library';

const STOPWORDS = new Set(
  'a an the on of in for to and or with at by from as is are be via into onto about towards toward its it this that these those we our do does not no yes how what why when which who can'.split(
    ' ',
  ),
);

/** Letters of a name or word reduced to lower-case ASCII: "Müller" → "muller", "Ørsted" → "orsted". */
export function asciiFold(text: string): string {
  return text
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐðÐ]/g, 'd')
    .replace(/[þÞ]/g, 'th')
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** The key a paper would get before uniqueness: `vaswani2017attention`. */
export function baseCitekey(paper: Pick<Paper, 'authors' | 'year' | 'title'>): string {
  const family = authorFamily(paper.authors[0]);
  // Particles ("van der", "de") belong to the name but not to the key's first word; the last word is the surname.
  const surname = asciiFold(family.split(/\s+/).filter(Boolean).pop() ?? '') || asciiFold(family);
  const words = paper.title
    .split(/[\s\p{P}\p{S}]+/u)
    .map(asciiFold)
    .filter((w) => w.length > 0);
  const word = words.find((w) => !STOPWORDS.has(w)) ?? words[0] ?? '';
  const key = `${surname || 'anon'}${paper.year ?? ''}${word}`;
  return key.slice(0, 60);
}

/** A key BibTeX, biber and Pandoc all accept: no spaces, no characters with a meaning in a .bib file. */
export function isUsableCitekey(key: string): boolean {
  return key.length > 0 && key.length <= 200 && !/[\s,{}()"#%'=~\\@]/.test(key) && !/\p{C}/u.test(key);
}

/** Suffixes a, b, …, z, aa, ab, … for keys already taken. */
function suffix(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

/**
 * Decides which papers need a new key: those with none, with an unusable one, or whose key (compared without case,
 * as BibTeX does) an older paper already holds. Returns the new keys by paper id; stores nothing.
 */
export function planCitekeys(all: { id: number; citekey: string | null }[], wanted: Paper[]): Map<number, string> {
  const owner = new Map<string, number>();
  for (const row of [...all].sort((a, b) => a.id - b.id)) {
    if (!row.citekey || !isUsableCitekey(row.citekey)) continue;
    const k = row.citekey.toLowerCase();
    if (!owner.has(k)) owner.set(k, row.id);
  }
  const plan = new Map<number, string>();
  for (const paper of [...wanted].sort((a, b) => a.id - b.id)) {
    const key = paper.citekey;
    if (key && isUsableCitekey(key) && owner.get(key.toLowerCase()) === paper.id) continue;
    const base = baseCitekey(paper);
    let candidate = base;
    for (let n = 0; owner.has(candidate.toLowerCase()); n++) candidate = base + suffix(n);
    owner.set(candidate.toLowerCase(), paper.id);
    plan.set(paper.id, candidate);
  }
  return plan;
}

/**
 * Makes sure every paper has a usable, unique key, storing new keys as one undoable change ("Assign citation keys").
 * Returns the papers with their keys. Papers that already have good keys cause no write at all.
 */
export function ensureCitekeys(library: Library, papers: Paper[]): Paper[] {
  const all = cached(library.db, 'SELECT id, citekey FROM papers WHERE citekey IS NOT NULL').all() as {
    id: number;
    citekey: string | null;
  }[];
  const plan = planCitekeys(all, papers);
  if (plan.size === 0) return papers;
  library.change(`Assign citation keys (${plan.size})`, ['papers'], (rec, now) => {
    const stmt = cached(library.db, 'UPDATE papers SET citekey = ?, updated_at = ? WHERE id = ?');
    for (const [id, key] of plan) {
      rec.touch(id);
      stmt.run(key, now, id);
    }
  });
  return papers.map((p) => (plan.has(p.id) ? { ...p, citekey: plan.get(p.id)! } : p));
}
