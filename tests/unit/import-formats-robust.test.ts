/**
 * No input crashes a parser: real files cut at any point, with bytes dropped or garbage spliced in, give papers and
 * reported errors, never an exception (an exception would abort the whole import instead of one entry).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportFormat } from '../../electron/library/import/format';
import { formatByName } from '../../electron/library/import/formats';
import { FIXTURES } from './helpers';

const SAMPLES: [string, string][] = [
  ['hf-json', 'hf-papers/all-news-ai-daily_papers.json'],
  ['ris', 'ris/zotero-translators/RIS-case10.ris'],
  ['csl-json', 'csl-json/bbt/Postscript error aborts CSL JSON export #1155.csl.json'],
  ['csl-yaml', 'csl-json/bbt-csl-yaml/Pandoc-LaTeX-SCHOMD Citation Export.csl.yml'],
  ['arxiv-atom', 'arxiv/api/arxiv.py-2016-search_query=au_del_maestro_AND_ti_quantum_criticality.xml'],
  ['arxiv-rss', 'arxiv/rss/distill-arxiv_cs_cl.xml'],
  ['medline', 'medline/zotero-translators/MEDLINEnbib-case02.nbib'],
  ['ovid', 'ris/ovid-embase/Embase_citavi_r3001-3002.ovd'],
  ['wos', 'wos/zotero-translators/Web_of_Science_Tagged-case06.txt'],
  ['endnote', 'endnote/biblatex-csl-converter/endnote.enw'],
  ['pubmed-xml', 'medline/zotero-translators/PubMed_XML-case01.xml'],
  ['endnote-xml', 'endnote/zotero-translators/Endnote_XML-case03.xml'],
  ['bbt-json', 'zotero/bbt-json/Add support for new Zotero item types #2496.json'],
];

const GARBAGE = ['\u0000', '"', '{', '}', '[', ']', '<', '>', '&', '\n', '\r\n', 'TY  - ', 'ER  - ', '%0 ', '</entry>', '\\', '\uFEFF', '\uD800']; // prettier-ignore

function parseAll(format: ImportFormat, text: string): void {
  for (const entry of format.parse(text)) {
    if (entry.ok) expect(typeof entry.draft.title).toBe('string');
    else expect(entry.message.length).toBeGreaterThan(0);
  }
}

describe('parsers never throw', () => {
  it.each(SAMPLES)('%s: cut, dropped and spliced copies of a real file', (name, rel) => {
    const format = formatByName(name)!;
    const text = fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
    parseAll(format, text);
    fc.assert(
      fc.property(
        fc.nat({ max: text.length }),
        fc.nat({ max: text.length }),
        fc.constantFrom(...GARBAGE),
        (a, b, junk) => {
          const [from, to] = a < b ? [a, b] : [b, a];
          parseAll(format, text.slice(0, to));
          parseAll(format, text.slice(0, from) + text.slice(to));
          parseAll(format, text.slice(0, from) + junk + text.slice(from));
        },
      ),
      { numRuns: 60, seed: 20260601 },
    );
  });

  it('reports a YAML alias bomb and a broken JSON key instead of throwing', () => {
    const bomb = ['references:', '- &a [x, x, x, x, x, x, x, x, x]'];
    for (const n of ['b', 'c', 'd', 'e', 'f', 'g']) bomb.push(`- &${n} [*${String.fromCharCode(n.charCodeAt(0) - 1)}, *${String.fromCharCode(n.charCodeAt(0) - 1)}, *${String.fromCharCode(n.charCodeAt(0) - 1)}, *${String.fromCharCode(n.charCodeAt(0) - 1)}]`); // prettier-ignore
    const yaml = [...formatByName('csl-yaml')!.parse(bomb.join('\n'))];
    expect(yaml.some((e) => !e.ok && /YAML/.test(e.message))).toBe(true);
    const json = [
      ...formatByName('hf-json')!.parse('{"bad\\x": {"title": "T", "upvotes": 1, "publication_date": "2024"}}'),
    ];
    expect(json.map((e) => e.ok)).toEqual([true]);
  });

  it.each(SAMPLES.map(([name]) => [name]))('%s: empty and whitespace-only input', (name) => {
    const format = formatByName(name)!;
    for (const text of ['', ' ', '\n\n', '\uFEFF']) parseAll(format, text);
  });
});
