/**
 * Restore from backup: the backups beside the library, newest first (when, how big); choosing one asks once more,
 * then the library restores it, keeping the current library as a backup first. Every view then refetches.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BackupSummary } from '../../../shared/types';
import { call, messageOf } from '../data/call';
import { paperPages } from '../data/paper-pages';
import { refreshCounts, refreshTags } from '../data/summary';
import { useNotices } from '../state/notices';
import { usePanes } from '../state/panes';
import { Dialog, FieldError } from './Dialog';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-28 10:14:05" in the user's time zone: seconds too, as two backups may be a minute apart. */
export function backupWhen(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function backupSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function RestoreDialog() {
  const close = usePanes((s) => s.closeDialog);
  const [backups, setBackups] = useState<BackupSummary[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    call('library.backups', {}).then(
      (list) => {
        if (!live) return;
        const newestFirst = [...list].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
        setBackups(newestFirst);
        setChosen(newestFirst[0]?.name ?? null);
      },
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, []);

  // The view changes under the focus: keep it inside the dialog, on what the user acts on next.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else firstRef.current?.focus();
  }, [confirming, backups]);

  const backup = backups?.find((b) => b.name === chosen);

  const restore = async () => {
    if (!backup || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await call('library.restore', { name: backup.name });
      // The library also announces the change; refetching here as well means no view can be left behind.
      paperPages.refresh();
      refreshCounts();
      refreshTags();
      const kept = result.keptCurrentAs ? ` The library as it was is kept as backup ${result.keptCurrentAs}.` : '';
      useNotices.getState().say(`Restored the backup of ${backupWhen(backup.at)}.${kept}`);
      close();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
      useNotices.getState().say(`Restore failed: ${messageOf(err)}`, 'error');
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!backup) return;
    if (confirming) void restore();
    else setConfirming(true);
  };

  return (
    <Dialog title="Restore from backup" onClose={close}>
      <form onSubmit={submit} className="form">
        {confirming && backup ? (
          <p>
            Restore the backup of <strong>{backupWhen(backup.at)}</strong> ({backupSize(backup.bytes)})? Changes made
            since then will be gone from the library, but not lost: the current library is kept as a backup first.
          </p>
        ) : backups === null ? (
          <p className="muted">{error ? '' : 'Looking for backups…'}</p>
        ) : backups.length === 0 ? (
          <p className="muted">There are no backups yet. Back up the library from the command palette first.</p>
        ) : (
          <fieldset
            className="field"
            onKeyDown={(e) => {
              // Enter on a backup chooses it, in every browser (implicit submission from a radio is not universal).
              if (e.key === 'Enter' && backup) {
                e.preventDefault();
                setConfirming(true);
              }
            }}
          >
            <legend>Backups, newest first</legend>
            <ul className="column-list">
              {backups.map((b) => (
                <li key={b.name}>
                  <label>
                    <input
                      ref={chosen === b.name ? firstRef : undefined}
                      type="radio"
                      name="restore-backup"
                      value={b.name}
                      checked={chosen === b.name}
                      onChange={() => setChosen(b.name)}
                    />
                    {backupWhen(b.at)}
                    <span className="muted">{backupSize(b.bytes)}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <FieldError message={error} />
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            onClick={() => (confirming ? setConfirming(false) : close())}
            disabled={busy}
          >
            {confirming ? 'Back' : 'Cancel'}
          </button>
          <button ref={confirmRef} type="submit" className="button primary" disabled={!backup || busy}>
            {busy ? 'Restoring…' : confirming ? 'Restore' : 'Restore…'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
