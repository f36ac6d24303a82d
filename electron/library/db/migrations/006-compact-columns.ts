import { authorName } from '../../../../shared/normalize';
import { decodeAuthors, encodeAuthors, encodeAuthorsJson, titleHash } from '../columns';
import type { Db } from '../open';
import type { Migration } from './index';

/**
 * A smaller library (issue 6: at most 2.2× the text it holds; it was 2.6×), with the rest of the size won by 16 KiB
 * pages for new libraries (`db/open.ts`):
 * - the normalized title duplicate detection looks up (`title_key`, text, with its index a sixth of the file) gives
 *   way to its 53-bit hash (`title_hash`, `db/columns.ts`); the lookup checks the title itself;
 * - the index on the status text goes: the status filter and the counts by status read the index on the status
 *   sort key (migration 003);
 * - authors are stored once, in the text form of `db/columns.ts` that the full-text index reads directly, and
 *   authors_text is left empty for them (lists that form cannot hold keep shortened JSON and their text).
 * Existing rows are converted in the migration's transaction, after the automatic backup. A row's index entries stay
 * valid: its indexed authors text tokenizes exactly as the authors_text it was indexed from (a row whose
 * authors_text does not match its authors, which Lectern never wrote, keeps that text).
 */
export const migration006: Migration = {
  version: 6,
  name: 'compact-columns',
  // The index's triggers are set aside while the rows are converted: the indexed text does not change.
  up: `
    ALTER TABLE papers ADD COLUMN title_hash INTEGER NOT NULL DEFAULT 0;
    DROP TRIGGER papers_fts_ai;
    DROP TRIGGER papers_fts_ad;
    DROP TRIGGER papers_fts_au;
  `,
  run(db: Db): void {
    const read = db
      .prepare('SELECT id, title_key, authors, authors_text FROM papers WHERE id > ? ORDER BY id LIMIT 10000')
      .raw();
    const update = db.prepare('UPDATE papers SET title_hash = ?, authors = ?, authors_text = ? WHERE id = ?');
    for (let after = 0; ;) {
      const rows = read.all(after) as [number, string, string, string][];
      if (rows.length === 0) break;
      for (const [id, key, authors, text] of rows) {
        let columns: [string, string] = [authors, text];
        try {
          const decoded = decodeAuthors(authors);
          columns =
            decoded.map(authorName).join('; ') === text ? encodeAuthors(decoded) : [encodeAuthorsJson(decoded), text];
        } catch {
          // Not a JSON array (never written by Lectern): kept as it is.
        }
        update.run(titleHash(key), columns[0], columns[1], id);
      }
      after = rows[rows.length - 1]![0];
    }
    db.exec(`
      DROP INDEX papers_title_key;
      ALTER TABLE papers DROP COLUMN title_key;
      CREATE INDEX papers_title_hash ON papers(title_hash);
      -- The status filter and counts read the status sort key's index (migration 003) instead.
      DROP INDEX papers_status;

      DROP VIEW papers_fts_source;
      CREATE VIEW papers_fts_source AS
        SELECT id, title,
          CASE WHEN substr(authors, 1, 1) = '[' THEN authors_text ELSE authors END AS authors,
          coalesce(abstract, '') AS abstract
        FROM papers;
      CREATE TRIGGER papers_fts_ai AFTER INSERT ON papers BEGIN
        INSERT INTO papers_fts(rowid, title, authors, abstract)
        VALUES (new.id, new.title,
          CASE WHEN substr(new.authors, 1, 1) = '[' THEN new.authors_text ELSE new.authors END,
          coalesce(new.abstract, ''));
      END;
      CREATE TRIGGER papers_fts_ad AFTER DELETE ON papers BEGIN
        INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract)
        VALUES ('delete', old.id, old.title,
          CASE WHEN substr(old.authors, 1, 1) = '[' THEN old.authors_text ELSE old.authors END,
          coalesce(old.abstract, ''));
      END;
      CREATE TRIGGER papers_fts_au AFTER UPDATE OF title, authors, authors_text, abstract ON papers WHEN old.title IS NOT new.title OR old.authors IS NOT new.authors OR old.authors_text IS NOT new.authors_text OR old.abstract IS NOT new.abstract BEGIN
        INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract)
        VALUES ('delete', old.id, old.title,
          CASE WHEN substr(old.authors, 1, 1) = '[' THEN old.authors_text ELSE old.authors END,
          coalesce(old.abstract, ''));
        INSERT INTO papers_fts(rowid, title, authors, abstract)
        VALUES (new.id, new.title,
          CASE WHEN substr(new.authors, 1, 1) = '[' THEN new.authors_text ELSE new.authors END,
          coalesce(new.abstract, ''));
      END;
    `);
  },
};
