/**
 * PubMed's MEDLINE text (`.nbib`, "PMID- 8692918"): tags padded to four characters before "- ", continuation lines
 * indented by six spaces, records separated by blank lines. ERIC writes the same layout without PMIDs. Ovid's
 * exports share the layout and are read by `ovid.ts` with the splitter defined here.
 */
import type { Author, PaperDraft } from '../../../../shared/types';
import type { ImportFormat, ParsedEntry } from '../format';
import {
  blankDraft,
  entryTypeOf,
  findDoi,
  keep,
  linesOf,
  parseLooseDate,
  personFamilyFirst,
  personOf,
  unwrap,
} from './common';
import { first, splitTagged, values, type TaggedRecord } from './tagged';

/** "PMID- 1", "TI  - x", "FAU - x", "AB  -" (empty): the dash always sits in the fifth column. */
const TAG_LINE = /^([A-Z][A-Z0-9 ]{3})-(?: ([\s\S]*))?$/;

/**
 * Splits MEDLINE-layout text into records. A record ends at a blank line, at a `PMID` that follows other fields, or
 * at a line `isStart` recognizes (Ovid's "<3001. >").
 */
export function medlineRecords(text: string, isStart: (line: string) => boolean = () => false): TaggedRecord[] {
  return splitTagged(linesOf(text), {
    fieldOf(line) {
      const m = /^\s/.test(line) ? null : TAG_LINE.exec(line.trimEnd());
      return m ? { tag: m[1]!.trim(), value: m[2] ?? '' } : null;
    },
    isBreak: isStart,
    startsRecord: (tag) => tag === 'PMID',
  });
}

/** Identifiers are written "10.1016/j.x [doi]" or "S0033-3506(15)00037-2 [pii]"; only the DOI ones count. */
function doiOf(rec: TaggedRecord): string | null {
  const ids = values(rec, 'LID', 'AID').filter((v) => /\[doi\]\s*$/i.test(v));
  return findDoi(...ids.map((v) => v.replace(/\s*\[doi\]\s*$/i, '')));
}

function authorsOf(rec: TaggedRecord): Author[] {
  const full = values(rec, 'FAU');
  const people = full.length > 0 ? full.map(personOf) : values(rec, 'AU').map(personFamilyFirst);
  for (const group of values(rec, 'CN')) people.push({ literal: group });
  return people.filter((a): a is Author => a !== null);
}

function medlineDraft(rec: TaggedRecord): PaperDraft {
  const d = blankDraft(unwrap(first(rec, 'TI', 'BTI', 'TT')) ?? '', rec.line);
  const types = values(rec, 'PT');
  d.entryType = types.some((t) => /journal article/i.test(t)) ? 'article' : entryTypeOf(types[0] ?? 'article');
  d.authors = authorsOf(rec);
  const when = parseLooseDate(first(rec, 'DP', 'DEP', 'DA'));
  d.year = when.year;
  d.date = when.date;
  d.venue = unwrap(first(rec, 'JT', 'TA', 'SO'));
  d.abstract = unwrap(first(rec, 'AB'));
  d.doi = doiOf(rec);
  const pmid = first(rec, 'PMID');
  const link = values(rec, 'LID', 'AID').find((v) => /^https?:\/\//.test(v)) ?? null;
  d.url = pmid ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : link;
  d.tags = values(rec, 'OT');
  const x = d.extra;
  keep(x, 'pmid', pmid);
  keep(x, 'pmcid', first(rec, 'PMC'));
  keep(x, 'volume', first(rec, 'VI'));
  keep(x, 'issue', first(rec, 'IP'));
  keep(x, 'pages', first(rec, 'PG'));
  keep(x, 'issn', first(rec, 'IS', 'ISSN'));
  keep(x, 'language', first(rec, 'LA'));
  keep(x, 'publicationTypes', types);
  keep(x, 'mesh', values(rec, 'MH'));
  return d;
}

export const medline: ImportFormat = {
  name: 'medline',
  extensions: ['nbib', 'medline', 'txt'],
  detect(head) {
    const body = head.replace(/^\uFEFF/, '');
    if (/^PMID- ?\d/m.test(body) && /^(TI|AU|FAU|DP) {0,2}- /m.test(body)) return 0.95;
    // ERIC and other MEDLINE-layout exports without PMIDs: four-column tags seen nowhere else.
    const wide = /^(OWN|FAU|STAT|DCOM|JID) ?- /m.test(body) && /^TI  - /m.test(body) && !/^TY {1,2}- /m.test(body);
    return wide ? 0.8 : 0;
  },
  *parse(text): Iterable<ParsedEntry> {
    for (const rec of medlineRecords(text)) {
      const d = medlineDraft(rec);
      if (d.title) yield { ok: true, draft: d };
      else yield { ok: false, line: rec.line, message: 'MEDLINE record has no title (TI)' };
    }
  },
};
