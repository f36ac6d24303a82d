/** Export notes to Markdown: one file per paper into a folder, for the selection, the current view, or everything. */
import { useState, type FormEvent } from 'react';
import type { MarkdownExportSummary } from '../../../shared/export';
import { targetIds } from '../actions';
import { call, messageOf } from '../data/call';
import { useNotices } from '../state/notices';
import { usePanes } from '../state/panes';
import { effectiveQuery, useView } from '../state/view';
import { Dialog, FieldError } from './Dialog';

type Scope = 'selection' | 'view' | 'everything';

const SCOPES: readonly { id: Scope; label: string }[] = [
  { id: 'selection', label: 'The selection' },
  { id: 'view', label: 'The current view' },
  { id: 'everything', label: 'Everything' },
];

/** The one-line summary shown in the dialog and as a notice. */
export function summaryText(s: MarkdownExportSummary): string {
  const parts = [`${s.written} written`, `${s.unchanged} unchanged`];
  if (s.skippedEdited > 0) parts.push(`${s.skippedEdited} kept your edits`);
  if (s.refused > 0) parts.push(`${s.refused} refused`);
  return `Exported ${s.papers === 1 ? '1 paper' : `${s.papers} papers`} to ${s.dir}: ${parts.join(', ')}`;
}

export function ExportNotesDialog() {
  const close = usePanes((s) => s.closeDialog);
  const view = useView((s) => s.view);
  const search = useView((s) => s.search);
  // Taken when the dialog opens: the selection (or the cursor paper) the user was looking at.
  const [selected] = useState(targetIds);
  const [scope, setScope] = useState<Scope>(selected.length > 0 ? 'selection' : 'view');
  const [dir, setDir] = useState('');
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<MarkdownExportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      const which =
        scope === 'selection' ? { ids: selected } : scope === 'view' ? { query: effectiveQuery(view, search) } : {};
      const result = await call('export.markdown', { dir: dir.trim(), force, ...which });
      setSummary(result);
      useNotices.getState().say(summaryText(result));
    } catch (err) {
      setError(messageOf(err));
      useNotices.getState().say(`Export failed: ${messageOf(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!dir.trim() || busy || (scope === 'selection' && selected.length === 0)) return;
    void run();
  };

  return (
    <Dialog title="Export notes to Markdown" onClose={close}>
      <form onSubmit={submit} className="form">
        <fieldset className="field">
          <legend>Papers</legend>
          {SCOPES.map((s) => (
            <label key={s.id}>
              <input
                type="radio"
                name="export-scope"
                value={s.id}
                checked={scope === s.id}
                disabled={s.id === 'selection' && selected.length === 0}
                onChange={() => setScope(s.id)}
              />{' '}
              {s.id === 'selection' && selected.length > 0 ? `${s.label} (${selected.length})` : s.label}
            </label>
          ))}
        </fieldset>
        <label className="field">
          Folder
          <input
            data-autofocus
            className="text-input"
            value={dir}
            placeholder="/path/to/your/vault"
            onChange={(e) => setDir(e.target.value)}
          />
        </label>
        <label>
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Overwrite notes I
          edited
        </label>
        {summary ? (
          <p role="status" className="muted">
            {summaryText(summary)}
          </p>
        ) : null}
        <FieldError message={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            {summary ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button primary" disabled={!dir.trim() || busy}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
