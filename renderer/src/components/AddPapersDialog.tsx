/** Add papers by identifier (arXiv ids, DOIs, arXiv or DOI links): the library looks them up online. */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { call, messageOf } from '../data/call';
import { usePanes } from '../state/panes';
import { useNotices } from '../state/notices';
import { Dialog, FieldError } from './Dialog';

export function AddPapersDialog() {
  const close = usePanes((s) => s.closeDialog);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const identifiers = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (identifiers.length === 0 || busy) return;
    setBusy(true);
    try {
      const report = await call('papers.add', { identifiers: identifiers.slice(0, 500) });
      useNotices.getState().setLastImport(report);
      close();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <Dialog title="Add papers by identifier" onClose={close}>
      <form onSubmit={(e) => void submit(e)} className="form">
        <label className="field">
          arXiv ids or DOIs, one per line
          <textarea
            data-autofocus
            className="text-input"
            rows={4}
            value={text}
            placeholder={'2401.12345\n10.1145/3292500.3330701'}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </label>
        <FieldError message={error} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy || identifiers.length === 0}>
            {busy ? 'Looking them up…' : `Add ${identifiers.length || ''} (Ctrl+Enter)`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
