/** Libraries built from the real fixtures, for the export tests. */
import path from 'node:path';
import type { Library } from '../../electron/library';
import { FIXTURES, tempLibrary } from './helpers';

/** A Zotero group library (535 items, accents, non-Latin names) exported by Better BibTeX as CSL-YAML. */
export const ZOTERO_CSL_YAML = path.join(FIXTURES, 'zotero/csl-yaml/accord-better-csl-yaml.yaml');
/** A 462-record Zotero RIS export. */
export const ZOTERO_RIS = path.join(FIXTURES, 'ris/biblatex-csl-converter/library.ris');
/** Hugging Face daily papers (arXiv ids, upvotes). */
export const HF_DAILY = path.join(FIXTURES, 'hf-papers/sotawhat-daily_papers-2026-06-12.json');

export function libraryFrom(...files: string[]): { library: Library; dir: string } {
  const { library, dir } = tempLibrary();
  for (const f of files) library.importFile(f);
  return { library, dir };
}
