/**
 * `diff` on real temporary git repositories: each PR shape with exact numbers computed by hand
 * (vendor prices typed in, token counts from js-tiktoken), the trust bypasses, and determinism.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { runDiff } from '../../src/run/diff.js';
import { validateReport } from '../../src/report/schema.js';
import type { DiffReport } from '../../src/report/types.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, makeRepo, runCli, writeFiles, prRepo } from '../helpers/run.js';

const enc = new Tiktoken(o200k);
const tok = (s: string) => enc.encode(s, [], []).length;
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

// USD per 1M tokens (openai.com/api/pricing).
const MINI = { input: 0.15, output: 0.6 };
const GPT4O = { input: 2.5, output: 10 };

const SYSTEM = 'You summarise support tickets in three bullet points.';
const prompt = (o: { model?: string; system?: string; max?: number } = {}) => `model: ${o.model ?? 'openai/gpt-4o-mini'}
modelParameters:
  maxTokens: ${o.max ?? 500}
messages:
  - role: system
    content: "${o.system ?? SYSTEM}"
  - role: user
    content: "Ticket: {{body}}"
`;
const config = (
  o: { rpm?: number; team?: string; traffic?: string; extra?: string; teams?: string; pricing?: string } = {},
) => `version: 1
features:
  summary:
    team: ${o.team ?? 'support'}
    prompt: prompts/summary.prompt.yml
    traffic: ${o.traffic ?? 'traffic/summary.jsonl'}
    requests_per_month: ${o.rpm ?? 100000}
${o.extra ?? ''}teams:
  support: { monthly_budget: 1000 }
  growth: { monthly_budget: 50 }
${o.teams ?? ''}${o.pricing ?? ''}`;

/** 40 usage samples: input 1,000 + i, output 100 + (i % 5) × 50 (100…300). */
const usageRows = Array.from({ length: 40 }, (_, i) => ({
  id: `u${i}`,
  usage: { input_tokens: 1000 + i, output_tokens: 100 + (i % 5) * 50 },
}));
const meanIn = 1000 + 19.5;
const meanOut = 200;

async function diff(repo: string): Promise<DiffReport> {
  const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
  const v = validateReport(report);
  expect(v).toEqual({ ok: true });
  return report;
}

const baseFiles = {
  '.aicost.yml': config(),
  'prompts/summary.prompt.yml': prompt(),
  'traffic/summary.jsonl': jsonl(usageRows),
};

