/**
 * The BibTeX structure scanner: entries, fields, braces, quotes, `#` concatenation and `@string` macros, with the field
 * values left as raw LaTeX. It is hand-written over char codes because this is where general-purpose BibTeX parsers
 * spend their time; LaTeX decoding happens later and only for the values that need it (see `latex.ts`).
 *
 * A malformed entry becomes an error with its 1-based line; scanning resumes at the next `@` that starts a line after
 * the bad entry's start, so one broken entry never hides the ones after it.
 */
import {
  AT,
  COMMA,
  commentedOut,
  EQUALS,
  HASH,
  isNameChar,
  isSpace,
  LBRACE,
  LPAREN,
  MONTH_MACROS,
  NEWLINE,
  QUOTE,
  RBRACE,
  RPAREN,
} from './chars';
import { LineCounter } from './lines';
import { salvageEntry } from './salvage';

/** One entry as written: lower-case type and field names, raw values with macros expanded and `#` joined. */
export interface RawEntry {
  type: string;
  key: string;
  line: number;
  fields: Record<string, string>;
  /** Set when the entry was malformed but could be read anyway (see `salvage.ts`). */
  warning?: string;
}

export interface ScanError {
  line: number;
  message: string;
}

export type ScanItem = { ok: true; entry: RawEntry } | { ok: false; error: ScanError };

class Malformed extends Error {}

const NON_ENTRY = new Set(['comment', 'preamble', 'string']);

