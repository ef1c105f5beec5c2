// Lints .github/workflows/*.yml and examples/workflows/*.yml with @action-validator/cli (a schema
// check that runs offline from node_modules), then checks that every `uses:` is pinned: a local
// action (`./`) or `owner/repo@<40-hex SHA>`, the placeholder `OWNER/aicost@000…` of the examples
// included. Run by .ci/run; exits 1 naming file:line on the first kind of problem it finds.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const validator = join(root, 'node_modules/.bin/action-validator');
const dirs = ['.github/workflows', 'examples/workflows'];
const files = dirs.flatMap((d) =>
  readdirSync(join(root, d))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(d, f)),
);
const problems = [];
for (const file of files) {
  const r = spawnSync(validator, [join(root, file)], { encoding: 'utf8' });
  if (r.status !== 0) problems.push(`${file}: action-validator failed:\n${(r.stdout + r.stderr).trim()}`);
  readFileSync(join(root, file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const m = /^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)/.exec(line);
      if (!m) return;
      const ref = m[1];
      if (ref.startsWith('./')) return;
      if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref))
        problems.push(`${file}:${i + 1}: \`uses: ${ref}\` is not pinned to a full commit SHA`);
    });
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`workflows: ${files.length} files valid, every uses: pinned`);
