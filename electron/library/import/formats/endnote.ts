/**
 * EndNote tagged (`.enw`) and Refer/BibIX: "%0 Journal Article", "%A Smith, John", "%T Title"; records are separated
 * by blank lines or start at "%0"; lines without a tag continue the field above (EndNote writes one keyword a line).
 */
import type { Author } from '../../../../shared/types';
import type { ImportFormat, ParsedEntry } from '../format';
import { blankDraft, entryTypeOf, findDoi, keep, linesOf, parseLooseDate, personOf, unwrap } from './common';
import { first, splitTagged, values, type TaggedRecord } from './tagged';

const TAG_LINE = /^%([A-Z0-9@!#$&()*+^>~\][|?])(?: ([\s\S]*))?$/;

export function endnoteRecords(text: string): TaggedRecord[] {
  return splitTagged(linesOf(text), {
    fieldOf(line) {
      const m = TAG_LINE.exec(line.trimEnd());
      return m ? { tag: m[1]!, value: m[2] ?? '' } : null;
    },
    // A "%0" opens a new record, unless the open one holds nothing but its type ("%0 Serial" then "%0 Audio").
    startsRecord: (tag, open) => tag === '0' && open.fields.some((f) => f.tag !== '0'),
  });
}

function endnoteEntry(rec: TaggedRecord): ParsedEntry {
  const title = unwrap(first(rec, 'T'));
  if (!title) return { ok: false, line: rec.line, message: 'EndNote record has no title (%T)' };
  const d = blankDraft(title, rec.line);
  const types = values(rec, '0');
  const type = types[types.length - 1] ?? null;
  d.entryType = entryTypeOf(type);
  d.authors = values(rec, 'A')
    .flatMap((v) => v.split('\n'))
    .map(personOf)
    .filter((a): a is Author => a !== null);
  const when = parseLooseDate(first(rec, 'D'));
  const exact = parseLooseDate(first(rec, '8'));
  d.year = when.year ?? exact.year;
  d.date = exact.year !== null && exact.year === d.year ? exact.date : when.date;
  d.venue = unwrap(first(rec, 'J', 'B'));
  d.abstract = unwrap(first(rec, 'X'));
  const urls = values(rec, 'U').flatMap((u) => u.split(/\s+/));
  d.doi = findDoi(...values(rec, 'R'), ...values(rec, 'O'), ...urls);
  d.url = urls.find((u) => /^https?:\/\//.test(u)) ?? null;
  d.tags = values(rec, 'K').flatMap((k) => k.split(/\s*[\n;]\s*/));
  const x = d.extra;
  keep(x, 'endnoteType', type);
  keep(x, 'volume', first(rec, 'V'));
  keep(x, 'issue', first(rec, 'N'));
  keep(x, 'pages', first(rec, 'P'));
  keep(x, 'publisher', first(rec, 'I'));
  keep(x, 'place', first(rec, 'C'));
  keep(x, 'isbnOrIssn', first(rec, '@'));
  keep(x, 'language', first(rec, 'G'));
  keep(x, 'editors', values(rec, 'E').map(personOf).filter(Boolean));
  return { ok: true, draft: d };
}

export const endnote: ImportFormat = {
  name: 'endnote',
  extensions: ['enw', 'refer', 'txt'],
  detect(head) {
    const body = head.replace(/^\uFEFF/, '').trimStart();
    if (!body.startsWith('%')) return 0;
    const tags = body.match(/^%[0A-Z@] \S/gm)?.length ?? 0;
    if (/^%0 \S/m.test(body) && /^%T \S/m.test(body)) return 0.9;
    return /^%T \S/m.test(body) && tags >= 3 ? 0.6 : 0;
  },
  *parse(text): Iterable<ParsedEntry> {
    for (const rec of endnoteRecords(text)) yield endnoteEntry(rec);
  },
};
