/**
 * A first big import builds its full-text index on the second core.
 *
 * Filling `papers_fts` is most of a big import's time (a million papers: about 40 of 104 s), and FTS5 builds one
 * index on one thread. When a big import goes into an empty library, a worker thread builds the index in a scratch
 * file beside the library while the import goes on: every few thousand papers, the new papers' indexed text (read
 * back from the import's own transaction, so exactly what is stored) is handed to it. At the end the scratch index's
 * three tables are copied into the library's empty `papers_fts`, inside the import's transaction: the import stays
 * atomic, and a kill at any point leaves the library as it was (the scratch file goes when the library is next opened,
 * `index-scratch.ts`).
 *
 * The scratch table is created with the library's own definition (columns, tokenizer, options), so its pages are
 * the pages FTS5 would have written here. A paper changed after it was handed over (a later duplicate merged into
 * it) has its old text deleted from the scratch index and its new text indexed again before the copy. Anything
 * unexpected (the library not empty after all, the worker failing) falls back to building the index here at the end,
 * as a smaller import does.
 *
 * Copying into FTS5's own tables needs SQLite's defensive mode off while it runs (better-sqlite3's unsafe mode), and
 * FTS5 must then be told to forget the structure it cached (see `copy`).
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { indexedAuthors } from '../db/columns';
import { bindingOption } from '../db/native-binding';
import type { Db } from '../db/open';
import { newScratchFile, removeScratch, scratchFiles } from './index-scratch';
import { INDEX_WORKER_SOURCE } from './index-worker-source';

/** Below this much imported text (about 6,000 papers with abstracts) a thread of its own is not worth starting. */
export const PARALLEL_INDEX_MIN_BYTES = 8 * 1024 * 1024;
/** Papers handed over at a time. */
const CHUNK = 4096;
/** Chunks handed over and not yet indexed before the import waits for the worker (bounds the memory they hold). */
const MAX_AHEAD = 8;
/** How long the end of the import waits for the worker before building the index itself. */
const FINISH_TIMEOUT_MS = 30 * 60 * 1000;
/** The index's own tables (FTS5's shadow tables) that hold it: data pages, their index, and document sizes. */
const SHADOW = ['data', 'idx', 'docsize'] as const;

/** How the builds went in this process (for tests and diagnostics): started, copied in, given up. */
export const indexBuildStats = { started: 0, copied: 0, gaveUp: 0 };

type Row = [id: number, title: string, authors: string, abstract: string];

/**
 * One import's index build on a worker thread, all inside the import's transaction: `start`, `pump` now and then
 * while papers go in, `finish` at the end, and `dispose` whatever became of it.
 */
export class IndexBuild {
  private readonly state: Int32Array;
  private posted = 0;
  /** Papers with an id up to this one are handed over. */
  private sentUpTo = 0;
  private entries = 0;
  private watching = false;
  private running = true;
  private failure: string | null = null;
  /** Set once the copy has begun writing the library's index: a failure then fails the import. */
  private writing = false;

  private constructor(
    private readonly db: Db,
    private readonly file: string,
    private readonly binding: string | undefined,
    private readonly worker: Worker,
    private readonly port: MessagePort,
    state: SharedArrayBuffer,
  ) {
    this.state = new Int32Array(state);
  }

  /**
   * Starts a build, inside the import's transaction, for an import of `textLength` characters into `db`, whose
   * papers so far have ids up to `before`; or returns null when it does not apply: a small import, a library that
   * already has papers, or a database that is not a file.
   */
  static start(
    db: Db,
    before: number,
    textLength: number,
    hashSize: number,
    nativeBinding?: string,
  ): IndexBuild | null {
    if (textLength < PARALLEL_INDEX_MIN_BYTES || db.memory || db.readonly || !db.inTransaction) return null;
    if (!noPapers(db) || !indexEmpty(db)) return null;
    const definition = db
      .prepare("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = 'papers_fts'")
      .pluck()
      .get() as string | undefined;
    if (!definition) return null;
    // The library is locked for writing by this import's transaction: any scratch file is a killed import's.
    for (const old of scratchFiles(db.name)) removeScratch(old);
    const file = newScratchFile(db.name);
    const binding = bindingOption(nativeBinding).nativeBinding;
    const scratch = new Database(file, binding ? { nativeBinding: binding } : {});
    try {
      scratch.pragma('journal_mode = OFF');
      scratch.exec(definition);
    } finally {
      scratch.close();
    }
    const state = new SharedArrayBuffer(8);
    const channel = new MessageChannel();
    let worker: Worker;
    try {
      worker = new Worker(INDEX_WORKER_SOURCE, {
        eval: true,
        workerData: {
          driver: createRequire(import.meta.url).resolve('better-sqlite3'),
          file,
          nativeBinding: binding,
          hashSize,
          state,
          port: channel.port2,
        },
        transferList: [channel.port2],
      });
    } catch (err) {
      removeScratch(file);
      throw err;
    }
    const build = new IndexBuild(db, file, binding, worker, channel.port1, state);
    build.watch(before);
    indexBuildStats.started++;
    return build;
  }

