/**
 * arXiv's daily listings as RSS 2.0 (`rss.arxiv.org/rss/cs.AI`): each item has the title, the abs link, a description
 * "arXiv:2604.21935v1 Announce Type: new Abstract: ...", the authors in one `dc:creator` and the listing date. Older
 * listings (RSS 1.0, before 2024) put HTML in the description and links in the creator; both are reduced to text.
 * A weekend listing has no items: zero papers, not an error.
 */
import { normalizeArxivId } from '../../../../shared/normalize';
import type { ImportFormat, ParsedEntry } from '../format';
import { blankDraft, keep, parseLooseDate, personOf, unwrap } from './common';
import { child, openingLines, parseXml, xmlList, xmlText, xmlTexts } from './xml';

const stripTags = (s: string) =>
  s
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

interface Description {
  abstract: string | null;
  announce: string | null;
  version: string | null;
}

function abstractOf(description: string | null): Description {
  if (!description) return { abstract: null, announce: null, version: null };
  const plain = stripTags(description);
  const m = /^arXiv:\S+?(v\d+)?\s+Announce Type:\s*(\S+)\s*Abstract:\s*([\s\S]*)$/i.exec(plain);
  if (!m) return { abstract: plain || null, announce: null, version: null };
  return { abstract: m[3]!.trim() || null, announce: m[2]!, version: m[1] ?? null };
}

/** Year of a new-style id (2604.21935 → 2026); null for old-style ids, where the listing date is used. */
function idYear(id: string): number | null {
  const m = /^(\d{2})(\d{2})\.\d{4,5}$/.exec(id);
  return m ? 2000 + Number(m[1]) : null;
}

export function* arxivRssEntries(text: string): Iterable<ParsedEntry> {
  const parsed = parseXml(text);
  if (!parsed.ok) {
    yield parsed.error;
    return;
  }
  // RSS 2.0 keeps items in the channel; the RSS 1.0 (RDF) listings arXiv served before 2024 keep them beside it.
  const rdf = child(parsed.doc, 'RDF');
  const holder = rdf ?? child(child(parsed.doc, 'rss'), 'channel');
  if (!holder) {
    yield { ok: false, line: 1, message: 'not an RSS listing (no <rss><channel> or <rdf:RDF>)' };
    return;
  }
  const lines = openingLines(text, 'item');
  const items = xmlList(holder['item']);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const line = lines[i] ?? null;
    const link = xmlText(item['link']);
    const id = normalizeArxivId(link) ?? normalizeArxivId(xmlText(item['guid'])?.replace(/^oai:arXiv\.org:/i, ''));
    const title = unwrap(xmlText(item['title'])?.replace(/\s*\(arXiv:[^)]*\)\s*$/, ''));
    if (!title) {
      yield { ok: false, line, message: `RSS item ${id ?? '#' + (i + 1)} has no title` };
      continue;
    }
    const d = blankDraft(title, line ?? undefined);
    const names = xmlTexts(item['creator']).map(stripTags);
    for (const name of names.join(', ').split(/\s*,\s*|\s+and\s+/)) {
      const p = personOf(name);
      if (p) d.authors.push(p);
    }
    const { abstract, announce, version } = abstractOf(xmlText(item['description']));
    d.abstract = abstract;
    const listed = parseLooseDate(xmlText(item['pubDate']) ?? xmlText(item['date']));
    d.year = (id ? idYear(id) : null) ?? listed.year;
    // The listing date is the publication date only for new papers; replacements are listed again later.
    d.date = !announce || announce === 'new' ? listed.date : null;
    d.arxiv = id;
    d.url = id ? `https://arxiv.org/abs/${id}` : link;
    const x = d.extra;
    keep(x, 'announceType', announce);
    keep(x, 'arxivVersion', version);
    keep(x, 'categories', xmlTexts(item['category']));
    yield { ok: true, draft: d };
  }
}

export const arxivRss: ImportFormat = {
  name: 'arxiv-rss',
  extensions: ['xml', 'rss'],
  detect(head) {
    if (!/^\uFEFF?\s*</.test(head)) return 0;
    const rss2 = /<rss[\s>]/.test(head) && /<channel[\s>]/.test(head);
    const rss1 = /<rdf:RDF[\s>]/.test(head) && /purl\.org\/rss\/1\.0/.test(head);
    if (!rss2 && !rss1) return 0;
    return /arxiv\.org/i.test(head) ? 0.95 : 0;
  },
  parse: arxivRssEntries,
};
