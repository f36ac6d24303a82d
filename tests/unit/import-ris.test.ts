/** RIS on real exports: Zotero, Scopus, EndNote, JabRef and Zotero translator cases; plus Ovid's pseudo-RIS. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ris } from '../../electron/library/import/formats/ris';
import { ovid } from '../../electron/library/import/formats/ovid';
import { expectErrors, parseFixture, parseWith, titled } from './format-parse';
import { FIXTURES } from './helpers';

const CASE10 = 'ris/zotero-translators/RIS-case10.ris';

describe('RIS', () => {
  it('reads the 462-record Zotero export with its 1991/// dates', () => {
    const { drafts, errors } = parseFixture(ris, 'ris/biblatex-csl-converter/library.ris');
    expect(drafts).toHaveLength(462);
    expect(errors).toEqual([]);
    expect(drafts[0]).toMatchObject({
      title: 'The World, the Free Market and the Left',
      authors: [
        { family: 'Pollin', given: 'Robert' },
        { family: 'Cockburn', given: 'Alexander' },
      ],
      year: 1991,
      date: '1991',
      venue: 'Social Scientist',
      url: 'http://www.jstor.org/stable/3517668',
      entryType: 'article',
      line: 1,
    });
    expect(drafts[0]!.extra).toMatchObject({ volume: '19', issue: '7', pages: '18-38' });
    const book = drafts[461]!;
    expect(book.title).toMatch(/^Ancient Scandinavia/);
    expect(book).toMatchObject({ entryType: 'book', year: 2015 });
    expect(book.extra).toMatchObject({ publisher: 'Oxford University Press Inc', place: 'New York, NY' });
  });

  it('reads the 836-record Scopus export, whose reference lists run over thousands of continuation lines', () => {
    const { drafts, errors } = parseFixture(ris, 'ris/scopus/bibx-scopus.ris');
    expect(drafts).toHaveLength(836);
    expect(errors).toEqual([]);
    const first = drafts[0]!;
    expect(first.title).toBe(
      'FORC signatures and switching-field distributions of dipolar coupled nanowire-based hysterons',
    );
    expect(first.authors.map((a) => a.family)).toEqual(['Pierrot', 'Béron', 'Blon']);
    expect(first).toMatchObject({ doi: '10.1063/5.0020407', year: 2020, venue: 'Journal of Applied Physics' });
    // Cited references are continuation lines of N1: none of them may leak into a title or start a record.
    expect(drafts.every((d) => !d.title.includes('(2014) Rev. Geophys.'))).toBe(true);
    expect(drafts[835]).toMatchObject({
      title: 'HIGH-PERFORMANCE COLOUR GRAPHICS CONTROLLER.',
      year: 1987,
      line: 35793,
    });
  });

  it('accepts "TY - " with one space and finds the DOI in a note when DO is missing', () => {
    const { drafts } = parseFixture(ris, 'ris/zotero-translators/RIS-case04.ris');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.title).toMatch(/^Rapid identification of thousands of copperhead snake/);
    expect(drafts[0]!.authors).toHaveLength(7);
    expect(drafts[0]!.doi).toBe('10.1111/j.1755-0998.2009.02750.x');
    expect(drafts[0]!.venue).toBe('Molecular Ecology Resources');
  });

  it('joins a title wrapped onto a continuation line and keeps keywords as tags', () => {
    const { drafts } = parseFixture(ris, 'ris/zotero-translators/RIS-case01.ris');
    expect(drafts[0]!.title).toBe('Blood-brain barrier breach following cortical contusion in the rat');
    expect(drafts[0]!.tags).toEqual([
      'cortical contusion',
      'blood-brain barrier',
      'horseradish peroxidase',
      'head trauma',
      'hippocampus',
      'rat',
    ]);
    expect(drafts[0]!.extra).toMatchObject({ pages: '476-481' });
  });

  it('keeps A1 and AU authors in file order', () => {
    const { drafts } = parseFixture(ris, 'ris/zotero-translators/RIS-case09.ris');
    expect(drafts[0]!.authors.map((a) => a.family)).toEqual(['Georgiev', 'Bello', 'Carmi', 'Cohen']);
  });

  it('reads a title holding a Unicode line separator, and the most precise date that agrees with PY', () => {
    const { drafts } = parseFixture(ris, 'ris/zotero-translators/RIS-case06.ris');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.title).toContain('Communication:');
    expect(drafts[0]).toMatchObject({ date: '2014-06-01', year: 2014, doi: '10.3109/07434618.2014.906498' });
  });

  it('reads CRLF files without carriage returns in values, and a year of 0000 as unknown', () => {
    const { drafts } = parseFixture(ris, CASE10);
    expect(drafts).toHaveLength(2);
    expect(drafts.every((d) => !/\r/.test(JSON.stringify(d)))).toBe(true);
    expect(drafts[0]).toMatchObject({ year: 2008, doi: '10.1016/s0027-9684(15)31340-7' });
    // Scopus gives this record only a source title; it is kept under that title rather than lost, with a warning.
    expect(drafts[1]).toMatchObject({ title: 'Prostate Cancer Mortality Statistics 2015', year: null, line: 20 });
    const warnings = [...ris.parse(fs.readFileSync(path.join(FIXTURES, CASE10), 'utf8'))].flatMap((e) =>
      e.ok && e.warning ? [e.warning] : [],
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/no title .*imported under its source title/);
  });

  it('reads "2015/october" as a month and keeps editors apart from authors', () => {
    const { drafts } = parseFixture(ris, 'ris/jabref/RisImporterTest7.ris');
    expect(drafts[0]).toMatchObject({ title: 'Testing Book Title', entryType: 'book', date: '2015-10' });
    expect(drafts[0]!.authors.map((a) => a.family)).toEqual(['Smith', 'Doe', 'Brown']);
    expect(drafts[0]!.extra['editors']).toEqual([
      { family: 'Martin', given: 'Steve' },
      { family: 'Clark', given: 'Joe' },
    ]);
  });

  it('reports a record without any title with its line, and imports the others', () => {
    const { drafts, errors } = parseFixture(ris, 'ris/zotero-translators/RIS-case05.ris');
    expect(drafts).toHaveLength(38);
    expectErrors(errors, [[592, /no title/]]);
  });

  it('closes a record that lacks ER at the next TY', () => {
    const { drafts } = parseWith(ris, 'TY  - JOUR\nTI  - First\nTY  - BOOK\nTI  - Second\nPY  - 2001\nER  - \n');
    expect(drafts.map((d) => [d.title, d.entryType, d.line])).toEqual([
      ['First', 'article', 1],
      ['Second', 'book', 3],
    ]);
  });
});

describe('Ovid pseudo-RIS', () => {
  it('reads both Embase records, with names written family first', () => {
    for (const file of [
      'ris/ovid-embase/Embase_endnote_r3001-3002.cgi',
      'ris/ovid-embase/Embase_citavi_r3001-3002.ovd',
    ]) {
      const { drafts, errors } = parseFixture(ovid, file);
      expect(errors).toEqual([]);
      expect(drafts).toHaveLength(2);
      const first = titled(drafts, 'Quality of life in patients with primary ciliary dyskinesia');
      expect(first.authors[0]).toEqual({ family: 'Behan', given: 'L.' });
      expect(first.authors[2]).toEqual({ family: 'Lucas', given: 'J.S.' });
      expect(first).toMatchObject({ year: 2018, doi: '10.1186/s12919-018-0099-8', venue: 'BMC Proceedings', line: 2 });
      expect(first.abstract).toMatch(/^Background: .* Method\(s\): /);
      expect(first.extra).toMatchObject({ ovidDatabase: 'Embase', ovidId: '621381829' });
    }
  });
});
