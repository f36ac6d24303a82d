/**
 * Which better-sqlite3 binary this process loads. The Electron window needs one built for Electron's ABI (the copy in
 * node_modules is Node's); it says so once at start, and every connection the library opens, including the read-only
 * ones that check backups and restore them, uses it. The CLI, `lectern serve` and the tests never set it.
 */
let processBinding: string | undefined;

export function setNativeBinding(file: string | undefined): void {
  processBinding = file;
}

/** better-sqlite3's `nativeBinding` option: the one given, else the process's, else none (its own binary). */
export function bindingOption(given?: string): { nativeBinding?: string } {
  const binding = given ?? processBinding;
  return binding ? { nativeBinding: binding } : {};
}
