/**
 * The source of the thread that builds a first big import's index (`index-build.ts`). Plain JavaScript started from
 * a string, so it needs no bundled entry of its own in the Electron build; `workerData` gives it the better-sqlite3
 * module to load (resolved by the importing thread), the scratch file, the native binary, FTS5's buffer size, the
 * shared state (chunks done; 0 running, 1 finished, 2 failed) and the port the chunks come through.
 *
 * Messages: `rows` and `remove` (ids, the lengths of each paper's title, authors and abstract, and their text joined)
 * index papers or delete them as they were indexed; `finish` commits and closes.
 */
export const INDEX_WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const state = new Int32Array(workerData.state);
const port = workerData.port;
let db = null;
function fail(err) {
  port.postMessage(String(err && err.stack ? err.stack : err));
  Atomics.store(state, 1, 2);
  Atomics.notify(state, 0);
  Atomics.notify(state, 1);
  try { if (db) db.close(); } catch {}
  port.close();
}
try {
  db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -131072');
  db.exec("INSERT INTO papers_fts(papers_fts, rank) VALUES ('hashsize', " + workerData.hashSize + ")");
  db.exec('BEGIN');
  const insert = db.prepare('INSERT INTO papers_fts(rowid, title, authors, abstract) VALUES (?, ?, ?, ?)');
  const remove = db.prepare("INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract) VALUES ('delete', ?, ?, ?, ?)");
  port.on('message', (m) => {
    if (Atomics.load(state, 1) !== 0) return;
    try {
      if (m.type === 'finish') {
        db.exec('COMMIT');
        db.close();
        db = null;
        Atomics.store(state, 1, 1);
        Atomics.notify(state, 1);
        port.close();
        return;
      }
      const statement = m.type === 'remove' ? remove : insert;
      let at = 0;
      for (let i = 0; i < m.ids.length; i++) {
        const title = m.text.slice(at, (at += m.lengths[3 * i]));
        const authors = m.text.slice(at, (at += m.lengths[3 * i + 1]));
        const abstract = m.text.slice(at, (at += m.lengths[3 * i + 2]));
        statement.run(m.ids[i], title, authors, abstract);
      }
      Atomics.add(state, 0, 1);
      Atomics.notify(state, 0);
    } catch (err) {
      fail(err);
    }
  });
} catch (err) {
  fail(err);
}
`;
