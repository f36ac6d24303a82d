/**
 * A second reading of an entry whose braces do not balance (`publisher = {Taylor {{\&} Francis}` in a real export):
 * when the entry still ends with its closing brace before the next `@entry` line, its fields are read one per line,
 * as a person would, and the entry is kept with a warning. A cut-off entry (no closing brace) is not salvaged.
 */
import type { RawEntry } from './scanner';

const HEADER = /^@[ \t]*([A-Za-z]+)[ \t]*[{(][ \t]*([^,\s{}()]*)[ \t]*,/;
const FIELD_LINE = /^[ \t]*([A-Za-z][\w:+.-]*(?:[ \t]+[A-Za-z][\w:+.-]*)*)[ \t]*=[ \t]*/gm;

export function salvageEntry(
  region: string,
  line: number,
  expandMacro: (name: string) => string,
  reason: string,
): RawEntry | null {
  const body = region.trimEnd();
  const last = body.charAt(body.length - 1);
  if (last !== '}' && last !== ')') return null;
  const header = HEADER.exec(body);
  if (!header) return null;
  const rest = body.slice(header[0].length, body.length - 1);
  const starts: { name: string; from: number; valueFrom: number }[] = [];
  FIELD_LINE.lastIndex = 0;
  for (let m = FIELD_LINE.exec(rest); m; m = FIELD_LINE.exec(rest)) {
    starts.push({ name: m[1]!.toLowerCase(), from: m.index, valueFrom: m.index + m[0].length });
  }
  if (starts.length === 0) return null;
  const fields: Record<string, string> = {};
  starts.forEach((s, i) => {
    const raw = rest.slice(s.valueFrom, i + 1 < starts.length ? starts[i + 1]!.from : rest.length).trim();
    const value = raw.replace(/,$/, '').trim();
    if (s.name in fields) return;
    if ((value.startsWith('{') && value.endsWith('}')) || (value.startsWith('"') && value.endsWith('"'))) {
      fields[s.name] = value.slice(1, -1);
    } else {
      fields[s.name] = expandMacro(value);
    }
  });
  return {
    type: header[1]!.toLowerCase(),
    key: header[2]!,
    line,
    fields,
    warning: `@${header[1]!.toLowerCase()}{${header[2]!}} (line ${line}): ${reason}; imported with its fields read line by line`,
  };
}
