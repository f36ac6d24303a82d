/**
 * How large one imported paper may be. Real records are far below these; a record above them is a broken or hostile
 * file, and is refused with a message rather than pushed through the index, the undo history and the window (a 200 MB
 * abstract took four gigabytes of memory before this limit). The limits match what the contract accepts for edits.
 */
import type { PaperDraft } from '../../../shared/types';

export const FIELD_LIMITS = {
  title: 10_000,
  abstract: 1_000_000,
  note: 5_000_000,
  venue: 10_000,
  url: 10_000,
  doi: 1_000,
  arxiv: 100,
  citekey: 1_000,
} as const;
export const MAX_AUTHORS = 10_000;
export const MAX_TAGS = 1_000;

const size = (n: number) => n.toLocaleString('en-US');

/** Throws (the entry is then reported as failed, the rest of the file imports) when a field is over its limit. */
export function checkDraftSize(draft: PaperDraft): void {
  for (const [field, limit] of Object.entries(FIELD_LIMITS)) {
    const value = (draft as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' && value.length > limit) {
      throw new Error(
        `the ${field} is ${size(value.length)} characters, over the ${size(limit)} limit; entry not imported`,
      );
    }
  }
  if (draft.authors.length > MAX_AUTHORS) {
    throw new Error(`${size(draft.authors.length)} authors, over the ${size(MAX_AUTHORS)} limit; entry not imported`);
  }
  if ((draft.tags?.length ?? 0) > MAX_TAGS) {
    throw new Error(`${size(draft.tags!.length)} tags, over the ${size(MAX_TAGS)} limit; entry not imported`);
  }
}
