/** Tags: created on first use, unique without regard to case, renamable and mergeable. */
import type { TagCount } from '../../shared/types';
import type { Db } from './db/open';
import { cached } from './db/statements';

export function readTags(db: Db, paperId: number): string[] {
  const rows = cached(
    db,
    'SELECT t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = ? ORDER BY t.name COLLATE NOCASE',
  ).all(paperId) as { name: string }[];
  return rows.map((r) => r.name);
}

/** The tags of many papers (ordered as `readTags` orders them), read a batch at a time; untagged papers are absent. */
export function readTagsOf(db: Db, paperIds: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (let i = 0; i < paperIds.length; i += 5000) {
    const rows = cached(
      db,
      `SELECT pt.paper_id AS id, t.name AS name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
       WHERE pt.paper_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
    ).all(JSON.stringify(paperIds.slice(i, i + 5000))) as { id: number; name: string }[];
    for (const r of rows) {
      const list = out.get(r.id);
      if (list) list.push(r.name);
      else out.set(r.id, [r.name]);
    }
  }
  return out;
}

/** The tag's id, creating it (with this spelling) when no tag of that name exists in any case. */
export function tagId(db: Db, name: string): number {
  const found = cached(db, 'SELECT id FROM tags WHERE name = ?').get(name) as { id: number } | undefined;
  if (found) return found.id;
  return Number(cached(db, 'INSERT INTO tags (name) VALUES (?)').run(name).lastInsertRowid);
}

export function addTag(db: Db, paperId: number, name: string): void {
  cached(db, 'INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) VALUES (?, ?)').run(paperId, tagId(db, name));
}

export function removeTag(db: Db, paperId: number, name: string): void {
  cached(db, 'DELETE FROM paper_tags WHERE paper_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)').run(
    paperId,
    name,
  );
}

/** Makes the paper's tags exactly `names`, touching only what differs (each change fires the FTS triggers). */
export function setPaperTags(db: Db, paperId: number, names: string[]): void {
  const current = readTags(db, paperId);
  const wanted = new Map(names.map((n) => [n.toLowerCase(), n]));
  for (const name of current) if (!wanted.has(name.toLowerCase())) removeTag(db, paperId, name);
  const have = new Set(current.map((n) => n.toLowerCase()));
  for (const [key, name] of wanted) if (!have.has(key)) addTag(db, paperId, name);
}

export function listTags(db: Db): TagCount[] {
  return cached(
    db,
    `SELECT t.name AS name, count(pt.paper_id) AS count FROM tags t
     LEFT JOIN paper_tags pt ON pt.tag_id = t.id GROUP BY t.id ORDER BY t.name COLLATE NOCASE`,
  ).all() as TagCount[];
}

export function papersWithTag(db: Db, name: string): number[] {
  return (
    cached(
      db,
      'SELECT pt.paper_id AS id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = ? ORDER BY pt.paper_id',
    ).all(name) as { id: number }[]
  ).map((r) => r.id);
}

/** Tags no paper carries any more disappear, so undoing a tag's first use leaves no trace. */
export function dropUnusedTags(db: Db): void {
  // One index probe per tag (paper_tags_tag), not a scan of every paper's tags: this runs after every tag change.
  cached(db, 'DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM paper_tags pt WHERE pt.tag_id = tags.id)').run();
}
