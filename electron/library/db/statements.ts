import type Database from 'better-sqlite3';
import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * Prepared statements are compiled once per connection and reused. One statement serves every caller with the same
 * SQL text, and `.pluck()`, `.raw()` and `.expand()` change the statement itself: so each caller gets it back in the
 * default mode (rows as objects) and sets the mode it wants, instead of inheriting the last caller's.
 */
export function cached(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  } else if (stmt.reader) {
    stmt.pluck(false).expand(false).raw(false);
  }
  return stmt;
}
