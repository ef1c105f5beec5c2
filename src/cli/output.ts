import { writeFileSync } from 'node:fs';
import type * as RenderIndex from '../render/index.js';
import type { OutputFormat } from './args.js';

/** How one kind of report reads as Markdown and as text (JSON is the report itself). */
export interface Renderers<R> {
  markdown: (report: R) => string;
  text: (report: R) => string;
}

/** The renderers of src/render/, for one kind of report. */
export type RenderModule = typeof RenderIndex;

/**
 * Writes a report in the format the user asked for to `--output`, or to stdout: the one place
 * `diff`, `estimate` and `suggest` turn their report into bytes. src/render/ is imported only
 * for Markdown and text: JSON, what scripts and the benchmark ask for, starts without it.
 */
export async function writeReport<R>(
  args: { format: OutputFormat; output?: string },
  report: R,
  pick: (render: RenderModule) => Renderers<R>,
): Promise<void> {
  let body: string;
  if (args.format === 'json') {
    body = JSON.stringify(report, null, 2) + '\n';
  } else {
    const render = pick(await import('../render/index.js'));
    body = args.format === 'markdown' ? render.markdown(report) : render.text(report);
  }
  if (args.output) writeFileSync(args.output, body);
  else process.stdout.write(body);
}
