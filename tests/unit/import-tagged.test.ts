/** PubMed (MEDLINE text and XML), Web of Science tagged, EndNote tagged/Refer and EndNote XML on real exports. */
import { describe, expect, it } from 'vitest';
import { medline } from '../../electron/library/import/formats/medline';
import { pubmedXml } from '../../electron/library/import/formats/pubmed-xml';
import { wos } from '../../electron/library/import/formats/wos';
import { endnote } from '../../electron/library/import/formats/endnote';
import { endnoteXml } from '../../electron/library/import/formats/endnote-xml';
import { expectErrors, parseFixture, parseWith } from './format-parse';

describe('MEDLINE / PubMed .nbib', () => {
  it('reads records with six-space continuation lines and full author names', () => {
    const { drafts } = parseFixture(medline, 'medline/zotero-translators/MEDLINEnbib-case02.nbib');
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({
      title: 'The structure of bovine F1-ATPase complexed with the antibiotic inhibitor aurovertin B.',
      date: '1996-07-09',
      venue: 'Proceedings of the National Academy of Sciences of the United States of America',
      url: 'https://pubmed.ncbi.nlm.nih.gov/8692918/',
      extra: { pmid: '8692918', volume: '93', issue: '14', pages: '6913-7' },
    });
    expect(drafts[0]!.authors[0]).toEqual({ family: 'van Raaij', given: 'M J' });
    expect(drafts[0]!.abstract).toMatch(
      /^In the structure of bovine mitochondrial F1-ATPase that was previously determined with/,
    );
  });

  it('reads the 335-record CRLF export with DOIs and keywords', () => {
    const { drafts, errors } = parseFixture(medline, 'medline/pyBibX-pubmed.txt');
    expect(errors).toEqual([]);
    expect(drafts).toHaveLength(335);
    expect(drafts[0]).toMatchObject({
      title: 'Knowledge Mapping of Multicriteria Decision Analysis in Healthcare: A Bibliometric Analysis.',
      doi: '10.3389/fpubh.2022.895552',
      year: 2022,
      venue: 'Frontiers in public health',
    });
    expect(drafts[0]!.tags).toContain('VOSviewer');
    expect(drafts.every((d) => !/\r/.test(d.title + (d.abstract ?? '')))).toBe(true);
  });

  it('reads ERIC records in the same layout without PMIDs', () => {
    const { drafts } = parseFixture(medline, 'medline/zotero-translators/MEDLINEnbib-case05.nbib');
    expect(drafts).toHaveLength(3);
    expect(drafts[0]!.authors[0]).toEqual({ family: 'van Groen', given: 'Maaike M.' });
    expect(drafts[0]).toMatchObject({ year: 2020, venue: 'Journal of Applied Testing Technology' });
  });
});

describe('PubMed XML', () => {
  it('keeps inline markup of titles in order and labels of structured abstracts', () => {
    const { drafts } = parseFixture(pubmedXml, 'medline/sotawhat-pubmed_efetch.xml');
    expect(drafts).toHaveLength(5);
    expect(drafts[0]!.title).toMatch(/^Early timepoint 99mTc-DPD whole body scintigraphy/);
    expect(drafts[0]).toMatchObject({
      doi: '10.1186/s13550-026-01466-0',
      date: '2026-06-12',
      venue: 'EJNMMI research',
    });
    expect(drafts[0]!.abstract).toMatch(/^BACKGROUND: Cardiac transthyretin amyloidosis/);
    // "&#xa0;" is decoded (and, as all white space, read as a space).
    expect(drafts[0]!.abstract).toContain('performed after 2.5-3 h. The purpose');
  });

  it('reads a Bookshelf book', () => {
    const { drafts } = parseFixture(pubmedXml, 'medline/zotero-translators/PubMed_XML-case02.xml');
    expect(drafts[0]).toMatchObject({
      title: 'Endocrinology: An Integrated Approach',
      entryType: 'book',
      year: 2001,
      extra: { publisher: 'BIOS Scientific Publishers' },
    });
  });
});

