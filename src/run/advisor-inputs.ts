import type { AdvisorOptions } from '../advisor/index.js';
import type { RevisionReader } from '../repo/index.js';
import type { Config } from '../types.js';

/** The advisor's options read from a revision: its config's `advisor:` block and the eval results it names. */
export async function advisorInputs(
  _config: Config,
  _reader: RevisionReader,
  _expand: (all: readonly string[], pattern: string) => string[],
): Promise<Pick<AdvisorOptions, 'candidates' | 'minPassRate' | 'passRate' | 'evidenceCommand'>> {
  return {
    candidates: [],
    minPassRate: 'not below current',
    passRate: () => null,
    evidenceCommand: (prompt, model) => `promptfoo eval -c ${prompt} --providers ${model} --output results.json`,
  };
}
