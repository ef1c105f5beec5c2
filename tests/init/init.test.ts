/**
 * `aicost init` on the demo repository with its config removed: it proposes one feature per
 * prompt file and agent definition (the refund sub-agent stays with the triage agent) and one per
 * SDK call in a named function (`prompt: src/classify.py#classify`), takes the volume from the
 * matching traffic file or writes a marked placeholder, never overwrites a config without
 * --force, ends with the next command, and `estimate` runs on what it wrote and names the
 * placeholders it still holds.
 */
import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runInit } from '../../src/cli/init.js';
import { UsageError } from '../../src/errors.js';
import { runEstimate } from '../../src/run/estimate.js';
import { ROOT } from '../helpers/run.js';

function demoWithoutConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aicost-init-'));
  cpSync(join(ROOT, 'examples/demo'), dir, { recursive: true });
  rmSync(join(dir, '.aicost.yml'));
  return dir;
}

describe('aicost init', () => {
  it('recovers every feature of the demo, with traffic where a file matches', async () => {
    const dir = demoWithoutConfig();
    const out = await runInit({ command: 'init', repo: dir, config: '.aicost.yml', force: false });
    const written = parse(readFileSync(join(dir, '.aicost.yml'), 'utf8'));
    // The demo's own config maps these eight artifacts; init finds exactly them.
    const demo = parse(readFileSync(join(ROOT, 'examples/demo/.aicost.yml'), 'utf8'));
    const artifacts = (cfg: { features: Record<string, { prompt?: string; agent?: string }> }) =>
      Object.values(cfg.features)
        .map((f) => f.prompt ?? f.agent)
        .sort();
    expect(artifacts(written)).toEqual(artifacts(demo));
    expect(written.features['triage']).toEqual({
      team: 'default',
      agent: 'agents/triage.yaml',
      traffic: 'traffic/triage.jsonl',
    });
    expect(written.features['lead-scoring']).toEqual({
      team: 'default',
      prompt: 'prompts/lead-scoring.prompt.yml',
      requests_per_month: 1000,
    });
    expect(readFileSync(join(dir, '.aicost.yml'), 'utf8')).toMatch(
      /requests_per_month: 1000 +# PLACEHOLDER \(aicost init\)/,
    );
    // The Python call site is found, but its system message is built by a method call (`", ".join`),
    // which the code prompt reader cannot read: listed as not mapped, with the reader's reason.
    expect(out.join('\n')).toContain(
      'src/classify.py#classify: not readable as a code prompt: classify: the system message\'s content is `"Answer with one word: " + ", ".join(QUEUES)`, which aicost cannot read statically',
    );
    expect(out.at(-1)).toBe(`Next: aicost estimate --repo ${dir}`);

    // estimate runs on what init wrote, prices all eight features and names the placeholders.
    const { report } = await runEstimate({ repo: dir, config: '.aicost.yml' });
    expect(report.features.map((f) => f.id).sort()).toEqual([
      'contract-review',
      'kb-answer',
      'lead-scoring',
      'onboarding-tips',
      'product-copy',
      'reply-draft',
      'ticket-summary',
      'triage',
    ]);
    expect(report.features.every((f) => f.monthly > 0)).toBe(true);
    const placeholders = Object.entries(written.features as Record<string, { traffic?: string }>)
      .filter(([, f]) => !f.traffic)
      .map(([id]) => id);
    const notice = report.notices.find((n) => n.includes('PLACEHOLDER'));
    expect(notice).toMatch(
      /^\.aicost\.yml still holds values `aicost init` guessed \(marked PLACEHOLDER, from line \d+\): /,
    );
    for (const id of placeholders) expect(notice).toContain(`${id} (requests_per_month)`);
    expect(placeholders.length).toBeGreaterThan(0);
  });

  it('never overwrites a config without --force', async () => {
    const dir = demoWithoutConfig();
    writeFileSync(join(dir, '.aicost.yml'), 'version: 1\n# mine\n');
    await expect(runInit({ command: 'init', repo: dir, config: '.aicost.yml', force: false })).rejects.toThrow(
      UsageError,
    );
    expect(readFileSync(join(dir, '.aicost.yml'), 'utf8')).toBe('version: 1\n# mine\n');
    await runInit({ command: 'init', repo: dir, config: '.aicost.yml', force: true });
    expect(readFileSync(join(dir, '.aicost.yml'), 'utf8')).toContain('ticket-summary:');
  });
});
