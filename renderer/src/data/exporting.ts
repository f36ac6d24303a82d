/** Copying papers out of the window as citations, through the contract's `export.text`. */
import type { ExportTextFormat } from '../../../shared/export';
import { useNotices } from '../state/notices';
import { call } from './call';

async function copyAs(ids: number[], format: ExportTextFormat, what: string): Promise<void> {
  const notices = useNotices.getState();
  if (ids.length === 0) {
    notices.say('No paper to copy', 'error');
    return;
  }
  const exported = await call('export.text', { ids, format });
  await navigator.clipboard.writeText(exported.text);
  notices.say(`Copied ${what} of ${exported.count === 1 ? '1 paper' : `${exported.count} papers`}`);
}

export function copySelectionAsBibtex(ids: number[]): Promise<void> {
  return copyAs(ids, 'bibtex', 'BibTeX');
}

export function copySelectionAsMarkdown(ids: number[]): Promise<void> {
  return copyAs(ids, 'markdown-link', 'a Markdown link');
}
