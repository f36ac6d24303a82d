/**
 * BibTeX and BibLaTeX: `@string` macros and `#`, `@preamble`, `@comment`, crossref/xdata inheritance, month macros,
 * LaTeX decoded to Unicode, `and`-separated names with literal (braced) corporate authors, `()` delimiters, BOM and
 * CRLF. The pieces live in `../bibtex/`: a fast structure scanner, then decoding only where a value needs it.
 */
import type { ImportFormat, ParsedEntry } from '../format';
import { encodingProblem } from '../bibtex/encoding';
import { indexEntries, resolveFields } from '../bibtex/inherit';
import { Scanner, type RawEntry, type ScanItem } from '../bibtex/scanner';
import { toDraft } from '../bibtex/to-draft';

/** An entry opening a line: `@article{`, `@inproceedings(`, `@string{`, `@comment{`... */
const ENTRY_LINE = /^[ \t\uFEFF]*@[ \t]*([A-Za-z]+)[ \t]*[{(]/gm;
const NON_ENTRY = new Set(['string', 'comment', 'preamble']);

export function* parseBibtex(text: string): Generator<ParsedEntry> {
  const problem = encodingProblem(text);
  if (problem) {
    yield { ok: false, ...problem };
    return;
  }
  const scanner = new Scanner(text);
  // Crossref parents usually follow their children, so every entry is scanned before any is converted.
  const items: ScanItem[] = [...scanner.items()];
  const index = indexEntries(items.flatMap((item) => (item.ok ? [item.entry] : [])));
  for (const item of items) {
    if (!item.ok) {
      yield { ok: false, line: item.error.line, message: item.error.message };
      continue;
    }
    // @xdata entries only lend fields to others; they are not papers.
    if (item.entry.type !== 'xdata') yield convert(item.entry, index);
  }
}

function convert(entry: RawEntry, index: ReturnType<typeof indexEntries>): ParsedEntry {
  try {
    const draft = toDraft(entry, resolveFields(entry, index));
    if (typeof draft === 'string') return { ok: false, line: entry.line, message: draft };
    return entry.warning ? { ok: true, draft, warning: entry.warning } : { ok: true, draft };
  } catch (err) {
    // Decoding never throws on purpose; this guards the import against a pathological value (say, braces nested
    // deeper than the stack) so that one entry fails and not the file.
    return { ok: false, line: entry.line, message: `@${entry.type}{${entry.key}} could not be read: ${String(err)}` };
  }
}

function detect(head: string): number {
  ENTRY_LINE.lastIndex = 0;
  let entries = 0;
  let other = 0;
  for (let m = ENTRY_LINE.exec(head); m; m = ENTRY_LINE.exec(head)) {
    if (NON_ENTRY.has(m[1]!.toLowerCase())) other++;
    else entries++;
    if (entries >= 3) break;
  }
  if (entries > 0) return /^[\s\uFEFF]*[[{]/.test(head) ? 0.5 : 0.95;
  return other > 0 ? 0.6 : 0;
}

export const bibtex: ImportFormat = {
  name: 'bibtex',
  extensions: ['bib', 'bibtex', 'biblatex'],
  detect,
  parse: parseBibtex,
};

/** The same reader under the name BibLaTeX users reach for (`--format biblatex`); detection goes through `bibtex`. */
export const biblatex: ImportFormat = { ...bibtex, name: 'biblatex', detect: () => 0 };
