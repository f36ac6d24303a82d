/** What the suites share within one run: the cached library for the chosen size, opened once, and its queries. */
import { openLibrary, type Library } from '../electron/library';
import type { BenchOptions } from './suite';
import { cachedLibrary, type CachedLibrary } from './cache';
import { chooseQueries, type BenchQuery } from './queries';

export interface BenchContext {
  cached: CachedLibrary;
  library: Library;
  queries: BenchQuery[];
  /** Repetitions per query: fewer in the smoke run, which only has to prove the benchmark still works. */
  runs: number;
}

let current: { key: string; context: BenchContext } | null = null;

export function benchContext(options: BenchOptions): BenchContext {
  const key = `${options.cacheDir}:${options.size}`;
  if (current?.key === key) return current.context;
  current?.context.library.close();
  const cached = cachedLibrary(options.cacheDir, options.size);
  const library = openLibrary({ path: cached.file });
  const big = options.size >= 1_000_000;
  const queries = chooseQueries(library.db, options.smoke || big ? 2 : 3);
  // At a million papers the slow plans take a second a run: fewer runs keep the full run within a quarter hour.
  const context = { cached, library, queries, runs: options.smoke || big ? 10 : 20 };
  current = { key, context };
  return context;
}

/** Queries grouped by class, in the order the table lists them. */
export function byClass(queries: BenchQuery[]): Map<string, BenchQuery[]> {
  const out = new Map<string, BenchQuery[]>();
  for (const q of queries) out.set(q.cls, [...(out.get(q.cls) ?? []), q]);
  return out;
}
