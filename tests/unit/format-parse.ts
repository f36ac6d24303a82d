/** Parsing a real fixture with one format, split into the papers and the reported errors. */
import path from 'node:path';
import { expect } from 'vitest';
import type { PaperDraft } from '../../shared/types';
import type { ImportFormat } from '../../electron/library/import/format';
import { readTextFile } from '../../electron/library/import/read-file';
import { FIXTURES } from './helpers';

export interface Parsed {
  text: string;
  drafts: PaperDraft[];
  errors: { line: number | null; message: string }[];
}

export function parseWith(format: ImportFormat, text: string): Parsed {
  const drafts: PaperDraft[] = [];
  const errors: Parsed['errors'] = [];
  for (const e of format.parse(text)) {
    if (e.ok) drafts.push(e.draft);
    else errors.push({ line: e.line, message: e.message });
  }
  return { text, drafts, errors };
}

export function parseFixture(format: ImportFormat, rel: string): Parsed {
  return parseWith(format, readTextFile(path.join(FIXTURES, rel)));
}

/** The draft whose title starts with `start`; fails loudly when there is none. */
export function titled(drafts: PaperDraft[], start: string): PaperDraft {
  const found = drafts.find((d) => d.title.startsWith(start));
  if (!found) throw new Error(`no paper titled "${start}..."`);
  return found;
}

/** The errors, in order, have these lines and messages matching these patterns. */
export function expectErrors(errors: Parsed['errors'], expected: [number | null, RegExp][]): void {
  expect(errors.map((e) => e.line)).toEqual(expected.map(([line]) => line));
  errors.forEach((e, i) => expect(e.message).toMatch(expected[i]![1]));
}
