/** The sidebar: the reading-status views with counts, the tags with counts, and saved searches. */
import { useState, type ReactNode } from 'react';
import { READING_STATUSES } from '../../../shared/types';
import { useSummary } from '../data/summary';
import { usePanes } from '../state/panes';
import { useSavedSearches } from '../state/saved-searches';
import { STATUS_LABELS, sameView, useView, type View } from '../state/view';
import { focusTable } from '../focus';

function Item(props: {
  label: string;
  count?: number | undefined;
  active: boolean;
  onPick: () => void;
  icon?: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`nav-item${props.active ? ' active' : ''}`}
      aria-current={props.active ? 'page' : undefined}
      onClick={props.onPick}
    >
      {props.icon ? (
        <span className="nav-icon" aria-hidden="true">
          {props.icon}
        </span>
      ) : null}
      <span className="nav-label">{props.label}</span>
      {props.count !== undefined ? <span className="count">{props.count.toLocaleString('en-US')}</span> : null}
    </button>
  );
}

const TAGS_SHOWN = 40;

const STATUS_ICONS: Record<string, string> = { new: '◉', 'to-read': '◔', reading: '◑', read: '●', skipped: '◌' };

export function Sidebar() {
  const { counts, tags } = useSummary();
  const view = useView((s) => s.view);
  const setView = useView((s) => s.setView);
  const search = useView((s) => s.search);
  const setSearch = useView((s) => s.setSearch);
  const openDialog = usePanes((s) => s.openDialog);
  const saved = useSavedSearches((s) => s.searches);
  const removeSaved = useSavedSearches((s) => s.remove);

  const [allTags, setAllTags] = useState(false);
  // A big library can have thousands of tags: show the most used (alphabetically), the rest on request.
  const shownTags =
    tags.length <= TAGS_SHOWN
      ? tags
      : [...tags]
          .sort((a, b) => b.count - a.count)
          .slice(0, TAGS_SHOWN)
          .sort((a, b) => a.name.localeCompare(b.name));

  const pick = (next: View) => {
    setView(next);
    focusTable();
  };

  return (
    <nav className="sidebar" aria-label="Library">
      <ul className="nav-list">
        {READING_STATUSES.map((status) => {
          const v: View = { kind: 'status', status };
          return (
            <li key={status}>
              <Item
                label={STATUS_LABELS[status]}
                icon={STATUS_ICONS[status]}
                count={counts?.byStatus[status]}
                active={sameView(view, v)}
                onPick={() => pick(v)}
              />
            </li>
          );
        })}
        <li>
          <Item
            label="Starred"
            icon="★"
            count={counts?.starred}
            active={view.kind === 'starred'}
            onPick={() => pick({ kind: 'starred' })}
          />
        </li>
        <li>
          <Item
            label="All papers"
            icon="▤"
            count={counts?.all}
            active={view.kind === 'all'}
            onPick={() => pick({ kind: 'all' })}
          />
        </li>
      </ul>

      <h2 className="nav-heading" id="tags-nav">
        Tags
      </h2>
      {tags.length === 0 ? <p className="nav-empty">Press t on a paper to tag it.</p> : null}
      <ul className="nav-list" aria-labelledby="tags-nav">
        {(allTags ? tags : shownTags).map((t) => (
          <li key={t.name} className="nav-row">
            <Item
              label={t.name}
              icon="#"
              count={t.count}
              active={view.kind === 'tag' && view.name === t.name}
              onPick={() => pick({ kind: 'tag', name: t.name })}
            />
            <button
              type="button"
              className="nav-more"
              aria-label={`Rename, merge or delete tag ${t.name}`}
              onClick={() => openDialog('tag-actions', t.name)}
            >
              ⋯
            </button>
          </li>
        ))}
      </ul>

      {tags.length > shownTags.length ? (
        <button type="button" className="nav-add" aria-expanded={allTags} onClick={() => setAllTags(!allTags)}>
          {allTags ? 'Show the most used tags' : `Show all ${tags.length.toLocaleString('en-US')} tags`}
        </button>
      ) : null}

      <h2 className="nav-heading" id="saved-nav">
        Saved searches
      </h2>
      <ul className="nav-list" aria-labelledby="saved-nav">
        {saved.map((s) => (
          <li key={s.name} className="nav-row">
            <Item
              label={s.name}
              icon="⌕"
              active={view.kind === 'all' && search === s.query}
              onPick={() => {
                setView({ kind: 'all' });
                setSearch(s.query);
                focusTable();
              }}
            />
            <button
              type="button"
              className="nav-more"
              aria-label={`Delete saved search ${s.name}`}
              onClick={() => removeSaved(s.name)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="nav-add" disabled={!search.trim()} onClick={() => openDialog('save-search')}>
        + Save current search
      </button>
    </nav>
  );
}
