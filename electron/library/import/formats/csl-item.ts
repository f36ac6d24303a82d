/**
 * One CSL item (from CSL-JSON or CSL-YAML) as a paper draft, and the walk that finds the items in a parsed file:
 * an array of items, an object keyed by id, `{ references: [...] }` (pandoc), or groups of those.
 */
import type { Author, PaperDraft } from '../../../../shared/types';
import type { ParsedEntry } from '../format';
import {
  blankDraft,
  entryTypeOf,
  findArxiv,
  findDoi,
  keep,
  parseLooseDate,
  personOf,
  stripMarkup,
  unwrap,
  type LooseDate,
} from './common';
import { isRecord, str } from './json-text';

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  const s = str(value);
  return s && s.trim() ? s.trim() : null;
}

function person(value: unknown): Author | null {
  if (typeof value === 'string') return personOf(value);
  if (!isRecord(value)) return null;
  const literal = text(value['literal']);
  if (literal) return { literal };
  const family = [text(value['non-dropping-particle']), text(value['family'])].filter(Boolean).join(' ');
  const given = [text(value['given']), text(value['dropping-particle'])].filter(Boolean).join(' ');
  if (family) return given ? { family, given } : { family };
  // BibJSON and some hand-written files give a single "name".
  return given ? { given } : personOf(text(value['name']));
}

export function people(value: unknown): Author[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map(person).filter((a): a is Author => a !== null);
}

function num(value: unknown): number | null {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? +value : NaN;
  return Number.isFinite(n) ? n : null;
}

/** `{date-parts: [[y, m, d]]}`, `{literal}`, `{raw}`, a string, or pandoc YAML's `[{year, month, day}]`. */
export function cslDate(value: unknown): LooseDate {
  if (value === null || value === undefined) return { year: null, date: null };
  if (typeof value === 'string' || typeof value === 'number') return parseLooseDate(String(value));
  if (Array.isArray(value)) return cslDate(value[0]);
  if (!isRecord(value)) return { year: null, date: null };
  const parts = value['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const [y, m, d] = (parts[0] as unknown[]).map(num);
    return partsDate(y ?? null, m ?? null, d ?? null);
  }
  if (value['year'] !== undefined) return partsDate(num(value['year']), num(value['month']), num(value['day']));
  return parseLooseDate(text(value['raw']) ?? text(value['literal']));
}

function partsDate(y: number | null, m: number | null, d: number | null): LooseDate {
  if (y === null) return { year: null, date: null };
  const iso = [String(y).padStart(4, '0'), m, d].filter((p) => p !== null);
  const parsed = parseLooseDate(iso.map((p) => String(p).padStart(2, '0')).join('-'));
  return parsed.year === null ? { year: y, date: null } : parsed;
}

export function cslDraft(item: Record<string, unknown>, key: string | null): PaperDraft {
  const d = blankDraft(unwrap(stripMarkup(text(item['title']))) ?? '');
  const type = text(item['type']);
  d.entryType = entryTypeOf(type);
  d.authors = people(item['author']);
  let when = cslDate(item['issued']);
  if (when.year === null) when = cslDate(item['date']);
  if (when.year === null) when = cslDate(item['year']);
  d.year = when.year;
  d.date = when.date;
  const journal = isRecord(item['journal']) ? text(item['journal']['name']) : null;
  d.venue =
    stripMarkup(text(item['container-title'])) ??
    journal ??
    text(item['event-title']) ??
    text(item['collection-title']);
  d.abstract = unwrap(text(item['abstract']));
  const url = text(item['URL']) ?? text(item['url']);
  const note = text(item['note']);
  d.doi = findDoi(text(item['DOI']) ?? text(item['doi']), url);
  d.arxiv = findArxiv(url, text(item['DOI']), note, text(item['number']), text(item['archive_location']));
  d.url = url;
  d.citekey = text(item['citation-key']) ?? text(item['id']) ?? key;
  const keywords = text(item['keyword']);
  if (keywords) d.tags = keywords.split(/\s*[,;]\s*/);
  const x = d.extra;
  keep(x, 'cslType', type);
  keep(x, 'volume', text(item['volume']));
  keep(x, 'issue', text(item['issue']));
  keep(x, 'pages', text(item['page']));
  keep(x, 'publisher', text(item['publisher']));
  keep(x, 'place', text(item['publisher-place']));
  keep(x, 'issn', text(item['ISSN']));
  keep(x, 'isbn', text(item['ISBN']));
  keep(x, 'language', text(item['language']));
  keep(x, 'editors', people(item['editor']));
  return d;
}

/** A thing that looks like a CSL item rather than a container of items. */
function isItem(value: Record<string, unknown>): boolean {
  return 'title' in value || 'type' in value || 'author' in value || 'issued' in value || 'id' in value;
}

/**
 * Every CSL item in a parsed file, each with the key it had in an id-keyed object and the index of the top-level
 * member (array element, object key, or `references` entry) it came from, which is what has a known line.
 */
export function* cslItems(
  data: unknown,
  key: string | null = null,
  depth = 0,
  top = 0,
): Iterable<[unknown, string | null, number]> {
  if (depth > 3) return;
  const at = (i: number) => (depth === 0 ? i : top);
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      const v: unknown = data[i];
      if (Array.isArray(v)) yield* cslItems(v, null, depth + 1, at(i));
      else yield [v, null, at(i)];
    }
  } else if (isRecord(data)) {
    const references: unknown = data['references'];
    if (Array.isArray(references)) {
      // pandoc's `references:` list: its entries are the top-level members that have lines.
      yield* cslItems(references, null, depth);
      return;
    }
    if (isItem(data)) {
      yield [data, key, top];
      return;
    }
    let i = 0;
    for (const k in data) {
      const v = data[k];
      if (Array.isArray(v) || (isRecord(v) && !isItem(v))) yield* cslItems(v, k, depth + 1, at(i));
      else yield [v, k, at(i)];
      i++;
    }
  }
}

/** `lineOf` gives the line of a top-level member by its index, when known. */
export function* cslEntries(data: unknown, lineOf: (member: number) => number | null): Iterable<ParsedEntry> {
  let i = 0;
  for (const [item, key, member] of cslItems(data)) {
    const line = lineOf(member);
    const where = `item #${i + 1}${key ? ` (${key})` : ''}`;
    i++;
    if (!isRecord(item)) {
      yield { ok: false, line, message: `${where} is not an object` };
      continue;
    }
    const d = cslDraft(item, key);
    d.line = line ?? undefined;
    if (d.title) yield { ok: true, draft: d };
    else
      yield {
        ok: false,
        line,
        message: `${where}${str(item['id']) && !key ? ` (${str(item['id'])})` : ''} has no title`,
      };
  }
}
