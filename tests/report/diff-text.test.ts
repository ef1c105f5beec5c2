import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { diffText } from '../../src/render/diff-text.js';
import { expectGolden } from '../helpers/golden.js';
import type { DiffReport } from '../../src/report/types.js';

const FIXTURE = new URL('./fixtures/report.json', import.meta.url);
const GOLDEN = new URL('./fixtures/report.golden.txt', import.meta.url);
const fixture = (): DiffReport => JSON.parse(readFileSync(FIXTURE, 'utf8')) as DiffReport;

describe('diffText', () => {
  it('matches the golden file', () => {
    const text = diffText(fixture());
    expectGolden(text, GOLDEN);
  });

  it('starts with the revisions and the headline, one arrow style', () => {
    const lines = diffText(fixture()).split('\n');
    expect(lines[0]).toBe('aicost diff 4b1d0c3 → e7c2a9f, prices at 2026-11-28');
    expect(lines[1]).toBe('+$4,952/month (+103%), $4,809 → $9,761/month: 1 policy fails, 1 warning');
    expect(diffText(fixture())).not.toContain('->');
  });

  it('aligns one row per feature, changed first, and a total, every column with a header', () => {
    const lines = diffText(fixture()).split('\n');
    const header = lines[3];
    expect(header.split(/ {2,}/)).toEqual([
      'feature',
      'team',
      'status',
      '$/req base → head',
      'monthly base → head',
      'delta/month',
      'delta %',
    ]);
    const deltaEnd = header.indexOf('delta/month') + 'delta/month'.length;
    const rows = lines.slice(4, 9);
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual([
      'ticket-summary',
      'kb-answer',
      'faq-bot',
      'search-rerank',
      'total',
    ]);
    // Right-aligned money: every row's delta cell ends in the same column.
    expect(rows.map((r) => r.slice(deltaEnd - 7, deltaEnd))).toEqual(['+$3,892', '+$1,023', '+$37.80', '', '+$4,952']);
    expect(rows[2]).toContain('<=$37.80');
    expect(rows[2].trimEnd().endsWith('new')).toBe(true);
    // Intervals only where they matter: the narrow per-feature ones are left out, the total's kept.
    expect(lines.slice(10, 12)).toEqual([
      '  faq-bot: static estimate (no traffic samples)',
      '  total: 95% interval +$4,712 to +$5,202',
    ]);
  });

  it('fits 100 columns and never splits a figure across lines', () => {
    const r = fixture();
    r.violations[0].message = `${'over budget: support would spend $8,178/month against a budget of $8,000; '.repeat(4)}end`;
    const text = diffText(r);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    // Every figure of the long message (4) and of the team line (1) is whole on some line.
    expect(text.match(/\$8,178\/month/g)).toHaveLength(5);
    // A long id narrows the table (the team column goes) instead of widening it past 100.
    r.features[0].id = 'a-very-long-feature-identifier-for-the-receipts';
    r.features[0].team = 'customer-operations-emea';
    const narrow = diffText(r).split('\n');
    expect(narrow[3]).not.toContain('team');
    for (const line of narrow) expect([...line].length).toBeLessThanOrEqual(100);
  });

  it('has no Markdown and no emoji', () => {
    const text = diffText(fixture());
    expect(text).not.toMatch(/[|*`]|<br>|<details>|\*\*/);
    expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('strips terminal escapes and never starts a line with a workflow command', () => {
    const r = fixture();
    r.notices = ['\u001b[2J\u001b[31mred'];
    r.features[0].id = '::error::forged';
    r.unpriced_changes[0].hint = '::add-mask::x\n  ::warning::y';
    const text = diffText(r);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('  - [2J[31mred');
    for (const line of text.split('\n')) expect(line).not.toMatch(/^\s*::/);
  });
});
