/**
 * Text pasted from huggingface.co/papers: page chrome at the top, then for each paper a title line, a blank line and
 * the abstract on one line. Chrome (menus, "Subscribe", dates, upvote counts) is recognized by shape and skipped.
 */
import type { ImportFormat, ParsedEntry } from '../format';
import type { PaperDraft } from '../../../../shared/types';

interface Line {
  text: string;
  /** 1-based line number in the file. */
  line: number;
}

const MIN_ABSTRACT = 120;
const MAX_TITLE = 400;

/** Lines a pasted papers page carries that are never a paper's title. */
const CHROME = [
  /^get trending papers in your email inbox!?$/i,
  /^subscribe$/i,
  /^by\s*ak and the research community$/i,
  /^(daily|trending|weekly|monthly) papers$/i,
  /^(new|trending|top|daily|weekly|monthly|papers|collections|search|upvote|submit|submitted|previous|next)$/i,
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(, \d{4})?$/i,
  /^\d{4}-\d{2}-\d{2}$/,
  /^[\d.,]+\s*[km]?$/i,
  /^[·•|\-–—]+$/,
  /^submitted by\b/i,
  /^published on\b/i,
];

function isChrome(text: string): boolean {
  return CHROME.some((re) => re.test(text));
}

function looksLikeTitle(text: string): boolean {
  return text.length >= 3 && text.length <= MAX_TITLE && !isChrome(text) && /\p{L}/u.test(text);
}

function looksLikeAbstract(text: string): boolean {
  return text.length >= MIN_ABSTRACT && /\s/.test(text) && /\p{L}{3}/u.test(text);
}

function nonEmptyLines(text: string): Line[] {
  const out: Line[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.replace(/\s+/g, ' ').trim();
    if (t) out.push({ text: t, line: i + 1 });
  }
  return out;
}

/** Title/abstract pairs in order, with the chrome between them skipped. */
function pairs(lines: Line[]): { title: Line; abstract: Line }[] {
  const out: { title: Line; abstract: Line }[] = [];
  for (let i = 0; i + 1 < lines.length;) {
    const title = lines[i]!;
    const abstract = lines[i + 1]!;
    if (looksLikeTitle(title.text) && looksLikeAbstract(abstract.text) && abstract.text.length > title.text.length) {
      out.push({ title, abstract });
      i += 2;
    } else {
      i += 1;
    }
  }
  return out;
}

function draft(title: Line, abstract: Line): PaperDraft {
  return {
    title: title.text,
    authors: [],
    year: null,
    date: null,
    venue: null,
    abstract: abstract.text,
    entryType: 'article',
    arxiv: null,
    doi: null,
    url: null,
    citekey: null,
    extra: {},
    line: title.line,
  };
}

export const hfTrending: ImportFormat = {
  name: 'hf-trending',
  extensions: ['txt'],
  detect(head) {
    if (/^\s*[[{@<]/.test(head) || /^TY {1,2}-/m.test(head)) return 0;
    const lines = nonEmptyLines(head);
    // The last line of a head cut at 64 KiB may be partial; judge by complete lines.
    const complete = head.length >= 64 * 1024 && lines.length > 2 ? lines.slice(0, -1) : lines;
    const found = pairs(complete);
    if (found.length === 0) return 0;
    const covered = (found.length * 2) / complete.length;
    const marker = /trending papers|by\s*AK and the research community|huggingface/i.test(head);
    if (marker && found.length > 0) return 0.9;
    return covered >= 0.8 && found.length >= 2 ? 0.5 : 0;
  },
  *parse(text): Iterable<ParsedEntry> {
    for (const { title, abstract } of pairs(nonEmptyLines(text))) yield { ok: true, draft: draft(title, abstract) };
  },
};