describe('diff on real git repositories', () => {
  it('model swap: ×16.7 on the same recorded usage', async () => {
    const r = await diff(prRepo(baseFiles, { 'prompts/summary.prompt.yml': prompt({ model: 'openai/gpt-4o' }) }));
    const f = r.features[0];
    const base = ((meanIn * MINI.input + meanOut * MINI.output) / 1e6) * 100000;
    const head = ((meanIn * GPT4O.input + meanOut * GPT4O.output) / 1e6) * 100000;
    expect(f.status).toBe('changed');
    expect(f.base!.monthly).toBeCloseTo(base, 9);
    expect(f.head!.monthly).toBeCloseTo(head, 9);
    expect(f.delta.monthly).toBeCloseTo(head - base, 9);
    expect(f.delta.monthly_percent).toBeCloseTo(((head - base) / base) * 100, 9);
    expect(f.changes).toHaveLength(1);
    expect(f.changes[0]).toMatchObject({
      kind: 'model',
      file: 'prompts/summary.prompt.yml',
      line: 1,
      summary: 'model openai/gpt-4o-mini → openai/gpt-4o (×16.7 price)',
    });
    expect(f.changes[0].monthly_effect).toBeCloseTo(head - base, 9);
    // The interval of a paired difference brackets the point estimate.
    expect(f.delta.monthly_ci95![0]).toBeLessThanOrEqual(f.delta.monthly);
    expect(f.delta.monthly_ci95![1]).toBeGreaterThanOrEqual(f.delta.monthly);
    expect(r.totals.monthly.delta).toBeCloseTo(head - base, 9);
  });

  it('a model swap states the price ratio at the pricing date, not today (o3: $10/$40 before 2025-06-10)', async () => {
    const cfg = config() + 'pricing_date: 2025-05-01\n';
    const r = await diff(
      prRepo({ ...baseFiles, '.aicost.yml': cfg }, { 'prompts/summary.prompt.yml': prompt({ model: 'openai/o3' }) }),
    );
    const f = r.features[0];
    const head = ((meanIn * 10 + meanOut * 40) / 1e6) * 100000;
    expect(f.head!.monthly).toBeCloseTo(head, 9);
    // $10 / $0.15 input and $40 / $0.60 output: ×66.7 both (today's $2/$8 would read ×13.3).
    expect(f.changes[0].summary).toBe('model openai/gpt-4o-mini → openai/o3 (×66.7 price)');
  });

  it('prompt growth: +N system tokens on every recorded sample', async () => {
    const longer = SYSTEM + ' Always name the product area, the customer plan and the first thing to check.';
    const r = await diff(prRepo(baseFiles, { 'prompts/summary.prompt.yml': prompt({ system: longer }) }));
    const n = tok(longer) - tok(SYSTEM);
    expect(n).toBeGreaterThan(10);
    const f = r.features[0];
    expect(f.head!.input_tokens.mean - f.base!.input_tokens.mean).toBeCloseTo(n, 9);
    expect(f.delta.monthly).toBeCloseTo(((n * MINI.input) / 1e6) * 100000, 9);
    expect(f.delta.per_request.mean).toBeCloseTo((n * MINI.input) / 1e6, 15);
    expect(f.changes[0]).toMatchObject({
      kind: 'prompt',
      line: 6,
      summary: `system message +${n} tokens (${tok(SYSTEM)} → ${tok(longer)})`,
    });
    // Every sample moves by the same amount: a zero-width interval.
    expect(f.delta.monthly_ci95![0]).toBeCloseTo(f.delta.monthly, 9);
    expect(f.delta.monthly_ci95![1]).toBeCloseTo(f.delta.monthly, 9);
  });

  it('max tokens lowered from 500 to 150 clamps recorded outputs', async () => {
    const r = await diff(prRepo(baseFiles, { 'prompts/summary.prompt.yml': prompt({ max: 150 }) }));
    // Outputs 100,150,200,250,300 repeat: clamped to 100,150,150,150,150 → mean 140 (was 200).
    const f = r.features[0];
    expect(f.head!.output_tokens.mean).toBe(140);
    expect(f.delta.monthly).toBeCloseTo((((140 - 200) * MINI.output) / 1e6) * 100000, 9);
    expect(f.changes[0]).toMatchObject({ kind: 'params', line: 3, summary: 'max output tokens 500 → 150' });
  });

  it('feature added and removed', async () => {
    const extra = `  copy:
    team: growth
    prompt: prompts/copy.prompt.yml
    requests_per_month: 30000
    typical_output_tokens: 50
`;
    const copyPrompt = `model: openai/gpt-4o-mini
messages:
  - role: user
    content: "Write a tagline."
`;
    const r = await diff(
      prRepo(
        { ...baseFiles, '.aicost.yml': config({ extra }), 'prompts/copy.prompt.yml': copyPrompt },
        { '.aicost.yml': config() },
        ['prompts/copy.prompt.yml'],
      ),
    );
    const copy = r.features.find((f) => f.id === 'copy')!;
    const input = 3 + tok('user') + tok('Write a tagline.') + 3;
    const monthly = ((input * MINI.input + 50 * MINI.output) / 1e6) * 30000;
    expect(copy.status).toBe('removed');
    expect(copy.head).toBeNull();
    expect(copy.delta.monthly).toBeCloseTo(-monthly, 12);
    expect(r.features.find((f) => f.id === 'summary')!.status).toBe('unchanged');

    const added = await diff(
      prRepo(baseFiles, { '.aicost.yml': config({ extra }), 'prompts/copy.prompt.yml': copyPrompt }),
    );
    const a = added.features.find((f) => f.id === 'copy')!;
    expect(a.status).toBe('added');
    expect(a.declared_in_pr).toBe(true);
    expect(a.base).toBeNull();
    expect(a.delta.monthly).toBeCloseTo(monthly, 12);
    expect(a.delta.monthly_percent).toBeNull();
  });

  it('messages samples: the revision system prompt replaces the recorded one, history stays', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      id: `m${i}`,
      messages: [
        { role: 'system', content: '[redacted]' },
        { role: 'user', content: `Ticket: printer ${i} is on fire` },
        { role: 'assistant', content: 'Noted.' },
        { role: 'user', content: 'Any update?' },
      ],
      usage: { output_tokens: 60 },
    }));
    const longer = SYSTEM + ' Keep it under 50 words.';
    const r = await diff(
      prRepo(
        { ...baseFiles, 'traffic/summary.jsonl': jsonl(rows) },
        { 'prompts/summary.prompt.yml': prompt({ system: longer }) },
      ),
    );
    const f = r.features[0];
    const history = (i: number) => [`Ticket: printer ${i} is on fire`, 'Noted.', 'Any update?'];
    const count = (system: string) =>
      rows.map(
        (_, i) =>
          3 +
          tok('system') +
          tok(system) +
          history(i).reduce((a, c, k) => a + 3 + tok(k === 1 ? 'assistant' : 'user') + tok(c), 0) +
          3,
      );
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b) / xs.length;
    expect(f.base!.input_tokens.mean).toBeCloseTo(mean(count(SYSTEM)), 9);
    expect(f.head!.input_tokens.mean).toBeCloseTo(mean(count(longer)), 9);
    expect(f.base!.source.replay).toBe(1);
  });

  it('an unmapped prompt file and a model id edited in a .py file are listed as unpriced changes', async () => {
    const py = (m: string) =>
      `from openai import OpenAI\nclient = OpenAI()\n\ndef go(q):\n    return client.chat.completions.create(\n        model="${m}",\n        messages=[{"role": "user", "content": q}],\n    )\n`;
    const r = await diff(
      prRepo(
        { ...baseFiles, 'app/route.py': py('gpt-4o-mini') },
        { 'app/route.py': py('gpt-4o'), 'prompts/faq.prompt.yml': prompt({ model: 'openai/gpt-4.1' }) },
      ),
    );
    const files = r.unpriced_changes.map((u) => [u.kind, u.file, u.line]);
    expect(files).toEqual([
      ['code', 'app/route.py', 6],
      ['prompt-file', 'prompts/faq.prompt.yml', 1],
    ]);
    expect(r.unpriced_changes[0].price_ratio).toBeCloseTo(2.5 / 0.15, 9);
    expect(r.unpriced_changes[0].summary).toMatch(/gpt-4o-mini → gpt-4o/);
    expect(r.features[0].status).toBe('unchanged');
  });

  describe('trust: the PR cannot change what decides the verdict for existing features', () => {
    const swapped = { 'prompts/summary.prompt.yml': prompt({ model: 'openai/gpt-4o' }) };
    const key = (r: DiffReport) => ({
      head: r.totals.monthly.head,
      delta: r.totals.monthly.delta,
      teams: r.teams.map((t) => [t.team, t.head, t.status]),
    });
    // Every test below compares with the honest PR, made here: no test relies on another having run.
    let honest: DiffReport;
    beforeAll(async () => {
      honest = await diff(prRepo(baseFiles, swapped));
    });

    it('the honest PR', () => {
      expect(honest.teams.find((t) => t.team === 'support')!.status).toBe('ok');
    });

    it('lower price for a catalog model is ignored and proposed', async () => {
      const r = await diff(
        prRepo(baseFiles, {
          ...swapped,
          '.aicost.yml': config({ pricing: 'pricing:\n  openai/gpt-4o: { input: 0.01, output: 0.01 }\n' }),
        }),
      );
      expect(key(r)).toEqual(key(honest));
      expect(r.proposed_config.map((p) => p.path)).toContain('pricing.openai/gpt-4o');
    });

    it('lower volume is ignored and proposed', async () => {
      const r = await diff(prRepo(baseFiles, { ...swapped, '.aicost.yml': config({ rpm: 10 }) }));
      expect(key(r)).toEqual(key(honest));
      expect(r.proposed_config).toContainEqual({
        path: 'features.summary.requests_per_month',
        base: 100000,
        head: 10,
        effect: 'takes effect after merge',
      });
    });

    it('moving the feature to another team is ignored and proposed', async () => {
      const r = await diff(prRepo(baseFiles, { ...swapped, '.aicost.yml': config({ team: 'growth' }) }));
      expect(key(r)).toEqual(key(honest));
      expect(r.features[0].team).toBe('support');
    });

    it('swapped traffic (new content at the same path, or a new path) is ignored: base samples count', async () => {
      const cheap = jsonl(usageRows.map((u) => ({ ...u, usage: { input_tokens: 1, output_tokens: 1 } })));
      const r1 = await diff(prRepo(baseFiles, { ...swapped, 'traffic/summary.jsonl': cheap }));
      expect(key(r1)).toEqual(key(honest));
      const r2 = await diff(
        prRepo(baseFiles, {
          ...swapped,
          'traffic/cheap.jsonl': cheap,
          '.aicost.yml': config({ traffic: 'traffic/cheap.jsonl' }),
        }),
      );
      expect(key(r2)).toEqual(key(honest));
    });

    it('dropping the feature entry keeps its artifact priced under the base entry', async () => {
      const noFeature = `version: 1\nfeatures: {}\nteams:\n  support: { monthly_budget: 1000 }\n  growth: { monthly_budget: 50 }\n`;
      const r = await diff(prRepo(baseFiles, { ...swapped, '.aicost.yml': noFeature }));
      expect(key(r)).toEqual(key(honest));
      expect(r.features[0].notes.join(' ')).toMatch(/unmapped after merge/);
    });
  });

  it('without --base, compares with the merge-base of HEAD and origin/HEAD (changes merged to main later are not charged)', async () => {
    const upstream = makeRepo(baseFiles);
    const clone = mkdtempSync(join(tmpdir(), 'aicost-clone-'));
    execFileSync('git', ['clone', '-q', upstream, clone]);
    git(clone, 'checkout', '-q', '-b', 'feature');
    writeFiles(clone, { 'prompts/summary.prompt.yml': prompt({ max: 150 }) });
    git(clone, 'commit', '-qam', 'cap');
    // Main moves on after the branch point: a model swap the PR did not make.
    writeFiles(upstream, { 'prompts/summary.prompt.yml': prompt({ model: 'openai/gpt-4o' }) });
    git(upstream, 'commit', '-qam', 'swap on main');
    git(clone, 'fetch', '-q', 'origin');
    const r = JSON.parse(runCli(['diff', '--repo', clone, '--format', 'json']).stdout);
    expect(r.base.rev).toBe(git(clone, 'merge-base', 'HEAD', 'origin/HEAD').trim());
    expect(r.features[0].changes.map((c: { kind: string }) => c.kind)).toEqual(['params']);
    const lonely = makeRepo(baseFiles);
    const e = runCli(['diff', '--repo', lonely]);
    expect(e.status).toBe(2);
    expect(e.stderr).toMatch(/cannot tell the base revision.*\n.*--base REV/);
  });

  it('two runs on the same inputs give byte-identical reports; the CLI exits 0', async () => {
    const repo = prRepo(baseFiles, { 'prompts/summary.prompt.yml': prompt({ model: 'openai/gpt-4o' }) });
    const a = runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json']);
    const b = runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'json']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'markdown']).stdout).toBe(
      runCli(['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--format', 'markdown']).stdout,
    );
  });
});
