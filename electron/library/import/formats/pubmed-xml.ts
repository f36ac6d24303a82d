/**
 * PubMed XML (efetch, "Save as XML"): a `PubmedArticleSet` of `PubmedArticle` (journal papers) and
 * `PubmedBookArticle` (NCBI Bookshelf chapters). Titles and abstracts keep inline markup such as `<sup>` in order.
 */
import type { Author, PaperDraft } from '../../../../shared/types';
import type { ImportFormat, ParsedEntry } from '../format';
import { blankDraft, findDoi, keep, parseLooseDate, type LooseDate } from './common';
import { child, openingLines, parseXml, richText, xmlList, xmlParser, xmlText, type XmlNode } from './xml';

const parser = xmlParser(
  new Set([
    'PubmedArticle',
    'PubmedBookArticle',
    'Author',
    'AuthorList',
    'AbstractText',
    'ArticleId',
    'ELocationID',
    'Keyword',
    'MeshHeading',
    'PublicationType',
  ]),
  ['ArticleTitle', 'BookTitle', 'VernacularTitle', 'AbstractText', 'Keyword'],
);

function path(node: unknown, ...names: string[]): XmlNode | null {
  let n: unknown = node;
  for (const name of names) n = child(n, name);
  return (n as XmlNode | null) ?? null;
}

function pubDate(node: XmlNode | null): LooseDate {
  if (!node) return { year: null, date: null };
  const medline = xmlText(node['MedlineDate']);
  if (medline) return parseLooseDate(medline);
  const parts = [xmlText(node['Year']), xmlText(node['Month']), xmlText(node['Day'])].filter(Boolean);
  return parseLooseDate(parts.join(' '));
}

function people(lists: unknown, type: string): Author[] {
  const list = xmlList(lists).find((l) => (l['@_Type'] ?? 'authors') === type);
  const out: Author[] = [];
  for (const a of xmlList(list?.['Author'])) {
    const group = xmlText(a['CollectiveName']);
    const family = xmlText(a['LastName']);
    const given = xmlText(a['ForeName']) ?? xmlText(a['Initials']);
    if (family) out.push(given ? { family, given } : { family });
    else if (group) out.push({ literal: group });
  }
  return out;
}

function abstractOf(node: XmlNode | null): string | null {
  const parts = xmlList(node?.['AbstractText']).length
    ? xmlList(node?.['AbstractText'])
    : [node?.['AbstractText']].filter((p) => typeof p === 'string');
  const texts = parts.map((p) => {
    const text = richText(p);
    const label = typeof p === 'object' && p !== null ? xmlText(p['@_Label']) : null;
    return text && label ? `${label}: ${text}` : text;
  });
  return texts.filter(Boolean).join(' ') || null;
}

function articleIds(node: XmlNode | null): Map<string, string> {
  const ids = new Map<string, string>();
  for (const id of xmlList(path(node, 'ArticleIdList')?.['ArticleId'])) {
    const type = xmlText(id['@_IdType']);
    const value = xmlText(id);
    if (type && value && !ids.has(type)) ids.set(type, value);
  }
  return ids;
}

function draftOf(record: XmlNode, book: boolean, line: number | undefined): PaperDraft {
  const citation = book ? path(record, 'BookDocument') : path(record, 'MedlineCitation');
  const article = book ? citation : path(citation, 'Article');
  const bookInfo = path(citation, 'Book');
  const title = richText(article?.['ArticleTitle']) ?? richText(bookInfo?.['BookTitle']) ?? '';
  const d = blankDraft(title || (richText(article?.['VernacularTitle']) ?? ''), line);
  d.entryType = book ? (article?.['ArticleTitle'] ? 'incollection' : 'book') : 'article';
  d.authors = people(article?.['AuthorList'] ?? bookInfo?.['AuthorList'], 'authors');
  const journal = path(article, 'Journal');
  const when = pubDate(book ? path(bookInfo, 'PubDate') : path(journal, 'JournalIssue', 'PubDate'));
  d.year = when.year;
  d.date = when.date;
  d.venue = book ? richText(bookInfo?.['BookTitle']) : xmlText(journal?.['Title']);
  d.abstract = abstractOf(path(book ? citation : article, 'Abstract'));
  const ids = articleIds(book ? citation : path(record, 'PubmedData'));
  const eloc = xmlList(article?.['ELocationID']).find((e) => e['@_EIdType'] === 'doi');
  d.doi = findDoi(ids.get('doi'), xmlText(eloc));
  const pmid = xmlText(citation?.['PMID']) ?? ids.get('pubmed') ?? null;
  d.url = pmid ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : null;
  const keywords = path(citation, 'KeywordList')?.['Keyword'];
  d.tags = (Array.isArray(keywords) ? keywords : []).map(richText).filter((k): k is string => k !== null);
  const x = d.extra;
  keep(x, 'pmid', pmid);
  keep(x, 'pmcid', ids.get('pmc') ?? null);
  keep(x, 'volume', xmlText(path(journal, 'JournalIssue')?.['Volume']));
  keep(x, 'issue', xmlText(path(journal, 'JournalIssue')?.['Issue']));
  keep(x, 'pages', xmlText(path(article, 'Pagination')?.['MedlinePgn']));
  keep(x, 'issn', xmlText(journal?.['ISSN']));
  keep(x, 'publisher', xmlText(path(bookInfo, 'Publisher')?.['PublisherName']));
  keep(x, 'language', xmlText(article?.['Language']));
  keep(
    x,
    'mesh',
    xmlList(path(citation, 'MeshHeadingList')?.['MeshHeading']).map((m) => xmlText(m['DescriptorName'])),
  );
  keep(x, 'editors', people(article?.['AuthorList'] ?? bookInfo?.['AuthorList'], 'editors'));
  return d;
}

export const pubmedXml: ImportFormat = {
  name: 'pubmed-xml',
  extensions: ['xml'],
  detect(head) {
    if (!/^\uFEFF?\s*</.test(head)) return 0;
    return /<PubmedArticleSet[\s>]/.test(head) || /<Pubmed(Book)?Article[\s>]/.test(head) ? 0.95 : 0;
  },
  *parse(text): Iterable<ParsedEntry> {
    const parsed = parseXml(text, parser);
    if (!parsed.ok) {
      yield parsed.error;
      return;
    }
    const set = child(parsed.doc, 'PubmedArticleSet') ?? parsed.doc;
    // The parser groups articles and book articles by name; their lines are matched back in document order.
    const records = [
      ...xmlList(set['PubmedArticle']).map((r) => ({ r, book: false })),
      ...xmlList(set['PubmedBookArticle']).map((r) => ({ r, book: true })),
    ];
    const articleLines = openingLines(text, 'PubmedArticle');
    const bookLines = openingLines(text, 'PubmedBookArticle');
    let a = 0;
    let b = 0;
    for (const { r, book } of records) {
      const line = book ? bookLines[b++] : articleLines[a++];
      const d = draftOf(r, book, line);
      if (d.title) yield { ok: true, draft: d };
      else
        yield {
          ok: false,
          line: line ?? null,
          message: `PubMed record ${xmlText(d.extra['pmid']) ?? '(no PMID)'} has no title`,
        };
    }
  },
};
