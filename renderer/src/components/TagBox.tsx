/**
 * The `t` box: add tags to the marked papers (or the one under the cursor), with autocomplete of existing tags.
 * Enter adds the typed (or highlighted) tag and keeps the box open for another; Esc closes.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { call, messageOf } from '../data/call';
import { useSummary } from '../data/summary';
import { paperPages } from '../data/paper-pages';
import { targetIds } from '../actions';
import { useCursor } from '../state/cursor';
import { usePanes } from '../state/panes';
import { useNotices } from '../state/notices';
import { Dialog, FieldError } from './Dialog';

const MAX_SUGGESTIONS = 8;

export function TagBox() {
  const close = usePanes((s) => s.closeDialog);
  const { tags } = useSummary();
  const [ids] = useState(targetIds);
  const cursorIndex = useCursor((s) => s.index);
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string[]>([]);
  const listId = useId();
  const current = ids.length === 1 ? (paperPages.rowAt(cursorIndex)?.tags ?? []) : [];

  const suggestions = useMemo(() => {
    const q = text.trim().toLowerCase();
    if (!q) return [];
    return tags
      .filter((t) => t.name.toLowerCase().includes(q) && !current.includes(t.name))
      .sort((a, b) => Number(!a.name.toLowerCase().startsWith(q)) - Number(!b.name.toLowerCase().startsWith(q)))
      .slice(0, MAX_SUGGESTIONS);
  }, [tags, text, current]);

  const add = async (name: string) => {
    const tag = name.trim();
    if (!tag) return;
    if (/[\s,]/.test(tag)) {
      setError('A tag has no spaces or commas.');
      return;
    }
    try {
      await call('papers.tag', { ids, add: [tag] });
      setAdded((a) => [...a, tag]);
      setText('');
      setActive(-1);
      setError(null);
      useNotices.getState().say(`Tagged ${ids.length === 1 ? '1 paper' : `${ids.length} papers`} with ${tag}`);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = suggestions.length;
      if (n === 0) return;
      setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % n : (i - 1 + n) % n));
    } else if (e.key === 'Tab' && active >= 0 && suggestions[active]) {
      e.preventDefault();
      setText(suggestions[active].name);
      setActive(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = active >= 0 ? suggestions[active]?.name : undefined;
      if (!chosen && !text.trim()) close();
      else void add(chosen ?? text);
    }
  };

  const title = ids.length === 1 ? 'Add tags' : `Add tags to ${ids.length} papers`;
  return (
    <Dialog title={title} onClose={close} className="tag-box">
      <input
        data-autofocus
        role="combobox"
        aria-label="Tag"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={error !== null}
        className="text-input"
        placeholder="Tag name, Enter to add, Esc to close"
        value={text}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          setActive(-1);
          setError(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul role="listbox" id={listId} aria-label="Existing tags" className="suggestions">
        {suggestions.map((t, i) => (
          <li
            key={t.name}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseDown={(e) => {
              e.preventDefault();
              void add(t.name);
            }}
          >
            <span>{t.name}</span>
            <span className="count">{t.count}</span>
          </li>
        ))}
      </ul>
      <FieldError message={error} />
      {[...current, ...added].length > 0 ? (
        <p className="tag-box-current">
          {[...new Set([...current, ...added])].map((t) => (
            <span key={t} className="chip">
              {t}
            </span>
          ))}
        </p>
      ) : null}
    </Dialog>
  );
}
