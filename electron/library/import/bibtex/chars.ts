/** Character classes and constants of the BibTeX scanner. */

/** BibTeX's predefined month macros expand to the English month names. */
export const MONTH_MACROS: Record<string, string> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  may: 'May',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

export const AT = 64; // @
export const LBRACE = 123;
export const RBRACE = 125;
export const LPAREN = 40;
export const RPAREN = 41;
export const QUOTE = 34;
export const HASH = 35;
export const COMMA = 44;
export const EQUALS = 61;
export const NEWLINE = 10;

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0xfeff || c === 0xa0;
}

/** Characters allowed in entry types, field names and macro names. */
export function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 45 ||
    c === 46 ||
    c === 58 ||
    c === 43 ||
    c === 47 ||
    c === 42 ||
    c === 39 ||
    c === 38 ||
    c === 33 ||
    c === 63 ||
    c > 127
  );
}

/** True for an `@` that a `%` before it on its line comments out. */
export function commentedOut(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
  return text.charCodeAt(j) === 37;
}
