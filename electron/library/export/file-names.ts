/**
 * Note file names that work on Windows, macOS and Linux and inside Obsidian links: no reserved device names, none of
 * `<>:"/\|?*`, no `#^[]` (they break wiki links), no control characters, no dots (so no hidden files, no `..`, no
 * trailing dot, and no clash with Lectern's own `name.lectern-new.md`), bounded length in characters and UTF-8 bytes.
 * Names are compared as case-insensitive file systems (macOS, Windows) compare them.
 */
import type { Paper } from '../../../shared/types';
import { authorFamily } from '../../../shared/normalize';

export const NOTE_EXTENSION = '.md';
/** Written beside a note the user edited, instead of overwriting it. */
export const BESIDE_SUFFIX = '.lectern-new';

const MAX_CHARS = 80;
const SLUG_CHARS = 60;
const MAX_BYTES = 160;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Cuts at a character boundary so the name stays within both bounds. */
function bounded(text: string): string {
  const chars = Array.from(text).slice(0, MAX_CHARS);
  while (Buffer.byteLength(chars.join(''), 'utf8') > MAX_BYTES) chars.pop();
  return chars.join('');
}

/** Any text made into a safe file stem (no extension); '' when nothing usable is left. */
export function safeStem(raw: string): string {
  let s = raw
    .normalize('NFC')
    .replace(/[\p{C}\p{Z}\s]+/gu, '-')
    .replace(/[<>:"/\\|?*#^[\].]+/g, '-')
    .replace(/-{2,}/g, '-');
  s = bounded(s.replace(/^[-_\s]+/, ''));
  s = s.replace(/[-_\s]+$/, '');
  if (RESERVED.test(s)) s = `${s}_`;
  return s;
}

/** `vaswani-2017-attention-is-all-you-need`: used when a paper has no citation key. */
export function paperSlug(paper: Pick<Paper, 'authors' | 'year' | 'title'>): string {
  // Accents are dropped (Müller → muller) so names stay the same whatever normalization a file system applies.
  const fold = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-');
  const parts = [fold(authorFamily(paper.authors[0])), paper.year ?? '', fold(paper.title)];
  const slug = parts.filter((p) => String(p).replace(/-/g, '') !== '').join('-');
  // Long titles are cut at a word boundary: a readable name, well within every file system's limit.
  if (slug.length <= SLUG_CHARS) return slug;
  const cut = slug.slice(0, SLUG_CHARS + 1);
  const at = cut.lastIndexOf('-');
  return at > 20 ? cut.slice(0, at) : cut.slice(0, SLUG_CHARS);
}

/** The stem a paper's note would like: its citation key, else its slug, else `paper-<id>`. */
export function preferredStem(paper: Paper): string {
  const fromKey = paper.citekey ? safeStem(paper.citekey) : '';
  if (fromKey) return fromKey;
  return safeStem(paperSlug(paper)) || `paper-${paper.id}`;
}

/** How two names are compared for clashes: case-insensitively, as on macOS and Windows. */
export function nameKey(fileName: string): string {
  return fileName.normalize('NFC').toLowerCase();
}

/** True for a plain note file name Lectern could have generated (used to distrust names read from a manifest). */
export function isSafeNoteName(fileName: string): boolean {
  if (!fileName.endsWith(NOTE_EXTENSION)) return false;
  const stem = fileName.slice(0, -NOTE_EXTENSION.length);
  return stem.length > 0 && safeStem(stem) === stem;
}

/** `name.md` → `name.lectern-new.md`; other extensions keep theirs (`digest.txt` → `digest.lectern-new.txt`). */
export function besideName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? `${fileName.slice(0, dot)}${BESIDE_SUFFIX}${fileName.slice(dot)}` : `${fileName}${BESIDE_SUFFIX}`;
}

/**
 * Gives each paper a unique name. `kept` holds names already given in this folder (from the manifest) and wins;
 * new papers, in id order, take their preferred stem or the first free `stem-2`, `stem-3`, …; `taken` says whether a
 * name is unavailable for another reason (a file Lectern did not write).
 */
export function assignNames(
  papers: Paper[],
  kept: Map<number, string>,
  reserved: Set<string>,
  taken: (fileName: string, paper: Paper) => boolean,
): Map<number, string> {
  const used = new Set<string>([...reserved].map(nameKey));
  for (const name of kept.values()) used.add(nameKey(name));
  const out = new Map<number, string>();
  for (const paper of [...papers].sort((a, b) => a.id - b.id)) {
    const have = kept.get(paper.id);
    if (have) {
      out.set(paper.id, have);
      continue;
    }
    const stem = preferredStem(paper);
    let name = `${stem}${NOTE_EXTENSION}`;
    for (let n = 2; used.has(nameKey(name)) || taken(name, paper); n++) name = `${stem}-${n}${NOTE_EXTENSION}`;
    used.add(nameKey(name));
    out.set(paper.id, name);
  }
  return out;
}
