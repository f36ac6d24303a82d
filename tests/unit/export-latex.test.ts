import { parse } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { biblatexEscape, bibtexEscape, protectCase, verbatimValue } from '../../electron/library/export/latex';

/** Reads a title back the way Better BibTeX's own parser does, without any case changes. */
function readBack(value: string): { title: string | undefined; errors: unknown[] } {
  const lib = parse(`@misc{k,\n  title = {${value}},\n}\n`, {
    sentenceCase: false,
    english: false,
    caseProtection: false,
  });
  return { title: lib.entries[0]?.fields.title, errors: lib.errors };
}

const same = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

describe('LaTeX escaping for BibTeX', () => {
  it('escapes the ten LaTeX specials', () => {
    expect(bibtexEscape('& % $ # _ { } ~ ^ \\')).toBe(
      '\\& \\% \\$ \\# \\_ \\{ \\} {\\textasciitilde} {\\textasciicircum} {\\textbackslash}',
    );
  });

  it('turns accented letters into accent commands and keeps unnamed scripts braced', () => {
    expect(bibtexEscape('Müller')).toBe('M{\\"u}ller');
    expect(bibtexEscape('Poveda-Villalón')).toBe("Poveda-Villal{\\'o}n");
    expect(bibtexEscape('Ørsted Łódź ß')).toBe("{\\O}rsted {\\L}{\\'o}d{\\'z} {\\ss}");
    expect(bibtexEscape('Çelik Šťastný')).toBe("{\\c{C}}elik {\\v{S}}{\\v{t}}astn{\\'y}");
    expect(bibtexEscape('naïve ı')).toBe('na{\\"{\\i}}ve {\\i}');
    expect(bibtexEscape('深度学习 model')).toBe('{深度学习} model');
    expect(bibtexEscape('α-helix')).toBe('{$\\alpha$}-helix');
  });

  it('keeps typed dashes and quotes from turning into ligatures', () => {
    expect(bibtexEscape('a -- b')).toBe('a -{}- b');
    expect(bibtexEscape("it's ''quoted''")).toBe("it's '{}'quoted'{}'");
  });

  it('BibTeX output is ASCII apart from braced characters LaTeX cannot name', () => {
    const out = bibtexEscape('Æsir “quotes” — café… Ωmega ≤ 5');
    expect(out).toMatch(/^[\x20-\x7e]*$/);
  });

  it('BibLaTeX keeps Unicode and escapes only the specials', () => {
    expect(biblatexEscape('Müller & 深度 50%')).toBe('Müller \\& 深度 50\\%');
  });

  it('protects acronyms and camelCase from style lower-casing', () => {
    expect(protectCase('Attention Is All You Need')).toBe('Attention Is All You Need');
    expect(protectCase('BERT and GPT-4 on ImageNet')).toBe('{BERT} and {GPT}-4 on {ImageNet}');
  });

  it('leaves verbatim fields alone except what would end the field', () => {
    expect(verbatimValue('https://x.org/a_b%20c?d=1#frag')).toBe('https://x.org/a_b%20c?d=1#frag');
    expect(verbatimValue('10.1000/{weird}')).toBe('10.1000/%7Bweird%7D');
  });

  const alphabet = fc.constantFrom(
    ...'abcXYZ019 .,:;!?()[]<>/|*+=-@\'"`&%$#_{}~^\\'.split(''),
    ...'éèêëçñöüÅåØøÆæßłŁıĳ'.split(''),
    ...'—–“”‘’…αβΩ≤≥'.split(''),
    ...'中文日本語한국어Ελληνικάкириллица'.split(''),
  );

  it('any text survives a trip through Better BibTeX’s parser (BibTeX and BibLaTeX)', () => {
    fc.assert(
      fc.property(fc.string({ unit: alphabet, minLength: 1, maxLength: 60 }), (text) => {
        for (const escaped of [protectCase(bibtexEscape(text)), protectCase(biblatexEscape(text))]) {
          const back = readBack(escaped);
          expect(back.errors).toEqual([]);
          expect(same(back.title ?? '')).toBe(same(text));
        }
      }),
      { numRuns: 150 },
    );
  });
});
