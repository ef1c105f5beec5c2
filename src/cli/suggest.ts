import { resolve } from 'node:path';
import { runSuggest } from '../run/index.js';
import type { SuggestArgs } from './args.js';
import { writeReport } from './output.js';

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
  await writeReport(args, report, (r) => ({ markdown: r.suggestMarkdown, text: r.suggestText }));
  return 0;
}
