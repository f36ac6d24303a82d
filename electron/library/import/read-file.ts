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
  const bytes = fs.readFileSync(file);
  return decodeText(bytes, file);
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
