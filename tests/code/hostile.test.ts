/**
 * Hostile PRs against a prompt in code: can the head lower its own figure by moving the prompt
 * out of aicost's sight? Each way is refused at head (an AicostError: exit 2 in the CLI) or priced
 * on the base's trusted `model:`; none is priced as $0 or as an empty prompt.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runDiff } from '../../src/run/diff.js';
import { AicostError } from '../../src/errors.js';
import { failure, git, prRepo } from '../helpers/run.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const py = fixture('support_bot.py');
const rows = Array.from({ length: 10 }, (_, i) => ({
  id: `s${i}`,
  vars: { ticket: `T${i}` },
  usage: { input_tokens: 900 + i, output_tokens: 120 },
}));
const config = (model = '') => `version: 1
features:
  support:
    team: support
    prompt: app/support_bot.py#summarize
    traffic: traffic/support.jsonl
    requests_per_month: 100000
${model}teams:
  support: { monthly_budget: 100000 }
`;
const baseFiles = (cfg = config()) => ({
  '.aicost.yml': cfg,
  'app/support_bot.py': py,
  'app/prompts.py': fixture('prompts.py'),
  'traffic/support.jsonl': rows.map((r) => JSON.stringify(r)).join('\n') + '\n',
});
const diff = (repo: string) => runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });

describe('hostile PRs on a prompt in code', () => {
  it('a model read from the environment at head stops the run asking for model:, never $0', async () => {
    const head = py.replace('MODEL = "gpt-4o-mini"', 'MODEL = os.environ.get("SUPPORT_MODEL", "gpt-4o-mini")');
    const e = await failure(diff(prRepo(baseFiles(), { 'app/support_bot.py': head })));
    expect(e.message).toMatch(
      /^feature "support": app\/support_bot\.py: model is `os\.environ\.get\(…\)` at line 10, not a string constant: set model: on the feature, and the feature sets no model:/,
    );
    expect(e.hint).toMatch(/Add model: .* to features\.support/);
  });

  it("with the base's model: on the feature, that model prices both sides whatever the code says", async () => {
    const head = py.replace('MODEL = "gpt-4o-mini"', 'MODEL = os.environ["SUPPORT_MODEL"]');
    const { report } = await diff(
      prRepo(baseFiles(config('    model: openai/gpt-4o\n')), { 'app/support_bot.py': head }),
    );
    const f = report.features[0]!;
    // Base's code names gpt-4o-mini, but model: wins for code on both sides: no change, gpt-4o prices.
    expect(f.status).toBe('unchanged');
    expect(f.head!.monthly).toBeCloseTo(f.base!.monthly, 9);
    expect(f.head!.monthly).toBeGreaterThan(((904.5 * 2.5) / 1e6) * 100000);
  });

  it('moving the system prompt out of the repository (a relative import above the root) is refused', async () => {
    const head = py.replace('from .prompts import STYLE_GUIDE', 'from ...outside import STYLE_GUIDE');
    const e = await failure(diff(prRepo(baseFiles(), { 'app/support_bot.py': head })));
    expect(e.message).toMatch(/points outside the repository/);
  });

  it('replacing the imported module with a symbolic link is refused', async () => {
    const repo = prRepo(baseFiles(), {});
    unlinkSync(join(repo, 'app/prompts.py'));
    symlinkSync('/etc/hostname', join(repo, 'app/prompts.py'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'link');
    const e = await failure(diff(repo));
    expect(e.message).toMatch(/app\/prompts\.py/);
    expect(e.message).toMatch(/symbolic link/);
  });

  it('a system prompt computed at run time is refused at its line, not priced as empty', async () => {
    const head = py.replace('"content": SYSTEM_PROMPT + "\\n" + STYLE_GUIDE', '"content": load_prompt("support")');
    expect(head).not.toBe(py);
    const e = await failure(diff(prRepo(baseFiles(), { 'app/support_bot.py': head })));
    expect(e.message).toBe(
      "summarize: the system message's content is `load_prompt(…)`, which aicost cannot read statically",
    );
    expect(e.location).toMatchObject({ file: 'app/support_bot.py', line: 38 });
  });

  it('a head file over 1 MiB is refused', async () => {
    const head = py + `\nPADDING = "${'x'.repeat(1024 * 1024)}"\n`;
    const e = await failure(diff(prRepo(baseFiles(), { 'app/support_bot.py': head })));
    expect(e).toBeInstanceOf(AicostError);
    expect(e.message).toMatch(/app\/support_bot\.py/);
    expect(e.message).toMatch(/1 MiB|1048576|limit|over/);
  });
});
