/** The shape every benchmark suite shares, so `npm run bench` prints one table and writes one JSON file. */

export interface BenchFigure {
  /** Which suite measured it (e.g. "search", "import", "bibtex", "window"). */
  suite: string;
  /** What was measured, in the researcher's words (e.g. "ranked top 50, rare term, p95"). */
  name: string;
  value: number;
  unit: string;
  /** How many runs the median or percentile is over. */
  runs: number;
  /** The budget this figure is held to, in the same unit, when there is one. */
  budget?: number;
  note?: string;
}

export interface BenchOptions {
  /** Number of papers in the synthetic library. */
  size: number;
  /** The quick CI run: fewer repetitions, small sizes. */
  smoke: boolean;
  /** Folder for generated libraries and files reused between runs. */
  cacheDir: string;
}

export interface BenchSuite {
  name: string;
  run(options: BenchOptions): Promise<BenchFigure[]>;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (values: number[]): number => percentile(values, 50);
