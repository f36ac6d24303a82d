/**
 * LaTeX → Unicode for BibTeX values: accents, symbol commands, `--`/`---` dashes, TeX quotes, `~`, math (`$\alpha$`,
 * `x^2`, `H_2O`), formatting commands kept as their text (`\textit{x}` → x) and the protective braces removed.
 * Values without any LaTeX syntax skip all of it (`needsDecoding`), which is what keeps whole-file decoding fast.
 */
import { ACCENTS, commandText, scriptChar } from './latex-table';

const SPECIAL = /[\\{}$~]|--|``|''/;

/** True when a raw value has something to decode; most values (years, pages, plain titles) do not. */
export function needsDecoding(raw: string): boolean {
  return SPECIAL.test(raw);
}

/** Commands whose arguments are not text to show. */
const DROP_ARGS: Record<string, number> = {
  label: 1,
  cite: 1,
  citep: 1,
  citet: 1,
  ref: 1,
  vspace: 1,
  hspace: 1,
  phantom: 1,
  vphantom: 1,
  hphantom: 1,
};
/** Commands that quote their argument. */
const QUOTING = new Set(['enquote', 'mkbibquote', 'textquote']);
const UPPER = new Set(['uppercase', 'MakeUppercase']);
const LOWER = new Set(['lowercase', 'MakeLowercase']);

/** Decodes a raw BibTeX value to plain Unicode text (NFC); whitespace is left for the caller to tidy. */
export function decodeLatex(raw: string): string {
  if (!needsDecoding(raw)) return raw;
  return new Decoder(raw).run(0, raw.length, false).normalize('NFC');
}

const MAX_NESTING = 64;

class Decoder {
  private depth = 0;

  constructor(private readonly s: string) {}

  /** Decodes s[from, to); `math` is true between `$` signs. */
  run(from: number, to: number, math: boolean): string {
    // Hostile nesting ({{{{...}}}} thousands deep) would cost quadratic time and the stack: below a sane depth the
    // rest is kept as its plain characters.
    if (this.depth >= MAX_NESTING) return this.s.slice(from, to).replace(/[{}\\$]/g, '');
    this.depth++;
    try {
      return this.decode(from, to, math);
    } finally {
      this.depth--;
    }
  }

  private decode(from: number, to: number, math: boolean): string {
    const s = this.s;
    let out = '';
    let i = from;
    let run = from;
    while (i < to) {
      const c = s.charCodeAt(i);
      let piece: string | null = null;
      let next = i + 1;
      switch (c) {
        case 92 /* \ */: {
          const [text, end] = this.command(i, to, math);
          piece = text;
          next = end;
          break;
        }
        case 123 /* { */: {
          const end = this.groupEnd(i + 1, to);
          piece = this.run(i + 1, end, math);
          next = Math.min(end + 1, to);
          break;
        }
        case 125 /* } */:
          piece = '';
          break;
        case 36 /* $ */: {
          if (math) break;
          const double = s.charCodeAt(i + 1) === 36;
          const open = double ? i + 2 : i + 1;
          const close = s.indexOf(double ? '$$' : '$', open);
          if (close < 0 || close >= to) break;
          piece = this.run(open, close, true);
          next = close + (double ? 2 : 1);
          break;
        }
        case 126 /* ~ */:
          piece = math ? ' ' : '\u00a0';
          break;
        case 32:
        case 9:
        case 10:
        case 13:
          // TeX ignores blanks in math: `$n = 1$` is "n=1".
          if (math) piece = '';
          break;
        case 45 /* - */:
          if (math || s.charCodeAt(i + 1) !== 45) break;
          if (s.charCodeAt(i + 2) === 45) {
            piece = '\u2014';
            next = i + 3;
          } else {
            piece = '\u2013';
            next = i + 2;
          }
          break;
        case 96 /* ` */:
          if (!math && s.charCodeAt(i + 1) === 96) {
            piece = '\u201c';
            next = i + 2;
          }
          break;
        case 39 /* ' */:
          if (!math && s.charCodeAt(i + 1) === 39) {
            piece = '\u201d';
            next = i + 2;
          }
          break;
        case 94 /* ^ */:
        case 95 /* _ */:
          if (!math) break;
          {
            const [text, end] = this.script(c === 94 ? '^' : '_', i + 1, to);
            piece = text;
            next = end;
          }
          break;
      }
      if (piece !== null) {
        if (run < i) out += s.slice(run, i);
        out += piece;
        i = next;
        run = next;
      } else {
        i++;
      }
    }
    if (run < to) out += s.slice(run, to);
    return out;
  }

