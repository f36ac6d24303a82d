/**
 * EndNote XML (also written by Mendeley): `<xml><records><record>` with `ref-type`, `contributors`, `titles`,
 * `dates`, `periodical`... Any text may be split into `<style>` runs (bold, italic), which are joined back in order.
 */
import type { Author } from '../../../../shared/types';
import type { ImportFormat, ParsedEntry } from '../format';
import { blankDraft, entryTypeOf, findDoi, keep, parseLooseDate, personOf } from './common';
import { child, openingLines, parseXml, richText, xmlList, xmlParser, xmlText, type XmlNode } from './xml';

const TEXT_FIELDS = [
  'title', 'secondary-title', 'alt-title', 'full-title', 'author', 'year', 'date', 'abstract', 'keyword', 'url',
  'electronic-resource-num', 'volume', 'number', 'pages', 'publisher', 'pub-location', 'isbn', 'label', 'language',
]; // prettier-ignore

const parser = xmlParser(new Set(['record', 'author', 'keyword', 'url', 'date']), TEXT_FIELDS);

function at(node: unknown, ...names: string[]): unknown {
  let n: unknown = node;
  for (const name of names) n = child(n, name) ?? (n as XmlNode | null)?.[name];
  return n;
}

/** Every text of a repeated raw-text element (authors, keywords, urls). */
function texts(node: unknown): string[] {
  const list = Array.isArray(node) ? node : node === undefined || node === null ? [] : [node];
  return list.map(richText).filter((t): t is string => t !== null);
}

function recordEntry(rec: XmlNode, line: number | null): ParsedEntry {
  const titles = child(rec, 'titles');
  const title = richText(titles?.['title']);
  if (!title) return { ok: false, line, message: 'EndNote XML record has no title' };
  const d = blankDraft(title, line ?? undefined);
  const refType = child(rec, 'ref-type');
  const typeName = xmlText(refType?.['@_name']) ?? null;
  d.entryType = entryTypeOf(typeName);
  const contributors = child(rec, 'contributors');
  d.authors = texts(at(contributors, 'authors', 'author'))
    .map(personOf)
    .filter((a): a is Author => a !== null);
  const yearText = richText(at(rec, 'dates', 'year'));
  const year = parseLooseDate(yearText);
  // "pub-dates" often holds only the month ("Mar"); the year comes from "year".
  const dateText = texts(at(rec, 'dates', 'pub-dates', 'date'))[0] ?? '';
  const full = parseLooseDate(/\d{4}/.test(dateText) ? dateText : `${yearText ?? ''} ${dateText}`.trim());
  d.year = year.year ?? full.year;
  d.date =
    full.year !== null && full.year === d.year && full.date!.length > (year.date?.length ?? 0) ? full.date : year.date;
  d.venue = richText(at(rec, 'periodical', 'full-title')) ?? richText(titles?.['secondary-title']);
  d.abstract = richText(rec['abstract']);
  const urls = texts(at(rec, 'urls', 'related-urls', 'url'));
  d.doi = findDoi(richText(rec['electronic-resource-num']), ...urls);
  d.url = urls.find((u) => /^https?:\/\//.test(u)) ?? null;
  d.tags = texts(at(rec, 'keywords', 'keyword')).flatMap((k) => k.split(/\s*;\s*/));
  const x = d.extra;
  keep(x, 'endnoteType', typeName);
  keep(x, 'volume', richText(rec['volume']));
  keep(x, 'issue', richText(rec['number']));
  keep(x, 'pages', richText(rec['pages']));
  keep(x, 'publisher', richText(rec['publisher']));
  keep(x, 'place', richText(rec['pub-location']));
  keep(x, 'isbnOrIssn', richText(rec['isbn']));
  keep(x, 'language', richText(rec['language']));
  keep(
    x,
    'editors',
    texts(at(contributors, 'secondary-authors', 'author'))
      .map(personOf)
      .filter((a) => a !== null),
  );
  return { ok: true, draft: d };
}

export const endnoteXml: ImportFormat = {
  name: 'endnote-xml',
  extensions: ['xml'],
  detect(head) {
    const shape = /<xml>\s*<records>\s*<record[\s>]/.test(head);
    return shape && /<(ref-type|titles|contributors)[\s>]/.test(head) ? 0.9 : 0;
  },
  *parse(text): Iterable<ParsedEntry> {
    // Files pasted out of a chat or a README keep their Markdown fence (```) around the XML: only the XML is read.
    const start = text.search(/<\?xml|<xml>/);
    const end = text.lastIndexOf('</xml>');
    const body = start >= 0 && end > start ? text.slice(start, end + 6) : text;
    const parsed = parseXml(body, parser);
    if (!parsed.ok) {
      yield parsed.error;
      return;
    }
    const lines = openingLines(text, 'record');
    const records = xmlList(child(child(parsed.doc, 'xml'), 'records')?.['record']);
    for (let i = 0; i < records.length; i++) yield recordEntry(records[i]!, lines[i] ?? null);
  },
};
