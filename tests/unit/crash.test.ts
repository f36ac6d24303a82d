import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { crashRuns, measureWindows, prepareCrashSetup, tally } from '../safety/crash';

const setup = prepareCrashSetup(500, 1000);
const rollbackSetup = prepareCrashSetup(500, 1000, 'delete');
afterAll(() => {
  fs.rmSync(setup.dir, { recursive: true, force: true });
  fs.rmSync(rollbackSetup.dir, { recursive: true, force: true });
});

describe('killed at a random moment', () => {
  it('a large import or a batch edit leaves a library that passes check and holds all or none of it (50 runs)', async () => {
    const windows = await measureWindows(setup, 2);
    const runs = await crashRuns(setup, windows, 50, 2);
    // The distribution (how many were cut before and after the commit) is reported, not asserted: it is timing.
    console.info('crash runs', JSON.stringify({ windows, tally: tally(runs) }));
    expect(runs).toHaveLength(50);
    expect(runs.filter((r) => r.outcome === 'broken')).toEqual([]);
  }, 300_000);

  it('the same for a library that was still in rollback-journal mode, killed during its first import or edit (10 runs)', async () => {
    const windows = await measureWindows(rollbackSetup, 2);
    const runs = await crashRuns(rollbackSetup, windows, 10, 2);
    console.info('crash runs (rollback journal)', JSON.stringify({ windows, tally: tally(runs) }));
    expect(runs.filter((r) => r.outcome === 'broken')).toEqual([]);
  }, 300_000);
});
