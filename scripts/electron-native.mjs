#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into .electron-native/better_sqlite3.node, which the window passes to
 * better-sqlite3 as `nativeBinding`. The copy in node_modules stays built for Node, so `npm test` and the CLI keep
 * working after `npm start`.
 *
 * Runs before `npm start` / `npm run dev`; does nothing when the binary already matches the installed Electron and
 * better-sqlite3. Otherwise it works on a temporary copy of the package: first a prebuilt binary (prebuild-install),
 * then a local compile against Electron's headers (npm's bundled node-gyp). Both need the network the first time.
 *
 * Usage: node scripts/electron-native.mjs [--force]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, '.electron-native');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'better_sqlite3.json');
const require = createRequire(path.join(root, 'package.json'));
const log = (message) => console.log(`electron-native: ${message}`);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function installedVersion(pkg) {
  const json = readJson(require.resolve(`${pkg}/package.json`));
  if (!json?.version) throw new Error(`cannot read the version of ${pkg} in node_modules (run npm install)`);
  return json.version;
}

function upToDate(wanted) {
  if (!fs.existsSync(outFile)) return false;
  const stamp = readJson(stampFile);
  return stamp !== null && Object.entries(wanted).every(([key, value]) => stamp[key] === value);
}

/** npm's own directory, which bundles node-gyp: from npm_execpath when run by npm, else beside the node binary. */
function npmDirs() {
  const dirs = [];
  if (process.env.npm_execpath) dirs.push(path.resolve(path.dirname(process.env.npm_execpath), '..'));
  const bin = path.dirname(process.execPath);
  dirs.push(path.join(bin, '..', 'lib', 'node_modules', 'npm'), path.join(bin, 'node_modules', 'npm'));
  return dirs;
}

function findNodeGyp() {
  for (const dir of npmDirs()) {
    try {
      return createRequire(path.join(dir, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
    } catch {
      // not in this npm
    }
  }
  return null;
}

function run(label, args, cwd, timeoutMinutes) {
  log(`${label}: ${path.basename(args[0] ?? '')} ${args.slice(1).join(' ')}`);
  const result = spawnSync(process.execPath, args, {
    cwd,
    stdio: 'inherit',
    timeout: timeoutMinutes * 60_000,
    env: { ...process.env, npm_config_runtime: 'electron' },
  });
  if (result.error) log(`${label} could not run: ${result.error.message}`);
  else if (result.status !== 0) log(`${label} failed (exit ${result.status ?? result.signal})`);
  return !result.error && result.status === 0;
}

function attempts(electron) {
  const target = [`--target=${electron}`, '--runtime=electron', `--arch=${process.arch}`];
  const list = [];
  try {
    const prebuild = require.resolve('prebuild-install/bin.js', {
      paths: [path.dirname(require.resolve('better-sqlite3/package.json'))],
    });
    list.push({
      label: 'prebuilt download',
      args: [prebuild, ...target, `--platform=${process.platform}`, '--verbose'],
      minutes: 3,
    });
  } catch {
    log('prebuild-install not found; skipping the prebuilt download');
  }
  const nodeGyp = findNodeGyp();
  if (nodeGyp) {
    list.push({
      label: 'node-gyp build',
      args: [nodeGyp, 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'],
      minutes: 20,
    });
  } else {
    log("npm's bundled node-gyp not found; skipping the local build");
  }
  return list;
}

function build(wanted) {
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-native-'));
  const work = path.join(tmp, 'better-sqlite3');
  try {
    // A copy, so the Node-ABI binary in node_modules is never overwritten; without build/ so a stale binary can't pass.
    fs.cpSync(source, work, {
      recursive: true,
      filter: (file) => !/^(build|node_modules)$/.test(path.relative(source, file).split(path.sep)[0] ?? ''),
    });
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    for (const attempt of attempts(wanted.electron)) {
      if (!run(attempt.label, attempt.args, work, attempt.minutes) || !fs.existsSync(built)) continue;
      fs.mkdirSync(outDir, { recursive: true });
      const partial = `${outFile}.${process.pid}.tmp`;
      fs.copyFileSync(built, partial);
      fs.renameSync(partial, outFile);
      fs.writeFileSync(stampFile, `${JSON.stringify({ ...wanted, method: attempt.label }, null, 2)}\n`);
      return attempt.label;
    }
    return null;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function main() {
  const wanted = {
    electron: installedVersion('electron'),
    betterSqlite3: installedVersion('better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
  };
  const label = `better-sqlite3 ${wanted.betterSqlite3} for Electron ${wanted.electron} (${wanted.platform}-${wanted.arch})`;
  if (!process.argv.includes('--force') && upToDate(wanted)) {
    log(`${label} is up to date`);
    return 0;
  }
  log(`building ${label} into ${path.relative(root, outFile)}`);
  const method = build(wanted);
  if (method) {
    log(`done (${method}): ${path.relative(root, outFile)}`);
    return 0;
  }
  console.error(
    [
      '',
      `electron-native: could not get ${label}.`,
      '  Both ways need the network the first time: the prebuilt binary comes from GitHub releases, and a local',
      '  build needs Electron headers from https://electronjs.org/headers (plus Python and a C++ compiler).',
      '  The window cannot open the library without it. Connect and re-run: node scripts/electron-native.mjs',
      '  (The CLI, `lectern serve` and the tests use the Node build in node_modules and are unaffected.)',
      '',
    ].join('\n'),
  );
  return 1;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`electron-native: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
