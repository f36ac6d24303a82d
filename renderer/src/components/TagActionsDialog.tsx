/** Rename, merge or delete a tag across the library (each one undoable like any other change). */
import { useState, type FormEvent } from 'react';
import { call, messageOf } from '../data/call';
import { useSummary } from '../data/summary';
import { usePanes } from '../state/panes';
import { useNotices } from '../state/notices';
import { useView } from '../state/view';
import { Dialog, FieldError } from './Dialog';

export function TagActionsDialog() {
  const close = usePanes((s) => s.closeDialog);
  const tag = usePanes((s) => s.dialogTag) ?? '';
  const { tags } = useSummary();
  const [name, setName] = useState(tag);
  const [error, setError] = useState<string | null>(null);
  const others = tags.filter((t) => t.name !== tag);
  const [into, setInto] = useState(others[0]?.name ?? '');

  const run = async (what: () => Promise<unknown>, message: string, nextViewTag: string | null) => {
    try {
      await what();
      useNotices.getState().say(message);
      const view = useView.getState().view;
      if (view.kind === 'tag' && view.name === tag) {
        useView.getState().setView(nextViewTag ? { kind: 'tag', name: nextViewTag } : { kind: 'all' });
      }
      close();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  const rename = (e: FormEvent) => {
    e.preventDefault();
    const to = name.trim();
    if (!to || to === tag) return;
    void run(() => call('tags.rename', { from: tag, to }), `Renamed ${tag} to ${to}`, to);
  };

  return (
    <Dialog title={`Tag ${tag}`} onClose={close}>
      <form onSubmit={rename} className="form">
        <label className="field">
          Rename to
          <input data-autofocus className="text-input" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="submit" className="button primary" disabled={!name.trim() || name.trim() === tag}>
            Rename
          </button>
        </div>
      </form>
      {others.length > 0 ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => call('tags.merge', { from: [tag], into }), `Merged ${tag} into ${into}`, into);
          }}
        >
          <label className="field">
            Merge into
            <select className="text-input" value={into} onChange={(e) => setInto(e.target.value)}>
              {others.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name} ({t.count})
                </option>
              ))}
            </select>
          </label>
          <div className="dialog-actions">
            <button type="submit" className="button">
              Merge
            </button>
          </div>
        </form>
      ) : null}
      <FieldError message={error} />
      <div className="dialog-actions spread">
        <button
          type="button"
          className="button danger"
          onClick={() => void run(() => call('tags.delete', { name: tag }), `Deleted tag ${tag}`, null)}
        >
          Delete tag
        </button>
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
