/** Everything Lectern writes out: Markdown notes and digests, BibTeX, BibLaTeX, RIS, CSL-JSON. */
export { exportMarkdownDigest, exportMarkdownFolder, noteText, type MarkdownFolderOptions } from './markdown';
export { exportText, markdownLink, type TextExportOptions } from './text';
export { ensureCitekeys, baseCitekey } from './citekey';
export { bibEntry, bibFile } from './bibtex';
export { risFile } from './ris';
export { cslJsonFile } from './csl-json';
export { frontMatter, ID_KEY } from './front-matter';
