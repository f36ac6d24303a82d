/**
 * The query language and the contract router under random and hostile input: the parser answers with a query or a
 * syntax error with a position, never anything else; the router answers every request with a result or a coded
 * error, never a throw and never an "internal" error; the library passes check afterwards.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Library, type Router } from '../../electron/library';
import { commandNames } from '../../shared/contract';
import { parseQuery } from '../../shared/query/parse';
import { QuerySyntaxError } from '../../shared/query/ast';
import { tempLibrary, TRENDING } from './helpers';

/** Restore replaces the library under the test; enrich asks arXiv and Crossref over the network. */
const OFFLINE_EXCLUDED: string[] = ['library.restore', 'papers.enrich'];
const RUNS = Number(process.env['LECTERN_FUZZ_RUNS'] ?? 300);
const figures: Record<string, { inputs: number; ms: number; slowestMs: number }> = {};
afterAll(() => console.info('query and contract fuzz', JSON.stringify(figures)));

function timed<T>(target: string, fn: () => T): T {
  const f = (figures[target] ??= { inputs: 0, ms: 0, slowestMs: 0 });
  const started = performance.now();
  try {
    return fn();
  } finally {
    const ms = performance.now() - started;
    f.inputs++;
    f.ms += ms;
    f.slowestMs = Math.max(f.slowestMs, ms);
  }
}

/** Pieces of the query language and of attacks on it, glued together at random. */
const queryPiece = fc.oneof(
  fc.constantFrom(
    'tag:',
    'author:',
    'title:',
    'abstract:',
    'note:',
    'year:',
    'status:',
    'is:starred',
    'has:note',
    'OR',
    'AND',
    'NOT',
    '-',
    '(',
    ')',
    '"',
    '*',
    '..',
    '2020..2024',
    ':',
    ' ',
    "'",
    ';',
    '--',
    '/*',
    '%',
    '_',
    'NEAR',
    '^',
    '\\',
    '\u0000',
    '\uD800',
    '"; DROP TABLE papers; --',
    "' OR 1=1 --",
    'papers_fts MATCH',
    '<script>alert(1)</script>',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('regression', 'quantile', 'attention', 'read', 'to-read', 'new', 'survey', 'lecun'),
);
const query = fc.array(queryPiece, { maxLength: 25 }).map((parts) => parts.join(''));

describe('the query parser', () => {
  it('answers every string with a query or a syntax error at a position inside it', () => {
    fc.assert(
      fc.property(
        fc.oneof(query, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
        (q) => {
          try {
            timed('parseQuery', () => parseQuery(q));
          } catch (err) {
            expect(err).toBeInstanceOf(QuerySyntaxError);
            const position = (err as QuerySyntaxError).position;
            expect(position).toBeGreaterThanOrEqual(0);
            expect(position).toBeLessThanOrEqual(q.length);
          }
        },
      ),
      { numRuns: RUNS * 10 },
    );
  });

  it('survives very deep nesting and very long queries with an answer, not a stack overflow', () => {
    for (const q of [
      '('.repeat(100_000),
      `${'('.repeat(5000)}x${')'.repeat(5000)}`,
      '-'.repeat(100_000) + 'x',
      'a '.repeat(5000),
    ]) {
      try {
        timed('parseQuery (huge)', () => parseQuery(q));
      } catch (err) {
        expect(err).toBeInstanceOf(QuerySyntaxError);
      }
    }
  });
});

describe('the contract router', () => {
  let library: Library;
  let router: Router;
  beforeAll(() => {
    library = tempLibrary().library;
    library.importFile(TRENDING);
    library.tag([1, 2, 3], ['survey'], []);
    router = createRouter(library);
  });
  afterAll(() => library.close());

  const codes = ['bad-request', 'not-found', 'query-syntax', 'bad-input', 'conflict', 'cancelled', 'unavailable'];

  async function expectAnswer(command: unknown, input: unknown): Promise<void> {
    const started = performance.now();
    const result = await router.handle(command, input);
    const key = `router ${typeof command === 'string' && (commandNames as string[]).includes(command) ? command : '(unknown command)'}`;
    const f = (figures[key] ??= { inputs: 0, ms: 0, slowestMs: 0 });
    const ms = performance.now() - started;
    f.inputs++;
    f.ms += ms;
    f.slowestMs = Math.max(f.slowestMs, ms);
    if (!result.ok) {
      const name = typeof command === 'string' ? command : `(a ${typeof command})`;
      expect(codes, `${name}: ${result.error.message}`).toContain(result.error.code);
      expect(typeof result.error.message).toBe('string');
    }
  }

  it('answers random commands with random inputs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...commandNames.filter((c) => !OFFLINE_EXCLUDED.includes(c))),
          fc.string({ maxLength: 30 }),
          fc.anything(),
        ),
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true }),
        async (command, input) => expectAnswer(command, input),
      ),
      // Found by this test in CI: a command object whose toString is not a function broke the error message.
      { numRuns: RUNS, examples: [[{ toString: '' }, {}]] },
    );
  });

  it('answers well-shaped requests with hostile values', async () => {
    const value = fc.oneof(
      fc.integer({ min: -3, max: 200 }),
      fc.constantFrom(0, -0, 1e308, Number.NaN, Infinity, 2 ** 53 + 2, 1.5, null, true, '', 'x'.repeat(300)),
      fc.string({ maxLength: 30 }),
      queryPiece,
      fc.array(fc.integer({ min: -2, max: 100 }), { maxLength: 5 }),
      fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
    );
    const keys = ['id', 'ids', 'query', 'sort', 'direction', 'offset', 'limit', 'snippets', 'status', 'starred', 'add'];
    const moreKeys = ['remove', 'note', 'mode', 'patch', 'from', 'to', 'into', 'name', 'text', 'format', '__proto__'];
    const input = fc.dictionary(fc.constantFrom(...keys, ...moreKeys), value, { maxKeys: 5 });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...commandNames.filter((c) => !OFFLINE_EXCLUDED.includes(c))),
        input,
        expectAnswer,
      ),
      { numRuns: RUNS },
    );
    expect(library.check()).toEqual({ ok: true, problems: [] });
    const untitled = library.db.prepare("SELECT count(*) AS n FROM papers WHERE trim(title) = ''").get() as {
      n: number;
    };
    expect(untitled.n).toBe(0);
  });

  it('runs random query strings against the real index: results or a query-syntax error', async () => {
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom('relevance', 'title', 'year', 'added'), async (q, sort) => {
        const result = await router.handle('papers.list', { query: q, sort, limit: 5, snippets: true });
        if (!result.ok) expect(['query-syntax', 'bad-request']).toContain(result.error.code);
      }),
      { numRuns: RUNS },
    );
    expect(fs.existsSync(library.path)).toBe(true);
  });
});
