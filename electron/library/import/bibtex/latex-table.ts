/**
 * LaTeX commands → Unicode. The table is `unicode2latex`'s `latex2unicode` (ISC), the same one Better BibTeX's parser
 * (@retorquere/bibtex-parser) decodes with, so the two agree; accents come from its `combining` table. A few entries
 * are added or changed below where a researcher expects plain text.
 */
import { combining, latex2unicode } from 'unicode2latex';

type TableValue = string | { readonly text: string; readonly math: string };

const TABLE = latex2unicode as unknown as Readonly<Record<string, TableValue>>;

/** Accent commands (`\'`, `\"`, `\c`, `\v`, `\hat`...) → the combining mark they put on their argument. */
export const ACCENTS: ReadonlyMap<string, string> = new Map<string, string>([
  ...Object.entries(combining.tounicode as Readonly<Record<string, string>>),
  // The table maps the math hat to a wedge; on a letter it is the circumflex.
  ['hat', '\u0302'],
  ['widehat', '\u0302'],
  ['b', '\u0331'],
  ['t', '\u0361'],
]);

const OVERRIDES: Record<string, string> = {
  // A soft hyphen is invisible and breaks search: drop it.
  '\\-': '',
  '\\ ': ' ',
  '\\\\': ' ',
  '\\newline': ' ',
  '\\par': ' ',
  '\\LaTeX': 'LaTeX',
  '\\LaTeXe': 'LaTeX2e',
  '\\TeX': 'TeX',
  '\\BibTeX': 'BibTeX',
  '\\XeTeX': 'XeTeX',
  '\\textquotesingle': "'",
  '\\relax': '',
  '\\protect': '',
  '\\noopsort': '',
  '\\ensuremath': '',
};

/** Mathematical italic letters (U+1D400–U+1D7FF) the table uses for `\mu` and friends, folded to plain letters. */
function plain(value: string): string {
  const cp = value.codePointAt(0) ?? 0;
  return cp >= 0x1d400 && cp <= 0x1d7ff ? value.normalize('NFKC') : value;
}

/** The Unicode text of a command (`\ss`, `\&`, `\alpha`) in text or math mode; undefined when unknown. */
export function commandText(command: string, math: boolean): string | undefined {
  const override = OVERRIDES[command];
  if (override !== undefined) return override;
  const value = TABLE[command];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return plain(value);
  return plain(math ? value.math : value.text);
}

/** Superscript or subscript form of a character or command (`^{2}` → ², `^\\circ` → °); undefined when there is none. */
export function scriptChar(mark: '^' | '_', char: string): string | undefined {
  const value = char.startsWith('\\') ? TABLE[`${mark}${char}`] : TABLE[`${mark}{${char}}`];
  return typeof value === 'string' ? value : undefined;
}
