/**
 * The action with `traffic-dir` on a `pull_request`: samples written into the workspace by an
 * earlier step (not committed) replace the repository's, in the outputs, the report, the job
 * summary and the comment.
 *
 * The PR swaps openai/gpt-4o-mini ($0.15 in / $0.60 out per 1M) for openai/gpt-4o ($2.50 / $10)
 * at 100,000 requests a month. The repository's samples (ROWS: mean 1,019.5 in, 200 out) would
 * give base $27.29 and head $454.88. traffic-dir holds 40 calls of 3,000 in and 400 out:
 *   base (3,000 × 0.15 + 400 × 0.60) / 1e6 × 1e5 = $69
 *   head (3,000 × 2.50 + 400 × 10)   / 1e6 × 1e5 = $1,150, delta $1,081 (+1,566.67%)
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeGitHub } from './fake-github.js';
import { checkout, commands, config, jsonl, makePr, prompt, pullRequestPayload, ROWS, runAction } from './harness.js';
import { writeFiles } from '../helpers/run.js';

let gh: FakeGitHub;

beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
});

afterEach(async () => {
  await gh.close();
});

const SAMPLES = Array.from({ length: 40 }, (_, i) => ({
  id: `w${i}`,
  usage: { input_tokens: 3000, output_tokens: 400 },
}));

describe('pull_request with traffic-dir', () => {
  it('prices both sides on the samples in traffic-dir, not on the repository’s', async () => {
    const fx = makePr(
      {
        '.aicost.yml': config(),
        'prompts/summary.prompt.yml': prompt('openai/gpt-4o-mini'),
        'traffic/summary.jsonl': jsonl(ROWS),
      },
      { 'prompts/summary.prompt.yml': prompt('openai/gpt-4o') },
      { 'README.md': '# shop, moved on\n' },
    );
    const work = checkout(fx);
    // What an export step would leave in the workspace, next to the checkout's files.
    writeFiles(work, { 'aicost-samples/traffic/summary.jsonl': jsonl(SAMPLES) });
    const r = await runAction({
      workspace: work,
      event: 'pull_request',
      payload: pullRequestPayload(fx),
      sha: fx.mergeSha,
      gh,
      inputs: { 'traffic-dir': 'aicost-samples' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(commands(r.stdout, 'warning')).toEqual([]);
    expect(r.outputs['monthly-base']).toBe('69.00');
    expect(r.outputs['monthly-head']).toBe('1150.00');
    expect(r.outputs['monthly-delta']).toBe('1081.00');
    expect(r.outputs['monthly-delta-percent']).toBe('1566.67');
    const feature = (r.report as unknown as { features: { base: { samples: number; traffic: { paths: string[] } } }[] })
      .features[0];
    expect(feature.base.samples).toBe(40);
    expect(feature.base.traffic.paths).toEqual(['traffic-dir:traffic/summary.jsonl']);
    expect(r.summary).toContain('`traffic-dir:traffic/summary.jsonl`');
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0].body).toContain('`traffic-dir:traffic/summary.jsonl`');
    expect(gh.comments[0].body).not.toContain('has no samples for');
  });

  it('fails with one message when traffic-dir does not exist', async () => {
    const fx = makePr(
      {
        '.aicost.yml': config(),
        'prompts/summary.prompt.yml': prompt('openai/gpt-4o-mini'),
        'traffic/summary.jsonl': jsonl(ROWS),
      },
      { 'prompts/summary.prompt.yml': prompt('openai/gpt-4o') },
      { 'README.md': '# shop, moved on\n' },
    );
    const work = checkout(fx);
    const r = await runAction({
      workspace: work,
      event: 'pull_request',
      payload: pullRequestPayload(fx),
      sha: fx.mergeSha,
      gh,
      inputs: { 'traffic-dir': 'aicost-samples' },
    });
    expect(r.status).toBe(1);
    expect(commands(r.stdout, 'error')[0]).toContain(`traffic-dir ${work}/aicost-samples does not exist`);
    expect(r.outputs['monthly-base']).toBe('');
    expect(gh.comments).toHaveLength(0);
  });
});
