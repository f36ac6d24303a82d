/**
 * Zotero RDF ("Export Library… → Zotero RDF"): an `rdf:RDF` whose children are items (`bib:Article`,
 * `rdf:Description`...) each with a `z:itemType`, plus journals, notes and attachments they point to by
 * `rdf:resource`. The parser groups children by element name, so items are put back in file order by the position of
 * their `rdf:about`.
 */
import type { Author, PaperDraft } from '../../../../shared/types';
import type { ImportFormat, ParsedEntry } from '../format';
import { blankDraft, findArxiv, findDoi, keep, parseLooseDate, unwrap } from './common';
import { zoteroPerson } from './bbt-json';
import { isRecord } from './json-text';
import { parseXml, xmlList, xmlParser, xmlText, xmlTexts, type XmlNode } from './xml';

const parser = xmlParser(new Set(['li', 'identifier', 'subject', 'isReferencedBy', 'isPartOf']));

const TYPES: Record<string, string> = {
  journalArticle: 'article',
  magazineArticle: 'article',
  newspaperArticle: 'article',
  conferencePaper: 'inproceedings',
  bookSection: 'incollection',
  book: 'book',
  thesis: 'phdthesis',
  report: 'techreport',
  webpage: 'online',
  blogPost: 'online',
};

/** The one child element of a wrapper (`<bib:authors><rdf:Seq>`, `<dcterms:isPartOf><bib:Journal>`). */
function inner(node: unknown): XmlNode | null {
  if (!isRecord(node)) return null;
  for (const [k, v] of Object.entries(node)) if (!k.startsWith('@_') && k !== '#text' && isRecord(v)) return v;
  return null;
}

function people(node: unknown): Author[] {
  const out: Author[] = [];
  for (const li of xmlList(inner(node)?.['li'])) {
    const who = inner(li);
    const person = zoteroPerson(xmlText(who?.['surname']), xmlText(who?.['givenName']), xmlText(who?.['name']));
    if (person) out.push(person);
  }
  return out;
}

function html(value: string): string {
  return value
    .replace(/<(br|\/p|\/div|\/li)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

interface Context {
  /** The journals and books items point to, and the texts of notes, by `rdf:about`. */
  parents: Map<string, XmlNode>;
  notes: Map<string, string>;
}

/** The texts of `dc:identifier`s: plain ("DOI 10.1/x", "ISSN 1234-5678") or wrapped URIs. */
function identifiers(node: XmlNode | null | undefined): string[] {
  if (!node) return [];
  const wrapped = xmlList(node['identifier']).map((i) => xmlText(inner(i)?.['value']));
  return xmlTexts(node['identifier'])
    .concat(wrapped.filter((i): i is string => i !== null))
    .filter(Boolean);
}

function itemDraft(item: XmlNode, type: string, ctx: Context, line: number | undefined): PaperDraft {
  const d = blankDraft(unwrap(xmlText(item['title'])) ?? '', line);
  d.entryType = TYPES[type] ?? 'misc';
  d.authors = people(item['authors']);
  if (d.authors.length === 0) d.authors = people(item['contributors']);
  const when = parseLooseDate(xmlText(item['date']));
  d.year = when.year;
  d.date = when.date;
  const link = xmlList(item['isPartOf'])[0];
  const resource = link ? xmlText(link['@_resource']) : null;
  const parent = resource ? (ctx.parents.get(resource) ?? null) : inner(link);
  d.venue = xmlText(parent?.['title']);
  d.abstract = xmlText(item['abstract']);
  const ids = identifiers(item).concat(identifiers(parent));
  const url = ids.find((i) => /^https?:\/\//.test(i)) ?? null;
  d.url = url;
  // Zotero writes the DOI on the journal the article is part of, as "DOI 10.3390/...".
  const doiText = ids.find((i) => /^DOI\s/.test(i))?.replace(/^DOI\s+/, '');
  // Zotero's "Extra" field (dc:description) often holds "DOI: 10.1201/...".
  d.doi = findDoi(doiText, xmlText(item['description']), url);
  d.arxiv = findArxiv(url, xmlText(item['description']));
  d.tags = xmlTexts(item['subject'])
    .concat(xmlList(item['subject']).map((s) => xmlText(inner(s)?.['value']) ?? ''))
    .filter(Boolean);
  const notes = xmlList(item['isReferencedBy'])
    .map((r) => ctx.notes.get(xmlText(r['@_resource']) ?? ''))
    .filter((n): n is string => !!n);
  if (notes.length > 0) d.note = notes.join('\n\n');
  const x = d.extra;
  keep(x, 'zoteroType', type);
  keep(x, 'volume', xmlText(item['volume']) ?? xmlText(parent?.['volume']));
  keep(x, 'issue', xmlText(item['number']) ?? xmlText(parent?.['number']));
  keep(x, 'pages', xmlText(item['pages']));
  keep(x, 'publisher', xmlText(inner(item['publisher'])?.['name']));
  keep(x, 'language', xmlText(item['language']));
  keep(x, 'editors', people(item['editors']));
  return d;
}

/** Where each `rdf:about` opens, as a line number, from the raw text. */
function aboutLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const re = /<[\w-]+:[\w-]+\s+rdf:about="([^"]*)"/g;
  let line = 1;
  let pos = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = text.indexOf('\n', pos); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    pos = m.index;
    const about = m[1]!
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
    if (!lines.has(about)) lines.set(about, line);
  }
  return lines;
}

export const zoteroRdf: ImportFormat = {
  name: 'zotero-rdf',
  extensions: ['rdf'],
  detect(head) {
    if (!/<rdf:RDF[\s>]/.test(head)) return 0;
    // The Bibliontology RDF export shares the namespace but has no item types: it is a different vocabulary.
    const zotero = /xmlns:z="http:\/\/www\.zotero\.org\/namespaces\/export#"/.test(head);
    return zotero && /<z:itemType>/.test(head) ? 0.95 : 0;
  },
  *parse(text): Iterable<ParsedEntry> {
    const parsed = parseXml(text, parser);
    if (!parsed.ok) {
      yield parsed.error;
      return;
    }
    const root = parsed.doc['RDF'];
    if (!isRecord(root)) {
      yield { ok: false, line: 1, message: 'not a Zotero RDF export (no <rdf:RDF>)' };
      return;
    }
    const ctx: Context = { parents: new Map(), notes: new Map() };
    const items: { node: XmlNode; type: string; about: string }[] = [];
    for (const [name, value] of Object.entries(root)) {
      if (name.startsWith('@_')) continue;
      for (const node of xmlList(value)) {
        const about = xmlText(node['@_about']) ?? '';
        const type = xmlText(node['itemType']);
        if (name === 'Memo') ctx.notes.set(about, html(xmlText(node['value']) ?? ''));
        else if (!type) ctx.parents.set(about, node);
        else if (type !== 'attachment' && type !== 'note') items.push({ node, type, about });
      }
    }
    const lines = aboutLines(text);
    items.sort((a, b) => (lines.get(a.about) ?? 0) - (lines.get(b.about) ?? 0));
    for (const { node, type, about } of items) {
      const line = lines.get(about);
      const d = itemDraft(node, type, ctx, line);
      if (d.title) yield { ok: true, draft: d };
      else yield { ok: false, line: line ?? null, message: `Zotero item ${about} has no title` };
    }
  },
};
