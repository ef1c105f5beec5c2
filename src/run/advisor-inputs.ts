import { evidenceCommand, findEvidence, readEvalEvidence, type AdvisorOptions } from '../advisor/index.js';
import type { RevisionReader } from '../repo/index.js';
import type { Config } from '../types.js';

/**
 * The advisor's options from a revision: its config's `advisor:` block (candidates, quality bar)
 * and the eval results files it names (`advisor.evals`, paths or globs), read from the same
 * revision. In a PR that revision is the base: the PR cannot pick its own candidates, bar or
 * evidence (DESIGN "Trust").
 */
export async function advisorInputs(
  config: Config,
  reader: RevisionReader,
  expand: (all: readonly string[], pattern: string) => string[],
): Promise<Pick<AdvisorOptions, 'candidates' | 'minPassRate' | 'passRate' | 'evidenceCommand'>> {
  const advisor = config.advisor;
  const patterns = advisor?.evals ?? [];
  const paths: string[] = [];
  if (patterns.length) {
    const all = await reader.list();
    for (const p of patterns) for (const f of expand(all, p)) if (!paths.includes(f)) paths.push(f);
  }
  const files = await Promise.all(paths.map(async (path) => ({ path, text: await reader.readText(path) })));
  const evidence = readEvalEvidence(files);
  // `gh models eval --json` names the prompt by the .prompt.yml's `name:`, not its path.
  const names = new Map<string, string>();
  if (evidence.length)
    for (const f of Object.values(config.features)) {
      if (!f.prompt || !/\.prompt\.ya?ml$/i.test(f.prompt) || !(await reader.exists(f.prompt))) continue;
      const m = /^name:[ \t]*(["']?)(.+?)\1[ \t]*$/m.exec(await reader.readText(f.prompt));
      if (m) names.set(f.prompt, m[2]);
    }
  return {
    candidates: advisor?.candidates ?? [],
    minPassRate: advisor?.minPassRate ?? 'not below current',
    passRate: (prompt, model) => {
      const name = names.get(prompt);
      const e =
        findEvidence(evidence, prompt, model) ?? (name !== undefined ? findEvidence(evidence, name, model) : undefined);
      return e ? { model: e.model, passes: e.passes, total: e.total, pass_rate: e.passRate, source: e.source } : null;
    },
    evidenceCommand: (prompt, model) => evidenceCommand(prompt, model),
  };
}
