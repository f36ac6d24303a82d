/**
 * Lectern's BibTeX reader beside the reference parser Better BibTeX uses (@retorquere/bibtex-parser): the same text
 * through both, entries matched by citation key, and compared on title, authors and year.
 *
 * The reference marks up rich text as HTML (`<i>`, `<sub>`, `<a href>`) where Lectern keeps plain text, so its tags
 * are stripped before comparing; both sides have their blanks collapsed. Everything else must be identical.
 */
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { ParsedEntry } from '../../electron/library/import/format';
import type { Author } from '../../shared/types';

/** The three things compared, as plain strings. */
export interface Essentials {
  title: string;
  authors: string;
  year: string;
}

export interface Agreement {
  /** Entries both parsers returned under the same key. */
  compared: number;
  identical: number;
  /** Up to a few differing entries, for the report. */
  examples: { key: string; field: keyof Essentials; lectern: string; reference: string }[];
}

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function stripHtml(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function person(parts: (string | undefined)[]): string {
  return squash(parts.filter((p) => p && p.trim()).join(' '));
}

function referenceAuthors(creators: Creator[] | undefined): string {
  return (creators ?? [])
    .filter((c) => (c.name ?? c.lastName) !== 'others')
    .map((c) =>
      c.name !== undefined
        ? squash(stripHtml(c.name))
        : `${person([c.firstName])}|${person([c.prefix, c.lastName, c.suffix])}`,
    )
    .join('; ');
}

function lecternAuthors(authors: Author[]): string {
  return authors
    .map((a) => (a.literal !== undefined ? squash(a.literal) : `${person([a.given])}|${person([a.family])}`))
    .join('; ');
}

/** A year as digits without leading zeros ("0333" and 333 are the same year). */
const yearOf = (value: unknown) => /\d{4}/.exec(typeof value === 'string' ? value : '')?.[0]?.replace(/^0+/, '') ?? '';

export function referenceEssentials(entry: Entry): Essentials {
  const f = entry.fields;
  const creators = f.author ?? f.editor;
  return {
    title: squash(stripHtml(typeof f.title === 'string' ? f.title : '')),
    authors: referenceAuthors(creators),
    year: yearOf(f.year) || yearOf(f.date),
  };
}

/** The reference parser with the options that make it decode like an importer: no re-casing, crossref applied. */
export function parseWithReference(text: string): Entry[] {
  return parse(text, { sentenceCase: false, caseProtection: false, unsupported: 'ignore', applyCrossRef: true })
    .entries;
}

/** Compares Lectern's entries with the reference's (or their essentials, precomputed), matched by citation key. */
export function compare(lectern: ParsedEntry[], reference: (Entry | (Essentials & { key: string }))[]): Agreement {
  const byKey = new Map<string, Essentials>();
  for (const e of lectern) {
    if (!e.ok || !e.draft.citekey || byKey.has(e.draft.citekey)) continue;
    const d = e.draft;
    byKey.set(d.citekey!, {
      title: squash(d.title),
      authors: lecternAuthors(d.authors),
      year: d.year ? String(d.year) : '',
    });
  }
  const result: Agreement = { compared: 0, identical: 0, examples: [] };
  const seen = new Set<string>();
  for (const entry of reference) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    result.compared++;
    const theirs = 'fields' in entry ? referenceEssentials(entry) : entry;
    const found = byKey.get(entry.key);
    // An entry without a title is no paper for either side: Lectern reports it, the reference returns it empty.
    if (!found && !theirs.title) {
      result.compared--;
      continue;
    }
    const mine = found ?? { title: '(no entry)', authors: '', year: '' };
    const differing = (['title', 'authors', 'year'] as const).find((k) => mine[k] !== theirs[k]);
    if (!differing) result.identical++;
    else if (result.examples.length < 20) {
      result.examples.push({
        key: entry.key,
        field: differing,
        lectern: mine[differing],
        reference: theirs[differing],
      });
    }
  }
  return result;
}
