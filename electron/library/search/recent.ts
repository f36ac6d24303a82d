/**
 * The first hits of a prefix, newest first, from the index of the newest papers (migration 007).
 *
 * FTS5 answers a prefix by merging the doclists of every word that has it before it returns a first row, however few
 * rows are asked for: `gen*` in a million papers costs 50 ms newest first. The small index holds exactly the papers
 * with an id above its window's threshold (between RECENT_WINDOW and twice as many), so when it has k matches, they
 * are the k highest-id matches of the whole library: every paper it lacks has a lower id than all of them. When it has
 * fewer (a prefix in less than a few percent of the papers), the whole index answers, and its merge is then small.
 */
import type { Db } from '../db/open';
import { cached } from '../db/statements';

/** The newest papers the window keeps at least (and at most twice as many); migration 007 writes the same numbers. */
export const RECENT_WINDOW = 2048;

/** The k highest-id papers matching `match` (a papers_fts expression), or null when the window holds fewer. */
export function newestInWindow(db: Db, match: string, k: number): number[] | null {
  if (k > RECENT_WINDOW) return null;
  const ids = cached(
    db,
    'SELECT rowid FROM papers_recent_fts WHERE papers_recent_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
  )
    .pluck()
    .all(match, k) as number[];
  return ids.length === k ? ids : null;
}
