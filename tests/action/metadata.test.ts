/**
 * action.yml and the example workflows: the inputs and outputs the code reads and writes are
 * the ones declared, every `uses:` is pinned to a full SHA with its version, and the workflows
 * have the permissions and checkout depth the README promises.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Inputs, TIME_BUDGET_MINUTES } from '../../src/github/inputs.js';
import { OUTPUT_NAMES } from '../../src/github/outputs.js';
import { ROOT } from '../helpers/run.js';

type Step = { uses?: string; with?: Record<string, unknown>; if?: string };
type Workflow = {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const workflow = (name: string): { text: string; wf: Workflow; steps: Step[] } => {
  const text = read(`examples/workflows/${name}`);
  const wf = parse(text) as Workflow;
  return { text, wf, steps: Object.values(wf.jobs).flatMap((j) => j.steps) };
};

describe('action.yml', () => {
  const action = parse(read('action.yml')) as {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, unknown>;
    runs: Record<string, string>;
  };

  it('declares exactly the inputs and outputs the code uses, on node24', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Inputs).sort());
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.inputs['github-token'].default).toBe('${{ github.token }}');
    expect(action.inputs.comment.default).toBe('update');
    expect(action.inputs['fail-on-breach'].default).toBe('true');
    expect(action.inputs['report-path'].default).toBe('aicost-report.json');
    expect(action.inputs['time-budget-minutes'].default).toBe(String(TIME_BUDGET_MINUTES.default));
  });
});

describe('example workflows', () => {
  const names = ['aicost.yml', 'aicost-fork-stage1.yml', 'aicost-fork-stage2.yml'];

  it.each(names)('%s pins every action to a full commit SHA with a version comment', (name) => {
    const { text } = workflow(name);
    const uses = text.split('\n').filter((l) => /^\s*(- )?uses:/.test(l));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v[\dX]/);
  });

  it('the pull_request workflow: minimal permissions, labeled/unlabeled, fetch-depth 2', () => {
    const { wf, steps } = workflow('aicost.yml');
    expect(wf.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(wf.on).toEqual({ pull_request: { types: ['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled'] } });
    expect(steps[0].uses).toMatch(/^actions\/checkout@/);
    expect(steps[0].with).toMatchObject({ 'fetch-depth': 2, 'persist-credentials': false });
  });

  it('fork stage 1 uploads only the report; stage 2 has no checkout and comments from it', () => {
    const s1 = workflow('aicost-fork-stage1.yml');
    expect(s1.wf.permissions).toEqual({ contents: 'read' });
    const upload = s1.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with).toMatchObject({ name: 'aicost-report', path: '${{ steps.aicost.outputs.report }}' });
    expect(upload.if).toContain('always()');

    const s2 = workflow('aicost-fork-stage2.yml');
    expect(s2.wf.on).toEqual({ workflow_run: { workflows: ['aicost'], types: ['completed'] } });
    expect(s2.wf.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' });
    expect(s2.steps.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(false);
    expect(s2.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!.with).toMatchObject({
      name: 'aicost-report',
      'run-id': '${{ github.event.workflow_run.id }}',
    });
    expect(s2.steps.at(-1)!.with).toEqual({ mode: 'comment-from-report', 'report-path': 'aicost-report.json' });
  });
});
