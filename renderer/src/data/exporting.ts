/** Copying papers out of the window as citations, through the contract's `export.text`. */
import type { ExportTextFormat } from '../../../shared/export';
import { useNotices } from '../state/notices';
import { call, messageOf } from './call';

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

const REFERENCE_NAMES = { bibtex: 'BibTeX', biblatex: 'BibLaTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' } as const;
export type CopyableReference = keyof typeof REFERENCE_NAMES;
export const COPYABLE_REFERENCES = Object.keys(REFERENCE_NAMES) as CopyableReference[];

export function referenceName(format: CopyableReference): string {
  return REFERENCE_NAMES[format];
}

/** Copies the references of every paper the table shows (its query), not just the loaded rows. */
export async function copyViewAs(query: string, format: CopyableReference): Promise<void> {
  const notices = useNotices.getState();
  try {
    const exported = await call('export.text', { query, format });
    if (exported.count === 0) {
      notices.say('No paper in this view to copy', 'error');
      return;
    }
    await navigator.clipboard.writeText(exported.text);
    notices.say(
      `Copied ${REFERENCE_NAMES[format]} of ${exported.count === 1 ? '1 paper' : `${exported.count} papers`}`,
    );
  } catch (err) {
    notices.say(messageOf(err), 'error');
  }
}
