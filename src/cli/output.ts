import { writeFileSync } from 'node:fs';
import type { OutputFormat } from './args.js';

/** How one kind of report reads as Markdown and as text (JSON is the report itself). */
export interface Renderers<R> {
  markdown: (report: R) => string;
  text: (report: R) => string;
}

/**
 * Writes a report in the format the user asked for to `--output`, or to stdout: the one place
 * `diff`, `estimate` and `suggest` turn their report into bytes.
 */
export function writeReport<R>(args: { format: OutputFormat; output?: string }, report: R, render: Renderers<R>): void {
  const body =
    args.format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : args.format === 'markdown'
        ? render.markdown(report)
        : render.text(report);
  if (args.output) writeFileSync(args.output, body);
  else process.stdout.write(body);
}
