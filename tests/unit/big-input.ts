/** Large import inputs made from the real trending page: its papers repeated with numbered titles, so none merge. */
import fs from 'node:fs';
import { hfTrending } from '../../electron/library/import/formats/hf-trending';
import { TRENDING } from './helpers';

/** The trending page's 84 papers, `copies` times over, as the page's own text layout (title, blank, abstract). */
export function bigTrendingText(copies: number): string {
  const papers = [...hfTrending.parse(fs.readFileSync(TRENDING, 'utf8'))].flatMap((e) => (e.ok ? [e.draft] : []));
  const parts: string[] = ['Trending Papers', '', 'byAK and the research community', ''];
  for (let c = 1; c <= copies; c++) {
    for (const p of papers) parts.push(`${p.title} (copy ${c})`, '', p.abstract!, '');
  }
  return parts.join('\n');
}
