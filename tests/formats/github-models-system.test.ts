/**
 * Issue 14, classes 1 and 8: GitHub Models prompts as people write them. A top-level `system:`
 * beside `messages:` is priced (a PR editing it changes the figure), unread text-bearing keys are
 * named in notices, and a prompt named `*_prompt.yml` is priced when declared and found by the
 * unpriced scan when not.
 */
import { describe, expect, it } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { parseArtifact } from '../../src/artifacts/index.js';
import { runDiff } from '../../src/run/diff.js';
import { runEstimate } from '../../src/run/estimate.js';
import { makeRepo, prRepo } from '../helpers/run.js';

const enc = new Tiktoken(o200k);
const tok = (s: string) => enc.encode(s, [], []).length;
// USD per 1M input tokens, openai.com/api/pricing.
const MINI_INPUT = 0.15;

const OLD_SYSTEM = 'You are a release-notes writer. Group the changes by area and keep each bullet short.';
const NEW_SYSTEM =
  'You are a release-notes writer for a payments platform. Group the changes by area (API, dashboard, ' +
  'billing, security), keep each bullet under twenty words, name breaking changes first and link every ' +
  'pull request by its number.';

const releaseNotes = (system: string) => `name: Release notes
description: Drafts release notes from merged pull request titles
model: openai/gpt-4o-mini
system: "${system}"
modelParameters:
  maxTokens: 600
  temperature: 0.3
messages:
  - role: user
    content: |
      Merged pull requests since {{last_tag}}:
      {{titles}}
testData:
  - last_tag: v2.3.0
    titles: "Add refunds endpoint; Fix dashboard timezone; Rotate webhook secrets"
`;

const config = (prompt: string) => `version: 1
features:
  notes:
    team: platform
    prompt: ${prompt}
    typical_output_tokens: 300
    requests_per_month: 200000
teams:
  platform: { monthly_budget: 5000 }
`;