  /** Called between entries: every CHUNK entries, hands the new papers over. */
  pump(entries: number): void {
    if (!this.running) return;
    this.entries += entries;
    if (this.entries < CHUNK) return;
    this.entries = 0;
    try {
      this.handOver();
    } catch (err) {
      // The worker failed: the import goes on, and its index is built at the end as usual.
      this.failure ??= err instanceof Error ? err.message : String(err);
      this.running = false;
    }
  }

  /**
   * At the end of the import, inside its transaction: hands the last papers over, then the changed ones, waits for
   * the worker and copies its index into `papers_fts`. False when the index was not copied (the caller builds it).
   */
  finish(): boolean {
    const copied = this.finishBuild();
    if (copied) indexBuildStats.copied++;
    else indexBuildStats.gaveUp++;
    return copied;
  }

  private finishBuild(): boolean {
    try {
      if (!this.running) return false;
      this.running = false;
      this.handOver();
      const stale = this.db
        .prepare('SELECT id, title, authors, abstract FROM temp.lectern_index_stale ORDER BY id')
        .raw()
        .all() as Row[];
      if (stale.length > 0) {
        this.post('remove', stale);
        const now = this.db
          .prepare(
            `SELECT id, title, authors, abstract FROM papers_fts_source
             WHERE id IN (SELECT id FROM temp.lectern_index_stale) ORDER BY id`,
          )
          .raw()
          .all() as Row[];
        if (now.length > 0) this.post('rows', now);
      }
      this.unwatch();
      this.port.postMessage({ type: 'finish' });
      const deadline = Date.now() + FINISH_TIMEOUT_MS;
      while (Atomics.load(this.state, 1) === 0 && Date.now() < deadline) Atomics.wait(this.state, 1, 0, 1000);
      if (Atomics.load(this.state, 1) !== 1) {
        this.collectFailure();
        return false;
      }
      return this.copy();
    } catch (err) {
      // Half copied, the library's index is in no state to be built on: the import rolls back.
      if (this.writing) throw err;
      this.failure ??= err instanceof Error ? err.message : String(err);
      return false;
    } finally {
      this.unwatch();
    }
  }

  /** Why the build was given up, if it was. */
  get error(): string | null {
    this.collectFailure();
    return this.failure;
  }

  /** Stops the worker and removes the scratch file. */
  dispose(): void {
    this.running = false;
    this.unwatch();
    void this.worker.terminate();
    this.port.close();
    removeScratch(this.file);
  }

  /** Keeps, for the papers already handed over (ids up to the mark), their text as it was when a change comes. */
  private watch(before: number): void {
    this.sentUpTo = before;
    const changed = `old.title IS NOT new.title OR old.authors IS NOT new.authors OR old.authors_text IS NOT
      new.authors_text OR old.abstract IS NOT new.abstract`;
    const keep = `INSERT OR IGNORE INTO temp.lectern_index_stale
      VALUES (old.id, old.title, ${indexedAuthors('old.')}, coalesce(old.abstract, ''));`;
    this.db.exec(
      `CREATE TEMP TABLE lectern_index_mark(upto INTEGER NOT NULL);
       INSERT INTO temp.lectern_index_mark VALUES (${before});
       CREATE TEMP TABLE lectern_index_stale(id INTEGER PRIMARY KEY, title, authors, abstract);
       CREATE TEMP TRIGGER lectern_index_au AFTER UPDATE ON main.papers
         WHEN old.id <= (SELECT upto FROM temp.lectern_index_mark) AND (${changed}) BEGIN ${keep} END;
       CREATE TEMP TRIGGER lectern_index_ad AFTER DELETE ON main.papers
         WHEN old.id <= (SELECT upto FROM temp.lectern_index_mark) BEGIN ${keep} END;`,
    );
    this.watching = true;
  }

  private unwatch(): void {
    if (!this.watching || !this.db.open) return;
    this.watching = false;
    // Inside a transaction that is rolling back these are gone already: IF EXISTS.
    this.db.exec(
      `DROP TRIGGER IF EXISTS temp.lectern_index_au; DROP TRIGGER IF EXISTS temp.lectern_index_ad;
       DROP TABLE IF EXISTS temp.lectern_index_stale; DROP TABLE IF EXISTS temp.lectern_index_mark;`,
    );
  }

