/** Jest with the ts-jest ESM preset; run through `npm test` (adds --experimental-vm-modules). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/tests'],
  // Fails the run at once when dist/ is older than the sources (scripts/dist-stamp.mjs).
  globalSetup: '<rootDir>/tests/global-setup.mjs',
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.check.json' }] },
  testTimeout: 60000,
  maxWorkers: 2,
};
