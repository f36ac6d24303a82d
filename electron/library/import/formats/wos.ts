/**
 * Web of Science "plain text" (tagged) exports: an "FN"/"VR" header, records from "PT" to "ER", two-letter tags
 * followed by one space, and continuation lines indented by three spaces. For list tags (AU, AF, CR) every
 * continuation line is another item; for prose (TI, AB) it is a wrapped line.
 */
import type { Author } from '../../../../shared/types';
import type { ImportFormat, ParsedEntry } from '../format';
import { blankDraft, entryTypeOf, findDoi, keep, linesOf, parseLooseDate, personOf, unwrap } from './common';
import { continueField, first, values, type TaggedRecord } from './tagged';

const TAG_LINE = /^([A-Z][A-Z0-9])(?: ([\s\S]*))?$/;

export function wosRecords(text: string): TaggedRecord[] {
  const out: TaggedRecord[] = [];
  let rec: TaggedRecord | null = null;
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trimEnd();
    if (!raw) continue;
    const m = /^\s/.test(raw) ? null : TAG_LINE.exec(raw);
    if (!m) {
      continueField(rec, raw);
      continue;
    }
    const tag = m[1]!;
    if (tag === 'PT') {
      if (rec) out.push(rec);
      rec = { line: i + 1, fields: [] };
    } else if (tag === 'ER' || tag === 'EF') {
      if (rec) out.push(rec);
      rec = null;
      continue;
    }
    rec?.fields.push({ tag, value: (m[2] ?? '').trim(), line: i + 1 });
  }
  if (rec) out.push(rec);
  return out;
}

/** Items of a list tag: one per line. */
const items = (rec: TaggedRecord, tag: string) => values(rec, tag).flatMap((v) => v.split('\n'));

const PUBLICATION_TYPES: Record<string, string> = { J: 'article', B: 'book', S: 'incollection', C: 'inproceedings' };

function wosEntry(rec: TaggedRecord): ParsedEntry {
  const title = unwrap(first(rec, 'TI'));
  if (!title) return { ok: false, line: rec.line, message: 'Web of Science record has no title (TI)' };
  const d = blankDraft(title, rec.line);
  const docType = first(rec, 'DT');
  d.entryType = /proceedings/i.test(docType ?? '')
    ? 'inproceedings'
    : (PUBLICATION_TYPES[first(rec, 'PT') ?? ''] ?? entryTypeOf(docType));
  const full = items(rec, 'AF');
  d.authors = (full.length > 0 ? full : items(rec, 'AU')).map(personOf).filter((a): a is Author => a !== null);
  for (const group of items(rec, 'CA')) d.authors.push({ literal: group });
  const year = first(rec, 'PY');
  const when = parseLooseDate(year && first(rec, 'PD') ? `${year} ${first(rec, 'PD')}` : year);
  d.year = when.year ?? parseLooseDate(first(rec, 'EA')).year;
  d.date = when.date;
  d.venue = unwrap(first(rec, 'SO'));
  d.abstract = unwrap(first(rec, 'AB'));
  d.doi = findDoi(first(rec, 'DI'), first(rec, 'D2'));
  d.url = d.doi ? `https://doi.org/${d.doi}` : null;
  d.tags = values(rec, 'DE').flatMap((k) => unwrap(k)!.split(/\s*;\s*/));
  const x = d.extra;
  keep(x, 'wosId', first(rec, 'UT'));
  keep(x, 'volume', first(rec, 'VL'));
  keep(x, 'issue', first(rec, 'IS'));
  const bp = first(rec, 'BP');
  const ep = first(rec, 'EP');
  keep(x, 'pages', bp && ep ? `${bp}-${ep}` : (bp ?? first(rec, 'AR', 'PS')));
  keep(x, 'issn', first(rec, 'SN'));
  keep(x, 'publisher', first(rec, 'PU'));
  keep(x, 'language', first(rec, 'LA'));
  keep(x, 'documentType', docType);
  keep(x, 'pmid', first(rec, 'PM'));
  keep(x, 'timesCited', first(rec, 'TC', 'Z9'));
  return { ok: true, draft: d };
}

export const wos: ImportFormat = {
  name: 'wos',
  extensions: ['txt', 'ciw'],
  detect(head) {
    const body = head.replace(/^\uFEFF/, '');
    const header = /^FN (Thomson Reuters|Clarivate|ISI)/m.test(body) || /^VR 1\.0/m.test(body);
    const record = /^PT [A-Z]\s*$/m.test(body) && /^(AU|TI|SO) \S/m.test(body);
    if (header && record) return 0.95;
    return record && /^ER\s*$/m.test(body) ? 0.8 : 0;
  },
  *parse(text): Iterable<ParsedEntry> {
    for (const rec of wosRecords(text)) yield wosEntry(rec);
  },
};
