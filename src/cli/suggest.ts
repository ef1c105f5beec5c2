import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { suggestMarkdown, suggestText } from '../render/index.js';
import { runSuggest } from '../run/index.js';
import type { SuggestArgs } from './args.js';

/**
 * `aicost suggest`: the savings advisor over one revision. Exit 0 whatever it finds: a suggestion
 * is advice, never a failing check; bad input is exit 2 through the entry's error handling.
 */
export async function suggest(args: SuggestArgs): Promise<number> {
  const { report } = await runSuggest({
    repo: args.repo,
    rev: args.rev,
    config: args.config,
    trafficDir: args.trafficDir ? resolve(args.trafficDir) : undefined,
  });
  const body =
    args.format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : args.format === 'markdown'
        ? suggestMarkdown(report)
        : suggestText(report);
  if (args.output) writeFileSync(args.output, body);
  else process.stdout.write(body);
  return 0;
}
