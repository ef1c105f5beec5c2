// Preloaded into a bundle's process (`node --import tests/helpers/load-trace.mjs …`, Node ≥ 22.15):
// records every module the process loads (ESM and CommonJS, chunks included, through the module
// hooks), every file it reads whole (fs.readFileSync / fs.promises.readFile: the bundles' data
// assets) or opens to read in place (fs.openSync: the rank table images), the built-in modules loaded (process.moduleLoadList) and every process it starts
// (ChildProcess#spawn, which spawn, execFile and exec all go through: program and arguments), and
// writes them as JSON to $AICOST_LOAD_TRACE when the process exits. Counting what a start loads
// and starts, not timing it (tests/e2e/cold-start.test.ts).
import { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import * as nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';

const out = process.env.AICOST_LOAD_TRACE;
const modules = [];
const reads = [];
const pathOf = (p) => (p instanceof URL ? fileURLToPath(p) : typeof p === 'string' ? p : null);

const { registerHooks, syncBuiltinESMExports } = nodeModule;
if (typeof registerHooks !== 'function')
  throw new Error(
    `tests/helpers/load-trace.mjs needs module.registerHooks (Node ≥ 22.15); this is Node ${process.version}`,
  );

registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith('file:')) modules.push(fileURLToPath(url));
    return nextLoad(url, context);
  },
});

const { readFileSync, writeFileSync } = fs;
fs.readFileSync = function (path, ...rest) {
  const p = pathOf(path);
  if (p) reads.push(p);
  return readFileSync.call(this, path, ...rest);
};
const readFile = fs.promises.readFile;
fs.promises.readFile = function (path, ...rest) {
  const p = pathOf(path);
  if (p) reads.push(p);
  return readFile.call(this, path, ...rest);
};
const openSync = fs.openSync;
fs.openSync = function (path, flags, ...rest) {
  const p = pathOf(path);
  // Node's loader opens the code it loads this way too: that is in `modules` already.
  if (p && (flags === undefined || flags === 'r') && !/\.[cm]?js$/.test(p)) reads.push(p);
  return openSync.call(this, path, flags, ...rest);
};
syncBuiltinESMExports();

const processes = [];
const spawnChild = ChildProcess.prototype.spawn;
ChildProcess.prototype.spawn = function (options) {
  processes.push([options.file, ...(options.args ?? []).slice(1)]);
  return spawnChild.call(this, options);
};

process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
  if (out) writeFileSync(out, JSON.stringify({ modules, reads, builtins, processes }));
});
