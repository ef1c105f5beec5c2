// `npm run goldens`: the only way golden files are (re)written. Runs the tests that own them with
// AICOST_WRITE_GOLDENS=1 (tests/helpers/golden.ts), then lists the goldens that changed so the
// change can be reviewed before it is committed. The demo golden comes from the CLI bundle, so
// dist/ must be built first (`npm run build`; the test run refuses a stale dist/).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const OWNERS = ['tests/report/diff-text.test.ts', 'tests/report/diff-markdown.test.ts', 'tests/e2e/demo.test.ts'];
const GOLDENS = [
  'tests/report/fixtures/report.golden.txt',
  'tests/report/fixtures/report.golden.md',
  'tests/e2e/fixtures/demo.golden.md',
  'tests/e2e/fixtures/large.golden.md',
];

const jest = spawnSync(process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), ...OWNERS], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    AICOST_WRITE_GOLDENS: '1',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
  },
});
const status = spawnSync('git', ['status', '--short', '--', ...GOLDENS], { cwd: root, encoding: 'utf8' });
console.log(status.stdout.trim() ? `Goldens changed (review, then commit):\n${status.stdout}` : 'No golden changed.');
process.exitCode = jest.status ?? 1;
