// Jest's globalSetup: a whole-suite run (`npm test`) stops at once when dist/ is older than the
// sources, since the action, CLI and demo tests run the bundles in dist/. A run of chosen files
// skips this; the helpers that start a bundle check the same stamp (tests/helpers/run.ts).
import { staleDist } from '../scripts/dist-stamp.mjs';

export default function globalSetup(globalConfig) {
  if (globalConfig.testPathPatterns?.isSet?.()) return;
  const problem = staleDist();
  if (problem) {
    // One sentence and the fix; a thrown error would bury it under Jest's stack trace.
    console.error(`\n${problem}\n`);
    process.exit(1);
  }
}
