import type { Migration } from './index';

/**
 * Indexes on the exact expressions the listing sorts by (`search/sort.ts`; keep them textually identical), so a page
 * in any order is read straight from an index instead of sorting the whole library:
 * - reading status follows the workflow (new, to-read, reading, read, skipped), not the alphabet: a CASE expression
 *   (without this index, a page by status took 55 ms at 10,000 papers and seconds at a million);
 * - year sorts with unknown years first as before, through a key that is never NULL, so deep pages can resume from a
 *   remembered (key, id) position with a row-value comparison (NULL compares as unknown and would drop rows).
 */
export const migration003: Migration = {
  version: 3,
  name: 'sort-indexes',
  up: `
    CREATE INDEX papers_sort_status ON papers(
      (CASE status WHEN 'new' THEN 0 WHEN 'to-read' THEN 1 WHEN 'reading' THEN 2 WHEN 'read' THEN 3 ELSE 4 END), id
    );
    CREATE INDEX papers_sort_year_key ON papers(coalesce(year, -1), id);
  `,
};
