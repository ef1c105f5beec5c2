/** Jest with the ts-jest ESM preset; run through `npm test` (adds --experimental-vm-modules). */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// @actions/core's `exports` exposes only its index; src/github/core.ts imports the modules beside
// it as `@actions/core/lib/<module>.js` (tsconfig.json "paths" maps them for tsc and ncc). Here
// they are found next to wherever Node resolves the package's entry.
const actionsCoreLib = dirname(fileURLToPath(import.meta.resolve('@actions/core')));

export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/tests'],
  // Fails the run at once when dist/ is older than the sources (scripts/dist-stamp.mjs).
  globalSetup: '<rootDir>/tests/global-setup.mjs',
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^@actions/core/lib/(.*)$': `${actionsCoreLib}/$1`, '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.check.json' }] },
  // A timeout is not an assertion (tests bound work by counting): it only has to end a hung test
  // well inside CI's 90 minutes. A loaded 2-core machine ran single repository tests past 60 s.
  testTimeout: 180000,
  maxWorkers: 2,
  // ESM test files under vm modules leave each worker's heap growing; a worker above this after a
  // file is replaced, so a smaller CI machine does not run out of memory late in the run.
  workerIdleMemoryLimit: '1200MB',
  // Jest gives a worker 500 ms to exit once its files are done, then force-exits it and warns that
  // it "failed to exit gracefully". On this shared 2-core machine (load average 20+) a worker with
  // no open handle left (tests/catalog: none with --detectOpenHandles, and none in the code it runs)
  // still took longer, so the warning fired on load, not on a leak. A worker kept alive by a real
  // handle never exits and is still reported, 10 s later.
  workerGracefulExitTimeout: 10_000,
};
