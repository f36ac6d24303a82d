/** Timing helpers shared by the suites: every figure is a percentile over repeated runs, after a warm-up. */
import { percentile } from './suite';

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

/**
 * What a timing measures: wall-clock time (the default: what a user waits on an idle machine), or, with
 * BENCH_CLOCK=cpu, the CPU time this process spent (user + system), which stays meaningful on a machine shared with
 * other work, where wall time mostly measures the queue for a core.
 */
export const CLOCK: 'wall' | 'cpu' = process.env['BENCH_CLOCK'] === 'cpu' ? 'cpu' : 'wall';

function now(): number {
  if (CLOCK === 'cpu') {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Milliseconds per call of `fn`, over `runs` calls after `warmup` untimed ones. */
export function time(fn: () => unknown, runs: number, warmup = 2): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = now();
    fn();
    samples.push(now() - started);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), runs };
}

export async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = now();
    await fn();
    samples.push(now() - started);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), runs };
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export const mib = (bytes: number): number => round(bytes / (1024 * 1024), 1);

/** Asks V8 to collect garbage when the process was started with --expose-gc (bin/bench.mjs does). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}
