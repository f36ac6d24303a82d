/**
 * One concurrent writer process for the concurrency test: `node --import tsx writer.ts LIBRARY WRITER EDITS`.
 * Appends EDITS numbered lines to the note of its own paper (id WRITER), toggling the shared paper 1's star and
 * status on the way, each as its own transaction. Prints one JSON line: how many edits it made and every error.
 */
import { openLibrary } from '../../electron/library';

const [library, writerArg, editsArg] = process.argv.slice(2);
const writer = Number(writerArg);
const edits = Number(editsArg);
const errors: string[] = [];
let done = 0;
const lib = openLibrary({ path: library! });
// Tells the test this writer is in: the window starts writing then, so the writes really overlap.
process.stdout.write('opened\n');
const statuses = ['new', 'to-read', 'reading', 'read'] as const;
for (let i = 0; i < edits; i++) {
  try {
    lib.setNote(writer, `w${writer}:${i}`, 'append');
    if (i % 5 === 0) lib.setStarred([1], i % 10 === 0);
    if (i % 7 === 0) lib.setStatus([1], statuses[i % statuses.length]!);
    done++;
  } catch (err) {
    errors.push((err as Error).message);
  }
}
lib.close();
process.stdout.write(`${JSON.stringify({ writer, done, errors })}\n`);
