/**
 * Eval evidence from the two real result formats. The files below follow the tools' own types:
 * promptfoo `OutputFile` / `EvaluateSummaryV3` / `EvaluateResult` (promptfoo/promptfoo
 * src/types/index.ts) and gh-models `EvaluationSummary` (github/gh-models cmd/eval/eval.go).
 */
import { describe, expect, it } from '@jest/globals';
import { evidenceCommand, findEvidence, readEvalEvidence } from '../../src/advisor/evidence.js';
import { ArtifactError } from '../../src/errors.js';

const PROMPT = {
  raw: 'Summarize this ticket:\n{{ticket}}',
  label: 'prompts/summary.txt: Summarize this ticket:\n{{ticket}}',
};

/** One EvaluateResult as promptfoo writes it. */
function result(providerId: string, success: boolean, testIdx: number, failureReason = success ? 0 : 1): unknown {
  return {
    id: `r-${providerId}-${testIdx}`,
    promptIdx: 0,
    testIdx,
    testCase: { vars: { ticket: `ticket ${testIdx}` }, assert: [{ type: 'icontains', value: 'refund' }] },
    promptId: 'a1b2c3',
    provider: { id: providerId, label: '' },
    prompt: PROMPT,
    vars: { ticket: `ticket ${testIdx}` },
    response: success ? { output: 'Customer asks for a refund.' } : { output: 'Customer is unhappy.' },
    error: failureReason === 2 ? 'API error: 429' : null,
    failureReason,
    success,
    score: success ? 1 : 0,
    latencyMs: 812,
    gradingResult: {
      pass: success,
      score: success ? 1 : 0,
      reason: success ? 'All assertions passed' : 'Expected output to contain "refund"',
    },
    namedScores: {},
    cost: 0.00021,
    metadata: {},
  };
}

/** promptfoo's `--output results.json` (OutputFile with an EvaluateSummaryV3). */
function promptfooFile(results: unknown[]): string {
  return JSON.stringify(
    {
      evalId: 'eval-2kq-2026-12-01T10:00:00',
      results: {
        version: 3,
        timestamp: '2026-12-01T10:00:00.000Z',
        prompts: [{ raw: PROMPT.raw, label: PROMPT.label, provider: 'openai:gpt-4.1' }],
        results,
        stats: { successes: 0, failures: 0, errors: 0, tokenUsage: { total: 0, prompt: 0, completion: 0, cached: 0 } },
      },
      config: {
        prompts: ['file://prompts/summary.txt'],
        providers: ['openai:gpt-4.1', 'openai:chat:gpt-4.1-mini', 'anthropic:messages:claude-3-5-haiku-20241022'],
      },
      shareableUrl: null,
      metadata: {
        promptfooVersion: '0.118.0',
        nodeVersion: 'v20.20.2',
        platform: 'linux',
        arch: 'x64',
        exportedAt: '2026-12-01T10:01:00.000Z',
      },
    },
    null,
    2,
  );
}

/** `gh models eval summary.prompt.yml --json` output. */
function ghModelsFile(model: string, passed: number, total: number): string {
  const testResults = Array.from({ length: total }, (_, i) => ({
    testCase: { input: `ticket ${i}` },
    modelResponse: i < passed ? 'Refund requested.' : 'Unclear.',
    evaluationResults: [{ evaluatorName: 'mentions-refund', score: i < passed ? 1 : 0, passed: i < passed }],
  }));
  return JSON.stringify(
    {
      name: 'Ticket summary',
      description: 'Summarises a support ticket',
      model,
      testResults,
      summary: {
        totalTests: total,
        passedTests: passed,
        failedTests: total - passed,
        passRate: (passed / total) * 100,
      },
    },
    null,
    2,
  );
}

function errorOf(fn: () => unknown): ArtifactError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ArtifactError) return error;
    throw error;
  }
  throw new Error('expected an ArtifactError');
}

