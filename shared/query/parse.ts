/**
 * Parses Lectern's search language into a QueryNode. Pure, so the renderer can check a query as it is typed and the
 * library can compile the very same tree to SQL.
 */
import { READING_STATUSES, isReadingStatus } from '../types';
import { QuerySyntaxError } from './ast';
import type { QueryNode, TextField } from './ast';

type Token =
  { type: 'open' | 'close' | 'minus' | 'or' | 'not'; pos: number } | { type: 'term'; pos: number; node: QueryNode };

interface Quoted {
  content: string;
  /** Offset of the opening quote. */
  pos: number;
  /** Offset of a `*` right after the closing quote, or -1. */
  starPos: number;
}

// The index is built with FTS5's unicode61 tokenizer, which keeps letters, numbers, private-use characters and
// combining marks together and splits on everything else; splitting the query the same way makes `gpt-4` find what
// the index stored as "gpt" "4".
const WORD_CHARS = '\\p{L}\\p{N}\\p{M}\\p{Co}';
const WORDS = new RegExp(`[${WORD_CHARS}]+`, 'gu');
const WORD_CHAR_AT = new RegExp(`[${WORD_CHARS}]`, 'uy');
const PREFIX_STAR_AT_END = new RegExp(`[${WORD_CHARS}]\\*$`, 'u');
const NOT_TAG_CHAR = new RegExp(`[^${WORD_CHARS}_\\-/.:]`, 'u');
const FIELD_PREFIX = /^([A-Za-z]+):/;
const WHITESPACE = /\s/;
const TEXT_FIELDS: ReadonlySet<string> = new Set<TextField>(['title', 'author', 'abstract', 'note']);
const OTHER_FIELDS: ReadonlySet<string> = new Set(['tag', 'status', 'year', 'is', 'has']);
// Recursion is one stack frame chain per parenthesis; a pasted wall of "(((" must fail politely, not overflow.
const MAX_NESTING = 64;

/** Parses a search query; throws QuerySyntaxError (with a 0-based position) when it cannot be understood. */
export function parseQuery(input: string): QueryNode {
  return new Parser(new Lexer(input).run()).parseAll();
}

/** Whether the query has full-text words that are not excluded: only then is ranking by relevance meaningful. */
export function queryHasText(node: QueryNode): boolean {
  switch (node.kind) {
    case 'text':
      return true;
    case 'and':
    case 'or':
      return node.items.some(queryHasText);
    default:
      // Text under a `not` only filters; it says nothing about which remaining paper matches best.
      return false;
  }
}

class Lexer {
  private readonly tokens: Token[] = [];
  private i = 0;

  constructor(private readonly src: string) {}

