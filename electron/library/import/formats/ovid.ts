/**
 * Ovid (Embase, MEDLINE via Ovid) "pseudo-RIS": records open with "<3001. >", tags are written "TI  - " like RIS but
 * there is no TY/ER, names are "Behan L.", the source is one "SO" string and the year is "YR".
 */
import type { ImportFormat, ParsedEntry } from '../format';
import { blankDraft, entryTypeOf, findDoi, keep, parseLooseDate, personFamilyFirst, unwrap } from './common';
import { medlineRecords } from './medline';
import { first, values, type TaggedRecord } from './tagged';

const RECORD_START = /^<\d+\.\s*>\s*$/;

function ovidEntry(rec: TaggedRecord): ParsedEntry {
  const title = unwrap(first(rec, 'TI'));
  if (!title) return { ok: false, line: rec.line, message: 'Ovid record has no title (TI)' };
  const d = blankDraft(title, rec.line);
  d.entryType = entryTypeOf(first(rec, 'PT') ?? 'article');
  for (const name of values(rec, 'AU')) {
    const p = personFamilyFirst(name);
    if (p) d.authors.push(p);
  }
  const when = parseLooseDate(first(rec, 'YR', 'DP', 'PY'));
  d.year = when.year;
  d.date = when.date;
  const source = unwrap(first(rec, 'JN', 'SO'));
  // "BMC Proceedings. Conference: ... 12 (Supplement 3), 2018." — the journal is the part before the first period.
  d.venue = source ? (/^(.+?)\.\s/.exec(source)?.[1] ?? source) : null;
  d.abstract = unwrap(first(rec, 'AB'));
  d.doi = findDoi(first(rec, 'DO'));
  d.url = values(rec, 'UR', 'XL').find((u) => /^https?:\/\//.test(u)) ?? null;
  d.tags = values(rec, 'KW').flatMap((k) => k.split(/\s*;\s*/));
  const x = d.extra;
  keep(x, 'ovidDatabase', first(rec, 'DB'));
  keep(x, 'ovidId', first(rec, 'UI', 'AN'));
  keep(x, 'source', source);
  keep(x, 'issn', first(rec, 'IS'));
  keep(x, 'publisher', first(rec, 'PB'));
  keep(x, 'language', first(rec, 'LG'));
  return { ok: true, draft: d };
}

export const ovid: ImportFormat = {
  name: 'ovid',
  extensions: ['ovd', 'cgi', 'txt'],
  detect(head) {
    const body = head.replace(/^\uFEFF/, '');
    if (!/^<\d+\.\s*>\s*$/m.test(body)) return 0;
    return /^(TI|AU|VN|DB)  - /m.test(body) ? 0.95 : 0;
  },
  *parse(text): Iterable<ParsedEntry> {
    for (const rec of medlineRecords(text, (line) => RECORD_START.test(line))) yield ovidEntry(rec);
  },
};