  private collectFailure(): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      this.failure ??= String(m.message);
    }
  }

  /** Hands the papers added since the last time over to the worker. */
  private handOver(): void {
    const rows = this.db
      .prepare('SELECT id, title, authors, abstract FROM papers_fts_source WHERE id > ? ORDER BY id LIMIT ?')
      .raw();
    const mark = this.db.prepare('UPDATE temp.lectern_index_mark SET upto = ?');
    for (;;) {
      const batch = rows.all(this.sentUpTo, CHUNK) as Row[];
      if (batch.length === 0) return;
      this.post('rows', batch);
      this.sentUpTo = batch[batch.length - 1]![0];
      mark.run(this.sentUpTo);
    }
  }

  private post(type: 'rows' | 'remove', rows: Row[]): void {
    // Waits while the worker is MAX_AHEAD chunks behind (or until it has stopped).
    for (;;) {
      const done = Atomics.load(this.state, 0);
      if (this.posted - done < MAX_AHEAD || Atomics.load(this.state, 1) !== 0) break;
      Atomics.wait(this.state, 0, done, 1000);
    }
    if (Atomics.load(this.state, 1) !== 0) {
      this.collectFailure();
      throw new Error(`the index worker stopped: ${this.failure ?? 'no reason given'}`);
    }
    const ids = new Float64Array(rows.length);
    const lengths = new Int32Array(rows.length * 3);
    const parts: string[] = [];
    rows.forEach(([id, title, authors, abstract], i) => {
      ids[i] = id;
      lengths[3 * i] = title.length;
      lengths[3 * i + 1] = authors.length;
      lengths[3 * i + 2] = abstract.length;
      parts.push(title, authors, abstract);
    });
    this.port.postMessage({ type, ids, lengths, text: parts.join('') }, [ids.buffer, lengths.buffer]);
    this.posted++;
  }

  /**
   * Copies the scratch index into the library's empty one, when it holds exactly the library's papers (else the
   * caller builds the index itself). Row by row, through a connection of the scratch file's own.
   */
  private copy(): boolean {
    const scratch = new Database(this.file, {
      readonly: true,
      ...(this.binding ? { nativeBinding: this.binding } : {}),
    });
    try {
      if (!indexEmpty(this.db)) return false;
      // The same ids on both sides, in one ordered pass over each.
      const theirs = scratch.prepare('SELECT id FROM papers_fts_docsize ORDER BY id').pluck().iterate();
      try {
        for (const id of this.db.prepare('SELECT id FROM papers ORDER BY id').pluck().iterate()) {
          const next = theirs.next();
          if (next.done || next.value !== id) return false;
        }
        if (!theirs.next().done) return false;
      } finally {
        theirs.return?.();
      }
      // FTS5 keeps the index's structure cached on this connection, and copying its tables behind its back does not
      // tell it. A write (its own setting, unchanged) makes the index part of this transaction, and rolling back to
      // a savepoint taken after the copy, which undoes nothing, makes FTS5 drop the cache and read the copy.
      const hashSize = this.db.prepare("SELECT v FROM papers_fts_config WHERE k = 'hashsize'").pluck().get();
      this.db.exec(`INSERT INTO papers_fts(papers_fts, rank) VALUES ('hashsize', ${Number(hashSize ?? 1048576)})`);
      this.writing = true;
      this.db.unsafeMode(true);
      try {
        for (const table of SHADOW) {
          const columns = (scratch.pragma(`table_info(papers_fts_${table})`) as { name: string }[]).map((c) => c.name);
          this.db.exec(`DELETE FROM main.papers_fts_${table}`);
          const insert = this.db.prepare(
            `INSERT INTO main.papers_fts_${table}(${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          );
          const read = scratch.prepare(`SELECT ${columns.join(', ')} FROM papers_fts_${table}`).raw();
          for (const row of read.iterate()) insert.run(...(row as unknown[]));
        }
      } finally {
        this.db.unsafeMode(false);
      }
      this.db.exec('SAVEPOINT lectern_index_copied; ROLLBACK TO lectern_index_copied; RELEASE lectern_index_copied');
      return true;
    } finally {
      scratch.close();
    }
  }
}

function noPapers(db: Db): boolean {
  return db.prepare('SELECT count(*) FROM (SELECT 1 FROM papers LIMIT 1)').pluck().get() === 0;
}

/** The library's index holds no paper: the case the copy is for. */
function indexEmpty(db: Db): boolean {
  return db.prepare('SELECT count(*) FROM (SELECT 1 FROM main.papers_fts_docsize LIMIT 1)').pluck().get() === 0;
}
