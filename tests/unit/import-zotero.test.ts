/** One real Zotero group library exported three ways: Zotero RDF, Better BibTeX JSON and Better CSL-YAML. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bbtJson } from '../../electron/library/import/formats/bbt-json';
import { cslYaml } from '../../electron/library/import/formats/csl-yaml';
import { zoteroRdf } from '../../electron/library/import/formats/zotero-rdf';
import { parseFixture, titled } from './format-parse';
import { FIXTURES, tempLibrary } from './helpers';

const RDF = 'zotero/rdf/accord-zotero.rdf';
const BBT = 'zotero/bbt-json/accord-better-bibtex-json.json';
const YAML = 'zotero/csl-yaml/accord-better-csl-yaml.yaml';

describe('Zotero exports', () => {
  const rdf = parseFixture(zoteroRdf, RDF);
  const bbt = parseFixture(bbtJson, BBT);

  it('reads Better BibTeX JSON with citation keys, DOIs, tags and Zotero item types', () => {
    expect(bbt.errors).toEqual([]);
    expect(bbt.drafts).toHaveLength(535);
    expect(bbt.drafts[0]).toMatchObject({
      title: 'A BIM-integrated Fuzzy Multi-criteria Decision Making Model for Selecting Low-Carbon Building Measures',
      authors: [
        { family: 'Chen', given: 'L.' },
        { family: 'Pan', given: 'W.' },
      ],
      year: 2015,
      doi: '10.1016/j.proeng.2015.08.490',
      citekey: 'chenBIMintegratedFuzzyMulticriteria2015',
      venue: 'Procedia Engineering',
      entryType: 'article',
      extra: { volume: '118', pages: '606-613', zoteroKey: '24HK9ZSY' },
    });
  });

  it('reads Zotero RDF: items in file order, journals and notes they point to, DOIs from the journal or Extra', () => {
    expect(rdf.errors).toEqual([]);
    expect(rdf.drafts).toHaveLength(535);
    expect(rdf.drafts[0]).toMatchObject({
      title: 'Semantic web based rule checking of real-world scale BIM models: a pragmatic method',
      venue: 'Semantic Web Journal (rejected)',
      year: 2017,
      line: 11,
    });
    // A name Zotero kept in one field stays whole.
    expect(rdf.drafts[0]!.authors[0]).toEqual({ literal: 'Hehua Zhang' });
    const its = titled(rdf.drafts, 'BIM-Based Description of Intelligent Transportation Systems for Roads');
    expect(its).toMatchObject({ doi: '10.3390/infrastructures6040051', venue: 'Infrastructures' });
    expect(its.extra).toMatchObject({ volume: '6', issue: '4' });
    const book = titled(rdf.drafts, 'Building Information Modeling: Automated Code Checking and Compliance');
    expect(book.doi).toBe('10.1201/9781351200998');
  });

  it('agrees with the Better BibTeX JSON export of the same library on titles, years and first authors', () => {
    const byTitle = new Map(bbt.drafts.map((d) => [d.title, d]));
    const same = rdf.drafts.filter((d) => {
      const twin = byTitle.get(d.title);
      return twin && twin.year === d.year && JSON.stringify(twin.authors[0]) === JSON.stringify(d.authors[0]);
    });
    expect(same.length / rdf.drafts.length).toBeGreaterThanOrEqual(0.98);
    const yaml = parseFixture(cslYaml, YAML).drafts;
    expect(new Set(yaml.map((d) => d.citekey))).toEqual(new Set(bbt.drafts.map((d) => d.citekey)));
  });

  it('imports the library once whichever export comes second', () => {
    const { library } = tempLibrary();
    const first = library.importFile(path.join(FIXTURES, BBT));
    // The group library holds a few copies of the same paper (same DOI, or same title, first author and year).
    expect(first.added + first.merged + first.skipped).toBe(535);
    const count = library.counts().all;
    expect(count).toBe(first.added);
    const again = library.importFile(path.join(FIXTURES, RDF));
    expect(again.added).toBe(0);
    expect(library.counts().all).toBe(count);
    library.close();
  });
});
