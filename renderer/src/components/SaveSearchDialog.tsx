/** Save the search box's query under a name; it then appears in the sidebar. */
import { useState, type FormEvent } from 'react';
import { usePanes } from '../state/panes';
import { useSavedSearches } from '../state/saved-searches';
import { useView } from '../state/view';
import { Dialog } from './Dialog';

export function SaveSearchDialog() {
  const close = usePanes((s) => s.closeDialog);
  const query = useView((s) => s.search).trim();
  const save = useSavedSearches((s) => s.save);
  const [name, setName] = useState(query);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || !query) return;
    save(name.trim(), query);
    close();
  };

  return (
    <Dialog title="Save search" onClose={close}>
      <form onSubmit={submit} className="form">
        <p className="muted">
          Query: <code>{query || '(the search box is empty)'}</code>
        </p>
        <label className="field">
          Name
          <input data-autofocus className="text-input" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!name.trim() || !query}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
