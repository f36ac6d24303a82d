/**
 * The members of a top-level JSON array or object, one at a time, each with its line. A big export is not turned
 * into one object graph: each paper is parsed on its own (less memory, no full-file garbage), and a broken paper is
 * reported with its line while the others still import. The scanner only tracks strings and nesting; JSON.parse
 * still judges each member.
 */
import type { ParsedEntry } from '../format';
import { jsonError } from './json-text';

export type JsonMember =
  { ok: true; key: string | null; value: unknown; line: number } | { ok: false; error: ParsedEntry };

const QUOTE = 34;
const BACKSLASH = 92;

/** Index of the quote closing the string opened at `open`, or -1. */
function stringEnd(text: string, open: number): number {
  let j = text.indexOf('"', open + 1);
  while (j !== -1) {
    let backslashes = 0;
    for (let k = j - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if ((backslashes & 1) === 0) return j;
    j = text.indexOf('"', j + 1);
  }
  return -1;
}

export function* jsonMembers(text: string, parseValues = true): Generator<JsonMember> {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n && text.charCodeAt(i) <= 32) i++;
  const open = text.charCodeAt(i);
  if (open !== 91 && open !== 123) {
    yield { ok: false, error: { ok: false, line: 1, message: 'expected a JSON array or object' } };
    return;
  }
  const isObject = open === 123;
  let line = 1;
  let counted = 0;
  const lineAt = (pos: number) => {
    for (let k = text.indexOf('\n', counted); k !== -1 && k < pos; k = text.indexOf('\n', k + 1)) line++;
    counted = pos;
    return line;
  };
  let depth = 0;
  let key: string | null = null;
  let start = -1;
  let expectKey = isObject;
  i++;
  const emit = function* (end: number): Generator<JsonMember> {
    if (start < 0) return;
    const slice = text.slice(start, end);
    const at = lineAt(start);
    try {
      yield { ok: true, key, value: parseValues ? (JSON.parse(slice) as unknown) : undefined, line: at };
    } catch (err) {
      yield { ok: false, error: jsonError(slice, err, at) };
    }
    start = -1;
    key = null;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end === -1) break;
      if (depth === 0 && expectKey) {
        try {
          key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          // A key with a broken escape: the member is still read, under the key as written.
          key = text.slice(i + 1, end);
        }
        expectKey = false;
      } else if (start < 0) start = i;
      i = end + 1;
      continue;
    }
    if (c === 123 || c === 91) {
      if (depth === 0 && start < 0) start = i;
      depth++;
    } else if (c === 125 || c === 93) {
      if (depth === 0) {
        yield* emit(i);
        return;
      }
      depth--;
    } else if (depth === 0 && c === 44) {
      yield* emit(i);
      expectKey = isObject;
    } else if (depth === 0 && start < 0 && c > 32 && c !== 58) {
      start = i;
    }
    i++;
  }
  // The file ended before the array or object closed: the member that was open is reported at its first line.
  const cut = lineAt(start >= 0 ? start : n);
  yield {
    ok: false,
    error: { ok: false, line: cut, message: 'not valid JSON: the file ends inside an entry (cut off?)' },
  };
}

/** The first line of each top-level member, without parsing the members (for files parsed whole). */
export function jsonMemberLines(text: string): number[] {
  const lines: number[] = [];
  for (const m of jsonMembers(text, false)) if (m.ok) lines.push(m.line);
  return lines;
}
