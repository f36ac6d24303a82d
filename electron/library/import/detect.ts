import path from 'node:path';
import type { ImportFormat } from './format';
import { formats } from './formats';

const HEAD = 64 * 1024;

/** The format that recognizes the text best; the file's extension only breaks ties. Null when none does. */
export function detectFormat(text: string, fileName: string): ImportFormat | null {
  const head = text.slice(0, HEAD);
  const ext = path.extname(fileName).slice(1).toLowerCase();
  let best: { format: ImportFormat; score: number } | null = null;
  for (const format of formats) {
    let score = format.detect(head);
    if (score <= 0) continue;
    if (format.extensions.includes(ext)) score += 0.05;
    if (!best || score > best.score) best = { format, score };
  }
  return best?.format ?? null;
}
