/** The BibTeX/BibLaTeX importer on the real files in ../shared/fixtures/bibtex (SOURCES.json gives their counts). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedEntry } from '../../electron/library/import/format';
import { detectFormat } from '../../electron/library/import/detect';
import { formatByName } from '../../electron/library/import/formats';
import { parseBibtex } from '../../electron/library/import/formats/bibtex';
import { readTextFile } from '../../electron/library/import/read-file';
import type { PaperDraft } from '../../shared/types';
import { FIXTURES, tempDir, tempLibrary } from './helpers';

interface Source {
  dest: string;
  n: number;
  feats: string[];
  count_label: string;
}

const SOURCES = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'SOURCES.json'), 'utf8')) as Source[];
const BIB_FILES = SOURCES.filter((s) => s.dest.startsWith('bibtex/') && /\.(bib|bibtex|biblatex)$/.test(s.dest));
const fixture = (rel: string) => path.join(FIXTURES, rel);
const parseFile = (rel: string): ParsedEntry[] => [...parseBibtex(readTextFile(fixture(rel)))];

function drafts(rel: string): PaperDraft[] {
  return parseFile(rel).flatMap((e) => (e.ok ? [e.draft] : []));
}

function entry(rel: string, citekey: string): PaperDraft {
  const found = drafts(rel).find((d) => d.citekey === citekey);
  if (!found) throw new Error(`${citekey} not found in ${rel}`);
  return found;
}

const USER_LIBRARY = 'bibtex/bbt-import/Unabbreviate on import #1436-3.bib';

describe('every BibTeX fixture', () => {
  it('parses without throwing, with the entry count SOURCES.json gives, and is detected as BibTeX', () => {
    expect(BIB_FILES.length).toBeGreaterThan(500);
    const wrongCounts: string[] = [];
    const otherErrors: string[] = [];
    for (const source of BIB_FILES) {
      const text = readTextFile(fixture(source.dest));
      expect(detectFormat(text, source.dest)?.name, source.dest).toBe('bibtex');
      const entries = [...parseBibtex(text)];
      if (source.count_label === 'entries' && entries.length !== source.n) {
        wrongCounts.push(`${source.dest}: ${entries.length} != ${source.n}`);
      }
      for (const e of entries) {
        // Entries without any title (test cases of name or date handling) are reported, not imported as papers.
        if (!e.ok && !/has no title$/.test(e.message)) otherErrors.push(`${source.dest}: ${e.message}`);
        if (!e.ok) expect(e.line, source.dest).toBeGreaterThan(0);
      }
    }
    expect(wrongCounts).toEqual([]);
    expect(otherErrors).toEqual([]);
  });
});

describe('field values from real files', () => {
  it('reads the 7,166-entry user library whole, with accents, month macros and arXiv ids', () => {
    const entries = parseFile(USER_LIBRARY);
    expect(entries).toHaveLength(7166);
    expect(entries.every((e) => e.ok)).toBe(true);
    const byKey = new Map(entries.flatMap((e) => (e.ok ? [[e.draft.citekey, e.draft] as const] : [])));

    const avramescu = byKey.get('avramescu_2009')!;
    expect(avramescu.authors).toContainEqual({ family: 'Strauß', given: 'Uwe' });
    expect(avramescu.authors).toContainEqual({ family: 'Queren', given: 'Désirée' });
    expect(byKey.get('AlHassan_2020')!.authors).toContainEqual({ family: 'Lähnemann', given: 'Jonas' });
    // A braced family name stays whole, with \i (dotless i) and \c c decoded.
    expect(byKey.get('aras_2017')!.authors[1]).toEqual({ family: 'Güler-Kılıç', given: 'Sümeyra' });

    const abbasi = byKey.get('abbasi_2013')!;
    expect(abbasi.date).toBe('2013-01');
    expect(abbasi.title).toBe(
      'The Fabrication of White Light-Emitting Diodes Using the n-ZnO/NiO/p-GaN Heterojunction with Enhanced Luminescence.',
    );
    const abdollahi = byKey.get('abdollahi_2018')!;
    expect(abdollahi.arxiv).toBe('1807.00144');
    expect(abdollahi.doi).toBe('10.1103/physrevlett.121.205502');
    expect(abdollahi.authors[1]).toEqual({ family: 'Vásquez-Sancho', given: 'Fabián' });
  });

  it('turns LaTeX math and commands into Unicode text', () => {
    const overline = 'bibtex/bbt-import/Overline during Import #1467.bib';
    expect(entry(overline, 'Held_1998').title).toBe(
      'N-Limited Versus Ga-Limited Growth on GaN(0001\u0305) by MBE Using NH³',
    );
    const math = 'bibtex/bbt-import/Math markup to unicode not always imported correctly #472.bib';
    expect(entry(math, 'test_citation1').title).toBe(
      'Test Title With 100 μJ, 200 μJ Energy, and ±0.1% Accuracy, 0.2 mm² Size, and -50 dB Attenuation',
    );
    const markup = 'bibtex/bbt-import/importing a title-cased bib #1246.bib';
    expect(entry(markup, 'Frit2').title).toMatch(/^Test of markupconversion: .* Mitochondrial DNA₂ sequences suggest/);
    // `---` is an em dash, the protective braces and \sc go.
    expect(entry('bibtex/zotero-translators/BibTeX-case19.bib', 'sweig42').title).toBe('The impossible TEL—book');
  });

  it('keeps braced corporate authors as literal names', () => {
    const accord = 'bibtex/zotero-exports/accord-biblatex.bib';
    expect(entry(accord, 'europeancommission.jointresearchcentre.AIWatchAssessing2020').authors).toEqual([
      { literal: 'European Commission. Joint Research Centre.' },
    ]);
    expect(entry(accord, 'hehuazhangSemanticWebBased2017').authors[0]).toEqual({ literal: 'Hehua Zhang' });
  });

  it('applies @string macros, # concatenation, month macros and () delimiters', () => {
    const round = entry(
      'bibtex/bbt-import/Issues with round instead of curly braces do not import correctly #871.bib',
      'McDermott:72',
    );
    expect(round.authors).toEqual([
      { family: 'McDermott', given: 'Drew V.' },
      { family: 'Sussman', given: 'Gerald J.' },
    ]);
    expect(round.date).toBe('1972-05');
    expect(round.title).toBe('The CONNIVER Reference Manual');
    expect(round.extra['institution']).toBe('MIT Artificial Intelligence Laboratory');
    const spaces = entry(
      'bibtex/bbt-import/Spaces lost when expanding string variables during import #1081.bib',
      'key',
    );
    expect(spaces.venue).toBe('a space between this and this');
  });

  it('inherits fields through crossref, the parent title becoming the venue', () => {
    const rel = 'bibtex/bbt-import/Crossrefd incollection items are missing date on import #3514.bib';
    const hauck = entry(rel, 'Hauck_2011');
    expect(hauck.title).toBe('Lenguas, fronteras e ideología lingüística en el Paraguay');
    expect(hauck.year).toBe(2011);
    expect(hauck.venue).toMatch(/^Fronteiras da integração/);
    expect(hauck.extra['publisher']).toBe('Território das Artes');
    expect(hauck.tags).toEqual(['Paraguay', 'bilingualism', 'multilingualism']);
  });

  it('reads CRLF and BOM files with the right lines', () => {
    const crlf = drafts('bibtex/zotero-translators/BibTeX-case24.bib');
    expect(crlf[0]!.title).toBe('Poczucie jakości życia a swoboda działania i odpowiedzialność');
    expect(crlf[0]!.authors[1]).toEqual({ family: 'Bańka', given: 'Augustyn' });
    // A blank line in a CRLF abstract is a paragraph break, as in TeX; single line breaks are spaces.
    const [parbreak] = drafts('bibtex/bbt-import/Double newlines means parbreak #2789.bib');
    expect(parbreak!.abstract).toContain('drawing misled conclusions.\n\nKeywords: metrics, decision ma');
    expect(parbreak!.abstract).not.toMatch(/\r|[^\n]\n[^\n]/);
    const bom = drafts('bibtex/db-exports/pyBibX-scopus_m.bib');
    expect(bom).toHaveLength(24);
    expect(bom[0]).toMatchObject({
      citekey: 'Haseli202079',
      line: 4,
      year: 2020,
      doi: '10.1080/17509653.2019.1633964',
    });
    expect(bom[0]!.tags).toContain('pairwise comparison');
  });

  it('salvages an entry with unbalanced braces and says so', () => {
    const parsed = parseFile('bibtex/bbt-export/Cache does not seem to fill #1296.bibtex');
    const salvaged = parsed.find((e) => e.ok && e.draft.citekey === 'AGESCHEIDER:2009dk');
    if (!salvaged?.ok) throw new Error('AGESCHEIDER:2009dk was not read');
    expect(salvaged.draft.title).toBe(
      'The Effects of Skin Temperature on the Detection and Discrimination of Tactile Stimulation',
    );
    expect(salvaged.draft.doi).toBe('10.1080/08990229771042');
    expect(salvaged.warning).toMatch(/^@article\{AGESCHEIDER:2009dk\} \(line 267\): .*field publisher/);
  });
});

describe('what the real files lack', () => {
  it('inherits BibLaTeX xdata and skips @comment and @preamble, even with entries inside them', () => {
    const text = [
      '@comment{ @article{hidden, title = {Not an entry}} }',
      '@preamble{ "\\newcommand{\\noop}[1]{}" }',
      '@xdata{acm, publisher = {ACM}, location = {New York}}',
      '@inproceedings{paper, title = {On {\\"U}bung}, author = {M{\\"u}ller, Anna}, xdata = {acm}, crossref = {proc}}',
      '@proceedings{proc, title = {Proceedings of {KDD}}, date = {2019-08-04/2019-08-08}}',
    ].join('\n');
    const entries = [...parseBibtex(text)];
    expect(entries.every((e) => e.ok)).toBe(true);
    const [paper, proc] = entries.flatMap((e) => (e.ok ? [e.draft] : []));
    expect(entries).toHaveLength(2);
    expect(paper).toMatchObject({
      citekey: 'paper',
      title: 'On Übung',
      authors: [{ family: 'Müller', given: 'Anna' }],
      venue: 'Proceedings of KDD',
      year: 2019,
      date: '2019-08-04',
      line: 4,
    });
    expect(paper!.extra).toMatchObject({ publisher: 'ACM', location: 'New York' });
    expect(proc).toMatchObject({ citekey: 'proc', title: 'Proceedings of KDD', line: 5 });
  });
});

describe('hostile input', () => {
  it('reads braces nested 100,000 deep without exhausting the stack', () => {
    const deep = (text: string) => `${'{'.repeat(100_000)}${text}${'}'.repeat(100_000)}`;
    const text = `@article{a, title = {${deep('Deep')}}, author = {${deep('X')} and Y, Z}}\n@article{b, title = {Fine}}`;
    const entries = [...parseBibtex(text)].flatMap((e) => (e.ok ? [e.draft] : []));
    expect(entries.map((e) => [e.title, e.authors])).toEqual([
      ['Deep', [{ literal: 'X' }, { family: 'Y', given: 'Z' }]],
      ['Fine', []],
    ]);
  });
});

describe('bad input', () => {
  it('reports a broken entry in a real file with its line and imports the others', () => {
    const rel = 'bibtex/zotero-exports/accord-biblatex.bib';
    const good = drafts(rel);
    const original = readTextFile(fixture(rel));
    // Cut the tenth entry off inside its title, as a bad merge would, so that it runs into the next entry.
    const victim = good[9]!;
    const start = original.indexOf(`{${victim.citekey},`);
    const title = original.indexOf('title = {', start);
    const next = original.indexOf('\n@', title);
    const broken = `${original.slice(0, title + 15)}\n${original.slice(next)}`;
    const entries = [...parseBibtex(broken)];
    const failed = entries.filter((e) => !e.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ ok: false, line: victim.line });
    expect(!failed[0]!.ok && failed[0]!.message).toMatch(/field title has an unclosed "\{"/);
    expect(entries.filter((e) => e.ok)).toHaveLength(good.length - 1);
  });

  it('reports a cut-off entry with its line', () => {
    const rel = 'malformed/bibtex/biblatex-csl-converter-Cut_off_citation_should_not_parse.bib';
    const entries = parseFile(rel);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ ok: false, line: 2 });
    expect(!entries[0]!.ok && entries[0]!.message).toMatch(/smolvcic2009dust is not closed/);
    const { library } = tempLibrary();
    const report = library.importFile(fixture(rel));
    expect(report).toMatchObject({ added: 0, failed: 1 });
    expect(report.errors[0]).toMatchObject({ file: fixture(rel), line: 2 });
    library.close();
  });

  it('refuses the empty file as no supported format', () => {
    const { library } = tempLibrary();
    const empty = fixture('malformed/bibtex/biblatex-csl-converter-Blank_citation_should_not_parse.bib');
    expect(() => library.importFile(empty)).toThrow(/no supported format recognized/);
    expect(library.counts().all).toBe(0);
    library.close();
  });

  it('reads a Windows-1252 copy of a real file the same as the UTF-8 original', () => {
    const rel = 'bibtex/bbt-import/Better BibLaTeX import improvements #549.bib';
    const text = readTextFile(fixture(rel));
    // The copy must be possible: non-ASCII text, all of it within Latin-1.
    expect(/[\u0080-\u00ff]/.test(text) && !/[\u0100-\uffff]/.test(text)).toBe(true);
    const file = path.join(tempDir(), 'latin.bib');
    fs.writeFileSync(file, Buffer.from(text, 'latin1'));
    expect(drafts(rel)).toEqual([...parseBibtex(readTextFile(file))].flatMap((e) => (e.ok ? [e.draft] : [])));
  });

  it('refuses a file that declares an encoding it cannot read', () => {
    const text = `% Encoding: Shift_JIS\n${readTextFile(fixture('bibtex/bbt-import/Better BibTeX.003.bib'))}`;
    const entries = [...parseBibtex(text)];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ ok: false, line: 1 });
    expect(!entries[0]!.ok && entries[0]!.message).toMatch(/Shift_JIS.*save it as UTF-8/);
  });
});

describe('importing into a library', () => {
  it('imports a Zotero BibLaTeX export, and a re-import adds nothing', () => {
    const rel = 'bibtex/zotero-exports/accord-biblatex.bib';
    const parsed = parseFile(rel);
    const ok = parsed.filter((e) => e.ok).length;
    const { library } = tempLibrary();
    const first = library.importFile(fixture(rel));
    expect(first.added + first.merged + first.skipped).toBe(ok);
    expect(first.failed).toBe(parsed.length - ok);
    expect(first.added).toBeGreaterThan(450);
    const paper = library.get(first.paperIds[0]!);
    const draft = parsed.find((e) => e.ok)!;
    expect(draft.ok && paper.citekey).toBe(draft.ok && draft.draft.citekey);
    expect(paper.source).toBe('bibtex:accord-biblatex.bib');
    const count = library.counts().all;
    const second = library.importFile(fixture(rel), 'biblatex');
    expect(second).toMatchObject({ added: 0, merged: 0 });
    expect(library.counts().all).toBe(count);
    library.close();
  });

  it('answers to --format biblatex as well as bibtex', () => {
    const text = readTextFile(fixture(USER_LIBRARY)).slice(0, 5000);
    const [viaBiblatex, viaBibtex] = ['biblatex', 'bibtex'].map((name) => [...formatByName(name)!.parse(text)]);
    expect(viaBiblatex!.length).toBeGreaterThan(0);
    expect(viaBiblatex).toEqual(viaBibtex);
  });
});
