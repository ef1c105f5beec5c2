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

function demo(format: string): { status: number; stdout: string; stderr: string } {
  assertFreshDist();
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/demo.mjs'), format], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const GOLDEN = join(ROOT, 'tests/e2e/fixtures/demo.golden.md');

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
});
