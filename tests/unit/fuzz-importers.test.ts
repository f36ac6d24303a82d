/**
 * Every import format (whatever `formats` holds, so new ones are covered as they land) against broken and hostile
 * versions of the real fixture files: parsing never throws and ends in entries or per-entry errors; importing ends in
 * papers or a clear error, never a partial paper, and the library passes check afterwards. Time per input is
 * measured and reported (not asserted); a hang would fail the test by its timeout.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LibraryError, openLibrary } from '../../electron/library';
import { formats } from '../../electron/library/import/formats';
import { detectFormat } from '../../electron/library/import/detect';
import { decodeText } from '../../electron/library/import/read-file';
import { fixtureFiles, mutatedInput } from '../safety/mutate';
import { FIXTURES, tempDir } from './helpers';

const PARSE_RUNS = Number(process.env['LECTERN_FUZZ_PARSE_RUNS'] ?? 150);
const IMPORT_RUNS = Number(process.env['LECTERN_FUZZ_IMPORT_RUNS'] ?? 25);

const files = fixtureFiles(FIXTURES, 2 * 1024 * 1024);
const pool = files.map((f) => f.bytes);
/** Each fixture's detected format: a format's own files are its seeds. */
const detected = new Map<string, Buffer[]>();
for (const f of files) {
  let text: string;
  try {
    text = decodeText(f.bytes, f.name);
  } catch {
    continue;
  }
  const format = detectFormat(text, f.name);
  if (format) detected.set(format.name, [...(detected.get(format.name) ?? []), f.bytes]);
}

const figures: Record<string, { inputs: number; ms: number; slowestMs: number; entries: number; errors: number }> = {};
afterAll(() => console.info('importer fuzz', JSON.stringify(figures)));

function decode(bytes: Buffer): string | null {
  try {
    return decodeText(bytes, 'fuzz');
  } catch (err) {
    // Refusing a binary file is a clear error, and an answer.
    expect(err).toBeInstanceOf(LibraryError);
    return null;
  }
}

describe.each(formats.map((f) => [f.name, f] as const))('the %s importer on mutated real files', (name, format) => {
  const seeds = detected.get(name) ?? pool;
  const stats = (figures[name] = { inputs: 0, ms: 0, slowestMs: 0, entries: 0, errors: 0 });

  it('parses without throwing: every entry is a titled draft or an error with a message', () => {
    expect(seeds.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(mutatedInput(seeds, pool), (bytes) => {
        const text = decode(bytes);
        if (text === null) return;
        const started = performance.now();
        const entries = [...format.parse(text)];
        const ms = performance.now() - started;
        stats.inputs++;
        stats.ms += ms;
        stats.slowestMs = Math.max(stats.slowestMs, ms);
        for (const e of entries) {
          if (e.ok) {
            stats.entries++;
            expect(typeof e.draft.title).toBe('string');
            expect(Array.isArray(e.draft.authors)).toBe(true);
          } else {
            stats.errors++;
            expect(e.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: PARSE_RUNS },
    );
  }, 120_000);

  it('imports into a library: papers or a clear error, never a partial or untitled paper', () => {
    const library = openLibrary({ path: path.join(tempDir('lectern-fuzz-'), 'library.sqlite') });
    fc.assert(
      fc.property(mutatedInput(seeds, pool, 16 * 1024), (bytes) => {
        const text = decode(bytes);
        if (text === null) return;
        const before = library.counts().all;
        try {
          const report = library.importText('fuzz.txt', text, name);
          expect(library.counts().all).toBe(before + report.added);
        } catch (err) {
          expect(err).toBeInstanceOf(LibraryError);
          expect((err as Error).message.length).toBeGreaterThan(0);
          expect(library.counts().all).toBe(before);
        }
      }),
      { numRuns: IMPORT_RUNS },
    );
    const untitled = library.db.prepare("SELECT count(*) AS n FROM papers WHERE trim(title) = ''").get() as {
      n: number;
    };
    expect(untitled.n).toBe(0);
    expect(library.check()).toEqual({ ok: true, problems: [] });
    library.close();
  }, 120_000);
});
