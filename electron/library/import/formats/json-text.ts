/** Parsing JSON with a syntax error turned into a line number the user can find. */
import type { ParsedEntry } from '../format';

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: ParsedEntry };

export function parseJsonText(text: string): JsonResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (err) {
    return { ok: false, error: jsonError(body, err, 1) };
  }
}

/** The error entry for a JSON.parse failure on `body`, whose first line is line `firstLine` of the file. */
export function jsonError(body: string, err: unknown, firstLine: number): ParsedEntry {
  const message = (err as Error).message;
  const at = errorOffset(body, message);
  let line: number | null = null;
  if (at !== null) {
    line = firstLine;
    const end = Math.min(at, body.length);
    for (let i = body.indexOf('\n'); i !== -1 && i < end; i = body.indexOf('\n', i + 1)) line++;
  }
  return { ok: false, line, message: `not valid JSON: ${message.split('\n')[0]}` };
}

/**
 * Where JSON.parse stopped. V8 says "at position N" for some errors; for an unexpected token it quotes the text
 * around it instead (10 characters either side, "..." where cut), which is found again in the file.
 */
function errorOffset(body: string, message: string): number | null {
  const at = /position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  if (/end of JSON input/.test(message)) return body.length;
  const quoted = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (!quoted) return null;
  const [, token, cut, context] = quoted;
  const start = body.indexOf(context!);
  if (start < 0) return null;
  return start + (cut ? 10 : Math.max(0, context!.indexOf(token!)));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
