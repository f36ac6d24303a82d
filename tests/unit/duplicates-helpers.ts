/** Real papers for the duplicate tests: the Hugging Face daily-papers response, read as plain data. */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport, PaperDraft } from '../../shared/types';
import { parsePersonName } from '../../shared/normalize';
import type { Library } from '../../electron/library';
import { emptyReport, importEntries } from '../../electron/library/import/run';
import { insertPaper } from '../../electron/library/papers';
import { FIXTURES } from './helpers';

interface DailyPaper {
  paper: { id: string; title: string; summary: string; publishedAt: string; authors: { name: string }[] };
}

/** The 30 papers of one day's /api/daily_papers as drafts (arXiv id, authors, year, abstract). */
export function dailyPapers(): PaperDraft[] {
  const file = path.join(FIXTURES, 'hf-papers/sotawhat-daily_papers-2026-06-12.json');
  const items = JSON.parse(fs.readFileSync(file, 'utf8')) as DailyPaper[];
  return items.map(({ paper }) => ({
    title: paper.title,
    authors: paper.authors.map((a) => parsePersonName(a.name)),
    year: Number(paper.publishedAt.slice(0, 4)),
    date: paper.publishedAt.slice(0, 10),
    venue: null,
    abstract: paper.summary,
    entryType: 'article',
    arxiv: paper.id,
    doi: null,
    url: null,
    citekey: null,
    extra: {},
  }));
}

/** Imports drafts the way a format's entries are imported (duplicates merged), as one undo step. */
export function importDrafts(library: Library, drafts: PaperDraft[], name = 'test'): ImportReport {
  const report = emptyReport();
  library.change(`Import ${name}`, ['papers', 'tags'], (recorder, now) => {
    const entries = drafts.map((draft) => ({ ok: true as const, draft }));
    importEntries({ db: library.db, file: name, source: `test:${name}`, now, recorder }, entries, report);
  });
  return report;
}

/** Puts papers in the library as they are, duplicates and all (as an older Lectern or a sync might have). */
export function insertRaw(library: Library, drafts: PaperDraft[]): number[] {
  return library.change('Insert', ['papers'], (recorder, now) =>
    drafts.map((d) => {
      const id = insertPaper(library.db, d, 'test', now);
      recorder.created(id);
      return id;
    }),
  );
}
