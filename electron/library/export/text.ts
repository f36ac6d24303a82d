/**
 * Exports as text: the reference formats (BibTeX, BibLaTeX, RIS, CSL-JSON), a Markdown digest, and Markdown links.
 * This is what `lectern export <format>` prints and what the window copies to the clipboard (`export.text`).
 * Reference formats need citation keys, so papers without a usable one get theirs here (one undoable change).
 */
import type { ExportText, ExportTextFormat } from '../../../shared/export';
import type { Paper } from '../../../shared/types';
import { shortAuthors } from '../../../shared/normalize';
import type { Library } from '../library';
import { bibFile } from './bibtex';
import { ensureCitekeys } from './citekey';
import { cslJsonFile } from './csl-json';
import { bestLink } from './fields';
import { digestText } from './markdown';
import { risFile } from './ris';
import { selectPapers, type Selection } from './select';
import { DEFAULT_DIGEST_TEMPLATE, loadTemplate } from './template';

export interface TextExportOptions extends Selection {
  format: ExportTextFormat;
  /** A Nunjucks template for `markdown-digest`. */
  template?: string | undefined;
}

/** `[Title](link) (Vaswani et al., 2017)`: a link a Markdown editor renders, with a short citation after it. */
export function markdownLink(paper: Paper): string {
  const title = paper.title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]]/g, (c) => `\\${c}`);
  const link = bestLink(paper);
  const credit = [shortAuthors(paper.authors), paper.year].filter((x) => x !== '' && x !== null).join(', ');
  const cite = credit ? ` (${credit})` : '';
  if (!link) return `*${title.replace(/\*/g, '\\*')}*${cite}`;
  // Angle brackets let a link hold parentheses; spaces and brackets that would end it are percent-encoded.
  const target = /[\s()<>]/.test(link) ? `<${link.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>` : link;
  return `[${title}](${target})${cite}`;
}

export function exportText(library: Library, options: TextExportOptions): ExportText {
  let papers = selectPapers(library, options);
  let text: string;
  switch (options.format) {
    case 'bibtex':
    case 'biblatex':
      papers = ensureCitekeys(library, papers);
      text = bibFile(papers, options.format);
      break;
    case 'ris':
      papers = ensureCitekeys(library, papers);
      text = risFile(papers);
      break;
    case 'csl-json':
      papers = ensureCitekeys(library, papers);
      text = cslJsonFile(papers);
      break;
    case 'markdown-digest':
      text = digestText(papers, loadTemplate(options.template, DEFAULT_DIGEST_TEMPLATE), options.query?.trim() ?? '');
      break;
    case 'markdown-link':
      text = papers.map((p) => `${markdownLink(p)}\n`).join('');
      break;
  }
  return { text, count: papers.length };
}
