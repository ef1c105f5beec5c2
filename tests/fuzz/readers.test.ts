/**
 * Property-based test over every reader (config, traffic, prompt files, Markdown front matter,
 * agents) and the renderer: hostile edits of a small project, run through `estimate` on a working
 * tree and through `diff` between a base commit and a head commit that carries the edits.
 *
 * Bounded by count, never by time: FUZZ_RUNS inputs for estimate (default 160) and a quarter as
 * many for diff, with a fixed seed so CI sees the same inputs every run; FUZZ_SEED explores others.
 * The properties are the CLI's contract: the outcome is a report (exit 0 or 1) or an AicostError
 * (exit 2) whose message names a file of the project; never another error ("internal error");
 * every number in a report is finite; the diff report is valid against its schema; no rendered
 * document shows NaN, Infinity or undefined.
 */
import { describe, expect, it, beforeAll } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AicostError } from '../../src/errors.js';
import { estimateMarkdown, estimateText } from '../../src/render/estimate.js';
import { diffMarkdown } from '../../src/render/diff-markdown.js';
import { diffText } from '../../src/render/diff-text.js';
import { validateReport } from '../../src/report/schema.js';
import { runDiff } from '../../src/run/diff.js';
import { runEstimate } from '../../src/run/estimate.js';
import { git, makeRepo, runCli, writeFiles } from '../helpers/run.js';
import { applyEdits, baseFiles, edit, type Edit } from './fuzz-project.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 160);
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const edits = fc.array(edit, { minLength: 1, maxLength: 2 });

/** The reproductions of the hostile-input review, tried first on every run. */
const KNOWN: Edit[][] = [
  [{ file: 'config', path: ['features', 'reply', 'requests_per_day'], value: 1e308 }],
  [{ file: 'traffic', which: 'traffic/summary.jsonl', line: 0, path: ['weight'], value: 1e308 }],
  [{ file: 'raw', name: 'traffic/summary.jsonl', text: '{"usage": {"output_tokens": 1}, "weight": 1e308}\n' }],
  [
    {
      file: 'raw',
      name: 'prompts/summary.prompt.yml',
      text: 'model: openai/gpt-4o-mini\ntools: &t [ {type: function, function: {name: a, parameters: *t}} ]\nmessages: [{role: user, content: hi}]\n',
    },
  ],
  [{ file: 'agent', path: ['tools', 0, 'parameters'], value: 'not a mapping' }],
  [{ file: 'traffic', which: 'traffic/summary.jsonl', line: 2, path: ['tier'], value: 'flex' }],
  [{ file: 'prompt', path: ['testData'], value: 'x' }],
  [{ file: 'prompt', path: ['messages', 1, 'role'], value: 'narrator' }],
  [{ file: 'agent', path: ['max_turns'], value: 2 ** 31 }],
  [{ file: 'config', path: ['features', 'triage', 'typical_turns'], value: 2 ** 53 - 1 }],
];

/** Names an exit-2 message may point at: the project's files and the config's keys. */
const FILES = /\.aicost\.yml|prompts\/|agents\/|traffic\//;

type Outcome = { exit: 0 | 1; report: unknown; documents: string[] } | { exit: 2; message: string };

