import * as core from '@actions/core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AicostError } from './errors.js';
import { estimateMarkdown } from './report/estimate-report.js';
import { runEstimate } from './run-estimate.js';

/** Action inputs this version reads, parsed once. */
interface ActionInputs {
  workingDirectory: string;
  config: string;
  headRef?: string;
}

function getInputs(): ActionInputs {
  const headRef = core.getInput('head-ref').trim();
  return {
    workingDirectory: resolve(process.env.GITHUB_WORKSPACE ?? '.', core.getInput('working-directory').trim() || '.'),
    config: core.getInput('config').trim() || '.aicost.yml',
    headRef: headRef || undefined,
  };
}

/**
 * The action entry. This version prices the checked-out revision (or `head-ref`) and writes the
 * job summary, the JSON report and the monthly output; the pull-request diff, comment and verdict
 * build on it.
 */
export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    core.debug(`working-directory=${inputs.workingDirectory} config=${inputs.config} head-ref=${inputs.headRef ?? ''}`);
    const { report } = await runEstimate({ repo: inputs.workingDirectory, rev: inputs.headRef, config: inputs.config });
    const dir = process.env.RUNNER_TEMP ?? mkdtempSync(join(tmpdir(), 'aicost-'));
    const reportPath = join(dir, 'aicost-report.json');
    writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');
    await core.summary.addRaw(estimateMarkdown(report)).write();
    core.setOutput('monthly-head', report.totals.monthly.toFixed(2));
    core.setOutput('report', reportPath);
  } catch (error) {
    if (error instanceof AicostError) core.setFailed(error.format());
    else core.setFailed(`internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

await run();
