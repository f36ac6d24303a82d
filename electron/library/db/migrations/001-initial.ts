import type { Migration } from './index';

/** Papers, tags, notes, reading status, history, and the FTS5 index kept in step by triggers. */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE papers (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      title TEXT NOT NULL,
      title_key TEXT NOT NULL,
      authors TEXT NOT NULL DEFAULT '[]',
      authors_text TEXT NOT NULL DEFAULT '',
      first_author TEXT NOT NULL DEFAULT '',
      year INTEGER,
      date TEXT,
      venue TEXT,
      abstract TEXT,
      entry_type TEXT NOT NULL DEFAULT 'article',
      arxiv TEXT,
      doi TEXT,
      url TEXT,
      citekey TEXT,
      source TEXT,
      extra TEXT NOT NULL DEFAULT '{}',
      added_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'to-read', 'reading', 'read', 'skipped')),
      status_changed_at TEXT NOT NULL,
      starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
      note TEXT NOT NULL DEFAULT '',
      tags_text TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX papers_arxiv ON papers(arxiv) WHERE arxiv IS NOT NULL;
    CREATE INDEX papers_doi ON papers(doi) WHERE doi IS NOT NULL;
    CREATE INDEX papers_title_key ON papers(title_key);
    CREATE INDEX papers_sort_title ON papers(title COLLATE NOCASE, id);
    CREATE INDEX papers_sort_author ON papers(first_author COLLATE NOCASE, id);
    CREATE INDEX papers_sort_year ON papers(year, id);
    CREATE INDEX papers_sort_added ON papers(added_at, id);
    CREATE INDEX papers_status ON papers(status, id);
    CREATE INDEX papers_starred ON papers(starred) WHERE starred = 1;

    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE
    );
    CREATE TABLE paper_tags (
      paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (paper_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX paper_tags_tag ON paper_tags(tag_id, paper_id);

    -- tags_text mirrors a paper's tag names so the FTS index (and its triggers) see them.
    CREATE TRIGGER paper_tags_ai AFTER INSERT ON paper_tags BEGIN
      UPDATE papers SET tags_text = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE pt.paper_id = new.paper_id) WHERE id = new.paper_id;
    END;
    CREATE TRIGGER paper_tags_ad AFTER DELETE ON paper_tags BEGIN
      UPDATE papers SET tags_text = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE pt.paper_id = old.paper_id) WHERE id = old.paper_id;
    END;
    CREATE TRIGGER tags_au AFTER UPDATE OF name ON tags BEGIN
      UPDATE papers SET tags_text = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE pt.paper_id = papers.id)
      WHERE id IN (SELECT paper_id FROM paper_tags WHERE tag_id = new.id);
    END;

    -- The index reads its text through this view, whose columns carry the index's names.
    CREATE VIEW papers_fts_source AS
      SELECT id, title, authors_text AS authors, coalesce(abstract, '') AS abstract, tags_text AS tags, note FROM papers;
    CREATE VIRTUAL TABLE papers_fts USING fts5(
      title, authors, abstract, tags, note,
      content = 'papers_fts_source', content_rowid = 'id',
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER papers_fts_ai AFTER INSERT ON papers BEGIN
      INSERT INTO papers_fts(rowid, title, authors, abstract, tags, note)
      VALUES (new.id, new.title, new.authors_text, coalesce(new.abstract, ''), new.tags_text, new.note);
    END;
    CREATE TRIGGER papers_fts_ad AFTER DELETE ON papers BEGIN
      INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract, tags, note)
      VALUES ('delete', old.id, old.title, old.authors_text, coalesce(old.abstract, ''), old.tags_text, old.note);
    END;
    CREATE TRIGGER papers_fts_au AFTER UPDATE OF title, authors_text, abstract, tags_text, note ON papers BEGIN
      INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract, tags, note)
      VALUES ('delete', old.id, old.title, old.authors_text, coalesce(old.abstract, ''), old.tags_text, old.note);
      INSERT INTO papers_fts(rowid, title, authors, abstract, tags, note)
      VALUES (new.id, new.title, new.authors_text, coalesce(new.abstract, ''), new.tags_text, new.note);
    END;

    -- Undo history: one row per user action, with the state of each touched paper before it.
    CREATE TABLE history (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      label TEXT NOT NULL,
      at TEXT NOT NULL,
      undone INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE history_papers (
      history_id INTEGER NOT NULL REFERENCES history(id) ON DELETE CASCADE,
      paper_id INTEGER NOT NULL,
      -- JSON snapshot of the paper before the change (NULL: it did not exist); after undo, the state to redo.
      state TEXT,
      PRIMARY KEY (history_id, paper_id)
    ) WITHOUT ROWID;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
};
