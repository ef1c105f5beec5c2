/**
 * `aicost diff --suggest --format text` as a process: the terminal report carries the Savings
 * section (the renderer of `suggest --format text`), with the same figures as the JSON report,
 * within the text report's 100 columns; without --suggest there is none. Exit 0: savings never
 * touch the verdict.
 */
import { describe, expect, it } from '@jest/globals';
import type { DiffReport } from '../../src/report/index.js';
import { usd } from '../../src/text/index.js';
import { prRepo, runCli } from '../helpers/run.js';

const PROMPT = (extra: string) => `name: Summary
model: openai/gpt-4.1
messages:
  - role: system
    content: You summarize support tickets for the Acme support team.${extra}
  - role: user
    content: "{{ticket}}"
`;

/** 40 samples; the first sends 130,000 tokens, over gpt-4o-mini's 128,000-token window. */
const traffic = Array.from({ length: 40 }, (_, i) =>
  JSON.stringify({
    ts: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
    vars: { ticket: `Ticket ${i}: the parcel for order A-${1000 + i} never arrived.` },
    usage: { input_tokens: i === 0 ? 130_000 : 1_500 + 20 * i, output_tokens: 120 + i },
  }),
).join('\n');

const CONFIG = `version: 1
features:
  summary:
    team: support
    prompt: prompts/summary.prompt.yml
    traffic: traffic/summary.jsonl
    requests_per_month: 200000
teams:
  support: { monthly_budget: 100000 }
advisor:
  candidates: [openai/gpt-4.1-mini, openai/gpt-4o-mini]
`;

describe('aicost diff --suggest --format text', () => {
  it('prints the Savings section with the JSON figures, within 100 columns; none without --suggest', () => {
    const repo = prRepo(
      {
        '.aicost.yml': CONFIG,
        'prompts/summary.prompt.yml': PROMPT(''),
        'traffic/summary.jsonl': `${traffic}\n`,
      },
      { 'prompts/summary.prompt.yml': PROMPT(' Always quote the order number.') },
    );
    const args = ['diff', '--repo', repo, '--base', 'main', '--head', 'pr', '--suggest'];
    const json = runCli([...args, '--format', 'json']);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as DiffReport;
    const suggestions = report.features.find((f) => f.id === 'summary')!.suggestions!;
    const mini = suggestions.find((s) => s.candidate === 'openai/gpt-4.1-mini')!;
    const small = suggestions.find((s) => s.candidate === 'openai/gpt-4o-mini')!;
    expect(mini.eligible).toBe(true);
    expect(small.eligible).toBe(false);

    const text = runCli(args);
    expect(text.status).toBe(0);
    const out = text.stdout;
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    // Wrapped lines joined back (continuations are indented).
    const joined = out.replace(/\n {2,}(?=\S)/g, ' ');
    expect(joined).toContain(
      `savings (every feature, at base; never part of the verdict): up to ${usd(mini.monthly!.saving)}/month with the best eligible suggestion per feature`,
    );
    expect(out).toContain(`summary (support) · openai/gpt-4.1 · ${usd(mini.monthly!.base)}/month`);
    const row = out.split('\n').find((l) => l.startsWith('  route to openai/gpt-4.1-mini'))!;
    expect(row).toContain(`${usd(mini.monthly!.saving)}/mo (95%: ${usd(mini.monthly!.ci95![0])}–`);
    expect(row).toMatch(/ eligible$/);
    // The ineligible row's reason wraps at a space; joined back it is the JSON's reason.
    const start = out.indexOf('  route to openai/gpt-4o-mini');
    const block = out.slice(start, out.indexOf('\n  prompt caching', start)).replace(/\n +/g, ' ');
    expect(block).toContain(`not eligible: ${small.ineligible_reason}`);
    expect(small.ineligible_reason).toBe(
      '1 of 40 samples exceed the 128,000-token context window of openai/gpt-4o-mini',
    );
    // The command for the missing evidence stays one shell command: continued lines end in ` \`.
    const ev = out.slice(out.indexOf('    evidence:\n'));
    const after = ev.split('\n').slice(1);
    const cmd = after.slice(
      0,
      after.findIndex((l) => !l.startsWith('      ')),
    );
    expect(cmd.length).toBeGreaterThan(1);
    expect(cmd.slice(0, -1).every((l) => l.endsWith(' \\'))).toBe(true);
    expect(
      cmd
        .map((l) => l.trim().replace(/ \\$/, ''))
        .join(' ')
        .replace(/ +/g, ' '),
    ).toBe(mini.evidence!.command);

    const plain = runCli(args.filter((a) => a !== '--suggest'));
    expect(plain.status).toBe(0);
    expect(plain.stdout).not.toContain('savings (');
  }, 120_000);
});
