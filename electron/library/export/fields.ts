/** Small views of a paper that several export formats share: extra fields, links, tags in Obsidian's form. */
import type { Paper } from '../../../shared/types';

/** An extra field (volume, pages, publisher…) as text, when an importer kept one. */
export function extraText(paper: Paper, key: string): string | null {
  const v = paper.extra[key];
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v.trim()) return v.trim();
  return null;
}

export function arxivUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

/** The best link to a paper: its own URL, else its DOI, else its arXiv page. */
export function bestLink(paper: Paper): string | null {
  if (paper.url) return paper.url;
  if (paper.doi) return doiUrl(paper.doi);
  if (paper.arxiv) return arxivUrl(paper.arxiv);
  return null;
}

/**
 * A tag as Obsidian accepts it in front matter: no leading `#`, no spaces, only letters, digits, `_`, `-` and `/`
 * (nesting), and not only digits. Returns null when nothing is left.
 */
export function obsidianTag(tag: string): string | null {
  let t = tag
    .normalize('NFC')
    .replace(/^#+/, '')
    .replace(/[^\p{L}\p{N}\p{M}_\-/]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/^[-/]+|[-/]+$/g, '');
  if (!t) return null;
  if (/^\p{N}+$/u.test(t)) t = `_${t}`;
  return t;
}

/** A paper's tags in Obsidian's form, duplicates (after conversion) dropped, order kept. */
export function obsidianTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const t = obsidianTag(tag);
    if (t === null || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}