/** The entries' classification: a report, or an AicostError (exit 2); anything else is a bug. */
async function outcome(run: () => Promise<{ report: object }>, render: (r: never) => string[]): Promise<Outcome> {
  try {
    const { report } = await run();
    return { exit: (report as { breached?: boolean }).breached ? 1 : 0, report, documents: render(report as never) };
  } catch (e) {
    if (e instanceof AicostError) return { exit: 2, message: e.format() };
    throw new Error(`internal error (not an AicostError): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}

/** Paths of numbers in `value` that are not finite (JSON would write them as null). */
function nonFinite(value: unknown, path = '', out: string[] = []): string[] {
  if (typeof value === 'number' && !Number.isFinite(value)) out.push(path || '(root)');
  else if (Array.isArray(value)) value.forEach((v, i) => nonFinite(v, `${path}/${i}`, out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}/${k}`, out);
  return out;
}

/** The properties every outcome must have. */
function check(o: Outcome, kind: 'estimate' | 'diff', input: Edit[]): void {
  const where = `${kind} on ${JSON.stringify(input).slice(0, 600)}`;
  if (o.exit === 2) {
    if (!FILES.test(o.message)) throw new Error(`exit-2 message names no file (${where}): ${o.message}`);
    return;
  }
  const bad = nonFinite(o.report);
  if (bad.length) throw new Error(`non-finite numbers at ${bad.slice(0, 5).join(', ')} (${where})`);
  if (kind === 'diff') {
    const v = validateReport(JSON.parse(JSON.stringify(o.report)));
    if (!v.ok) throw new Error(`report fails its schema (${where}): ${v.errors.slice(0, 3).join('; ')}`);
  }
  for (const doc of o.documents) {
    const m = /\bNaN\b|Infinity|∞|\bundefined\b/.exec(doc);
    if (m) throw new Error(`rendered document shows "${m[0]}" (${where})`);
  }
}

describe('fuzz: hostile edits of config, traffic, prompt and agent files', () => {
  let seen: Record<0 | 1 | 2, number>;
  beforeAll(() => {
    seen = { 0: 0, 1: 0, 2: 0 };
  });

  it(`estimate on the working tree: ${RUNS} inputs`, async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (input) => {
        const dir = mkdtempSync(join(tmpdir(), 'aicost-fuzz-'));
        try {
          writeFiles(dir, applyEdits(input));
          const o = await outcome(
            () => runEstimate({ repo: dir, config: '.aicost.yml' }),
            (r) => [estimateMarkdown(r), estimateText(r)],
          );
          seen[o.exit]++;
          check(o, 'estimate', input);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, examples: KNOWN.map((k) => [k] as [Edit[]]) },
    );
    // The inputs must exercise both sides of the contract, or the test proves little.
    expect(seen[2]).toBeGreaterThan(RUNS / 10);
    expect(seen[0] + seen[1]).toBeGreaterThan(RUNS / 10);
  }, 600_000);

  it(`diff between a base commit and a hostile head: ${Math.ceil(RUNS / 4)} inputs`, async () => {
    const repo = makeRepo(baseFiles());
    const base = git(repo, 'rev-parse', 'HEAD').trim();
    const exits = { 0: 0, 1: 0, 2: 0 };
    try {
      await fc.assert(
        fc.asyncProperty(edits, async (input) => {
          git(repo, 'checkout', '-q', '-f', '-B', 'head', base);
          git(repo, 'clean', '-fdq');
          writeFiles(repo, applyEdits(input));
          git(repo, 'add', '-A');
          git(repo, 'commit', '-q', '--allow-empty', '-m', 'head');
          const o = await outcome(
            () => runDiff({ repo, base, head: 'HEAD', config: '.aicost.yml', workers: 0 }),
            (r) => [diffMarkdown(r), diffText(r)],
          );
          exits[o.exit]++;
          check(o, 'diff', input);
        }),
        {
          numRuns: Math.ceil(RUNS / 4),
          seed: SEED + 1,
          endOnFailure: true,
          examples: KNOWN.map((k) => [k] as [Edit[]]),
        },
      );
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
    expect(exits[2]).toBeGreaterThan(0);
    expect(exits[0] + exits[1]).toBeGreaterThan(0);
  }, 600_000);

  it('the bundled CLI on a sample of hostile inputs: exit 0, 1 or 2, no stack trace', () => {
    const samples = fc.sample(edits, { numRuns: 12, seed: SEED + 2 });
    const statuses = new Set<number>();
    for (const input of samples) {
      const dir = mkdtempSync(join(tmpdir(), 'aicost-fuzz-cli-'));
      try {
        writeFiles(dir, applyEdits(input));
        const r = runCli(['estimate', '--repo', dir, '--format', 'json']);
        statuses.add(r.status);
        expect([0, 1, 2]).toContain(r.status);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
        if (r.status === 2) expect(r.stderr).toMatch(FILES);
        else expect(nonFinite(JSON.parse(r.stdout))).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    expect(statuses.has(2)).toBe(true);
  });
});

describe('fuzz project', () => {
  it('the unedited project is priced at both revisions (every edit starts from a working project)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aicost-fuzz-base-'));
    try {
      writeFiles(dir, baseFiles());
      const { report } = await runEstimate({ repo: dir, config: '.aicost.yml' });
      const r = JSON.parse(JSON.stringify(report));
      expect(r.features.map((f: { id: string }) => f.id).sort()).toEqual(['reply', 'summary', 'triage']);
      for (const f of r.features) expect(f.monthly).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