  run(): Token[] {
    const s = this.src;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (WHITESPACE.test(c)) {
        this.i++;
      } else if (c === '(' || c === ')') {
        this.tokens.push({ type: c === '(' ? 'open' : 'close', pos: this.i++ });
      } else if (c === '"') {
        const quoted = this.readQuoted();
        this.tokens.push({ type: 'term', pos: quoted.pos, node: textFromQuoted('any', quoted) });
      } else if (c === '-' && this.startsTerm(this.i + 1)) {
        this.tokens.push({ type: 'minus', pos: this.i++ });
        // Right after a minus the next word is always a term, so `-OR` excludes the word rather than dangling.
        if (s[this.i] !== '"' && s[this.i] !== '(') this.readBare(false);
      } else {
        this.readBare(true);
      }
    }
    return this.tokens;
  }

  private startsTerm(at: number): boolean {
    const c = this.src[at];
    if (c === '"' || c === '(') return true;
    WORD_CHAR_AT.lastIndex = at;
    return WORD_CHAR_AT.test(this.src);
  }

  private readQuoted(): Quoted {
    const pos = this.i;
    const close = this.src.indexOf('"', pos + 1);
    if (close < 0) throw new QuerySyntaxError('Unclosed quote', pos);
    this.i = close + 1;
    let starPos = -1;
    if (this.src[this.i] === '*') starPos = this.i++;
    return { content: this.src.slice(pos + 1, close), pos, starPos };
  }

  /** Reads up to whitespace, a parenthesis or a quote: a keyword, a field term, a word, or stray punctuation. */
  private readBare(keywords: boolean): void {
    const s = this.src;
    const start = this.i;
    while (this.i < s.length && !WHITESPACE.test(s[this.i]!) && !'()"'.includes(s[this.i]!)) this.i++;
    const raw = s.slice(start, this.i);
    if (keywords && (raw === 'OR' || raw === 'NOT')) {
      this.tokens.push({ type: raw === 'OR' ? 'or' : 'not', pos: start });
      return;
    }
    // Implicit AND already joins terms, so an explicit one only has to be tolerated.
    if (keywords && raw === 'AND') return;
    const field = FIELD_PREFIX.exec(raw);
    const name = field?.[1]!.toLowerCase() ?? '';
    // "Note: a lemma" pasted from a title is words, not an empty field; a dangling `tag:` at the end is an error.
    const wordsFollow =
      field !== null && raw === field[0] && WHITESPACE.test(s[this.i] ?? '') && /\S/.test(s.slice(this.i));
    if (field && !wordsFollow && (TEXT_FIELDS.has(name) || OTHER_FIELDS.has(name))) {
      this.tokens.push({ type: 'term', pos: start, node: this.readFieldValue(name, raw, start, field[0].length) });
      return;
    }
    if (/^-+$/.test(raw)) {
      // A detached dash is how titles write dashes ("Transformers - a survey"); only one with nothing after it is
      // clearly an exclusion the user did not finish.
      let j = this.i;
      while (j < s.length && WHITESPACE.test(s[j]!)) j++;
      if (j >= s.length || s[j] === ')') throw new QuerySyntaxError("Nothing to exclude after '-'", start);
      return;
    }
    const node = textFromBare('any', raw, start);
    if (node) this.tokens.push({ type: 'term', pos: start, node });
  }

  private readFieldValue(name: string, raw: string, start: number, prefixLength: number): QueryNode {
    const value = raw.slice(prefixLength);
    const valuePos = start + prefixLength;
    if (value === '') {
      if (this.src[this.i] !== '"') throw new QuerySyntaxError(`${name}: needs a value right after the colon`, start);
      const quoted = this.readQuoted();
      if (TEXT_FIELDS.has(name)) return textFromQuoted(name as TextField, quoted);
      if (quoted.starPos >= 0) throw new QuerySyntaxError(`${name}: cannot match by prefix`, quoted.starPos);
      if (name === 'tag') return tagFromQuoted(quoted);
      return fieldValue(name, quoted.content.trim(), quoted.pos + 1);
    }
    if (TEXT_FIELDS.has(name)) {
      const node = textFromBare(name as TextField, value, valuePos);
      if (!node) throw new QuerySyntaxError(`${name}: needs a word`, valuePos);
      return node;
    }
    if (name === 'tag') return tagFromBare(value, valuePos);
    return fieldValue(name, value, valuePos);
  }
}

function textFromBare(field: TextField, raw: string, pos: number): QueryNode | null {
  let body = raw;
  let prefix = false;
  if (raw.endsWith('*')) {
    if (!PREFIX_STAR_AT_END.test(raw)) {
      throw new QuerySyntaxError('A * must come right after a word, as in regress*', pos + raw.length - 1);
    }
    body = raw.slice(0, -1);
    prefix = true;
  }
  const words = body.match(WORDS);
  if (!words) return null;
  return { kind: 'text', field, words, phrase: words.length > 1, prefix };
}

function textFromQuoted(field: TextField, quoted: Quoted): QueryNode {
  const words = quoted.content.match(WORDS);
  if (!words) throw new QuerySyntaxError('Empty phrase', quoted.pos);
  // `"some phra*"` is how people naturally type a phrase prefix, so it means the same as `"some phra"*`.
  const prefix = quoted.starPos >= 0 || PREFIX_STAR_AT_END.test(quoted.content.trimEnd());
  return { kind: 'text', field, words, phrase: true, prefix };
}

function tagFromBare(value: string, pos: number): QueryNode {
  const bad = NOT_TAG_CHAR.exec(value);
  if (bad) {
    const message =
      bad[0] === '*'
        ? 'tag: matches whole tag names; * is not supported'
        : 'Tag names may contain only letters, digits and - _ / . : (quote other names)';
    throw new QuerySyntaxError(message, pos + bad.index);
  }
  return { kind: 'tag', name: value };
}

function tagFromQuoted(quoted: Quoted): QueryNode {
  const name = quoted.content.trim();
  if (!name) throw new QuerySyntaxError('tag: needs a name', quoted.pos);
  return { kind: 'tag', name };
}

function fieldValue(name: string, value: string, pos: number): QueryNode {
  if (name === 'year') return yearRange(value, pos);
  const lower = value.toLowerCase();
  if (name === 'status') {
    const status = lower === 'toread' ? 'to-read' : lower.replace(/_/g, '-');
    if (isReadingStatus(status)) return { kind: 'status', status };
    throw new QuerySyntaxError(`Unknown status "${value}"; use one of ${READING_STATUSES.join(', ')}`, pos);
  }
  if (name === 'is' && lower === 'starred') return { kind: 'starred' };
  if (name === 'has' && lower === 'note') return { kind: 'hasNote' };
  const valid = name === 'is' ? 'is:starred' : 'has:note';
  throw new QuerySyntaxError(`Unknown ${name}: value "${value}"; use ${valid}`, pos);
}