describe('readEvalEvidence', () => {
  it('counts promptfoo passes per provider, mapping provider ids to catalog ids', () => {
    // gpt-4.1: 4 of 4; gpt-4.1-mini: 3 of 4 (one assertion failure); haiku: 2 of 4 (one error, one failure).
    const results = [
      ...[0, 1, 2, 3].map((i) => result('openai:gpt-4.1', true, i)),
      ...[0, 1, 2].map((i) => result('openai:chat:gpt-4.1-mini', true, i)),
      result('openai:chat:gpt-4.1-mini', false, 3),
      result('anthropic:messages:claude-3-5-haiku-20241022', true, 0),
      result('anthropic:messages:claude-3-5-haiku-20241022', true, 1),
      result('anthropic:messages:claude-3-5-haiku-20241022', false, 2, 2),
      result('anthropic:messages:claude-3-5-haiku-20241022', false, 3),
      result('file://providers/echo.py', true, 0),
    ];
    const evidence = readEvalEvidence([{ path: 'evals/summary.json', text: promptfooFile(results) }]);
    expect(evidence).toEqual([
      { source: 'evals/summary.json', prompt: PROMPT.label, model: 'openai/gpt-4.1', passes: 4, total: 4, passRate: 1 },
      {
        source: 'evals/summary.json',
        prompt: PROMPT.label,
        model: 'openai/gpt-4.1-mini',
        passes: 3,
        total: 4,
        passRate: 0.75,
      },
      {
        source: 'evals/summary.json',
        prompt: PROMPT.label,
        model: 'anthropic/claude-3-5-haiku-20241022',
        passes: 2,
        total: 4,
        passRate: 0.5,
      },
    ]);
  });

  it('maps vertex: and google: Gemini ids to google/…', () => {
    const results = [result('vertex:gemini-2.5-flash', true, 0), result('google:gemini-2.5-flash', false, 1)];
    const evidence = readEvalEvidence([{ path: 'r.json', text: promptfooFile(results) }]);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ model: 'google/gemini-2.5-flash', passes: 1, total: 2, passRate: 0.5 });
  });

  it('reads gh models eval --json output (passed tests of total, not the percent field)', () => {
    const evidence = readEvalEvidence([
      { path: 'evals/summary.gpt-4.1-mini.json', text: ghModelsFile('openai/gpt-4.1-mini', 7, 8) },
    ]);
    expect(evidence).toEqual([
      {
        source: 'evals/summary.gpt-4.1-mini.json',
        prompt: 'Ticket summary',
        model: 'openai/gpt-4.1-mini',
        passes: 7,
        total: 8,
        passRate: 0.875,
      },
    ]);
  });

  it('names the file and what is wrong for malformed input', () => {
    const notJson = errorOf(() => readEvalEvidence([{ path: 'evals/a.json', text: '{\n  "results": [\n  oops' }]));
    expect(notJson.location?.file).toBe('evals/a.json');
    expect(notJson.format()).toMatch(/^evals\/a\.json(:3)?: eval results are not JSON\n/);
    expect(notJson.format()).not.toContain('oops');

    const other = errorOf(() => readEvalEvidence([{ path: 'evals/b.json', text: '{"foo": 1}' }]));
    expect(other.format()).toContain('evals/b.json: eval results: neither promptfoo results');
    expect(other.hint).toContain('promptfoo eval --output results.json');

    const noSuccess = JSON.parse(promptfooFile([result('openai:gpt-4.1', true, 0)])) as {
      results: { results: Record<string, unknown>[] };
    };
    delete noSuccess.results.results[0].success;
    expect(errorOf(() => readEvalEvidence([{ path: 'c.json', text: JSON.stringify(noSuccess) }])).message).toBe(
      'eval results: results.results[0].success is missing, not true/false',
    );

    const tooMany = ghModelsFile('openai/gpt-4.1', 3, 2);
    expect(errorOf(() => readEvalEvidence([{ path: 'd.json', text: tooMany }])).message).toBe(
      'eval results: summary.passedTests is 3, not a count between 0 and totalTests (2)',
    );
    const empty = JSON.stringify({
      name: 'x',
      model: 'openai/gpt-4.1',
      testResults: [],
      summary: { totalTests: 0, passedTests: 0, failedTests: 0, passRate: 100 },
    });
    expect(errorOf(() => readEvalEvidence([{ path: 'e.json', text: empty }])).message).toContain('no testData');
  });
});

