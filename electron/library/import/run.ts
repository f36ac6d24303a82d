/** Writing parsed entries into the library: validation, duplicates, merge, and the report. Caller owns the transaction. */
import type { ImportReport, PaperDraft } from '../../../shared/types';
import { normalizeArxivId, normalizeDoi, normalizeTitle } from '../../../shared/normalize';
import type { Db } from '../db/open';
import type { ChangeRecorder } from '../history';
import { getPaper, insertPaper, writePaper } from '../papers';
import type { ParsedEntry } from './format';
import { checkDraftSize } from './limits';
import { findDuplicate, mergeDraft, sameContent } from './dedupe';

export interface ImportContext {
  db: Db;
  file: string;
  source: string;
  now: string;
  recorder: ChangeRecorder;
  onEntry?: (done: number) => void;
}

export function emptyReport(): ImportReport {
  return { added: 0, merged: 0, skipped: 0, failed: 0, errors: [], paperIds: [] };
}

/** Cleans what every importer produces: trimmed text, normalized identifiers, sane year; throws for a paper with no title. */
export function cleanDraft(draft: PaperDraft): PaperDraft {
  checkDraftSize(draft);
  const title = draft.title.replace(/\s+/g, ' ').trim();
  if (!title) throw new Error('entry has no title');
  const text = (v: string | null) => {
    // Only runs and tabs are rewritten: a pattern matching every single space costs more than the rest of the import;
    // and most values have neither, which two plain searches tell faster than the pattern.
    const t = (v && (v.includes('\t') || v.includes('  ')) ? v.replace(/\t|[ \t]{2,}/g, ' ') : v)?.trim();
    return t ? t : null;
  };
  const year =
    draft.year !== null && Number.isInteger(draft.year) && draft.year > 0 && draft.year < 10000 ? draft.year : null;
  const tags = (draft.tags ?? [])
    .map((t) => t.trim().replace(/[\s,]+/g, '-'))
    .filter((t) => t.length > 0 && t.length <= 200);
  return {
    ...draft,
    title,
    authors: draft.authors.filter((a) => a.family || a.given || a.literal),
    year,
    venue: text(draft.venue),
    abstract: text(draft.abstract),
    doi: normalizeDoi(draft.doi),
    arxiv: normalizeArxivId(draft.arxiv),
    url: text(draft.url),
    citekey: text(draft.citekey),
    tags,
  };
}

export function importEntries(ctx: ImportContext, entries: Iterable<ParsedEntry>, report: ImportReport): void {
  let done = 0;
  for (const entry of entries) {
    done++;
    if (!entry.ok) {
      report.failed++;
      report.errors.push({ file: ctx.file, line: entry.line, message: entry.message });
    } else {
      importOne(ctx, entry.draft, report);
      if (entry.warning) report.errors.push({ file: ctx.file, line: entry.draft.line ?? null, message: entry.warning });
    }
    ctx.onEntry?.(done);
  }
}

function importOne(ctx: ImportContext, raw: PaperDraft, report: ImportReport): void {
  let draft: PaperDraft;
  try {
    draft = cleanDraft(raw);
  } catch (err) {
    report.failed++;
    report.errors.push({ file: ctx.file, line: raw.line ?? null, message: (err as Error).message });
    return;
  }
  const { db, recorder, now } = ctx;
  const titleKey = normalizeTitle(draft.title);
  const existingId = findDuplicate(db, draft, titleKey);
  if (existingId === null) {
    const id = insertPaper(db, draft, ctx.source, now, titleKey);
    recorder.created(id);
    report.added++;
    report.paperIds.push(id);
    return;
  }
  const existing = getPaper(db, existingId)!;
  const merged = mergeDraft(existing, draft);
  if (sameContent(existing, merged)) {
    report.skipped++;
    return;
  }
  recorder.touch(existingId);
  writePaper(db, { ...merged, updatedAt: now });
  report.merged++;
  report.paperIds.push(existingId);
}
