import type { Migration } from './index';

/**
 * Pairs of papers the user said are not the same paper (`lectern merge A B --not-duplicate`), so the duplicates
 * listing stops proposing them. Stored smaller id first. No foreign keys: a paper deleted and brought back by undo
 * keeps its id, and its dismissals should come back with it; rows for papers that are gone are simply never matched.
 */
export const migration002: Migration = {
  version: 2,
  name: 'duplicate-dismissals',
  up: `
    CREATE TABLE duplicate_dismissals (
      paper_a INTEGER NOT NULL,
      paper_b INTEGER NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (paper_a, paper_b),
      CHECK (paper_a < paper_b)
    ) WITHOUT ROWID;
  `,
};
