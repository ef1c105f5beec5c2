/**
 * The report gate in runDiff and runEstimate: a figure that is not finite, or a JSON report that
 * fails schema/report.schema.json, is a ReportError naming the field before anything is written.
 * The aggregate is broken on purpose by wrapping the real report builders.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { git, makeRepo, summaryPrompt, writeFiles } from '../helpers/run.js';

type Mutate = (report: Record<string, unknown>) => void;
let mutateDiff: Mutate | null = null;
let mutateEstimate: Mutate | null = null;

const realDiff = await import('../../src/report/diff-report.js');
jest.unstable_mockModule('../../src/report/diff-report.js', () => ({
  ...realDiff,
  buildDiffReport: (...args: Parameters<typeof realDiff.buildDiffReport>) => {
    const report = realDiff.buildDiffReport(...args);
    mutateDiff?.(report as unknown as Record<string, unknown>);
    return report;
  },
}));
const realEstimate = await import('../../src/report/estimate-report.js');
jest.unstable_mockModule('../../src/report/estimate-report.js', () => ({
  ...realEstimate,
  estimateReport: (...args: Parameters<typeof realEstimate.estimateReport>) => {
    const report = realEstimate.estimateReport(...args);
    mutateEstimate?.(report as unknown as Record<string, unknown>);
    return report;
  },
}));
const { runDiff } = await import('../../src/run/diff.js');
const { runEstimate } = await import('../../src/run/estimate.js');
const { ReportError } = await import('../../src/errors.js');

const config = `version: 1
teams:
  support: { monthly_budget: 1000 }
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    requests_per_month: 1000
`;

function repo(): string {
  const dir = makeRepo({ '.aicost.yml': config, 'prompts/summary.prompt.yml': summaryPrompt() });
  git(dir, 'checkout', '-q', '-b', 'pr');
  writeFiles(dir, { 'prompts/summary.prompt.yml': summaryPrompt('openai/gpt-4o') });
  git(dir, 'commit', '-qam', 'pr');
  return dir;
}

async function rejection(p: Promise<unknown>): Promise<InstanceType<typeof ReportError>> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ReportError) return e;
    throw e;
  }
  throw new Error('expected a ReportError');
}

describe('the report gate', () => {
  const dir = repo();

  it('the untouched report passes the gate (the gate is not always failing)', async () => {
    mutateDiff = null;
    const { report } = await runDiff({ repo: dir, base: 'main', head: 'pr', config: '.aicost.yml' });
    expect(report.features[0].head!.monthly).toBeGreaterThan(0);
  });

  it('diff refuses an Infinity in a feature figure, naming the feature, the field and the config line', async () => {
    mutateDiff = (r) => {
      (r.features as { head: { monthly: number } }[])[0].head.monthly = Infinity;
    };
    const e = await rejection(runDiff({ repo: dir, base: 'main', head: 'pr', config: '.aicost.yml' }));
    expect(e.field).toBe('features[summary].head.monthly');
    expect(e.format().split('\n')[0]).toBe(
      ".aicost.yml:5:3: the report's features[summary].head.monthly is Infinity, not a finite number (feature summary); aicost does not print a figure it could not compute",
    );
  });

  it('diff refuses a NaN in the totals', async () => {
    mutateDiff = (r) => {
      (r.totals as { monthly: { delta: number } }).monthly.delta = NaN;
    };
    const e = await rejection(runDiff({ repo: dir, base: 'main', head: 'pr', config: '.aicost.yml' }));
    expect(e.field).toBe('totals.monthly.delta');
  });

  it('diff validates the JSON against the report schema and names the JSON pointer', async () => {
    mutateDiff = (r) => {
      (r.features as { status: string }[])[0].status = 'cheaper';
    };
    const e = await rejection(runDiff({ repo: dir, base: 'main', head: 'pr', config: '.aicost.yml' }));
    expect(e.field).toBe('/features/0/status');
    expect(e.message).toMatch(
      /^the JSON report does not match schema\/report.schema.json: \/features\/0\/status: must be equal to one of the allowed values/,
    );
    mutateDiff = null;
  });

  it('estimate refuses an Infinity in a feature figure the same way', async () => {
    mutateEstimate = (r) => {
      (r.totals as { monthly: number }).monthly = Infinity;
    };
    const e = await rejection(runEstimate({ repo: dir, rev: 'pr', config: '.aicost.yml' }));
    expect(e.field).toBe('totals.monthly');
    mutateEstimate = (r) => {
      (r.features as { per_request: { p95: number } }[])[0].per_request.p95 = -Infinity;
    };
    const f = await rejection(runEstimate({ repo: dir, rev: 'pr', config: '.aicost.yml' }));
    expect(f.field).toBe('features[summary].per_request.p95');
    expect(f.location).toEqual({ file: '.aicost.yml', line: 5, column: 3 });
    mutateEstimate = null;
  });
});
