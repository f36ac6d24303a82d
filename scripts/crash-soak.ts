/**
 * The crash soak, outside `npm test`: `npx tsx scripts/crash-soak.ts [runs=1000] [parallel=2]`.
 * Kills the real CLI at random moments during large imports and batch edits and checks every library afterwards.
 * Prints the tally as JSON; exit code 1 if any run left a library that fails check or holds part of an operation.
 */
import { crashRuns, measureWindows, prepareCrashSetup, tally, type CrashRun } from '../tests/safety/crash';

const total = Number(process.argv[2] ?? 1000);
const parallel = Number(process.argv[3] ?? 2);
const setup = prepareCrashSetup(500, 1000);
const windows = await measureWindows(setup, parallel);
console.log(JSON.stringify({ setup: setup.dir, windows }));
const started = Date.now();
const all: CrashRun[] = [];
const batch = 50;
for (let done = 0; done < total; done += batch) {
  const runs = await crashRuns(setup, windows, Math.min(batch, total - done), parallel);
  for (const r of runs) if (r.outcome === 'broken') console.log(JSON.stringify({ broken: r }));
  all.push(...runs);
  console.log(
    JSON.stringify({ runs: all.length, seconds: Math.round((Date.now() - started) / 1000), tally: tally(all) }),
  );
}
const broken = all.filter((r) => r.outcome === 'broken');
console.log(
  JSON.stringify({ done: all.length, seconds: Math.round((Date.now() - started) / 1000), tally: tally(all), broken }),
);
process.exit(broken.length > 0 ? 1 : 0);
