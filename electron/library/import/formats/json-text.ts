/** Parsing a whole JSON file once, with a syntax error turned into a line number the user can find. */
import type { ParsedEntry } from '../format';

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: ParsedEntry };

export function parseJsonText(text: string): JsonResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    let line: number | null = null;
    if (at) {
      line = 1;
      const end = Math.min(Number(at[1]), body.length);
      for (let i = body.indexOf('\n'); i !== -1 && i < end; i = body.indexOf('\n', i + 1)) line++;
    }
    return { ok: false, error: { ok: false, line, message: `not valid JSON: ${message}` } };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