function yearRange(value: string, pos: number): QueryNode {
  const single = /^(\d{1,4})$/.exec(value);
  if (single) {
    const year = Number(single[1]);
    return { kind: 'year', from: year, to: year };
  }
  const range = /^(\d{1,4})?\.\.(\d{1,4})?$/.exec(value);
  if (range && (range[1] || range[2])) {
    const from = range[1] ? Number(range[1]) : null;
    const to = range[2] ? Number(range[2]) : null;
    if (from !== null && to !== null && from > to) {
      throw new QuerySyntaxError(`Year range ${value} ends before it starts`, pos);
    }
    return { kind: 'year', from, to };
  }
  const bound = /^([<>]=?)(\d{1,4})$/.exec(value);
  if (bound) {
    const year = Number(bound[2]);
    switch (bound[1]) {
      case '>':
        return { kind: 'year', from: year + 1, to: null };
      case '>=':
        return { kind: 'year', from: year, to: null };
      case '<':
        return { kind: 'year', from: null, to: year - 1 };
      default:
        return { kind: 'year', from: null, to: year };
    }
  }
  throw new QuerySyntaxError(
    `Invalid year "${value}"; use year:2020, year:2019..2023, year:2019.., year:>=2019 or year:<2020`,
    pos,
  );
}

/**
 * Recursive descent over: query = group* ; group = unary (OR unary)* ; unary = (- | NOT)* primary ;
 * primary = ( query ) | term. OR sits below the implicit AND, so `a b OR c d` is a AND (b OR c) AND d.
 * Empty parentheses yield null: harmless among ANDed terms, an error where an operator needs an operand.
 */
class Parser {
  private k = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): QueryNode {
    const items = this.sequence();
    const stray = this.tokens[this.k];
    if (stray) throw new QuerySyntaxError("Unmatched ')'", stray.pos);
    return combine('and', items);
  }

  private sequence(): QueryNode[] {
    const items: QueryNode[] = [];
    for (let t = this.tokens[this.k]; t && t.type !== 'close'; t = this.tokens[this.k]) {
      const node = this.disjunction();
      if (node) items.push(node);
    }
    return items;
  }

  private disjunction(): QueryNode | null {
    const first = this.unary();
    const items: QueryNode[] = [];
    for (let t = this.tokens[this.k]; t?.type === 'or'; t = this.tokens[this.k]) {
      if (!first) throw new QuerySyntaxError('OR needs a term before it', t.pos);
      this.k++;
      const next = this.tokens[this.k];
      if (!next || next.type === 'close') throw new QuerySyntaxError('OR needs a term after it', t.pos);
      const node = this.unary();
      if (!node) throw new QuerySyntaxError('OR needs a term after it', t.pos);
      items.push(node);
    }
    if (!first || items.length === 0) return first;
    return combine('or', [first, ...items]);
  }

  private unary(): QueryNode | null {
    // Counted in a loop rather than by recursion, so "NOT NOT NOT ..." cannot exhaust the stack.
    let negations = 0;
    let last: Token | undefined;
    for (let t = this.tokens[this.k]; t?.type === 'minus' || t?.type === 'not'; t = this.tokens[this.k]) {
      negations++;
      last = t;
      this.k++;
    }
    const next = this.tokens[this.k];
    if (last && (!next || next.type === 'close' || next.type === 'or')) {
      throw new QuerySyntaxError(
        last.type === 'not' ? 'NOT needs a term after it' : "Nothing to exclude after '-'",
        last.pos,
      );
    }
    const node = this.primary();
    if (!last) return node;
    if (!node) throw new QuerySyntaxError('Nothing to exclude inside the empty parentheses', last.pos);
    return negations % 2 === 1 ? { kind: 'not', item: node } : node;
  }

  private primary(): QueryNode | null {
    const t = this.tokens[this.k];
    if (!t) return null;
    if (t.type === 'or') throw new QuerySyntaxError('OR needs a term before it', t.pos);
    if (t.type === 'term') {
      this.k++;
      return t.node;
    }
    if (t.type !== 'open') throw new QuerySyntaxError("Unmatched ')'", t.pos);
    if (++this.depth > MAX_NESTING) throw new QuerySyntaxError('Parentheses nested too deeply', t.pos);
    this.k++;
    const items = this.sequence();
    if (this.tokens[this.k]?.type !== 'close') throw new QuerySyntaxError("Unclosed '('", t.pos);
    this.k++;
    this.depth--;
    return items.length === 0 ? null : combine('and', items);
  }
}

/** Builds an and/or, merging children of the same kind so `(a b) c` is one flat `and`, and unwrapping one item. */
function combine(kind: 'and' | 'or', items: QueryNode[]): QueryNode {
  const flat = items.flatMap((item) => (item.kind === kind ? item.items : [item]));
  return flat.length === 1 ? flat[0]! : { kind, items: flat };
}
