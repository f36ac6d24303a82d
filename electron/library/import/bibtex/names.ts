/**
 * BibTeX name lists: `and`-separated names in the three forms BibTeX knows ("First von Last", "von Last, First",
 * "von Last, Jr, First"), split on the raw LaTeX so braces protect ("{World Health Organization}" stays one literal
 * name, "{Barnes and Noble}" is not two people), then decoded part by part.
 */
import type { Author } from '../../../../shared/types';
import { decodeLatex } from './latex';

/** Splits a raw name list at every `and` that stands alone outside braces (BibTeX accepts any letter case). */
export function splitNames(raw: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125) depth--;
    else if (
      depth === 0 &&
      isBlank(c) &&
      (raw.charCodeAt(i + 1) | 32) === 97 &&
      (raw.charCodeAt(i + 2) | 32) === 110 &&
      (raw.charCodeAt(i + 3) | 32) === 100 &&
      isBlank(raw.charCodeAt(i + 4))
    ) {
      out.push(raw.slice(from, i));
      i += 4;
      from = i;
    }
  }
  out.push(raw.slice(from));
  return out.map((n) => n.trim()).filter((n) => n.length > 0);
}

/** Authors from a raw BibTeX name list; "others" (et al.) is left out. */
export function parseNames(raw: string): Author[] {
  const authors: Author[] = [];
  for (const name of splitNames(raw)) {
    if (name.toLowerCase() === 'others') continue;
    const author = parseName(name);
    if (author) authors.push(author);
  }
  return authors;
}

/** One raw name to family/given (von particles stay with the family name, "Jr" follows it), or a literal. */
export function parseName(raw: string): Author | null {
  if (EXTENDED.test(raw)) return parseExtendedName(raw);
  const segments = splitTopLevel(raw);
  if (segments.length === 1 && segments[0]!.length === 1 && isWhollyBraced(segments[0]![0]!)) {
    const literal = clean(decodeLatex(segments[0]![0]!));
    return literal ? { literal } : null;
  }
  let first: string[];
  let von: string[] = [];
  let last: string[];
  let jr: string[] = [];
  if (segments.length === 1) {
    const words = segments[0]!;
    if (words.length === 0) return null;
    const lowers = words.map((w, i) => i < words.length - 1 && isLowerWord(w));
    const start = lowers.indexOf(true);
    if (start < 0) {
      first = words.slice(0, -1);
      last = words.slice(-1);
    } else {
      const end = lowers.lastIndexOf(true);
      first = words.slice(0, start);
      von = words.slice(start, end + 1);
      last = words.slice(end + 1);
    }
  } else {
    const head = segments[0]!;
    let v = 0;
    while (v < head.length - 1 && isLowerWord(head[v]!)) v++;
    von = head.slice(0, v);
    last = head.slice(v);
    if (segments.length === 2) first = segments[1]!;
    else {
      jr = segments[1]!;
      first = segments.slice(2).flat();
    }
  }
  const family = clean(decodeLatex([...von, ...last, ...jr].join(' ')));
  const given = clean(decodeLatex(first.join(' ')));
  if (!family && !given) return null;
  if (!family) return { family: given };
  return given ? { family, given } : { family };
}

/** BibLaTeX's extended name format: "family=Hakim, given=Tawfiq, prefix=al-, useprefix=true". */
const EXTENDED = /^\s*(?:family|given|prefix|suffix)\s*=/i;

function parseExtendedName(raw: string): Author | null {
  const parts: Record<string, string> = {};
  for (const words of splitTopLevel(raw)) {
    const m = /^\s*([a-z-]+)\s*=\s*([\s\S]*)$/i.exec(words.join(' '));
    if (m) parts[m[1]!.toLowerCase()] = clean(decodeLatex(m[2]!));
  }
  // "al-" and "d'" attach to the name they precede.
  const prefix = parts['prefix'] ? parts['prefix'] + (/['’-]$/.test(parts['prefix']) ? '' : ' ') : '';
  const family = [prefix + (parts['family'] ?? ''), parts['suffix']].filter(Boolean).join(' ');
  const given = parts['given'] ?? '';
  if (!family) return given ? { family: given } : null;
  return given ? { family, given } : { family };
}

/** The comma-separated segments of a name, each split into words, commas and blanks inside braces not counting. */
function splitTopLevel(raw: string): string[][] {
  // Most names are plain ("Smith, John"): split them without walking characters.
  if (!/[{}~\\]/.test(raw)) return raw.split(',').map((seg) => seg.split(/\s+/).filter((w) => w.length > 0));
  const segments: string[][] = [];
  let words: string[] = [];
  let depth = 0;
  let from = -1;
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : 32;
    if (c === 123) depth++;
    else if (c === 125) depth--;
    // `~` ties words like a blank, unless it is the `\~` accent.
    const blank = isBlank(c) || (c === 126 && raw.charCodeAt(i - 1) !== 92);
    if (depth <= 0 && (blank || c === 44)) {
      if (from >= 0) words.push(raw.slice(from, i));
      from = -1;
      if (c === 44) {
        segments.push(words);
        words = [];
      }
      continue;
    }
    if (from < 0) from = i;
  }
  segments.push(words);
  return segments;
}

/** True for "{...}" whose outer braces enclose the whole word. */
function isWhollyBraced(word: string): boolean {
  if (word.charCodeAt(0) !== 123 || word.charCodeAt(word.length - 1) !== 125) return false;
  let depth = 0;
  for (let i = 0; i < word.length - 1; i++) {
    const c = word.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return false;
  }
  return true;
}

/**
 * BibTeX's test for a von particle: the first letter outside braces is lower case. A group starting with a backslash
 * (`{\"u}ber`) counts by its letter; other braced groups have no case and are skipped.
 */
function isLowerWord(word: string): boolean {
  let depth = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 123) {
      if (depth === 0 && word.charCodeAt(i + 1) === 92) {
        const letter = /\p{L}/u.exec(decodeLatex(word.slice(i, groupEnd(word, i) + 1)));
        if (letter) return letter[0] !== letter[0].toUpperCase();
      }
      depth++;
      continue;
    }
    if (c === 125) {
      depth--;
      continue;
    }
    if (depth > 0) continue;
    if (c >= 97 && c <= 122) return true;
    if (c >= 65 && c <= 90) return false;
    const ch = word[i]!;
    if (/\p{Ll}/u.test(ch)) return true;
    if (/\p{Lu}/u.test(ch)) return false;
  }
  return false;
}

/** Index of the brace closing the group opened at `open`. */
function groupEnd(word: string, open: number): number {
  let depth = 0;
  for (let i = open; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i;
  }
  return word.length - 1;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
