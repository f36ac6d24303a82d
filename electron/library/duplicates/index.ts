/** Duplicates in the library: listing them, merging a pair (one undo step), and dismissing a pair that only looks alike. */
import type { DuplicatePair, Paper } from '../../../shared/types';
import { cached } from '../db/statements';
import { LibraryError } from '../errors';
import type { Library } from '../library';
import { deletePaper, getPaper, writePaper } from '../papers';
import { dropUnusedTags } from '../tags';
import { mergePapers } from '../import/dedupe';
import { listDuplicates } from './list';

export { listDuplicates } from './list';

function distinctPair(ids: readonly number[]): [number, number] {
  const [a, b] = ids;
  if (ids.length !== 2 || a === undefined || b === undefined) {
    throw new LibraryError('bad-request', 'give exactly two paper ids');
  }
  if (a === b) throw new LibraryError('bad-request', `cannot merge paper ${a} with itself`);
  return [a, b];
}

function requirePaper(lib: Library, id: number): Paper {
  const p = getPaper(lib.db, id);
  if (!p) throw new LibraryError('not-found', `no paper with id ${id}`);
  return p;
}

export function duplicates(lib: Library, limit?: number): DuplicatePair[] {
  return listDuplicates(lib.db, limit);
}

/**
 * Merges the second paper into the first, as one undoable step: the first keeps its id and gains what it lacked;
 * the second is deleted (undo brings it back with its id, tags and note).
 */
export function mergeDuplicate(lib: Library, ids: readonly number[]): Paper {
  const [keepId, dropId] = distinctPair(ids);
  return lib.change(`Merge paper ${dropId} into ${keepId}`, ['papers', 'tags', 'notes'], (rec, now) => {
    const keep = requirePaper(lib, keepId);
    const drop = requirePaper(lib, dropId);
    rec.touch(keepId);
    rec.touch(dropId);
    deletePaper(lib.db, dropId);
    writePaper(lib.db, { ...mergePapers(keep, drop), updatedAt: now });
    dropUnusedTags(lib.db);
    return requirePaper(lib, keepId);
  });
}

/** Remembers that two papers only look alike, so `duplicates` stops listing them. Not an edit of papers: no undo step. */
export function dismissDuplicate(lib: Library, ids: readonly number[]): { ids: [number, number] } {
  const [x, y] = distinctPair(ids);
  requirePaper(lib, x);
  requirePaper(lib, y);
  const [a, b] = x < y ? [x, y] : [y, x];
  cached(lib.db, 'INSERT OR IGNORE INTO duplicate_dismissals (paper_a, paper_b, at) VALUES (?, ?, ?)').run(
    a,
    b,
    lib.now(),
  );
  return { ids: [x, y] };
}
