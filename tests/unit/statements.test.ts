/** The statement cache: one prepared statement per SQL text, handed to each caller in the default mode. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cached } from '../../electron/library/db/statements';

describe('cached statements', () => {
  it('prepares once, and never passes one caller’s pluck or raw mode on to the next', () => {
    const db = new Database(':memory:');
    try {
      db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'kelp')");
      const sql = 'SELECT id, name FROM t WHERE id = ?';
      expect(cached(db, sql).pluck().get(1)).toBe(1);
      expect(cached(db, sql).get(1)).toEqual({ id: 1, name: 'kelp' });
      expect(cached(db, sql).raw().get(1)).toEqual([1, 'kelp']);
      expect(cached(db, sql).get(1)).toEqual({ id: 1, name: 'kelp' });
      expect(cached(db, sql)).toBe(cached(db, sql));
      // A statement that returns no rows has no modes to reset.
      const insert = "INSERT INTO t(name) VALUES ('wrack')";
      cached(db, insert).run();
      expect(cached(db, insert).run().changes).toBe(1);
    } finally {
      db.close();
    }
  });
});
