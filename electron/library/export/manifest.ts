/**
 * `.lectern-export.json`, kept in the export folder: for every file Lectern wrote there, which paper it is (or that
 * it is a digest) and the SHA-256 of the text Lectern last wrote. A file whose text no longer has that hash was
 * edited by the user and is never overwritten without --force. Keeping it in the folder (not the library) means it
 * travels with the vault (git, sync) and a second library exporting into the same folder sees the same history.
 * The file has no timestamps and sorted keys, so re-exporting an unchanged library leaves it byte for byte the same.
 */
import { LibraryError } from '../errors';
import type { ExportFolder } from './folder';
import { isSafeNoteName } from './file-names';

export const MANIFEST_NAME = '.lectern-export.json';

export interface ManifestEntry {
  /** The paper a note file belongs to; absent for a digest. */
  paper?: number;
  digest?: true;
  sha256: string;
}

export class Manifest {
  readonly files = new Map<string, ManifestEntry>();

  /** Reads the folder's manifest. A damaged manifest stops the export rather than losing track of user edits. */
  static read(folder: ExportFolder): Manifest {
    const m = new Manifest();
    const found = folder.inspect(MANIFEST_NAME);
    if (found.kind === 'missing') return m;
    if (found.kind === 'refused') {
      throw new LibraryError('bad-input', `cannot use ${folder.pathOf(MANIFEST_NAME)}: ${found.why}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(found.text);
    } catch (err) {
      throw new LibraryError(
        'bad-input',
        `${folder.pathOf(MANIFEST_NAME)} is damaged (${(err as Error).message}); fix or delete it, then export again`,
      );
    }
    const files = (data as { files?: unknown } | null)?.files;
    if (typeof files !== 'object' || files === null) return m;
    for (const [name, raw] of Object.entries(files as Record<string, unknown>)) {
      const e = raw as Partial<ManifestEntry> | null;
      if (!e || typeof e.sha256 !== 'string') continue;
      // Names come from a file anyone can edit: only plain names Lectern could have written are trusted.
      if (e.digest === true && isPlainName(name)) m.files.set(name, { digest: true, sha256: e.sha256 });
      else if (Number.isSafeInteger(e.paper) && isSafeNoteName(name)) {
        m.files.set(name, { paper: e.paper!, sha256: e.sha256 });
      }
    }
    return m;
  }

  /** The name each paper's note already has in this folder. */
  namesByPaper(): Map<number, string> {
    const out = new Map<number, string>();
    for (const [name, e] of [...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (e.paper !== undefined && !out.has(e.paper)) out.set(e.paper, name);
    }
    return out;
  }

  text(): string {
    const files: Record<string, ManifestEntry> = {};
    for (const name of [...this.files.keys()].sort()) files[name] = this.files.get(name)!;
    return `${JSON.stringify({ lectern: 'markdown-export', version: 1, files }, null, 2)}\n`;
  }

  /** Writes the manifest only when it changed. */
  save(folder: ExportFolder): void {
    const next = this.text();
    const now = folder.inspect(MANIFEST_NAME);
    if (now.kind === 'file' && now.text === next) return;
    if (now.kind === 'refused') throw new LibraryError('bad-input', `cannot write ${MANIFEST_NAME}: ${now.why}`);
    folder.write(MANIFEST_NAME, next);
  }
}

function isPlainName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[/\\\0]/.test(name) && name !== '.' && name !== '..';
}
