/**
 * Every real fixture of the non-BibTeX formats: recognized by content as the right format (also under a neutral
 * name), parsed without throwing, with the entry count SOURCES.json gives (deviations in format-fixtures.ts, each with
 * its reason). Importing them twice is in import-formats-reimport.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../electron/library/import/detect';
import { readTextFile } from '../../electron/library/import/read-file';
import { expectedCount, expectedFormat, refused, sources, supported } from './format-fixtures';
import { FIXTURES } from './helpers';

describe('real fixtures of the non-BibTeX formats', () => {
  it('covers every file of those folders', () => {
    expect(supported.length).toBeGreaterThan(90);
    for (const s of sources) expect(fs.existsSync(path.join(FIXTURES, s.dest)), s.dest).toBe(true);
  });

  it.each(supported.map((s) => [s.dest, s] as const))('%s parses with the expected count', (dest, s) => {
    const text = readTextFile(path.join(FIXTURES, dest));
    const format = detectFormat(text, dest);
    expect(format?.name).toBe(expectedFormat(dest));
    // Content decides, not the name: the same text under a neutral name is still recognized.
    expect(detectFormat(text, 'download')?.name).toBe(expectedFormat(dest));
    const entries = [...format!.parse(text)];
    const papers = entries.filter((e) => e.ok).length;
    const errors = entries.filter((e) => !e.ok);
    const expected = expectedCount(s);
    expect({ papers, errors: errors.length }).toEqual({ papers: expected.papers, errors: expected.errors });
    for (const e of errors) if (!e.ok) expect(e.message.length).toBeGreaterThan(10);
  });

  it.each(refused.map((s) => [s.dest] as const))('%s is refused as not an import format', (dest) => {
    expect(detectFormat(readTextFile(path.join(FIXTURES, dest)), dest)).toBeNull();
  });
});