describe('findEvidence', () => {
  const evidence = readEvalEvidence([
    {
      path: 'evals/summary.json',
      text: promptfooFile([result('openai:gpt-4.1-mini', true, 0), result('openai:gpt-4.1-mini', false, 1)]),
    },
    { path: 'evals/ticket.json', text: ghModelsFile('openai/gpt-4.1-mini', 9, 10) },
  ]);

  it('matches a promptfoo label by the prompt path and a gh models name by the name', () => {
    expect(findEvidence(evidence, 'prompts/summary.txt', 'openai/gpt-4.1-mini')).toMatchObject({
      source: 'evals/summary.json',
      passRate: 0.5,
    });
    expect(findEvidence(evidence, 'Ticket summary', 'openai/gpt-4.1-mini')).toMatchObject({
      source: 'evals/ticket.json',
      passRate: 0.9,
    });
    expect(findEvidence(evidence, 'prompts/other.txt', 'openai/gpt-4.1-mini')).toBeUndefined();
    expect(findEvidence(evidence, 'prompts/summary.txt', 'openai/gpt-4o')).toBeUndefined();
  });
});

describe("findEvidence with labels written from the promptfoo config's folder", () => {
  it("matches file://../prompts/x.txt and a bare label to the feature's prompt path or #label", () => {
    const file = (label: string) =>
      JSON.stringify({
        evalId: null,
        results: {
          version: 3,
          timestamp: '2026-12-01T00:00:00.000Z',
          prompts: [],
          results: [{ provider: { id: 'openai:gpt-4.1-mini' }, prompt: { raw: 'x', label }, success: true }],
          stats: {},
        },
        config: {},
        shareableUrl: null,
      });
    const evidence = readEvalEvidence([
      { path: 'evals/a.json', text: file('file://../prompts/summary.txt: Summarize {{ticket}}') },
      { path: 'evals/b.json', text: file('triage') },
    ]);
    expect(evidence.map((e) => e.prompt)).toEqual(['../prompts/summary.txt: Summarize {{ticket}}', 'triage']);
    expect(findEvidence(evidence, 'prompts/summary.txt', 'openai/gpt-4.1-mini')?.source).toBe('evals/a.json');
    expect(findEvidence(evidence, 'evals/promptfooconfig.yaml#triage', 'openai/gpt-4.1-mini')?.source).toBe(
      'evals/b.json',
    );
    expect(findEvidence(evidence, 'prompts/triage.txt', 'openai/gpt-4.1-mini')).toBeUndefined();
  });
});

describe('evidenceCommand', () => {
  it('gives gh models eval for .prompt.yml (on a copy naming the candidate model)', () => {
    expect(evidenceCommand('prompts/summary.prompt.yml', 'openai/gpt-4.1-mini')).toBe(
      "sed 's#^model: .*#model: openai/gpt-4.1-mini#' prompts/summary.prompt.yml > evals/summary.openai-gpt-4.1-mini.prompt.yml && gh models eval evals/summary.openai-gpt-4.1-mini.prompt.yml --json > evals/summary.openai-gpt-4.1-mini.json",
    );
  });

  it('gives promptfoo for a promptfoo config (with its prompt label) and for a plain prompt', () => {
    expect(evidenceCommand('promptfooconfig.yaml#summary', 'anthropic/claude-3-5-haiku-20241022')).toBe(
      "npx promptfoo@latest eval -c promptfooconfig.yaml --providers anthropic:messages:claude-3-5-haiku-20241022 --filter-prompts '^summary$' --output evals/promptfooconfig.anthropic-claude-3-5-haiku-20241022.json",
    );
    expect(evidenceCommand('prompts/summary.txt', 'google/gemini-2.5-flash')).toBe(
      'npx promptfoo@latest eval --prompts file://prompts/summary.txt --providers google:gemini-2.5-flash --tests evals/summary.tests.yaml --output evals/summary.google-gemini-2.5-flash.json',
    );
  });
});
