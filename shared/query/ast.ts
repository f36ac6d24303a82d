/** The syntax tree of Lectern's query language. Produced by parseQuery, compiled to SQL by the library. */
import type { ReadingStatus } from '../types';

/** Where a text term must match: anywhere, or only in one field. */
export type TextField = 'any' | 'title' | 'author' | 'abstract' | 'note';

export type QueryNode =
  /** Every child must match. An empty `and` matches everything. */
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  /**
   * A word or phrase of full text. `words` are the tokens as typed (already unquoted);
   * `phrase` means they must be adjacent and in order; `prefix` means the last word is a prefix.
   */
  | { kind: 'text'; field: TextField; words: string[]; phrase: boolean; prefix: boolean }
  | { kind: 'tag'; name: string }
  | { kind: 'status'; status: ReadingStatus }
  /** Inclusive range; null means open on that side. */
  | { kind: 'year'; from: number | null; to: number | null }
  | { kind: 'starred' }
  | { kind: 'hasNote' };

export class QuerySyntaxError extends Error {
  /** 0-based offset into the query string where the problem is. */
  readonly position: number;
  constructor(message: string, position: number) {
    super(`${message} (at position ${position + 1})`);
    this.name = 'QuerySyntaxError';
    this.position = position;
  }
}
