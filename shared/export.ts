/** What exports produce, shared by the library, the CLI and the window. Pure TypeScript. */

/** Formats `export.text` can produce (the window copies them to the clipboard). */
export const EXPORT_TEXT_FORMATS = [
  'bibtex',
  'biblatex',
  'ris',
  'csl-json',
  'markdown-digest',
  'markdown-link',
] as const;
export type ExportTextFormat = (typeof EXPORT_TEXT_FORMATS)[number];

/** Reference formats `lectern export <format>` writes to standard output or a file. */
export const REFERENCE_FORMATS = ['bibtex', 'biblatex', 'ris', 'csl-json'] as const;
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number];

export interface ExportText {
  text: string;
  count: number;
}

/**
 * What happened to one file: `written` (new or updated in place, or overwritten with --force), `unchanged` (already
 * up to date: not touched), `skipped-edited` (the user changed it since Lectern wrote it: left alone, the new
 * version is in `beside`), `refused` (a symbolic link or something else Lectern will not write through).
 */
export type ExportFileAction = 'written' | 'unchanged' | 'skipped-edited' | 'refused';

export interface ExportFileReport {
  /** File name inside the export folder. */
  file: string;
  /** The paper the note belongs to; null for a digest. */
  paperId: number | null;
  action: ExportFileAction;
  /** For skipped-edited: the file name the new version was written to (or already was, unchanged). */
  beside: string | null;
  /** For refused: why. */
  reason: string | null;
}

export interface MarkdownExportSummary {
  /** The folder written to (its real path). */
  dir: string;
  /** How many papers were exported. */
  papers: number;
  written: number;
  unchanged: number;
  skippedEdited: number;
  /** New versions written beside edited files in this run. */
  newBeside: number;
  refused: number;
  files: ExportFileReport[];
}
