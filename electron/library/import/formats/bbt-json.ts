/**
 * Better BibTeX JSON, the lossless export of a Zotero library: `{ config, collections, items: [...] }` where each
 * item carries Zotero's own field names (itemType, creators, publicationTitle, abstractNote, citationKey, tags, notes).
 * Standalone notes and attachments are not papers and are passed over.
 */
import type { Author, PaperDraft } from '../../../../shared/types';
import type { ImportFormat, ParsedEntry } from '../format';
import { blankDraft, findArxiv, findDoi, keep, parseLooseDate, personOf, unwrap } from './common';
import { isRecord, parseJsonText, str } from './json-text';

const TYPES: Record<string, string> = {
  journalArticle: 'article',
  magazineArticle: 'article',
  newspaperArticle: 'article',
  conferencePaper: 'inproceedings',
  bookSection: 'incollection',
  encyclopediaArticle: 'incollection',
  dictionaryEntry: 'incollection',
  book: 'book',
  thesis: 'phdthesis',
  report: 'techreport',
  webpage: 'online',
  blogPost: 'online',
  forumPost: 'online',
};

const NOT_PAPERS = new Set(['note', 'attachment', 'annotation']);

function text(value: unknown): string | null {
  const s = str(value);
  return s && s.trim() ? s.trim() : null;
}

function creators(list: unknown, role: (type: string) => boolean): Author[] {
  if (!Array.isArray(list)) return [];
  const out: Author[] = [];
  for (const c of list) {
    if (!isRecord(c) || !role(text(c['creatorType']) ?? 'author')) continue;
    const person = zoteroPerson(text(c['lastName']), text(c['firstName']), text(c['name']));
    if (person) out.push(person);
  }
  return out;
}

/**
 * A Zotero creator: two-field ("lastName", "firstName") or single-field ("name", or a lone last name). A single field
 * with a comma is "Family, Given"; without one it is kept whole (an organisation, or a name Zotero could not split).
 */
export function zoteroPerson(family: string | null, given: string | null, name: string | null): Author | null {
  if (family && given) return { family, given };
  const single = name ?? family;
  if (!single) return given ? { given } : null;
  return single.includes(',') ? personOf(single) : { literal: single };
}

/** Zotero notes are HTML; the library keeps them as plain text. */
function noteText(notes: unknown): string {
  if (!Array.isArray(notes)) return '';
  return notes
    .map((n) => text(isRecord(n) ? n['note'] : n) ?? '')
    .map((html) =>
      html
        .replace(/<(br|\/p|\/div|\/h\d|\/li)\s*\/?>/gi, '\n')
        .replace(/<[^>]*>/g, '')
        .replace(/&nbsp;/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    )
    .filter(Boolean)
    .join('\n\n');
}

function itemDraft(item: Record<string, unknown>): PaperDraft {
  const d = blankDraft(unwrap(text(item['title'])) ?? '');
  const type = text(item['itemType']) ?? '';
  d.entryType = TYPES[type] ?? 'misc';
  const authors = creators(item['creators'], (t) => t === 'author');
  d.authors = authors.length > 0 ? authors : creators(item['creators'], (t) => t !== 'editor' && t !== 'seriesEditor');
  const when = parseLooseDate(text(item['date']));
  d.year = when.year;
  d.date = when.date;
  const venueKeys = [
    'publicationTitle',
    'proceedingsTitle',
    'bookTitle',
    'conferenceName',
    'websiteTitle',
    'blogTitle',
  ];
  d.venue = venueKeys.map((k) => text(item[k])).find((v) => v !== null) ?? null;
  d.abstract = text(item['abstractNote']);
  const url = text(item['url']);
  const extra = text(item['extra']);
  d.doi = findDoi(text(item['DOI']), extra, url);
  d.arxiv = findArxiv(url, extra, text(item['archiveID']));
  d.url = url;
  d.citekey = text(item['citationKey']) ?? text(item['citekey']);
  const tags = Array.isArray(item['tags']) ? item['tags'] : [];
  d.tags = tags.map((t) => text(isRecord(t) ? t['tag'] : t)).filter((t): t is string => t !== null);
  const note = noteText(item['notes']);
  if (note) d.note = note;
  const x = d.extra;
  keep(x, 'zoteroType', type);
  keep(x, 'zoteroKey', text(item['itemKey']) ?? text(item['key']));
  keep(x, 'volume', text(item['volume']));
  keep(x, 'issue', text(item['issue']));
  keep(x, 'pages', text(item['pages']));
  keep(x, 'publisher', text(item['publisher']));
  keep(x, 'place', text(item['place']));
  keep(x, 'issn', text(item['ISSN']));
  keep(x, 'isbn', text(item['ISBN']));
  keep(x, 'language', text(item['language']));
  keep(
    x,
    'editors',
    creators(item['creators'], (t) => t === 'editor'),
  );
  return d;
}

export const bbtJson: ImportFormat = {
  name: 'bbt-json',
  extensions: ['json'],
  detect(head) {
    if (!/^\uFEFF?\s*\{/.test(head)) return 0;
    if (/"label"\s*:\s*"Better ?BibTeX JSON"/i.test(head)) return 0.95;
    return /"items"\s*:\s*\[/.test(head) && /"itemType"\s*:/.test(head) ? 0.85 : 0;
  },
  *parse(text): Iterable<ParsedEntry> {
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      yield parsed.error;
      return;
    }
    const items = isRecord(parsed.value) ? parsed.value['items'] : null;
    if (!Array.isArray(items)) {
      yield { ok: false, line: 1, message: 'expected an object with an "items" list (Better BibTeX JSON)' };
      return;
    }
    const list: unknown[] = items;
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (!isRecord(item)) {
        yield { ok: false, line: null, message: `item #${i + 1} is not an object` };
        continue;
      }
      if (NOT_PAPERS.has(String(item['itemType']))) continue;
      const d = itemDraft(item);
      const key = d.citekey ?? str(item['itemKey']);
      if (d.title) yield { ok: true, draft: d };
      else yield { ok: false, line: null, message: `item #${i + 1}${key ? ` (${key})` : ''} has no title` };
    }
  },
};
