/**
 * Every hint the unpriced scan gives for a code change leads to a config aicost accepts: the
 * hint's `.aicost.yml` entry, placeholders filled in, is committed and run through the real CLI's
 * `estimate` (exit 0, nothing on stderr, a positive monthly figure). Code prompts the reader
 * accepts are proposed in place (`prompt: src/reply.py#draft_reply`); a function it refuses is
 * proposed as a prompt file (written here as the hint describes it), with the reader's reason.
 */
import { describe, expect, it } from '@jest/globals';
import { runDiff } from '../../src/run/diff.js';
import { git, makeRepo, prRepo, runCli, summaryPrompt, writeFiles } from '../helpers/run.js';
import {
  AZURE_PY,
  AZURE_PY_HEAD,
  CLASSIFY_PY,
  CLASSIFY_PY_HEAD,
  DRAFT_TS,
  REPLY_PY,
  SUMMARIZE_PY,
  TITLE_JS,
} from '../unpriced/code-fixtures.js';

const CONFIG = `version: 1
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    requests_per_month: 1000
    typical_output_tokens: 200
teams:
  support: { monthly_budget: 1000 }
`;

/** A router whose system message is built by a method call: not readable as a code prompt. */
const ROUTE_PY = `from openai import OpenAI

client = OpenAI()
QUEUES = ["billing", "bugs", "sales"]


def route(subject):
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=5,
        messages=[
            {"role": "system", "content": "Answer with one word: " + ", ".join(QUEUES)},
            {"role": "user", "content": subject},
        ],
    )
    return response.choices[0].message.content
`;

const BASE = {
  '.aicost.yml': CONFIG,
  'prompts/summary.prompt.yml': summaryPrompt(),
  'src/support/reply.py': REPLY_PY,
  'src/summarize.py': SUMMARIZE_PY,
  'src/classify.py': CLASSIFY_PY,
  'src/azure.py': AZURE_PY,
  'src/copy/draft.ts': DRAFT_TS,
  'src/title.js': TITLE_JS,
  'src/triage.py': ROUTE_PY,
};

const HEAD = {
  'src/support/reply.py': REPLY_PY.replace('"gpt-4o-mini"', '"gpt-4o"'),
  'src/summarize.py': SUMMARIZE_PY.replace('"budget_tokens": 1024', '"budget_tokens": 8192'),
  'src/classify.py': CLASSIFY_PY_HEAD,
  'src/azure.py': AZURE_PY_HEAD,
  'src/copy/draft.ts': DRAFT_TS.replace("anthropic('claude-sonnet-4-5')", "anthropic('claude-opus-4-1')"),
  'src/title.js': TITLE_JS.replace('max_completion_tokens: 60', 'max_completion_tokens: 120'),
  'src/triage.py': ROUTE_PY.replace('model="gpt-4o-mini"', 'model="gpt-4o"'),
};

/** The YAML a hint asks for, placeholders filled in; the prompt file it asks to create, if any. */
function configOf(hint: string): { config: string; files: Record<string, string> } {
  const fill = (s: string) =>
    s
      .replace(/<team>/g, 'support')
      .replace(/<n>/g, '1000')
      .replace(/<model id>/g, 'gpt-4o-mini')
      .replace(/<turns>/g, '3')
      .replace(/<tokens>/g, '200');
  const features = /features: \{.*?\} \}/.exec(hint)?.[0];
  expect(features).toBeDefined();
  const files: Record<string, string> = {};
  const promptFile = /move the call into a prompt file \((\S+) with model: (\S+)\)/.exec(hint);
  if (promptFile)
    files[promptFile[1]] =
      `model: ${promptFile[2]}\nmodelParameters:\n  maxTokens: 5\nmessages:\n  - role: user\n    content: '{{subject}}'\n`;
  return { config: `version: 1\n${fill(features!)}\nteams:\n  support: { monthly_budget: 1000 }\n`, files };
}

describe('code-change hints lead to configs aicost accepts', () => {
  it('every distinct hint of a PR touching seven source files, each run through `estimate`', async () => {
    const repo = prRepo(BASE, HEAD);
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml', workers: 0 });
    const code = report.unpriced_changes.filter((c) => c.kind === 'code');
    const hints = [...new Set(code.map((c) => c.hint))];
    // One per function, in place; the router the reader refuses gets a prompt file, with why.
    const refs = hints.map((h) => /prompt: ("[^"]+"|\S+?),/.exec(h)?.[1]);
    expect(refs).toEqual([
      '"src/azure.py#answer"',
      '"src/classify.py#explain"',
      '"src/copy/draft.ts#review"',
      '"src/summarize.py#summarize"',
      '"src/support/reply.py#draft_reply"',
      '"src/title.js#suggestTitle"',
      'prompts/triage.prompt.yml',
    ]);
    expect(hints[0]).toContain('model: <model id>');
    expect(hints[1]).toContain('typical_output_tokens: <n>');
    expect(hints[6]).toContain(
      "(src/triage.py#route is not readable as a code prompt: route: the system message's content is",
    );

    for (const hint of hints) {
      const { config, files } = configOf(hint);
      const dir = makeRepo({ ...BASE, ...HEAD, ...files });
      writeFiles(dir, { '.aicost.yml': config });
      git(dir, 'commit', '-qam', 'config from the hint');
      const r = runCli(['estimate', '--repo', dir, '--format', 'json']);
      expect({ hint, status: r.status, stderr: r.stderr }).toEqual({ hint, status: 0, stderr: '' });
      const json = JSON.parse(r.stdout) as { totals: { monthly: number } };
      expect(json.totals.monthly).toBeGreaterThan(0);
    }
  });
});
