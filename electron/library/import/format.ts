/**
 * An import format is one module: it recognizes its content and turns text into paper drafts.
 * Adding a format means adding a module to `formats/index.ts`; nothing else changes.
 */
import type { PaperDraft } from '../../../shared/types';

export type ParsedEntry =
  /** `warning`: a problem the entry was imported despite; it is listed in the report's errors but not counted failed. */
  | { ok: true; draft: PaperDraft; warning?: string }
  /** A malformed entry: reported with its line, the rest of the file still imports. */
  | { ok: false; line: number | null; message: string };

export interface ImportFormat {
  /** Stable name used by `--format` and in `source` (e.g. "hf-trending", "bibtex"). */
  name: string;
  /** File extensions (lower case, without dot) that hint at this format. */
  extensions: string[];
  /**
   * How sure the format is that `head` (the first 64 KiB of the text) is its kind: 0 (no) to 1 (certain).
   * Detection is by content; the extension only breaks ties.
   */
  detect(head: string): number;
  /** Parse the whole text. Entries come in file order. Must never throw for bad input: yield errors instead. */
  parse(text: string): Iterable<ParsedEntry>;
}
