/** CSL-JSON (arrays and id-keyed objects) and CSL-YAML on real Better BibTeX, citation-js and pandoc files. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cslJson } from '../../electron/library/import/formats/csl-json';
import { cslYaml } from '../../electron/library/import/formats/csl-yaml';
import { detectFormat } from '../../electron/library/import/detect';
import { readTextFile } from '../../electron/library/import/read-file';
import { expectErrors, parseFixture, parseWith, titled } from './format-parse';
import { FIXTURES } from './helpers';

describe('CSL-JSON', () => {
  it('reads an array with DOI, URL, container title, abstract, type and citation key', () => {
    const { drafts, errors } = parseFixture(cslJson, 'csl-json/obsidian-citation-plugin-library.json');
    expect(errors).toEqual([]);
    expect(drafts).toHaveLength(5);
    expect(drafts[0]).toMatchObject({
      title: 'An overview of biomineralization processes and the problem of the vital effect',
      authors: [{ family: 'Weiner', given: 'S.' }],
      year: 2003,
      venue: 'Rev. Mineral. Geochemistry',
      doi: '10.2113/0540001',
      url: 'http://rimg.geoscienceworld.org/cgi/doi/10.2113/0540001',
      citekey: 'Weiner2003',
      entryType: 'article',
    });
    expect(drafts[0]!.abstract).toMatch(/^Biomineralization links soft organic tissues/);
    // A preprint: the arXiv id comes from its URL, the full date from date-parts.
    expect(drafts[1]).toMatchObject({ arxiv: '1906.01539', date: '2019-06-04', citekey: 'abnar2019blackbox' });
  });

  it('reads an object keyed by id, the key becoming the citation key', () => {
    const { drafts } = parseFixture(cslJson, 'csl-json/biblatex-csl-converter/Better BibTeX.009.csl.json');
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({
      title: 'The physical volcanology of the 1600 eruption of Huaynaputina, southern Peru',
      citekey: '1',
      year: 2001,
      venue: 'Bulletin of volcanology',
    });
    expect(drafts[0]!.authors).toHaveLength(7);
    expect(drafts.map((d) => d.line)).toEqual([2, 47]);
    expect(drafts[0]!.authors[0]).toEqual({ family: 'Adams', given: 'Nancy K' });
  });

  it('keeps particles with the family name and drops CSL rich-text markup from titles', () => {
    const file = 'csl-json/biblatex-csl-converter/(non-)dropping particle handling #313.biblatex.csl.json';
    const { drafts } = parseFixture(cslJson, file);
    expect(drafts).toHaveLength(53);
    const dream = titled(drafts, '"I Have a Dream"');
    expect(dream.title).not.toContain('<span');
    expect(dream).toMatchObject({ entryType: 'book', year: 1968, extra: { publisher: 'Grosset & Dunlap' } });
  });

  it('keeps editors apart and reads an upper-case DOI', () => {
    const file =
      'csl-json/bbt/Export of creator-type fields from embedded CSL variables #365 uppercase DOI #825.csl.json';
    const { drafts, errors } = parseFixture(cslJson, file);
    const entry = titled(drafts, 'Frithuswith');
    expect(entry).toMatchObject({ doi: '10.1093/ref:odnb/10183', citekey: 'Blair2004', year: 2004 });
    expect(entry.extra['editors']).toEqual([
      { family: 'Matthew', given: 'H.C.G.' },
      { family: 'Harrison', given: 'Brian Howard' },
    ]);
    // The item "emptybook" has no title: reported by its id and line, the others imported.
    expectErrors(errors, [[5, /emptybook.*no title/]]);
  });

  it('reports broken JSON with its line', () => {
    const { drafts, errors } = parseWith(cslJson, '[\n  {"id": "a", "type": "book", "title": "A"},\n  {"id": }\n]');
    expect(drafts).toEqual([]);
    expectErrors(errors, [[3, /^not valid JSON/]]);
  });
});

describe('CSL-YAML', () => {
  it('reads pandoc references with their line numbers, dates as year/month/day lists, literal authors', () => {
    const file = 'csl-json/bbt-csl-yaml/date wrongly imported from yaml-file day gets 00 prefixed #3542.yml';
    const { drafts, errors } = parseFixture(cslYaml, file);
    expect(errors).toEqual([]);
    expect(drafts).toHaveLength(4);
    expect(drafts[0]).toMatchObject({
      title: 'Universität Regensburg',
      authors: [{ literal: 'Wikipedia' }],
      date: '2019-07-11',
      citekey: 'wikipe:univer:2019',
      venue: 'Wikipedia, Die freie Enzyklopädie',
      line: 3,
    });
    expect(drafts[1]).toMatchObject({
      citekey: '@stanf:2012:animal',
      date: '2012-10-09',
      entryType: 'online',
      line: 20,
    });
  });

  it('reads the same library as its CSL-JSON twin', () => {
    const yaml = parseFixture(cslYaml, 'csl-json/bbt-csl-yaml/Pandoc-LaTeX-SCHOMD Citation Export.csl.yml').drafts;
    const json = parseFixture(cslJson, 'csl-json/bbt/Pandoc-LaTeX-SCHOMD Citation Export.csl.json').drafts;
    expect(yaml.map((d) => [d.citekey, d.year, d.authors.length])).toEqual(
      json.map((d) => [d.citekey, d.year, d.authors.length]),
    );
  });

  it('reports a YAML syntax error with its line, and refuses YAML that is not CSL', () => {
    const { errors } = parseWith(cslYaml, 'references:\n- id: a\n  title: A\n- id: b\n  title: [unclosed\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^not valid YAML/);
    expect(errors[0]!.line).toBeGreaterThanOrEqual(5);
    const hayagriva = path.join(FIXTURES, 'csl-json/bbt-csl-yaml/Hayagriva import.yml');
    expect(detectFormat(readTextFile(hayagriva), hayagriva)).toBeNull();
    expect(detectFormat('# YAML 1.2\n---\ntest: 123\n...\n', 'x.yml')).toBeNull();
  });
});