describe('GitHub Models: top-level system: beside messages:', () => {
  it('is read as the system message, with a note', () => {
    const site = parseArtifact('prompts/release-notes.prompt.yml', releaseNotes(OLD_SYSTEM));
    expect(site.messages.map((m) => [m.role, m.line])).toEqual([
      ['system', 4],
      ['user', 10],
    ]);
    expect(site.messages[0].template).toBe(OLD_SYSTEM);
    expect(site.notes).toContain('system at line 4 read as the system message (gh-models sends only messages)');
  });

  it('is named in a note when messages has its own system message', () => {
    const text = releaseNotes(OLD_SYSTEM).replace(
      'messages:\n',
      'messages:\n  - role: system\n    content: Write in English.\n',
    );
    const site = parseArtifact('prompts/release-notes.prompt.yml', text);
    expect(site.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(site.messages[0].template).toBe('Write in English.');
    expect(site.notes).toContain(
      'system at line 4 is not read by aicost, so the text it holds is not priced: messages has a system message at line 10; keep one of them',
    );
  });

  it('a PR that edits it is priced: Δ tokens × $0.15/M × 200,000 requests', async () => {
    const repo = prRepo(
      {
        '.aicost.yml': config('prompts/release-notes.prompt.yml'),
        'prompts/release-notes.prompt.yml': releaseNotes(OLD_SYSTEM),
      },
      { 'prompts/release-notes.prompt.yml': releaseNotes(NEW_SYSTEM) },
    );
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = report.features[0];
    expect(f.status).toBe('changed');
    const dTokens = tok(NEW_SYSTEM) - tok(OLD_SYSTEM);
    expect(dTokens).toBeGreaterThan(20);
    expect(f.delta.monthly).toBeCloseTo(((dTokens * MINI_INPUT) / 1e6) * 200_000, 9);
    expect(report.notices).toContain(
      'notes: prompts/release-notes.prompt.yml: system at line 4 read as the system message (gh-models sends only messages)',
    );
  });
});

describe('GitHub Models: no silent miss', () => {
  it('names every unread key that holds text, a model or a limit, with its line', () => {
    const text = `model: openai/gpt-4o-mini
guidelines: |
  Never mention competitors.
  Answer in the customer's language.
fallback_model: openai/gpt-4o
modelParameters:
  maxTokens: 300
  reasoning_budget_tokens: 2000
messages:
  - role: user
    content: "{{question}}"
    prefix: "Customer question, verbatim, as typed into the support widget:"
owner: platform-team
`;
    const site = parseArtifact('prompts/faq.prompt.yml', text);
    expect(site.notes).toEqual([
      'modelParameters.reasoning_budget_tokens at line 8 is not read by aicost, so the limit it holds is not priced',
      'messages[0].prefix at line 12 is not read by aicost, so the text it holds is not priced',
      'guidelines at line 2 is not read by aicost, so the text it holds is not priced',
      'fallback_model at line 5 is not read by aicost, so the model it holds is not priced',
    ]);
  });
});

const TRIAGE = `model: openai/gpt-4o-mini
modelParameters:
  maxTokens: 200
messages:
  - role: system
    content: Label the GitHub issue as bug, feature or question. Answer with the label only.
  - role: user
    content: "{{title}}"
`;

describe('GitHub Models under another name (*_prompt.yml)', () => {
  it('is priced when a feature declares it: a model swap costs Δprice × tokens × volume', async () => {
    expect(parseArtifact('prompts/triage_prompt.yml', TRIAGE).format).toBe('github-models');
    const repo = prRepo(
      { '.aicost.yml': config('prompts/triage_prompt.yml'), 'prompts/triage_prompt.yml': TRIAGE },
      { 'prompts/triage_prompt.yml': TRIAGE.replace('openai/gpt-4o-mini', 'openai/gpt-4o') },
    );
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = report.features[0];
    expect(f.status).toBe('changed');
    const input = f.base!.input_tokens.mean;
    // The system text alone is 17 tokens; the rest is chat framing and the empty title.
    expect(input).toBeGreaterThanOrEqual(
      tok('Label the GitHub issue as bug, feature or question. Answer with the label only.'),
    );
    expect(f.base!.monthly).toBeCloseTo(((input * 0.15 + 300 * 0.6) / 1e6) * 200_000, 9);
    expect(f.head!.monthly).toBeCloseTo(((input * 2.5 + 300 * 10) / 1e6) * 200_000, 9);
  });

  it('is an unpriced change when no feature declares it, and the hint prices it', async () => {
    const repo = prRepo(
      {
        '.aicost.yml': config('prompts/release-notes.prompt.yml'),
        'prompts/release-notes.prompt.yml': releaseNotes(OLD_SYSTEM),
        'prompts/triage_prompt.yml': TRIAGE,
      },
      { 'prompts/triage_prompt.yml': TRIAGE.replace('openai/gpt-4o-mini', 'openai/gpt-4o') },
    );
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const u = report.unpriced_changes.find((c) => c.file === 'prompts/triage_prompt.yml');
    expect(u).toBeDefined();
    expect(u!.kind).toBe('prompt-file');
    expect(u!.line).toBe(1);
    expect(u!.summary).toContain('model openai/gpt-4o-mini → openai/gpt-4o');
    // The hint's entry, filled in, is a config aicost accepts.
    const entry = u!.hint.replace('<team>', 'platform').replace('<n>', '1000');
    const hinted = makeRepo({
      '.aicost.yml': `version: 1\n${entry.replace(/^features: /, 'features:\n  ')}\nteams:\n  platform: {}\n`,
      'prompts/triage_prompt.yml': TRIAGE,
    });
    const { report: est } = await runEstimate({ repo: hinted, config: '.aicost.yml' });
    expect(est.features.map((f) => f.id)).toEqual(['triage-prompt']);
    expect(est.features[0].monthly).toBeGreaterThan(0);
  });
});
