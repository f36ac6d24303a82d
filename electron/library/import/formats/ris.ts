/**
 * RIS as Zotero, EndNote, Mendeley, JabRef, Scopus and Web of Science write it: `TY  - ` opens a record and `ER  - `
 * closes it; tags are two characters followed by one or two spaces and a dash; lines without a tag continue the field
 * above (Scopus wraps its reference lists that way, EndNote its attachment lists); CRLF or LF; dates like `1991///`.
 */
import type { PaperDraft } from '../../../../shared/types';
import type { ImportFormat, ParsedEntry } from '../format';
import { blankDraft, entryTypeOf, findArxiv, findDoi, keep, linesOf, parseLooseDate, personOf, unwrap } from './common';
import { continueField, first, values, type TaggedRecord } from './tagged';

/** A tag line: two-character tag, one to three spaces, a dash, then the value (absent on `ER  -`). Values may hold
 *  U+2028, which `.` would not match. */
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,3}-(?: ([\s\S]*))?$/;

/** Splits RIS text into records; text outside TY..ER is ignored, a TY without ER is closed by the next TY or the end. */
export function risRecords(text: string): TaggedRecord[] {
  const out: TaggedRecord[] = [];
  let rec: TaggedRecord | null = null;
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const m = TAG_LINE.exec(raw.trimEnd()) ?? TAG_LINE.exec(raw.trim());
    if (!m) {
      if (rec) continueField(rec, raw);
      continue;
    }
    const tag = m[1]!;
    const value = (m[2] ?? '').trim();
    if (tag === 'TY') {
      if (rec) out.push(rec);
      rec = { line: i + 1, fields: [{ tag, value, line: i + 1 }] };
    } else if (tag === 'ER') {
      if (rec) out.push(rec);
      rec = null;
    } else if (rec) {
      rec.fields.push({ tag, value, line: i + 1 });
    }
  }
  if (rec) out.push(rec);
  return out;
}

/** The most precise of the record's dates that agrees with its publication year. */
function dateOf(rec: TaggedRecord): { year: number | null; date: string | null } {
  const py = parseLooseDate(first(rec, 'PY'));
  let best = py;
  for (const v of values(rec, 'DA', 'Y1', 'PY')) {
    const d = parseLooseDate(v);
    if (d.year === null || (best.year !== null && d.year !== best.year)) continue;
    if (!best.date || (d.date && d.date.length > best.date.length)) best = d;
  }
  return best;
}

function pages(rec: TaggedRecord): string | null {
  const sp = first(rec, 'SP');
  const ep = first(rec, 'EP');
  if (sp && ep && !sp.includes('-')) return `${sp}-${ep}`;
  return sp ?? ep;
}

export function risDraft(rec: TaggedRecord): PaperDraft {
  const type = first(rec, 'TY') ?? '';
  const own = unwrap(first(rec, 'TI', 'T1', 'CT')) ?? (/^(BOOK|EBOOK|EDBOOK)$/.test(type) ? first(rec, 'BT') : null);
  const container = unwrap(first(rec, 'JF', 'T2', 'JO', 'JA', 'J2', 'BT', 'T3'));
  // A record with only a container title (a whole journal, a Scopus entry without TI) is kept under that title
  // rather than lost.
  const d = blankDraft(own ?? container ?? '', rec.line);
  d.entryType = entryTypeOf(type);
  for (const name of values(rec, 'AU', 'A1')) {
    const p = personOf(name);
    if (p) d.authors.push(p);
  }
  const when = dateOf(rec);
  d.year = when.year;
  d.date = when.date;
  d.venue = own ? container : null;
  d.abstract = unwrap(first(rec, 'AB', 'N2'));
  const urls = values(rec, 'UR', 'L2').flatMap((u) => u.split(/\s+/));
  const notes = values(rec, 'N1', 'M3', 'M1');
  d.doi = findDoi(first(rec, 'DO'), ...urls, ...notes);
  d.arxiv = findArxiv(...urls, ...notes, first(rec, 'JO', 'T2', 'J2'));
  d.url = urls.find((u) => /^https?:\/\//i.test(u)) ?? null;
  d.tags = values(rec, 'KW').flatMap((k) => k.split(/\s*[\n;]\s*/));
  const x = d.extra;
  keep(x, 'risType', type);
  keep(x, 'volume', first(rec, 'VL'));
  keep(x, 'issue', first(rec, 'IS'));
  keep(x, 'pages', pages(rec));
  keep(x, 'publisher', first(rec, 'PB'));
  keep(x, 'place', first(rec, 'CY'));
  keep(x, 'issn', first(rec, 'SN'));
  keep(x, 'language', first(rec, 'LA'));
  keep(x, 'editors', values(rec, 'A2', 'ED').map(personOf).filter(Boolean));
  return d;
}

export function* risEntries(records: TaggedRecord[], what: string): Iterable<ParsedEntry> {
  for (const rec of records) {
    const d = risDraft(rec);
    if (!d.title) {
      yield { ok: false, line: rec.line, message: `${what} record has no title (no TI, T1 or container title)` };
    } else if (d.venue === null && !first(rec, 'TI', 'T1', 'CT', 'BT')) {
      // Kept under its source's title rather than lost; the report says so.
      yield { ok: true, draft: d, warning: `${what} record has no title (TI or T1); imported under its source title` };
    } else {
      yield { ok: true, draft: d };
    }
  }
}

export const ris: ImportFormat = {
  name: 'ris',
  extensions: ['ris', 'txt'],
  detect(head) {
    const body = head.replace(/^\uFEFF/, '');
    const ty = /^TY {1,3}- ?\S/m.test(body);
    if (!ty) return 0;
    const tags = body.match(/^[A-Z][A-Z0-9] {1,3}- /gm)?.length ?? 0;
    const er = /^ER {1,3}-/m.test(body);
    // Web of Science tagged also has PT/AU/ER lines but never "XX  - "; MEDLINE uses 4-wide tags like "PMID- ".
    if (/^PMID- /m.test(body)) return 0;
    return er && tags >= 3 ? 0.95 : tags >= 2 ? 0.7 : 0.4;
  },
  parse(text) {
    return risEntries(risRecords(text), 'RIS');
  },
};
