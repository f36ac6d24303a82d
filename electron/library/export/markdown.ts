/**
 * Markdown export: one note per paper into a folder (Obsidian, Logseq, a git-tracked folder), or one digest file.
 * Safe to run again and again: unchanged notes are not touched (no byte changes, no timestamps in the files), notes
 * Lectern wrote and nobody edited are updated in place, and a note the user edited is never overwritten without
 * `force` — the new version goes beside it as `name.lectern-new.md` and the summary says so.
 */
import path from 'node:path';
import type { ExportFileReport, MarkdownExportSummary } from '../../../shared/export';
import type { Paper } from '../../../shared/types';
import { LibraryError } from '../errors';
import type { Library } from '../library';
import { assignNames, besideName } from './file-names';
import { ExportFolder, sha256 } from './folder';
import { frontMatter } from './front-matter';
import { Manifest, MANIFEST_NAME, type ManifestEntry } from './manifest';
import { selectPapers, type Selection } from './select';
import {
  DEFAULT_DIGEST_TEMPLATE,
  DEFAULT_PAPER_TEMPLATE,
  finishText,
  loadTemplate,
  paperContext,
  type Render,
} from './template';

export interface MarkdownFolderOptions extends Selection {
  dir: string;
  force?: boolean | undefined;
  /** A Nunjucks template file for the note body (after the front matter). */
  template?: string | undefined;
}

export interface MarkdownDigestOptions extends Selection {
  file: string;
  force?: boolean | undefined;
  template?: string | undefined;
}

/** A note file: generated front matter, a blank line, the rendered body. */
export function noteText(paper: Paper, render: Render): string {
  return `${frontMatter(paper)}\n${finishText(render(paperContext(paper)))}`;
}

export function digestText(papers: Paper[], render: Render, query: string): string {
  return finishText(render({ papers: papers.map(paperContext), count: papers.length, query }));
}

function summaryOf(dir: string, papers: number, files: Report[]): MarkdownExportSummary {
  const count = (a: ExportFileReport['action']) => files.filter((f) => f.action === a).length;
  return {
    dir,
    papers,
    written: count('written'),
    unchanged: count('unchanged'),
    skippedEdited: count('skipped-edited'),
    newBeside: files.filter((f) => f.beside !== null && f.besideWritten).length,
    refused: count('refused'),
    files: files.map(({ besideWritten: _b, ...f }) => f),
  };
}

type Report = ExportFileReport & { besideWritten?: boolean };

/**
 * Writes one file Lectern tracks in the manifest, deciding by what is there now: nothing → write; our last text
 * (hash matches) → update in place; the same text → leave it; anything else → the user's edit: keep it, write beside.
 */
function writeTracked(
  folder: ExportFolder,
  manifest: Manifest,
  name: string,
  text: string,
  entry: Omit<ManifestEntry, 'sha256'>,
  force: boolean,
): Report {
  const base: Report = { file: name, paperId: entry.paper ?? null, action: 'written', beside: null, reason: null };
  const found = folder.inspect(name);
  if (found.kind === 'refused') return { ...base, action: 'refused', reason: `${name}: ${found.why}` };
  const last = manifest.files.get(name);
  const remember = () => manifest.files.set(name, { ...entry, sha256: sha256(text) });
  if (found.kind === 'file' && found.text === text) {
    remember();
    return { ...base, action: 'unchanged' };
  }
  if (found.kind === 'missing' || force || (last !== undefined && last.sha256 === sha256(found.text))) {
    folder.write(name, text);
    remember();
    return base;
  }
  if (last === undefined) manifest.files.set(name, { ...entry, sha256: sha256(text) });
  const beside = besideName(name);
  const there = folder.inspect(beside);
  if (there.kind === 'refused') {
    return { ...base, action: 'skipped-edited', beside: null, reason: `${beside}: ${there.why}` };
  }
  const besideWritten = !(there.kind === 'file' && there.text === text);
  if (besideWritten) folder.write(beside, text);
  return { ...base, action: 'skipped-edited', beside, besideWritten };
}

export function exportMarkdownFolder(library: Library, options: MarkdownFolderOptions): MarkdownExportSummary {
  const render = loadTemplate(options.template, DEFAULT_PAPER_TEMPLATE);
  const papers = selectPapers(library, options);
  const folder = ExportFolder.open(options.dir);
  const manifest = Manifest.read(folder);
  const texts = new Map(papers.map((p) => [p.id, noteText(p, render)]));
  const reserved = new Set([MANIFEST_NAME, ...manifest.files.keys()]);
  // A name held by a file Lectern did not write is not taken over, unless it already holds exactly this note.
  const names = assignNames(papers, manifest.namesByPaper(), reserved, (name, paper) => {
    const found = folder.inspect(name);
    return found.kind !== 'missing' && !(found.kind === 'file' && found.text === texts.get(paper.id));
  });
  const files: Report[] = [];
  try {
    for (const paper of papers) {
      const name = names.get(paper.id)!;
      files.push(
        writeTracked(folder, manifest, name, texts.get(paper.id)!, { paper: paper.id }, options.force ?? false),
      );
    }
  } finally {
    // Whatever was written is remembered, even if a later write failed.
    manifest.save(folder);
  }
  return summaryOf(folder.dir, papers.length, files);
}

export function exportMarkdownDigest(library: Library, options: MarkdownDigestOptions): MarkdownExportSummary {
  const render = loadTemplate(options.template, DEFAULT_DIGEST_TEMPLATE);
  const papers = selectPapers(library, options);
  const target = path.resolve(options.file);
  const name = path.basename(target);
  if (name === MANIFEST_NAME) throw new LibraryError('bad-input', `${MANIFEST_NAME} is Lectern's own file`);
  const folder = ExportFolder.open(path.dirname(target));
  const manifest = Manifest.read(folder);
  const known = manifest.files.get(name);
  if (known?.paper !== undefined) {
    throw new LibraryError('bad-input', `${target} is the exported note of paper ${known.paper}; choose another name`);
  }
  const text = digestText(papers, render, options.query?.trim() ?? '');
  let report: Report;
  try {
    report = writeTracked(folder, manifest, name, text, { digest: true }, options.force ?? false);
  } finally {
    manifest.save(folder);
  }
  return summaryOf(folder.dir, papers.length, [report]);
}
