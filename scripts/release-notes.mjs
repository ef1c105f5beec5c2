// Prints the CHANGELOG.md section of a release tag (`## v1.2.3 …` up to the next `## `), for the
// release workflow's notes. Fails when the tag has no section, so a release is never unannounced.
// Usage: node scripts/release-notes.mjs v1.2.3
import { readFileSync } from 'node:fs';

const tag = process.argv[2] ?? '';
if (!/^v\d+\.\d+\.\d+$/.test(tag)) {
  console.error(`usage: release-notes.mjs vX.Y.Z (got ${JSON.stringify(tag)})`);
  process.exit(2);
}
const text = readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8');
const lines = text.split('\n');
const start = lines.findIndex((l) => new RegExp(`^## \\[?${tag.replace(/\./g, '\\.')}\\]?(\\s|$)`).test(l));
if (start < 0) {
  console.error(`CHANGELOG.md has no "## ${tag}" section: add one before tagging.`);
  process.exit(1);
}
const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
process.stdout.write(
  `${lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim()}\n`,
);
