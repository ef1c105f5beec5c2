/**
 * The cacheable prefix is what is sent: the leading static messages rendered, so a template
 * comment in them counts for nothing. Head cache reads scale with the head's prefix (DESIGN,
 * replay step 4), so counting the raw template let a PR add a long comment to its system message
 * and move recorded cache reads onto it: its own figure went down with nothing sent changed.
 */
import { describe, expect, it } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { runDiff } from '../../src/run/diff.js';
import { prRepo } from '../helpers/run.js';

const enc = new Tiktoken(o200k);
const tok = (s: string) => enc.encode(s, [], []).length;

const SYSTEM = Array.from({ length: 120 }, (_, i) => `Rule ${i + 1}: answer support tickets politely.`).join(' ');
// Two comments, each under the 2,000-character tag bound (a longer tag stays text, and says so).
const NOTE = Array.from({ length: 35 }, (_, i) => `internal note ${i} for the prompt owners`).join('; ');
const prompt = (system: string) => `model: openai/gpt-4o-mini
messages:
  - role: system
    content: "${system}"
  - role: user
    content: "Ticket: {{body}}"
`;
const config = `version: 1
teams:
  support: { monthly_budget: 100000 }
features:
  tickets:
    team: support
    prompt: prompts/tickets.prompt.yml
    traffic: traffic/tickets.jsonl
    requests_per_month: 100000
`;
const traffic =
  Array.from({ length: 30 }, (_, i) =>
    JSON.stringify({
      id: `t${i}`,
      vars: { body: `printer ${i} is on fire again` },
      usage: { input_tokens: 1500, output_tokens: 80, cache_read_tokens: 1024 },
    }),
  ).join('\n') + '\n';

describe('the cacheable prefix is the rendered text', () => {
  it('a comment added to the static system message changes neither cache reads nor cost', async () => {
    expect(tok(SYSTEM)).toBeGreaterThan(1024); // the base prefix is cacheable (OpenAI: ≥ 1,024 tokens)
    expect(2 * tok(NOTE)).toBeGreaterThan(500); // a raw-template count would add several 128-token cache steps
    const repo = prRepo(
      { '.aicost.yml': config, 'prompts/tickets.prompt.yml': prompt(SYSTEM), 'traffic/tickets.jsonl': traffic },
      { 'prompts/tickets.prompt.yml': prompt(`${SYSTEM}{{! ${NOTE} }}{{! ${NOTE} }}`) },
    );
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = report.features.find((x) => x.id === 'tickets')!;
    expect(f.base!.per_request.mean).toBeGreaterThan(0);
    expect(f.head!.per_request).toEqual(f.base!.per_request);
    expect(f.head!.monthly).toBe(f.base!.monthly);
    expect(f.delta.monthly).toBe(0);
  });
});
