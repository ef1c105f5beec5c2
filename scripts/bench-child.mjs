// Runs a bundle (argv[2]) with the remaining args as its own argv and reports, on exit, the
// process's peak RSS (KiB) and its wall time from start on stderr as one JSON line.
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const started = performance.now();
const [, , bundle, ...args] = process.argv;
process.argv = [process.argv[0], resolve(bundle), ...args];
process.on('exit', () => {
  writeSync(
    2,
    `\nBENCH ${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, ms: performance.now() - started })}\n`,
  );
});
await import(pathToFileURL(resolve(bundle)).href);
