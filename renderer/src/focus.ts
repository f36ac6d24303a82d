/** Where keyboard focus goes: the table, the search box, the hidden file picker. Elements are found by id. */
export const TABLE_ID = 'paper-table';
export const SEARCH_ID = 'search';
export const FILE_PICKER_ID = 'import-files';

let pageRows = 20;

/** The table tells how many rows fit on screen, for PageDown and PageUp. */
export function setRowsPerPage(rows: number): void {
  pageRows = Math.max(1, rows);
}

export function rowsPerPage(): number {
  return pageRows;
}

export function focusTable(): void {
  document.getElementById(TABLE_ID)?.focus({ preventScroll: true });
}

export function focusSearch(): void {
  const input = document.getElementById(SEARCH_ID);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

export function openFilePicker(): void {
  document.getElementById(FILE_PICKER_ID)?.click();
}

/** True when the key belongs to a text field (or another control), not to the table. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select') !== null;
}
