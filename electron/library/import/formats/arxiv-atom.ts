/**
 * Responses of the arXiv API (`export.arxiv.org/api/query`), an Atom feed, in its 2016 and 2026 shapes. Several
 * versions of one paper fold into one entry carrying the latest version's metadata. An API error comes back as a feed
 * with one entry whose id points at `arxiv.org/api/errors`: that becomes a clear error, not a paper called "Error".
 */
import type { PaperDraft } from '../../../../shared/types';
import { normalizeArxivId } from '../../../../shared/normalize';
import type { ImportFormat, ParsedEntry } from '../format';
import { blankDraft, findDoi, keep, parseLooseDate, personOf, unwrap } from './common';
import { child, openingLines, parseXml, xmlList, xmlText, type XmlNode } from './xml';

const VERSION = /v(\d+)$/;

function draftOf(entry: XmlNode, id: string, line: number | undefined): PaperDraft {
  const d = blankDraft(unwrap(xmlText(entry['title'])) ?? '', line);
  for (const a of xmlList(entry['author'])) {
    const p = personOf(xmlText(a['name']));
    if (p) d.authors.push(p);
  }
  const published = parseLooseDate(xmlText(entry['published']));
  d.year = published.year;
  d.date = published.date;
  d.abstract = unwrap(xmlText(entry['summary']));
  d.arxiv = id;
  d.url = `https://arxiv.org/abs/${id}`;
  d.doi = findDoi(...(xmlText(entry['doi']) ?? '').split(/\s+/));
  const journalRef = unwrap(xmlText(entry['journal_ref']));
  d.venue = journalRef;
  const x = d.extra;
  const rawId = xmlText(entry['id']) ?? '';
  keep(x, 'arxivVersion', VERSION.exec(rawId)?.[0] ?? null);
  keep(x, 'journalRef', journalRef);
  keep(x, 'comment', unwrap(xmlText(entry['comment'])));
  keep(x, 'primaryCategory', xmlText(child(entry, 'primary_category')?.['@_term']));
  keep(
    x,
    'categories',
    xmlList(entry['category'])
      .map((c) => xmlText(c['@_term']))
      .filter(Boolean),
  );
  keep(x, 'updated', xmlText(entry['updated']));
  return d;
}

function versionOf(entry: XmlNode): number {
  return Number(VERSION.exec(xmlText(entry['id']) ?? '')?.[1] ?? 0);
}

/** True when `b` is a later version than `a`: by version number, else by the `updated` stamp. */
function isLater(a: XmlNode, b: XmlNode): boolean {
  const va = versionOf(a);
  const vb = versionOf(b);
  if (va !== vb) return vb > va;
  return (xmlText(b['updated']) ?? '') > (xmlText(a['updated']) ?? '');
}

export function* arxivAtomEntries(text: string): Iterable<ParsedEntry> {
  const parsed = parseXml(text);
  if (!parsed.ok) {
    yield parsed.error;
    return;
  }
  const feed = child(parsed.doc, 'feed');
  if (!feed) {
    yield { ok: false, line: 1, message: 'not an Atom feed (no <feed> element)' };
    return;
  }
  const lines = openingLines(text, 'entry');
  // Versions of one paper fold into its first position, keeping the latest version's entry.
  const byId = new Map<string, { entry: XmlNode; line: number | undefined }>();
  const out: ({ id: string } | ParsedEntry)[] = [];
  xmlList(feed['entry']).forEach((entry, i) => {
    const line = lines[i];
    const rawId = xmlText(entry['id']) ?? '';
    if (/arxiv\.org\/api\/errors/i.test(rawId)) {
      const reason = unwrap(xmlText(entry['summary'])) ?? rawId;
      out.push({ ok: false, line: line ?? null, message: `arXiv API error: ${reason}` });
      return;
    }
    const id = normalizeArxivId(rawId);
    if (!id) {
      out.push({ ok: false, line: line ?? null, message: `entry id "${rawId}" is not an arXiv id` });
      return;
    }
    const seen = byId.get(id);
    if (!seen) {
      byId.set(id, { entry, line });
      out.push({ id });
    } else if (isLater(seen.entry, entry)) {
      byId.set(id, { entry, line: seen.line });
    }
  });
  for (const item of out) {
    if ('ok' in item) {
      yield item;
      continue;
    }
    const { entry, line } = byId.get(item.id)!;
    const d = draftOf(entry, item.id, line);
    if (d.title) yield { ok: true, draft: d };
    else yield { ok: false, line: line ?? null, message: `arXiv entry ${item.id} has no title` };
  }
}

export const arxivAtom: ImportFormat = {
  name: 'arxiv-atom',
  extensions: ['xml', 'atom'],
  detect(head) {
    if (!/^\uFEFF?\s*</.test(head)) return 0;
    if (!/<feed[\s>]/.test(head) || !/http:\/\/www\.w3\.org\/2005\/Atom/.test(head)) return 0;
    if (/arxiv\.org\/(api|schemas\/atom|abs\/)/i.test(head)) return 0.95;
    return 0;
  },
  parse: arxivAtomEntries,
};
