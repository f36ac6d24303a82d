/** How each sort order is expressed in SQL. Every key has an index on exactly this expression (migrations 001, 003). */
import type { SortDirection, SortField } from '../../../shared/types';

export type ListSort = Exclude<SortField, 'relevance'>;

/** Sort keys over `papers p`; none is ever NULL, so a (key, id) position can be compared as a row value. */
export const SORT_KEY: Record<ListSort, string> = {
  title: 'p.title COLLATE NOCASE',
  author: 'p.first_author COLLATE NOCASE',
  // Unknown years sort as the smallest, as NULL did.
  year: 'coalesce(p.year, -1)',
  added: 'p.added_at',
  status: "CASE p.status WHEN 'new' THEN 0 WHEN 'to-read' THEN 1 WHEN 'reading' THEN 2 WHEN 'read' THEN 3 ELSE 4 END",
};

export const DEFAULT_DIRECTION: Record<SortField, SortDirection> = {
  relevance: 'asc',
  title: 'asc',
  author: 'asc',
  year: 'desc',
  added: 'desc',
  status: 'asc',
};

export function orderBy(sort: ListSort, direction: SortDirection): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  return `${SORT_KEY[sort]} ${dir}, p.id ${dir}`;
}

/** The index on each sort key (named in migrations 001 and 003); a page can be read by walking it in order. */
export const SORT_INDEX: Record<ListSort, string> = {
  title: 'papers_sort_title',
  author: 'papers_sort_author',
  year: 'papers_sort_year_key',
  added: 'papers_sort_added',
  status: 'papers_sort_status',
};
