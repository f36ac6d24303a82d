import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { frontMatter, frontMatterData } from '../../electron/library/export/front-matter';
import { obsidianTag } from '../../electron/library/export/fields';
import type { Paper } from '../../shared/types';
import { READING_STATUSES } from '../../shared/types';

/** The YAML between the opening and closing `---` lines, as Obsidian and static-site tools find it. */
function readFrontMatter(text: string): unknown {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error('no front matter');
  return parse(m[1]!);
}

/** Text with everything that breaks naive YAML: quotes, colons, #, leading dashes, line breaks, other scripts. */
const awkward = fc.string({
  unit: fc.constantFrom(
    ...'aZ 09:#-\'"\\`{}[]|>&*!%@,?~\n\t\r'.split(''),
    ...'中文العربيةעבריתΕλληνικάкириллица日本語😀'.split(''),
    '---',
    '...',
    'yes',
    'null',
    '- ',
    ': ',
    ' #',
  ),
  maxLength: 40,
});

const person = fc.record({ family: awkward, given: awkward }, { requiredKeys: ['family'] });

const paperArb = fc.record({
  id: fc.integer({ min: 1, max: 1_000_000 }),
  title: awkward.filter((t) => t.length > 0),
  authors: fc.array(person, { maxLength: 4 }),
  year: fc.option(fc.integer({ min: 1000, max: 2999 })),
  venue: fc.option(awkward),
  doi: fc.option(awkward),
  arxiv: fc.option(awkward),
  url: fc.option(awkward),
  citekey: fc.option(awkward),
  status: fc.constantFrom(...READING_STATUSES),
  starred: fc.boolean(),
  tags: fc.array(fc.stringMatching(/^[a-z0-9/_-]{1,12}$/), { maxLength: 4 }),
});

type RawPaper = typeof paperArb extends fc.Arbitrary<infer T> ? T : never;

function paperOf(p: RawPaper): Paper {
  return {
    ...p,
    date: null,
    abstract: null,
    entryType: 'article',
    source: null,
    extra: {},
    addedAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
    statusChangedAt: '2026-01-02T03:04:05.000Z',
    note: '',
  };
}

describe('YAML front matter', () => {
  it('is read back exactly by a YAML parser, whatever the fields hold', () => {
    fc.assert(
      fc.property(paperArb, (raw) => {
        const paper = paperOf(raw);
        const text = frontMatter(paper);
        expect(readFrontMatter(`${text}\n# body\n`)).toEqual(frontMatterData(paper));
        const data = readFrontMatter(text) as Record<string, unknown>;
        expect(data['title']).toBe(paper.title);
        expect(data['citekey']).toBe(paper.citekey);
        expect(data['lectern-id']).toBe(paper.id);
        expect(data['year']).toBe(paper.year);
      }),
      { numRuns: 150 },
    );
  });

  it('has every key, in a fixed order, nulls included', () => {
    const text = frontMatter(
      paperOf({
        id: 7,
        title: 'T',
        authors: [],
        year: null,
        venue: null,
        doi: null,
        arxiv: null,
        url: null,
        citekey: null,
        status: 'new',
        starred: false,
        tags: [],
      }),
    );
    expect(text).toBe(
      [
        '---',
        'title: "T"',
        'authors: []',
        'year: null',
        'venue: null',
        'doi: null',
        'arxiv: null',
        'url: null',
        'citekey: null',
        'tags: []',
        'status: "new"',
        'starred: false',
        'added: "2026-01-02T03:04:05.000Z"',
        'lectern-id: 7',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('writes tags as Obsidian accepts them: no #, no spaces, not only digits', () => {
    expect(obsidianTag('#reading-group')).toBe('reading-group');
    expect(obsidianTag('machine learning')).toBe('machine-learning');
    expect(obsidianTag('2024')).toBe('_2024');
    expect(obsidianTag('nlp/transformers')).toBe('nlp/transformers');
    expect(obsidianTag('C++')).toBe('C');
    expect(obsidianTag('日本語')).toBe('日本語');
    expect(obsidianTag('###')).toBeNull();
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (tag) => {
        const t = obsidianTag(tag);
        if (t === null) return;
        expect(t).not.toMatch(/^#|\s|^[\d]+$/u);
        expect(t).toMatch(/^[\p{L}\p{N}\p{M}_\-/]+$/u);
      }),
    );
  });
});
