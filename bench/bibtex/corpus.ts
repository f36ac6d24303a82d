/**
 * The BibTeX benchmark's input: the real fixture files that both Lectern and the reference parser read whole,
 * concatenated and repeated (citation keys and crossrefs made unique per copy) up to the number of entries wanted.
 * Which files both accept is worked out once and cached, since the reference parser takes a while over all of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBibtex } from '../../electron/library/import/formats/bibtex';
import { readTextFile } from '../../electron/library/import/read-file';
import { parseWithReference } from './agreement';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = process.env['LECTERN_FIXTURES'] ?? path.resolve(ROOT, '../shared/fixtures');
const BIBTEX_DIR = path.join(FIXTURES, 'bibtex');
const SELECTION_VERSION = 1;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function bibFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(bib|bibtex|biblatex)$/.test(e.name)) out.push(full);
    }
  };
  walk(BIBTEX_DIR);
  return out;
}

/** True when Lectern reads every entry of the file as a paper, with no duplicate keys to confuse the matching. */
function lecternAccepts(text: string): number | null {
  const keys = new Set<string>();
  let n = 0;
  for (const e of parseBibtex(text)) {
    if (!e.ok || !e.draft.citekey || keys.has(e.draft.citekey)) return null;
    keys.add(e.draft.citekey);
    n++;
  }
  return n > 0 ? n : null;
}

/** The fixture files both parsers read whole (same entry count, no errors), cached under `cacheDir`. */
export function acceptedFiles(cacheDir: string): string[] {
  const files = bibFiles();
  const signature = `${SELECTION_VERSION}:${files.length}:${files.reduce((s, f) => s + fs.statSync(f).size, 0)}`;
  const cacheFile = path.join(cacheDir, 'bibtex-accepted.json');
  if (fs.existsSync(cacheFile)) {
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { signature: string; files: string[] };
    if (cached.signature === signature) return cached.files.map((f) => path.join(BIBTEX_DIR, f));
  }
  log(`choosing the BibTeX fixtures both parsers accept (${files.length} files, once)`);
  const accepted: string[] = [];
  for (const file of files) {
    const text = readTextFile(file);
    const n = lecternAccepts(text);
    if (n === null) continue;
    try {
      const reference = parseWithReference(text);
      if (reference.length === n) accepted.push(file);
    } catch {
      // The reference parser throws on some inputs; such a file is not one both accept.
    }
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const relative = accepted.map((f) => path.relative(BIBTEX_DIR, f));
  fs.writeFileSync(cacheFile, `${JSON.stringify({ signature, files: relative }, null, 1)}\n`);
  return accepted;
}

const ENTRY_KEY = /^([ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(][ \t]*)([^,\s{}()]+)/gm;
const REFERENCE_FIELD = /(\b(?:crossref|xdata)[ \t]*=[ \t]*[{"])([^}"]*)/gi;
const NOT_ENTRIES = new Set(['string', 'comment', 'preamble']);

/** One copy of a file with every citation key (and every crossref/xdata pointing at one) suffixed. */
function copyWithKeys(text: string, suffix: string): string {
  return text
    .replace(ENTRY_KEY, (all, head: string, type: string, key: string) =>
      NOT_ENTRIES.has(type.toLowerCase()) ? all : `${head}${key}${suffix}`,
    )
    .replace(
      REFERENCE_FIELD,
      (_all, head: string, keys: string) =>
        `${head}${keys
          .split(',')
          .map((k) => `${k.trim()}${suffix}`)
          .join(',')}`,
    );
}

export interface Corpus {
  text: string;
  entries: number;
  files: number;
}

/** The accepted files in turn, repeated as needed, until there are at least `target` entries. */
export function buildCorpus(files: string[], target: number): Corpus {
  if (files.length === 0) throw new Error('no BibTeX fixture is accepted by both parsers');
  const texts = files.map((f) => {
    const text = readTextFile(f);
    return { text, entries: lecternAccepts(text) ?? 0 };
  });
  const parts: string[] = [];
  let entries = 0;
  for (let copy = 0; entries < target; copy++) {
    for (const [i, t] of texts.entries()) {
      if (entries >= target) break;
      parts.push(copyWithKeys(t.text, `-c${copy}f${i}`));
      entries += t.entries;
    }
  }
  return { text: parts.join('\n\n'), entries, files: files.length };
}

/** The text up to the `count`-th entry's end, so both parsers can be compared on a slice when the whole is too slow. */
export function sliceEntries(text: string, count: number): string {
  ENTRY_KEY.lastIndex = 0;
  let seen = 0;
  for (let m = ENTRY_KEY.exec(text); m; m = ENTRY_KEY.exec(text)) {
    if (NOT_ENTRIES.has(m[2]!.toLowerCase())) continue;
    if (seen++ === count) return text.slice(0, m.index);
  }
  return text;
}
