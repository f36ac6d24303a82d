/**
 * Undo and redo that survive restarts. Each user action is one history entry holding, for every paper it touched,
 * the paper's state before the action (NULL: it did not exist). Undo swaps the stored state with the current one,
 * so the same row then holds what redo needs: only one copy of each touched paper is ever kept.
 */
import type { Paper } from '../../shared/types';
import type { HistoryEntry } from '../../shared/types';
import type { Db } from './db/open';
import { cached } from './db/statements';
import { deletePaper, getPaper, writePaper } from './papers';
import { dropUnusedTags, setPaperTags } from './tags';

/** The fields a partial snapshot may hold, and how each is written back. */
export type PatchableField = 'status' | 'statusChangedAt' | 'starred' | 'tags' | 'note' | 'updatedAt';
type Fields = Partial<Pick<Paper, PatchableField>>;
/** Marks a partial snapshot (a full one is a Paper, which never has this key). */
const FIELDS = '$fields';
type PartialState = { [FIELDS]: Fields };

function pick(paper: Paper, fields: readonly PatchableField[]): Fields {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = paper[f];
  return out;
}

function applyFields(db: Db, id: number, fields: Fields): void {
  const column: Record<Exclude<PatchableField, 'tags'>, string> = {
    status: 'status',
    statusChangedAt: 'status_changed_at',
    starred: 'starred',
    note: 'note',
    updatedAt: 'updated_at',
  };
  for (const [key, value] of Object.entries(fields) as [PatchableField, unknown][]) {
    if (key === 'tags') setPaperTags(db, id, value as string[]);
    else if (Object.hasOwn(column, key)) {
      const v = key === 'starred' ? (value ? 1 : 0) : value;
      // Column names come from the fixed table above, never from stored text.
      cached(db, `UPDATE papers SET ${column[key]} = ? WHERE id = ?`).run(v, id);
    }
  }
}

/** How many actions are kept for undo; older ones are pruned. */
export const HISTORY_LIMIT = 1000;

export class ChangeRecorder {
  private readonly touched = new Set<number>();
  private historyId: number | null = null;

  constructor(
    private readonly db: Db,
    private readonly label: string,
    private readonly now: string,
  ) {}

  /**
   * Call before changing a paper: remembers its current state (once per action). `current`, when the caller has just
   * read the paper in this transaction, saves reading it again.
   */
  touch(paperId: number, current?: Paper): void {
    if (this.touched.has(paperId)) return;
    this.remember(paperId, current ?? getPaper(this.db, paperId));
  }

  /**
   * Call before changing only some fields of a paper (status, star, tags, note): remembers just those, so a bulk
   * action on 10,000 papers stores a few bytes per paper instead of each paper's whole text.
   */
  touchFields(paper: Paper, fields: readonly PatchableField[]): void {
    if (this.touched.has(paper.id)) return;
    this.touched.add(paper.id);
    cached(this.db, 'INSERT INTO history_papers (history_id, paper_id, state) VALUES (?, ?, ?)').run(
      this.entryId(),
      paper.id,
      JSON.stringify({ [FIELDS]: pick(paper, fields) }),
    );
  }

  /** Call after inserting a new paper: undo deletes it. */
  created(paperId: number): void {
    if (this.touched.has(paperId)) return;
    this.remember(paperId, null);
  }

  get count(): number {
    return this.touched.size;
  }

  private remember(paperId: number, state: Paper | null): void {
    this.touched.add(paperId);
    cached(this.db, 'INSERT INTO history_papers (history_id, paper_id, state) VALUES (?, ?, ?)').run(
      this.entryId(),
      paperId,
      state ? JSON.stringify(state) : null,
    );
  }

  private entryId(): number {
    if (this.historyId === null) {
      // A new action makes the undone ones unreachable: drop the redo stack.
      cached(this.db, 'DELETE FROM history WHERE undone = 1').run();
      this.historyId = Number(
        cached(this.db, 'INSERT INTO history (label, at) VALUES (?, ?)').run(this.label, this.now).lastInsertRowid,
      );
      cached(this.db, 'DELETE FROM history WHERE id <= ?').run(this.historyId - HISTORY_LIMIT);
    }
    return this.historyId;
  }
}

/** Undoes the newest action not yet undone. Returns its label and papers, or null when there is none. */
export function undo(db: Db): { label: string; paperIds: number[] } | null {
  const entry = cached(db, 'SELECT id, label FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as
    { id: number; label: string } | undefined;
  if (!entry) return null;
  const paperIds = swapStates(db, entry.id);
  cached(db, 'UPDATE history SET undone = 1 WHERE id = ?').run(entry.id);
  return { label: entry.label, paperIds };
}

/** Redoes the oldest undone action. */
export function redo(db: Db): { label: string; paperIds: number[] } | null {
  const entry = cached(db, 'SELECT id, label FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as
    { id: number; label: string } | undefined;
  if (!entry) return null;
  const paperIds = swapStates(db, entry.id);
  cached(db, 'UPDATE history SET undone = 0 WHERE id = ?').run(entry.id);
  return { label: entry.label, paperIds };
}

function swapStates(db: Db, historyId: number): number[] {
  const rows = cached(db, 'SELECT paper_id, state FROM history_papers WHERE history_id = ? ORDER BY paper_id').all(
    historyId,
  ) as { paper_id: number; state: string | null }[];
  const update = cached(db, 'UPDATE history_papers SET state = ? WHERE history_id = ? AND paper_id = ?');
  for (const row of rows) {
    const current = getPaper(db, row.paper_id);
    const stored = row.state === null ? null : (JSON.parse(row.state) as Paper | PartialState);
    if (stored !== null && FIELDS in stored) {
      // Only some fields were remembered: swap just those. History is linear, so the paper is there; if something
      // outside it removed the paper, there is nothing to put the fields on.
      if (!current) continue;
      const fields = stored[FIELDS];
      const keys = Object.keys(fields) as PatchableField[];
      applyFields(db, row.paper_id, fields);
      update.run(JSON.stringify({ [FIELDS]: pick(current, keys) }), historyId, row.paper_id);
      continue;
    }
    if (stored === null) deletePaper(db, row.paper_id);
    else writePaper(db, stored);
    update.run(current ? JSON.stringify(current) : null, historyId, row.paper_id);
  }
  dropUnusedTags(db);
  return rows.map((r) => r.paper_id);
}

export function listHistory(db: Db, limit: number): HistoryEntry[] {
  const rows = cached(
    db,
    `SELECT h.id, h.label, h.at, h.undone, (SELECT count(*) FROM history_papers hp WHERE hp.history_id = h.id) AS papers
     FROM history h ORDER BY h.id DESC LIMIT ?`,
  ).all(limit) as { id: number; label: string; at: string; undone: number; papers: number }[];
  return rows.map((r) => ({ id: r.id, label: r.label, at: r.at, papers: r.papers, undone: r.undone === 1 }));
}
