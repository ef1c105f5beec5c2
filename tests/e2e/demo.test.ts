/**
 * `npm run demo`: the demo repository with its pull request, through the committed CLI bundle.
 * The Markdown is compared with a golden file (`npm run goldens` rewrites it after a deliberate
 * change); the JSON is validated against the published schema and its headline figure is
 * reproduced by hand.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateReport } from '../../src/report/schema.js';
import { expectGolden } from '../helpers/golden.js';
import { assertFreshDist, ROOT } from '../helpers/run.js';

function demo(format: string, example = 'demo'): { status: number; stdout: string; stderr: string } {
  assertFreshDist();
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/demo.mjs'), format, example], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const GOLDEN = join(ROOT, 'tests/e2e/fixtures/demo.golden.md');
const LARGE_GOLDEN = join(ROOT, 'tests/e2e/fixtures/large.golden.md');

/** The first `n` lines a reviewer reads: the headline and the paragraphs under it, blank lines left out. */
const firstLines = (md: string, n: number): string[] =>
  md
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, n);

describe('npm run demo', () => {
  it('prints the PR comment Markdown, identical to the golden file', () => {
    const r = demo('markdown');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^\n\(aicost diff exited 1: the demo PR breaks a policy/);
    expectGolden(r.stdout, GOLDEN);
  });

  it('its JSON report validates and the model swap is priced as the vendor prices say', () => {
    const r = demo('json');
    const report = JSON.parse(r.stdout);
    expect(validateReport(report)).toEqual({ ok: true });
    const samples = readFileSync(join(ROOT, 'examples/demo/traffic/ticket-summary.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // gpt-4o-mini $0.15/$0.60 → gpt-4o $2.50/$10 per 1M, outputs clamped at 300, 1.2M requests.
    const perRequest =
      samples.reduce(
        (a, s) => a + (s.usage.input_tokens * (2.5 - 0.15) + Math.min(s.usage.output_tokens, 300) * (10 - 0.6)) / 1e6,
        0,
      ) / samples.length;
    const f = report.features.find((x: { id: string }) => x.id === 'ticket-summary');
    expect(f.delta.monthly).toBeCloseTo(perRequest * 1_200_000, 2);
    expect(report.features.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      ['contract-review', 'unchanged'],
      ['invoice-qa', 'added'],
      ['kb-answer', 'unchanged'],
      ['lead-scoring', 'unchanged'],
      ['onboarding-tips', 'unchanged'],
      ['product-copy', 'unchanged'],
      ['reply-draft', 'changed'],
      ['support-triage', 'changed'],
      ['ticket-summary', 'changed'],
    ]);
    // kb-answer and onboarding-tips share one OpenTelemetry export, each selected by where:
    // gen_ai.prompt.name; the workflow spans that repeat kb-answer's usage are not counted.
    const spans = readFileSync(join(ROOT, 'examples/demo/traffic/otel-export.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .flatMap((l) => JSON.parse(l).resourceSpans[0].scopeSpans[0].spans)
      .map((sp: { attributes: { key: string; value: { stringValue?: string; intValue?: string } }[] }) =>
        Object.fromEntries(sp.attributes.map((a) => [a.key, a.value.stringValue ?? Number(a.value.intValue)])),
      )
      .filter((a: Record<string, string | number>) => a['gen_ai.operation.name'] === 'chat');
    const byHand = (name: string, volume: number) => {
      const calls = spans.filter((a: Record<string, string | number>) => a['gen_ai.prompt.name'] === name);
      const cost = calls.reduce((sum: number, a: Record<string, string | number>) => {
        const cached = Number(a['gen_ai.usage.cache_read.input_tokens'] ?? 0);
        const input = Number(a['gen_ai.usage.input_tokens']);
        const output = Number(a['gen_ai.usage.output_tokens']);
        return sum + ((input - cached) * 0.15 + cached * 0.075 + output * 0.6) / 1e6;
      }, 0);
      return { n: calls.length, monthly: (cost / calls.length) * volume };
    };
    const kb = byHand('kb-answer', 60000);
    const tips = byHand('onboarding-tips', (600 * 730) / 24);
    expect([kb.n, tips.n]).toEqual([160, 80]);
    const fkb = report.features.find((x: { id: string }) => x.id === 'kb-answer');
    const ftips = report.features.find((x: { id: string }) => x.id === 'onboarding-tips');
    expect(fkb.base.samples).toBe(160);
    expect(ftips.base.samples).toBe(80);
    expect(fkb.base.monthly).toBeCloseTo(kb.monthly, 6);
    expect(ftips.base.monthly).toBeCloseTo(tips.monthly, 6);
    expect(report.unpriced_changes.map((u: { file: string }) => u.file)).toEqual([
      'prompts/churn-email.prompt.yml',
      'src/classify.py',
    ]);
  });

  it('opens with the verdict, its reason and the way out within the first lines', () => {
    const md = demo('markdown').stdout;
    const top = firstLines(md, 3);
    expect(top[0]).toMatch(/^### aicost: \+\$2,580\/month \(\+189%\) · ❌ check fails$/);
    // One sentence for both increase rules: 25% of the $1,367 base ($342) binds, not $500; $2,580 − $342 = $2,238.
    expect(top[1]).toMatch(
      /^❌ \*\*Over the monthly increase limit\*\*: this PR adds \+\$2,580\/month \(\+189%\) against a limit of 25% of \$1,367 \(\$342\/month\); the other limit is \$500\/month\. Over by \$2,238\. Biggest cause: \*\*ticket-\u2060summary\*\*/,
    );
    expect(top[2]).toMatch(/^\*\*Way out\*\*: .*ask @&#8203;acme\/support-leads: no override label is configured/);
    // SHAs once, in the footer.
    expect(md.match(/`[0-9a-f]{7}`/g)).toHaveLength(2);
    expect(md.trimEnd().split('\n').at(-1)).toMatch(
      /^<sub>aicost · base `[0-9a-f]{7}` → head `[0-9a-f]{7}` · prices at/,
    );
    // The new feature is listed among the changes; the unpriced changes are one warning line.
    expect(md).toContain('<details><summary>All changes (5): where, team, $/request</summary>');
    expect(md.match(/not priced\*\* \(outside every feature\)/g)).toHaveLength(1);
  });
});

describe('the large example: 15 features, 3 teams, 6 changed', () => {
  it('renders its comment identical to the golden file, verdict first', () => {
    const r = demo('markdown', 'large');
    expect(r.status).toBe(0);
    expectGolden(r.stdout, LARGE_GOLDEN);
    const top = firstLines(r.stdout, 3);
    expect(top[0]).toMatch(/^### aicost: \+\$[\d,]+\/month \(\+[\d.,]+%\) · ❌ check fails$/);
    expect(top[1]).toMatch(/^❌ \*\*Over the monthly increase limit\*\*/);
    // The base config's override label and its approvers are the way out.
    expect(top[2]).toContain('one of @&#8203;acme/eng-leads adds the label `aicost-approved`');
  });

  it('has the six changes: three model swaps, two prompt growths, a new agent', () => {
    const report = JSON.parse(demo('json', 'large').stdout);
    expect(validateReport(report)).toEqual({ ok: true });
    expect(report.features).toHaveLength(15);
    const changed = report.features.filter((f: { status: string }) => f.status !== 'unchanged');
    expect(changed.map((f: { id: string; status: string }) => `${f.id}:${f.status}`).sort()).toEqual([
      'churn-risk:changed',
      'collections-agent:added',
      'onboarding-email:changed',
      'receipt-extract:changed',
      'reply-draft:changed',
      'ticket-tagging:changed',
    ]);
    expect(new Set(report.features.map((f: { team: string }) => f.team))).toEqual(
      new Set(['support', 'finance', 'growth']),
    );
  });
});
