import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { LibraryError } from '../errors';

/**
 * Files larger than this are refused before they are read: the largest real export we know (7,166 BibTeX entries)
 * is a few MB, while a pathological 200 MB file took over 3 GB of memory to parse (tests/unit/large-inputs.test.ts).
 */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/**
 * Reads an import file as text: UTF-8 (with or without BOM) or UTF-16 with BOM; other bytes that are not valid UTF-8
 * are read as Windows-1252, the usual encoding of older exports. Binary files are refused.
 */
export function readTextFile(file: string): string {
  checkImportFile(file);
  const bytes = fs.readFileSync(file);
  return decodeText(bytes, file);
}

/**
 * The beginning of an import file as text (what format detection looks at), without reading the rest: an import of
 * many big files reads each one only when its turn comes. Same refusals as `readTextFile`. Returns the file's size.
 */
export function readTextHead(file: string, bytes = 64 * 1024): { head: string; size: number } {
  const size = checkImportFile(file);
  const buffer = Buffer.alloc(Math.min(bytes, size));
  const fd = fs.openSync(file, 'r');
  let got: number;
  try {
    got = fs.readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  let end = got;
  // Cut before a UTF-8 sequence the read split, so a valid file still reads as UTF-8.
  if (end < size) {
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (buffer[end - back - 1]! & 0xc0) === 0x80) back++;
    if (end - back - 1 >= 0 && (buffer[end - back - 1]! & 0xc0) === 0xc0) end -= back + 1;
  }
  return { head: decodeText(buffer.subarray(0, end), file), size };
}

/** Refuses a missing file, a folder, or one over the size limit; returns the size. */
function checkImportFile(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new LibraryError('bad-input', `${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (stat.isDirectory()) throw new LibraryError('bad-input', `${file}: is a folder, not a file`);
  if (stat.size > MAX_IMPORT_BYTES) {
    throw new LibraryError(
      'bad-input',
      `${file}: ${Math.round(stat.size / 1e6)} MB is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB import limit; split the file`,
    );
  }
  return stat.size;
}

export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) throw new LibraryError('bad-input', `${file}: is a binary file, not text`);
  // isUtf8 and Buffer's decoder are native and fast; a fatal TextDecoder cost half a second per 100 MB.
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  return new TextDecoder('windows-1252').decode(bytes);
}