/** A line that opens the next entry: optional blanks, `@`, a type, optional blanks, `{` or `(`. */
const ENTRY_START = /[ \t]*@[A-Za-z]+[ \t]*[{(]/y;

export class Scanner {
  private pos = 0;
  private readonly lines: LineCounter;
  readonly macros = new Map<string, string>();

  constructor(private readonly text: string) {
    this.lines = new LineCounter(text);
  }

  *items(): Generator<ScanItem> {
    const text = this.text;
    while (this.pos < text.length) {
      const at = text.indexOf('@', this.pos);
      if (at < 0) return;
      this.pos = at + 1;
      const start = at;
      // `%@article{...}` is an entry commented out, as biber and Better BibTeX read it.
      if (commentedOut(text, at)) continue;
      let type = '';
      try {
        type = this.readName().toLowerCase();
        // An `@` that does not open an entry (an e-mail address in a comment line) is text between entries.
        if (!type) continue;
        this.skipSpace();
        const open = text.charCodeAt(this.pos);
        if (open !== LBRACE && open !== LPAREN) continue;
        this.pos++;
        const close = open === LBRACE ? RBRACE : RPAREN;
        const entry = this.readBody(type, close, start);
        if (entry) yield { ok: true, entry };
      } catch (err) {
        // Anything else thrown here would be a bug; it still only costs this entry, never the file.
        const reason = err instanceof Malformed ? err.message : `could not be read (${String(err)})`;
        const line = this.lines.lineAt(start);
        const end = this.nextEntryStart(start + 1);
        const salvaged = NON_ENTRY.has(type)
          ? null
          : salvageEntry(text.slice(start, end), line, (name) => this.expandMacro(name), reason);
        if (salvaged) yield { ok: true, entry: salvaged };
        else yield { ok: false, error: { line, message: `@${type} entry on line ${line}: ${reason}` } };
        this.pos = end;
      }
    }
  }

  /** Reads what follows `@type{`; returns null for @string, @preamble and @comment. */
  private readBody(type: string, close: number, start: number): RawEntry | null {
    if (type === 'comment') {
      this.skipComment(close);
      return null;
    }
    if (type === 'preamble') {
      // Nothing in a paper comes from the preamble, and people write bare text in it: skip it like a comment.
      this.skipComment(close);
      return null;
    }
    if (type === 'string') {
      this.skipSpace();
      const name = this.readName().toLowerCase();
      if (!name) throw new Malformed('expected a macro name after @string');
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== EQUALS) throw new Malformed(`expected "=" after @string ${name}`);
      this.pos++;
      this.macros.set(name, this.readValue(name));
      this.expectClose(close);
      return null;
    }
    const key = this.readKey(close);
    const fields: Record<string, string> = {};
    for (;;) {
      this.skipSpace();
      let c = this.text.charCodeAt(this.pos);
      while (c === COMMA) {
        this.pos++;
        this.skipSpace();
        c = this.text.charCodeAt(this.pos);
      }
      // Either closer ends the entry: `@book{...)` is a slip that BibTeX tools forgive.
      if (c === RBRACE || c === RPAREN) {
        this.pos++;
        break;
      }
      if (Number.isNaN(c))
        throw new Malformed(`the entry${key ? ` ${key}` : ''} is not closed: the file ends inside it`);
      const name = this.readFieldName();
      if (!name) throw new Malformed(this.unexpected(`a field name${key ? ` in ${key}` : ''}`));
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== EQUALS) throw new Malformed(this.unexpected(`"=" after field ${name}`));
      this.pos++;
      const value = this.readValue(name);
      // BibTeX keeps the first of two fields with the same name.
      if (!(name in fields)) fields[name] = value;
      this.skipSpace();
      const after = this.text.charCodeAt(this.pos);
      // A missing comma before the next field is forgiven; anything else (say, the next `@entry`) is not.
      if (after !== COMMA && after !== RBRACE && after !== RPAREN && !isNameChar(after)) {
        throw new Malformed(this.unexpected(`"," or the end of the entry after field ${name}`));
      }
    }
    return { type, key, line: this.lines.lineAt(start), fields };
  }

  /** The citation key: everything up to the first comma (or the end of an entry that has no fields). */
  private readKey(close: number): string {
    const text = this.text;
    this.skipSpace();
    const from = this.pos;
    let i = from;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === COMMA || c === close || c === NEWLINE || c === EQUALS) break;
    }
    // `@misc{title = ...}` has no key: the name read belongs to the first field.
    if (text.charCodeAt(i) === EQUALS) return '';
    if (i >= text.length) throw new Malformed('the file ends inside the entry key');
    this.pos = i;
    return text.slice(from, i).trim();
  }

  /** A field value: parts joined by `#`, each a {braced} or "quoted" string, a number or a macro name. */
  private readValue(field: string): string {
    const text = this.text;
    let value = '';
    for (;;) {
      this.skipSpace();
      const c = text.charCodeAt(this.pos);
      if (c === LBRACE) {
        const end = this.matchBrace(this.pos + 1, field);
        value += text.slice(this.pos + 1, end);
        this.pos = end + 1;
      } else if (c === QUOTE) {
        const end = this.matchQuote(this.pos + 1, field);
        value += text.slice(this.pos + 1, end);
        this.pos = end + 1;
      } else {
        const name = this.readName();
        if (!name) {
          if (Number.isNaN(c)) throw new Malformed(`the file ends before the value of field ${field}`);
          throw new Malformed(this.unexpected(`a value for field ${field}`));
        }
        value += this.expandMacro(name);
      }
      this.skipSpace();
      if (text.charCodeAt(this.pos) !== HASH) return value;
      this.pos++;
    }
  }

  private expandMacro(name: string): string {
    if (/^\d+$/.test(name)) return name;
    const lower = name.toLowerCase();
    // An undefined macro keeps its name, so nothing the author wrote is lost; braced, it stays one name in a list.
    return this.macros.get(lower) ?? MONTH_MACROS[lower] ?? `{${name}}`;
  }

  /** Index of the `}` closing a group whose content starts at `from`; braces nest regardless of backslashes. */
  private matchBrace(from: number, field: string): number {
    const text = this.text;
    let depth = 1;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === RBRACE) {
        if (--depth === 0) return i;
      } else if (c === LBRACE) depth++;
      else if (c === NEWLINE && this.entryStartsAt(i + 1)) {
        throw new Malformed(
          `field ${field} has an unclosed "{" (it runs into the entry on line ${this.lines.lineAt(i + 1)})`,
        );
      }
    }
    throw new Malformed(`field ${field} has an unclosed "{": the file ends inside it`);
  }

  /** Index of the `"` closing a quoted value; a quote inside braces does not close it. */
  private matchQuote(from: number, field: string): number {
    const text = this.text;
    let depth = 0;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE && depth === 0) return i;
      if (c === LBRACE) depth++;
      else if (c === RBRACE) depth--;
      else if (c === NEWLINE && this.entryStartsAt(i + 1)) {
        throw new Malformed(
          `field ${field} has an unclosed '"' (it runs into the entry on line ${this.lines.lineAt(i + 1)})`,
        );
      }
    }
    throw new Malformed(`field ${field} has an unclosed '"': the file ends inside it`);
  }

  private entryStartsAt(i: number): boolean {
    const c = this.text.charCodeAt(i);
    if (c !== AT && c !== 32 && c !== 9) return false;
    ENTRY_START.lastIndex = i;
    return ENTRY_START.test(this.text);
  }

  /** Skips a @comment's balanced group (braces, or parentheses for `@comment(...)`). */
  private skipComment(close: number): void {
    const text = this.text;
    const open = close === RBRACE ? LBRACE : LPAREN;
    let depth = 1;
    for (let i = this.pos; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === open) depth++;
      else if (c === close && --depth === 0) {
        this.pos = i + 1;
        return;
      }
    }
    throw new Malformed('the comment is not closed: the file ends inside it');
  }

  private expectClose(close: number): void {
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== close) throw new Malformed(this.unexpected('the end of the entry'));
    this.pos++;
  }

  /** A field name, lower case; Web of Science writes some with blanks ("Early Access Date"). */
  private readFieldName(): string {
    const text = this.text;
    let name = this.readName();
    while (name) {
      let i = this.pos;
      while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
      if (i === this.pos || !isNameChar(text.charCodeAt(i))) break;
      this.pos = i;
      name += ' ' + this.readName();
    }
    return name.toLowerCase();
  }

  private readName(): string {
    const text = this.text;
    const from = this.pos;
    let i = from;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    this.pos = i;
    return text.slice(from, i);
  }

  private skipSpace(): void {
    const text = this.text;
    let i = this.pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) i++;
      // A `%` line between fields is a comment for biber and most tools.
      else if (c === 37) {
        const nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length : nl + 1;
      } else break;
    }
    this.pos = i;
  }

  private unexpected(what: string): string {
    const at = this.pos;
    if (at >= this.text.length) return `expected ${what}, but the file ends`;
    const shown = JSON.stringify(this.text.slice(at, at + 12).replace(/\s+/g, ' '));
    return `expected ${what} on line ${this.lines.lineAt(at)}, found ${shown}`;
  }

  /** Where scanning resumes after a malformed entry: the next line that starts with `@`, or the end. */
  private nextEntryStart(from: number): number {
    const re = /\n[ \t]*@/g;
    re.lastIndex = from;
    const m = re.exec(this.text);
    return m ? m.index + m[0].length - 1 : this.text.length;
  }
}
