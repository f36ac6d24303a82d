/**
 * Text into BibTeX field values. BibTeX proper is 7-bit at heart (bibtex sorts and purifies byte by byte), so for
 * BibTeX every accented letter becomes a LaTeX accent command in a brace group — the "special character" form
 * `{\'e}` that bibtex treats as one letter — and characters LaTeX has no command for are kept, braced. BibLaTeX
 * (biber) reads UTF-8, so there only the LaTeX specials are escaped and Unicode is kept.
 */

/** The ten characters LaTeX gives a meaning to, as text-mode commands. */
const SPECIALS: Record<string, string> = {
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '{\\textasciitilde}',
  '^': '{\\textasciicircum}',
  '\\': '{\\textbackslash}',
  // Not specials, but in LaTeX's default font encoding they print as ¡ ¿ and a dash: named, they print as typed.
  '<': '{\\textless}',
  '>': '{\\textgreater}',
  '|': '{\\textbar}',
};

/** Combining marks (after NFD) and the accent command for each; letter commands take a braced argument. */
const ACCENTS: Record<string, string> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030a': 'r',
  '\u030b': 'H',
  '\u030c': 'v',
  '\u0323': 'd',
  '\u0327': 'c',
  '\u0328': 'k',
  '\u0331': 'b',
};

/** Letters and symbols with their own LaTeX command (no decomposition gives them). */
const LETTERS: Record<string, string> = {
  ß: '{\\ss}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  ø: '{\\o}',
  Ø: '{\\O}',
  å: '{\\aa}',
  Å: '{\\AA}',
  ł: '{\\l}',
  Ł: '{\\L}',
  ı: '{\\i}',
  ȷ: '{\\j}',
  đ: '{\\dj}',
  Đ: '{\\DJ}',
  þ: '{\\th}',
  Þ: '{\\TH}',
  ð: '{\\dh}',
  Ð: '{\\DH}',
  '\u2013': '{\\textendash}',
  '\u2014': '{\\textemdash}',
  '\u2018': '{\\textquoteleft}',
  '\u2019': '{\\textquoteright}',
  '\u201c': '{\\textquotedblleft}',
  '\u201d': '{\\textquotedblright}',
  '\u2026': '{\\ldots}',
  '\u00a0': '~',
  '\u00a7': '{\\S}',
  '\u00b6': '{\\P}',
  '\u00a9': '{\\textcopyright}',
  '\u00ae': '{\\textregistered}',
  '\u2122': '{\\texttrademark}',
  '\u00b0': '{\\textdegree}',
  '\u00a3': '{\\pounds}',
  '\u20ac': '{\\texteuro}',
  '\u00bf': '{\\textquestiondown}',
  '\u00a1': '{\\textexclamdown}',
  '\u00ab': '{\\guillemotleft}',
  '\u00bb': '{\\guillemotright}',
  '\u00d7': '{$\\times$}',
  '\u00b1': '{$\\pm$}',
  '\u2264': '{$\\leq$}',
  '\u2265': '{$\\geq$}',
  '\u2192': '{$\\rightarrow$}',
  '\u221e': '{$\\infty$}',
};

const GREEK =
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho final-sigma sigma tau upsilon phi chi psi omega'.split(
    ' ',
  );
for (let i = 0; i < GREEK.length; i++) {
  const name = GREEK[i]!;
  if (name === 'omicron' || name === 'final-sigma') continue;
  LETTERS[String.fromCharCode(0x3b1 + i)] = `{$\\${name}$}`;
  const upper = name[0]!.toUpperCase() + name.slice(1);
  // Capital Greek letters that look Latin have no LaTeX command; only the distinct ones do.
  if (['Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega'].includes(upper)) {
    LETTERS[String.fromCharCode(0x391 + i)] = `{$\\${upper}$}`;
  }
}

/** One base letter with its combining marks as nested accent commands: é → {\'e}, ệ → {\^{\d{e}}}. */
function accented(base: string, marks: string[]): string | null {
  let inner = base === 'i' ? '\\i' : base === 'j' ? '\\j' : base;
  for (const mark of marks) {
    const cmd = ACCENTS[mark];
    if (!cmd) return null;
    const letterCommand = /[a-z]/i.test(cmd);
    inner = letterCommand || inner.length > 1 || inner.startsWith('\\') ? `\\${cmd}{${inner}}` : `\\${cmd}${inner}`;
  }
  return `{${inner}}`;
}

/** Escapes text for a BibTeX field: the output is printable ASCII except for characters LaTeX cannot name. */
export function bibtexEscape(text: string): string {
  let out = '';
  // Iterate over grapheme-ish clusters: a base character followed by its combining marks (after NFD).
  const clusters = text.normalize('NFD').match(/[\s\S]\p{M}*/gu) ?? [];
  let foreign = '';
  const flushForeign = () => {
    if (foreign) out += `{${foreign.normalize('NFC')}}`;
    foreign = '';
  };
  for (const cluster of clusters) {
    const base = cluster[0]!;
    const marks = [...cluster.slice(1)];
    let piece: string | null = null;
    if (marks.length === 0) {
      if (SPECIALS[base] !== undefined) piece = SPECIALS[base]!;
      else if (/[\x20-\x7e]/.test(base)) piece = base;
      else if (base === '\n' || base === '\t' || base === '\r') piece = ' ';
      else if (LETTERS[base.normalize('NFC')] !== undefined) piece = LETTERS[base.normalize('NFC')]!;
    } else if (/[A-Za-z]/.test(base) || base === 'ı') {
      piece = accented(base === 'ı' ? 'i' : base, marks);
    } else {
      const composed = cluster.normalize('NFC');
      if (LETTERS[composed] !== undefined) piece = LETTERS[composed]!;
    }
    if (piece === null) {
      // Control characters are dropped; anything else LaTeX has no name for is kept as UTF-8, braced.
      if (!/[\p{Cc}]/u.test(base)) foreign += cluster;
      continue;
    }
    flushForeign();
    out += piece;
  }
  flushForeign();
  return breakLigatures(out);
}

/** `--` and `---` would print as dashes, two quotes as a curly quote: braces between keep the characters typed. */
function breakLigatures(text: string): string {
  return text
    .replace(/-(?=-)/g, '-{}')
    .replace(/([`'])(?=\1)/g, '$1{}')
    .replace(/([!?])(?=`)/g, '$1{}');
}

/** Escapes text for a BibLaTeX field (read by biber as UTF-8): LaTeX specials only, Unicode kept. */
export function biblatexEscape(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (SPECIALS[ch] !== undefined) out += SPECIALS[ch];
    else if (ch === '\n' || ch === '\r' || ch === '\t') out += ' ';
    else if (/\p{Cc}/u.test(ch)) continue;
    else out += ch;
  }
  return breakLigatures(out);
}

/**
 * Verbatim fields (url, doi, eprint) are read without TeX interpretation, so they are not escaped; only braces,
 * which would end the field, and whitespace are percent-encoded.
 */
export function verbatimValue(text: string): string {
  return text.replace(/[{}\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Protects words whose capitals a style must not lower-case (acronyms, camelCase: "BERT", "ImageNet", "GPT-4")
 * by bracing them, as Better BibTeX does. Works on escaped text, so it never splits a command.
 */
export function protectCase(escaped: string): string {
  return escaped.replace(/(^|[\s(/-])([A-Za-z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)(?=$|[\s),.:;!?/-])/g, '$1{$2}');
}
