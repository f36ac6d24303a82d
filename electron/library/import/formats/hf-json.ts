/**
 * Hugging Face papers as JSON: `/api/daily_papers` (an array of `{ paper: {...}, ... }`), `/api/papers` (an array of
 * papers), and scrapes keyed by arXiv id (`{ "2312.17653": { title, authors: [names], publication_date, upvotes } }`).
 * A benchmark imports a million of these, so the file is parsed once and each paper is mapped with plain property
 * reads; no regular expression runs per paper except on dates that are not already ISO. Papers are parsed one at a
 * time (`jsonMembers`), so a broken one is reported with its line and the others still import.
 */
import type { Author, PaperDraft } from '../../../../shared/types';
import type { ImportFormat, ParsedEntry } from '../format';
import { blankDraft, parseLooseDate, personOf, unwrap } from './common';
import { jsonMembers } from './json-split';
import { isRecord, str } from './json-text';

function isoDay(value: string | null): { year: number | null; date: string | null } {
  if (!value) return { year: null, date: null };
  // "2026-07-28T00:00:00.000Z": the fast path for every HF date.
  if (value.length >= 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const year = Number(value.slice(0, 4));
    if (year > 999) return { year, date: value.slice(0, 10) };
  }
  return parseLooseDate(value);
}

function authorsOf(list: unknown): Author[] {
  if (!Array.isArray(list)) return [];
  const out: Author[] = [];
  for (const a of list) {
    const name = typeof a === 'string' ? a : isRecord(a) ? str(a['name']) : null;
    const person = personOf(name);
    if (person) out.push(person);
  }
  return out;
}

/** One paper object of any of the three shapes; `outer` is the daily-papers wrapper when there is one. */
function draftOf(
  paper: Record<string, unknown>,
  key: string | null,
  outer: Record<string, unknown> | null,
): PaperDraft {
  const id = str(paper['id']) ?? key;
  const d = blankDraft(str(paper['title']) ?? str(outer?.['title']) ?? '');
  d.authors = authorsOf(paper['authors']);
  const when = isoDay(str(paper['publishedAt']) ?? str(paper['publication_date']) ?? str(outer?.['publishedAt']));
  d.year = when.year;
  d.date = when.date;
  const summary = str(paper['summary']) ?? str(paper['abstract']) ?? str(outer?.['summary']);
  d.abstract = unwrap(summary);
  d.arxiv = id;
  d.url = str(paper['url']) ?? (id ? `https://arxiv.org/abs/${id}` : null);
  const x = d.extra;
  const upvotes = paper['upvotes'];
  if (typeof upvotes === 'number') x['upvotes'] = upvotes;
  if (typeof paper['githubRepo'] === 'string') x['githubRepo'] = paper['githubRepo'];
  if (typeof paper['githubStars'] === 'number') x['githubStars'] = paper['githubStars'];
  if (typeof paper['projectPage'] === 'string') x['projectPage'] = paper['projectPage'];
  if (Array.isArray(paper['ai_keywords']) && paper['ai_keywords'].length > 0) x['aiKeywords'] = paper['ai_keywords'];
  if (typeof paper['ai_summary'] === 'string') x['aiSummary'] = paper['ai_summary'];
  if (typeof outer?.['numComments'] === 'number') x['comments'] = outer['numComments'];
  return d;
}

function entryOf(item: unknown, index: number, key: string | null): ParsedEntry {
  if (!isRecord(item)) return { ok: false, line: null, message: `paper #${index + 1} is not an object` };
  const inner = item['paper'];
  const d = isRecord(inner) ? draftOf(inner, key, item) : draftOf(item, key, null);
  if (!d.title.trim())
    return { ok: false, line: null, message: `paper #${index + 1} (${d.arxiv ?? 'no id'}) has no title` };
  return { ok: true, draft: d };
}

export const hfJson: ImportFormat = {
  name: 'hf-json',
  extensions: ['json'],
  detect(head) {
    const start = /^\uFEFF?\s*([[{])/.exec(head);
    if (!start) return 0;
    const daily = /"paper"\s*:\s*\{/.test(head) && /"(upvotes|submittedOnDailyAt|publishedAt)"\s*:/.test(head);
    if (daily) return 0.95;
    const papers = /"publishedAt"\s*:/.test(head) && /"upvotes"\s*:/.test(head) && /"summary"\s*:/.test(head);
    if (papers) return 0.9;
    const keyed =
      start[1] === '{' &&
      /"publication_date"\s*:/.test(head) &&
      /"upvotes"\s*:/.test(head) &&
      /"authors"\s*:/.test(head);
    return keyed ? 0.9 : 0;
  },
  *parse(text): Iterable<ParsedEntry> {
    let i = 0;
    for (const member of jsonMembers(text)) {
      if (!member.ok) {
        yield member.error;
        continue;
      }
      const entry = entryOf(member.value, i++, member.key);
      if (entry.ok) entry.draft.line = member.line;
      else entry.line = member.line;
      yield entry;
    }
  },
};
