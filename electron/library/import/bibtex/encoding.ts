/**
 * The encoding a BibTeX file declares (JabRef's "% Encoding: X", BibDesk's "Saved with string encoding X"). The file
 * reader reads UTF-8 and falls back to Windows-1252, which covers Latin-1 too; a file that declares anything else and
 * has non-ASCII text would come out garbled, so it is refused with a message saying what to do.
 */

const DECLARATION = /^%+\s*(?:Encoding:|Saved with string encoding)\s*([^\r\n]+)/im;
const READABLE =
  /^(?:unicode\s*\()?(?:utf-?8|us-?ascii|ascii|iso[-_ ]?8859[-_ ]?1|latin-?1|windows-?1252|cp-?1252)\)?\s*$/i;

const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

/** A refusal message with its line when the declared encoding cannot be read correctly; null when all is well. */
export function encodingProblem(text: string): { line: number; message: string } | null {
  const m = DECLARATION.exec(text.slice(0, 4096));
  if (!m) return null;
  const declared = m[1]!.trim();
  if (READABLE.test(declared) || /^Western \((?:ISO Latin 1|Windows Latin 1)\)$/i.test(declared)) return null;
  // Pure ASCII reads the same in every encoding these tools write.
  if (!NON_ASCII.test(text)) return null;
  const line = text.slice(0, m.index).split('\n').length;
  return {
    line,
    message: `the file declares the encoding "${declared}", which Lectern cannot read; save it as UTF-8 and import it again`,
  };
}
