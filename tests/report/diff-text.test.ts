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

  it('starts with the revisions and the headline', () => {
    const lines = diffText(fixture()).split('\n');
    expect(lines[0]).toBe('aicost diff 4b1d0c3..e7c2a9f, prices at 2026-11-28');
    expect(lines[1]).toBe(
      '+$4,952/month (+103%, 95%: +$4,712 to +$5,202), $4,809 -> $9,761/month: 1 policy fails, 1 warning',
    );
  });

  it('aligns one row per feature, changed first, and a total', () => {
    const lines = diffText(fixture()).split('\n');
    const header = lines[3];
    expect(header.startsWith('feature         team     status     $/req base')).toBe(true);
    const monthlyHeadEnd = header.indexOf('monthly head') + 'monthly head'.length;
    const rows = lines.slice(4, 9);
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual([
      'ticket-summary',
      'kb-answer',
      'faq-bot',
      'search-rerank',
      'total',
    ]);
    // Right-aligned money: every row's "monthly head" cell ends in the same column.
    expect(rows.map((r) => r.slice(monthlyHeadEnd - 6, monthlyHeadEnd))).toEqual([
      '$4,140',
      '$5,022',
      '$37.80',
      '  $562',
      '$9,761',
    ]);
    expect(rows[2]).toContain('<=$37.80');
    expect(rows[2].trimEnd().endsWith('new  static')).toBe(true);
    expect(rows[1].trimEnd().endsWith('+$1,023   +25.6%  +$951 to +$1,098')).toBe(true);
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
