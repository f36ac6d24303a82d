/**
 * The scratch files in which a first big import's index is built beside the library (`index-build.ts`): their names,
 * and their removal once the import that made them is over or gone.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The start of the names of a library's scratch files, beside it. */
export function scratchPrefix(libraryFile: string): string {
  return `${libraryFile}.index-build`;
}

/** A library's scratch files that exist now, left by running or killed imports. */
export function scratchFiles(libraryFile: string): string[] {
  const dir = path.dirname(libraryFile);
  const prefix = path.basename(scratchPrefix(libraryFile));
  try {
    return fs
      .readdirSync(dir)
      .filter((name) => name.startsWith(prefix))
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

/** Whether a process with this id is running (signal 0 only asks). */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the scratch files of imports whose process is gone (killed half way): called when a library is opened, so
 * a killed import's file (as big as the index) does not wait for the next big import to go.
 */
export function removeStaleScratch(libraryFile: string): void {
  for (const file of scratchFiles(libraryFile)) {
    const pid = /\.(\d+)\.\d+(?:-journal|-wal|-shm)?$/.exec(file)?.[1];
    if (pid !== undefined && !running(Number(pid))) removeScratch(file);
  }
}

/**
 * Each build has a file of its own: a worker that has not yet stopped (a stop is asynchronous) must never write
 * into the next build's file.
 */
let builds = 0;

/** A new scratch file name for a build of this process. */
export function newScratchFile(libraryFile: string): string {
  return `${scratchPrefix(libraryFile)}.${process.pid}.${++builds}`;
}

/** Removes a scratch file and whatever SQLite kept beside it. */
export function removeScratch(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // Still open elsewhere (Windows): the next big import removes it.
    }
  }
}