describe('Web of Science tagged', () => {
  it('reads 500 records, authors one a line, wrapped titles joined', () => {
    const { drafts, errors } = parseFixture(wos, 'wos/bibx-bit-pattern-savedrecs.txt');
    expect(errors).toEqual([]);
    expect(drafts).toHaveLength(500);
    expect(drafts[0]).toMatchObject({
      title:
        'In situ grazing incidence small-angle X-ray scattering study of solvent vapor annealing in lamellae-forming block copolymer thin films: Trade-off of defects in deswelling',
      authors: [
        { family: 'Sun', given: 'Zhiwei' },
        { family: 'Russell', given: 'Thomas P.' },
      ],
      doi: '10.1002/polb.24346',
      year: 2017,
      extra: { wosId: 'WOS:000401190100002', pages: '980-989' },
    });
    expect(drafts[0]!.tags).toEqual(['annealing', 'block copolymers', 'self-assembly', 'thin films', 'X-ray']);
  });

  it('reads the short CAB Abstracts record', () => {
    const { drafts } = parseFixture(wos, 'wos/zotero-translators/Web_of_Science_Tagged-case02.txt');
    expect(drafts[0]!.title).toBe('Pharmacokinetics of intravenous mivacurium in halothane-anesthetized dogs.');
    expect(drafts[0]!.authors.map((a) => a.family)).toEqual(['Smith', 'Schwark', 'Cook', 'Moon', 'Erb', 'Looney']);
    expect(drafts[0]).toMatchObject({ year: 1998, venue: 'Veterinary Surgery' });
  });
});

describe('EndNote tagged and Refer', () => {
  it('reads .enw records with one keyword a line and the DOI from %O', () => {
    const { drafts, errors } = parseFixture(endnote, 'endnote/biblatex-csl-converter/endnote.enw');
    expect(errors).toEqual([]);
    expect(drafts).toHaveLength(10);
    expect(drafts[0]).toMatchObject({
      title: 'The Impact of Artificial Intelligence on Modern Research Methodologies',
      authors: [
        { family: 'Smith', given: 'John A.' },
        { family: 'Doe', given: 'Jane B.' },
      ],
      year: 2023,
      venue: 'Journal of Computational Science',
      doi: '10.1234/example.doi.001',
      tags: ['Artificial Intelligence', 'Machine Learning', 'Research Methods', 'Data Science'],
    });
    expect(drafts[1]).toMatchObject({ entryType: 'book', extra: { publisher: 'Academic Publishing House' } });
  });

  it('reads Refer with Chinese text and the DOI in %R', () => {
    const { drafts } = parseFixture(endnote, 'endnote/zotero-translators/ReferBibIX-case01.txt');
    expect(drafts[0]).toMatchObject({
      title: '参考文献管理工具研究',
      venue: '现代情报',
      doi: '10.3969/j.issn.1008-0821.2009.02.027',
      year: 2009,
    });
    expect(drafts[0]!.authors).toHaveLength(3);
  });

  it('reports a record without %T by its line', () => {
    const { drafts, errors } = parseWith(endnote, '%0 Book\n%A Doe, Jane\n\n%0 Book\n%T Kept\n');
    expect(drafts.map((d) => d.title)).toEqual(['Kept']);
    expectErrors(errors, [[1, /no title/]]);
  });
});

describe('EndNote XML', () => {
  it('joins styled runs of a title in order', () => {
    const { drafts } = parseFixture(endnoteXml, 'endnote/zotero-translators/Endnote_XML-case02.xml');
    expect(drafts[0]!.title).toMatch(/^Plain Bold Italics Underline Superscript Subscript SymbolFont CourierNew/);
  });

  it('reads a library pasted inside a Markdown fence, and a Mendeley export', () => {
    const library = parseFixture(endnoteXml, 'endnote/biblatex-csl-converter/library.xml');
    expect(library.drafts).toHaveLength(17);
    expect(library.drafts[0]).toMatchObject({
      title: 'A Comprehensive Study of Example Phenomena',
      date: '2023-03',
      venue: 'Journal of Examples',
      line: 4,
    });
    const mendeley = parseFixture(endnoteXml, 'endnote/biblatex-csl-converter/mendeley.xml');
    expect(mendeley.drafts[0]!.authors.map((a) => a.family)).toEqual(['Zhang', 'Xu', 'Feng', 'Mao', 'Yan']);
    expect(mendeley.drafts[0]).toMatchObject({ doi: '10.32604/ijmhp.2024.052730', year: 2024 });
  });
});
