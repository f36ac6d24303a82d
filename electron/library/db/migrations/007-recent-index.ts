import type { Migration } from './index';

/**
 * A small full-text index of the newest papers (issue 6: the first 50 hits of a prefix while typing, newest first, in
 * 5 ms). FTS5 merges the doclists of every word with a prefix before it returns a first row: for `gen*` in a million
 * papers that is 50 ms, whatever the LIMIT. The same merge over the newest two to four thousand papers takes a
 * fraction of a millisecond, and when it finds the page, the page is exact (`search/recent.ts`).
 *
 * The index holds exactly the papers with an id above `papers_recent_window.threshold`, with the same columns and
 * tokenizer as `papers_fts` (its content view filters `papers_fts_source`). Its triggers keep it so: a new paper goes
 * in, and once the window holds 4,096 papers it moves on to the newest 2,048, its older entries deleted. Changes and
 * deletions reach it as they reach `papers_fts`. At most a few MB at any library size.
 */
const AUTHORS = (row: string) =>
  `CASE WHEN substr(${row}.authors, 1, 1) = '[' THEN ${row}.authors_text ELSE ${row}.authors END`;

export const migration007: Migration = {
  version: 7,
  name: 'recent-index',
  up: `
    CREATE TABLE papers_recent_window (threshold INTEGER NOT NULL);
    INSERT INTO papers_recent_window (threshold) SELECT max(0, coalesce(max(id), 0) - 2048) FROM papers;
    CREATE VIEW papers_recent_source AS
      SELECT * FROM papers_fts_source WHERE id > (SELECT threshold FROM papers_recent_window);
    CREATE VIRTUAL TABLE papers_recent_fts USING fts5(
      title, authors, abstract,
      content = 'papers_recent_source', content_rowid = 'id',
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    INSERT INTO papers_recent_fts(papers_recent_fts) VALUES ('rebuild');

    CREATE TRIGGER papers_recent_ai AFTER INSERT ON papers WHEN new.id > (SELECT threshold FROM papers_recent_window) BEGIN
      INSERT INTO papers_recent_fts(rowid, title, authors, abstract)
      VALUES (new.id, new.title, ${AUTHORS('new')}, coalesce(new.abstract, ''));
      INSERT INTO papers_recent_fts(papers_recent_fts, rowid, title, authors, abstract)
      SELECT 'delete', p.id, p.title, ${AUTHORS('p')}, coalesce(p.abstract, '') FROM papers p
      WHERE new.id - (SELECT threshold FROM papers_recent_window) > 4096
        AND p.id > (SELECT threshold FROM papers_recent_window) AND p.id <= new.id - 2048;
      UPDATE papers_recent_window SET threshold = new.id - 2048 WHERE new.id - threshold > 4096;
    END;
    CREATE TRIGGER papers_recent_ad AFTER DELETE ON papers WHEN old.id > (SELECT threshold FROM papers_recent_window) BEGIN
      INSERT INTO papers_recent_fts(papers_recent_fts, rowid, title, authors, abstract)
      VALUES ('delete', old.id, old.title, ${AUTHORS('old')}, coalesce(old.abstract, ''));
    END;
    CREATE TRIGGER papers_recent_au AFTER UPDATE OF title, authors, authors_text, abstract ON papers WHEN old.id > (SELECT threshold FROM papers_recent_window) AND (old.title IS NOT new.title OR old.authors IS NOT new.authors OR old.authors_text IS NOT new.authors_text OR old.abstract IS NOT new.abstract) BEGIN
      INSERT INTO papers_recent_fts(papers_recent_fts, rowid, title, authors, abstract)
      VALUES ('delete', old.id, old.title, ${AUTHORS('old')}, coalesce(old.abstract, ''));
      INSERT INTO papers_recent_fts(rowid, title, authors, abstract)
      VALUES (new.id, new.title, ${AUTHORS('new')}, coalesce(new.abstract, ''));
    END;
  `,
};