  /** Index of the `}` closing the group whose content starts at `from` (or `to` when it is not closed). */
  private groupEnd(from: number, to: number): number {
    const s = this.s;
    let depth = 1;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 123) depth++;
      else if (c === 125 && --depth === 0) return i;
    }
    return to;
  }

  /** A command at `at` (the backslash): its text and the index after it and its arguments. */
  private command(at: number, to: number, math: boolean): [string, number] {
    const s = this.s;
    let end = at + 1;
    while (end < to && isLetter(s.charCodeAt(end))) end++;
    const letters = end > at + 1;
    if (!letters) end = Math.min(at + 2, to);
    const name = s.slice(at + 1, end);
    if (!name) return ['', end];
    // TeX ignores the blanks after a control word.
    let after = end;
    if (letters) while (after < to && isBlank(s.charCodeAt(after))) after++;

    const accent = ACCENTS.get(name);
    if (accent !== undefined) {
      return this.accent(accent, letters ? after : end, to, math);
    }
    // `\cyrchar\CYRA`: the table keys Cyrillic letters with their prefix.
    if (name === 'cyrchar' && s.charCodeAt(after) === 92) {
      let end2 = after + 1;
      while (end2 < to && isLetter(s.charCodeAt(end2))) end2++;
      const cyr = commandText(`\\cyrchar${s.slice(after, end2)}`, math);
      if (cyr !== undefined) return [cyr, skipBlanks(s, end2, to)];
    }
    const known = commandText(`\\${name}`, math);
    if (known !== undefined) return [known, letters ? after : end];
    if (!letters) return [name, end];

    if (name === 'url') return this.verbatimArg(after, to);
    // Table entries with an argument: `\ding{73}` is ☆.
    if (s.charCodeAt(after) === 123) {
      const end = this.groupEnd(after + 1, to);
      const withArg = commandText(`\\${name}${s.slice(after, end + 1)}`, math);
      if (withArg !== undefined) return [withArg, Math.min(end + 1, to)];
    }
    if (name === 'href') {
      const [, afterUrl] = this.argument(after, to, math);
      return this.argument(skipBlanks(s, afterUrl, to), to, math);
    }
    const dropped = DROP_ARGS[name];
    if (dropped) {
      let i = after;
      for (let k = 0; k < dropped; k++) i = skipBlanks(s, this.argument(i, to, math)[1], to);
      return ['', i];
    }
    if (name === 'textsuperscript' || name === 'textsubscript') {
      return this.script(name === 'textsuperscript' ? '^' : '_', after, to);
    }
    if (QUOTING.has(name) || UPPER.has(name) || LOWER.has(name)) {
      const [text, next] = this.argument(after, to, math);
      if (UPPER.has(name)) return [text.toUpperCase(), next];
      if (LOWER.has(name)) return [text.toLowerCase(), next];
      return [`\u201c${text}\u201d`, next];
    }
    // Any other command (\textit, \emph, \mbox, \textsc, an unknown macro) is dropped; its arguments read as text.
    return ['', after];
  }

  /** An accent applied to its argument: `\'e`, `\'{e}`, `\c c`, `\"{\i}`. */
  private accent(mark: string, from: number, to: number, math: boolean): [string, number] {
    const s = this.s;
    const i = skipBlanks(s, from, to);
    // `{$\overline$}` after "0001": an accent with nothing to sit on marks what precedes it, as the reference does.
    if (i >= to) return [mark, to];
    const [base, next] = this.argument(i, to, math);
    if (!base) return ['', next];
    // The dotless i and j take the accent as plain i and j.
    const first = base[0] === '\u0131' ? 'i' : base[0] === '\u0237' ? 'j' : base[0]!;
    return [first + mark + base.slice(1), next];
  }

  /** One argument: a braced group, a command, or a single character. */
  private argument(i: number, to: number, math: boolean): [string, number] {
    const s = this.s;
    if (i >= to) return ['', to];
    const c = s.charCodeAt(i);
    if (c === 123) {
      const end = this.groupEnd(i + 1, to);
      return [this.run(i + 1, end, math), Math.min(end + 1, to)];
    }
    if (c === 92) return this.command(i, to, math);
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    return [s.slice(i, i + width), i + width];
  }

  /** `\url{...}`: the argument as written, without decoding `~`, `_` or `%`. */
  private verbatimArg(i: number, to: number): [string, number] {
    if (this.s.charCodeAt(i) !== 123) return ['', i];
    const end = this.groupEnd(i + 1, to);
    return [this.s.slice(i + 1, end).replace(/\\([_%&#$~])/g, '$1'), Math.min(end + 1, to)];
  }

  /** Super- and subscripts in math: Unicode forms where every character has one, else the plain characters. */
  private script(mark: '^' | '_', from: number, to: number): [string, number] {
    const [text, next] = this.argument(from, to, true);
    // Whole-symbol forms come first: `^\circ` is the degree sign.
    const raw = this.s.slice(from, next).replace(/^\{\s*|\s*\}$/g, '');
    const symbol = raw.startsWith('\\') ? scriptChar(mark, raw) : undefined;
    if (symbol !== undefined) return [symbol, next];
    let mapped = '';
    for (const ch of text) {
      const m = scriptChar(mark, ch);
      if (m === undefined) return [text, next];
      mapped += m;
    }
    return [mapped, next];
  }
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function skipBlanks(s: string, i: number, to: number): number {
  while (i < to && isBlank(s.charCodeAt(i))) i++;
  return i;
}
