/** How papers look on the command line: stable JSON for scripts, compact lines for people. */
import type { Paper, PaperRow } from '../../shared/types';
import { MATCH_END, MATCH_START } from '../../shared/types';
import { authorName, shortAuthors } from '../../shared/normalize';

export interface PaperJson {
  id: number;
  title: string;
  authors: string[];
  year: number | null;
  date: string | null;
  venue: string | null;
  abstract: string | null;
  entryType: string;
  status: string;
  statusChangedAt: string;
  starred: boolean;
  tags: string[];
  note: string;
  arxiv: string | null;
  doi: string | null;
  url: string | null;
  citekey: string | null;
  source: string | null;
  addedAt: string;
  updatedAt: string;
  score?: number | null;
  snippet?: string | null;
}

/** The JSON shape scripts rely on. Field names and meanings never change; fields may be added. */
export function paperJson(p: Paper | PaperRow): PaperJson {
  const out: PaperJson = {
    id: p.id,
    title: p.title,
    authors: p.authors.map(authorName),
    year: p.year,
    date: p.date,
    venue: p.venue,
    abstract: p.abstract,
    entryType: p.entryType,
    status: p.status,
    statusChangedAt: p.statusChangedAt,
    starred: p.starred,
    tags: p.tags,
    note: p.note,
    arxiv: p.arxiv,
    doi: p.doi,
    url: p.url,
    citekey: p.citekey,
    source: p.source,
    addedAt: p.addedAt,
    updatedAt: p.updatedAt,
  };
  if ('score' in p) {
    out.score = p.score;
    out.snippet = p.snippet === null ? null : plainSnippet(p.snippet);
  }
  return out;
}

/** Snippets mark matches with control characters; on the command line they become [brackets] (or bold on a TTY). */
export function plainSnippet(snippet: string, tty = false): string {
  const [open, close] = tty ? ['\x1b[1m', '\x1b[0m'] : ['[', ']'];
  return snippet.split(MATCH_START).join(open).split(MATCH_END).join(close);
}

const STATUS_MARK: Record<string, string> = {
  new: 'new',
  'to-read': 'to-read',
  reading: 'reading',
  read: 'read',
  skipped: 'skipped',
};

export function paperLine(p: Paper): string {
  const star = p.starred ? '★' : ' ';
  const year = p.year ?? '    ';
  const who = shortAuthors(p.authors);
  const tags = p.tags.length > 0 ? `  #${p.tags.join(' #')}` : '';
  return `${String(p.id).padStart(6)} ${star} ${(STATUS_MARK[p.status] ?? p.status).padEnd(8)} ${year}  ${p.title}${who ? ` — ${who}` : ''}${tags}`;
}

export function paperDetail(p: Paper): string {
  const lines = [`#${p.id}  ${p.title}`];
  if (p.authors.length > 0) lines.push(`Authors:  ${p.authors.map(authorName).join('; ')}`);
  if (p.year !== null) lines.push(`Year:     ${p.date ?? p.year}`);
  if (p.venue) lines.push(`Venue:    ${p.venue}`);
  lines.push(`Status:   ${p.status}${p.starred ? '  ★ starred' : ''}`);
  if (p.tags.length > 0) lines.push(`Tags:     ${p.tags.join(', ')}`);
  if (p.arxiv) lines.push(`arXiv:    ${p.arxiv}`);
  if (p.doi) lines.push(`DOI:      ${p.doi}`);
  if (p.url) lines.push(`URL:      ${p.url}`);
  if (p.citekey) lines.push(`Key:      ${p.citekey}`);
  if (p.source) lines.push(`Source:   ${p.source}`);
  lines.push(`Added:    ${p.addedAt}`);
  if (p.abstract) lines.push('', p.abstract);
  if (p.note) lines.push('', '--- note ---', p.note);
  return lines.join('\n');
}
