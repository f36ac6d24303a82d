/** arXiv API Atom responses (2016 and 2026 shapes), version folding, API errors, and arXiv RSS listings. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { arxivAtom } from '../../electron/library/import/formats/arxiv-atom';
import { arxivRss } from '../../electron/library/import/formats/arxiv-rss';
import { detectFormat } from '../../electron/library/import/detect';
import { parseFixture, parseWith } from './format-parse';
import { FIXTURES, tempDir, tempLibrary } from './helpers';

const ONE = 'arxiv/api/arxiv.py-2016-id_list=1111.2011v2.xml';
const ERROR_FEED = 'malformed/arxiv/id_abc_s0_m100_b79c8dcf6bc3.atom.xml';
const EMPTY_FEED = 'malformed/arxiv/id_0000.0000_s0_m100_8b51d9633a68.atom.xml';

describe('arXiv API Atom', () => {
  it('reads a 2016 response: id without version, DOI, journal reference, authors, dates', () => {
    const { drafts, errors } = parseFixture(arxivAtom, ONE);
    expect(errors).toEqual([]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      title: 'Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit',
      arxiv: '1111.2011',
      doi: '10.1103/physrevb.85.115117',
      venue: 'Phys. Rev. B 85, 115117 (2012)',
      date: '2011-11-08',
      year: 2011,
      url: 'https://arxiv.org/abs/1111.2011',
      line: 10,
    });
    expect(drafts[0]!.authors).toEqual([
      { family: 'Murray', given: 'James M.' },
      { family: 'Del Maestro', given: 'Adrian' },
      { family: 'Tesanovic', given: 'Zlatko' },
    ]);
    expect(drafts[0]!.abstract).toMatch(
      /^Theoretical description of anisotropic systems, such as layered superconductors/,
    );
    expect(drafts[0]!.extra).toMatchObject({ arxivVersion: 'v2', primaryCategory: 'cond-mat.str-el' });
  });

  it('reads a 2026 response, old-style ids included', () => {
    const testing = parseFixture(arxivAtom, 'arxiv/api/arxiv.py-2026-recorded/q_testing_s0_m10_bc5a6c384fe9.atom.xml');
    expect(testing.drafts).toHaveLength(10);
    expect(testing.drafts[0]).toMatchObject({
      arxiv: '2202.12139',
      doi: '10.1109/icstw55395.2022.00035',
      date: '2022-02-24',
      authors: [
        { family: 'Ahuja', given: 'Mohit Kumar' },
        { family: 'Gotlieb', given: 'Arnaud' },
        { family: 'Spieker', given: 'Helge' },
      ],
    });
    const old = parseFixture(
      arxivAtom,
      'arxiv/api/arxiv.py-2026-recorded/id_astro-ph_0601001_s0_m100_3150dca9dc76.atom.xml',
    );
    expect(old.drafts[0]).toMatchObject({ arxiv: 'astro-ph/0601001', year: 2006 });
  });

  it('folds versions of one paper into one entry with the latest version’s metadata', () => {
    const text = fs.readFileSync(path.join(FIXTURES, ONE), 'utf8');
    const entry = /<entry>[\s\S]*<\/entry>/.exec(text)![0];
    const v1 = entry
      .replace(/1111\.2011v2/g, '1111.2011v1')
      .replace(/<title>[\s\S]*?<\/title>/, '<title>An Early Title</title>')
      .replace(/<arxiv:journal_ref[\s\S]*?<\/arxiv:journal_ref>/, '');
    // v1 before and after v2: either way the paper appears once, at its first position, as v2.
    for (const feed of [text.replace(entry, v1 + entry), text.replace(entry, entry + v1)]) {
      const { drafts } = parseWith(arxivAtom, feed);
      expect(drafts).toHaveLength(1);
      expect(drafts[0]!.title).toMatch(/^Quantum Criticality/);
      expect(drafts[0]!.extra).toMatchObject({ arxivVersion: 'v2', journalRef: 'Phys. Rev. B 85, 115117 (2012)' });
    }
  });

  it('turns an API error feed into a clear error with its line, and imports nothing from it', () => {
    const { drafts, errors } = parseFixture(arxivAtom, ERROR_FEED);
    expect(drafts).toEqual([]);
    expect(errors).toEqual([{ line: 9, message: 'arXiv API error: incorrect id format for abc' }]);
    const { library } = tempLibrary();
    const file = path.join(FIXTURES, ERROR_FEED);
    const report = library.importFile(file);
    expect(report).toMatchObject({ added: 0, failed: 1 });
    expect(report.errors).toEqual([{ file, line: 9, message: 'arXiv API error: incorrect id format for abc' }]);
    expect(library.counts().all).toBe(0);
    library.close();
  });

  it('reads an empty result as zero papers, not an error', () => {
    expect(parseFixture(arxivAtom, EMPTY_FEED)).toMatchObject({ drafts: [], errors: [] });
    const { library } = tempLibrary();
    expect(library.importFile(path.join(FIXTURES, EMPTY_FEED))).toMatchObject({ added: 0, failed: 0 });
    library.close();
  });

  it('reports a response cut off in the middle as malformed XML with a line, changing nothing', () => {
    const text = fs.readFileSync(
      path.join(FIXTURES, 'arxiv/api/arxiv.py-2016-search_query=au_del_maestro.xml'),
      'utf8',
    );
    const file = path.join(tempDir(), 'cut.xml');
    fs.writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    const { errors } = parseWith(arxivAtom, fs.readFileSync(file, 'utf8'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^not well-formed XML/);
    expect(errors[0]!.line).toBeGreaterThan(1);
    const { library } = tempLibrary();
    expect(library.importFile(file)).toMatchObject({ added: 0, failed: 1 });
    expect(library.counts().all).toBe(0);
    library.close();
  });
});

describe('arXiv RSS', () => {
  it('reads a daily listing: id, authors from dc:creator, abstract after "Abstract:", listing date', () => {
    const { drafts, errors } = parseFixture(arxivRss, 'arxiv/rss/distill-arxiv_cs_ai.xml');
    expect(errors).toEqual([]);
    expect(drafts).toHaveLength(3);
    expect(drafts[0]).toMatchObject({
      title: 'Math Takes Two: A test for emergent mathematical reasoning in communication',
      arxiv: '2604.21935',
      authors: [
        { family: 'Cooper', given: 'Michael' },
        { family: 'Cooper', given: 'Samuel' },
      ],
      date: '2026-04-27',
      year: 2026,
      line: 16,
    });
    expect(drafts[0]!.abstract).toMatch(/^Although language models demonstrate remarkable proficiency/);
    expect(drafts[0]!.extra).toMatchObject({ announceType: 'new', arxivVersion: 'v1', categories: ['cs.AI', 'cs.LG'] });
  });

  it('reads the RSS 1.0 listings of before 2024 (no real file of them in the fixtures), with HTML in the fields', () => {
    const rss1 = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns="http://purl.org/rss/1.0/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://arxiv.org/">
<title>cs.AI updates on arXiv.org</title>
<link>http://arxiv.org/</link>
<items><rdf:Seq><rdf:li rdf:resource="http://arxiv.org/abs/2304.14999" /></rdf:Seq></items>
</channel>
<item rdf:about="http://arxiv.org/abs/2304.14999">
<title>Planning with Words. (arXiv:2304.14999v2 [cs.AI] UPDATED)</title>
<link>http://arxiv.org/abs/2304.14999</link>
<description rdf:parseType="Literal">&lt;p&gt;We plan &lt;i&gt;with&lt;/i&gt; words.&lt;/p&gt;</description>
<dc:creator> &lt;a href="http://arxiv.org/find/cs/1/au:+Doe_J/0/1/0/all/0/1"&gt;Jane Doe&lt;/a&gt;, &lt;a href="http://arxiv.org/find/cs/1/au:+Roe_R/0/1/0/all/0/1"&gt;Richard Roe&lt;/a&gt;</dc:creator>
</item>
</rdf:RDF>
`;
    expect(detectFormat(rss1, 'cs.AI')?.name).toBe('arxiv-rss');
    const { drafts } = parseWith(arxivRss, rss1);
    expect(drafts).toEqual([
      expect.objectContaining({
        title: 'Planning with Words.',
        arxiv: '2304.14999',
        year: 2023,
        abstract: 'We plan with words.',
        line: 8,
      }),
    ]);
    expect(drafts[0]!.authors).toEqual([
      { family: 'Doe', given: 'Jane' },
      { family: 'Roe', given: 'Richard' },
    ]);
  });

  it('reads a weekend listing without items as zero papers', () => {
    expect(parseFixture(arxivRss, 'arxiv/rss/all-news-ai-arxiv_weekend_empty.xml')).toMatchObject({
      drafts: [],
      errors: [],
    });
  });
});
