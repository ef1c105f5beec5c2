import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { COMMENT_MAX_CHARS, diffMarkdown, fitMarkdown, sectionsMarkdown } from '../../src/render/diff-markdown.js';
import type { MarkdownSection } from '../../src/render/diff-markdown.js';
import { expectGolden } from '../helpers/golden.js';
import type { ChangeJson, DiffReport } from '../../src/report/types.js';

const FIXTURE = new URL('./fixtures/report.json', import.meta.url);
const GOLDEN = new URL('./fixtures/report.golden.md', import.meta.url);
const MARKER = '<!-- aicost:tag=default sha=e7c2a9f04b3d1e6c8a5f2d7b9c0e4a1f3b6d8c52 run=4242 -->';
const POINTER = '_Comment cut to fit: full report in the job summary._';

const fixture = (): DiffReport => JSON.parse(readFileSync(FIXTURE, 'utf8')) as DiffReport;

/** Lines of each GFM table (runs of lines starting with `|`). */
function tables(md: string): string[][] {
  const out: string[][] = [];
  let current: string[] | null = null;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) {
      current ??= [];
      current.push(line);
    } else if (current) {
      out.push(current);
      current = null;
    }
  }
  if (current) out.push(current);
  return out;
}

/** The Markdown without fenced code blocks, whose content GitHub shows as text. */
function outsideFences(md: string): string {
  return md.replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?\n\1\2\n?/gm, '');
}

const occurrences = (text: string, needle: string): number => text.split(needle).length - 1;
const WJ = '\u2060';

describe('diffMarkdown of the fixture', () => {
  it('matches the golden file', () => {
    const md = diffMarkdown(fixture(), { marker: '<!-- aicost:tag=default -->' });
    expectGolden(md, GOLDEN);
  });

  it('opens with the marker, then one headline with the change and the verdict, then the reason', () => {
    const lines = diffMarkdown(fixture(), { marker: MARKER }).split('\n');
    expect(lines[0]).toBe(MARKER);
    expect(lines[2]).toBe('### aicost: +$4,952/month (+103%) · ❌ check fails');
    expect(lines.filter((l) => l.startsWith('#'))).toHaveLength(1);
    // The failing rule in one sentence: limit, this PR, over by, the biggest cause. "Likely"
    // because the team's interval ($7,989 to $8,375) reaches below the $8,000 budget.
    expect(lines[4]).toBe(
      `❌ **support: likely over budget**: $8,178/month at head (incl. $4,000 outside this repository; 95%: $7,989 to $8,375) against a budget of $8,000. Over by $178. Biggest cause: **ticket-${WJ}summary**, \`gpt-${WJ}4o-${WJ}mini\`\u00a0→\u00a0\`gpt-${WJ}4o\` (×16.7 price), +$3,892/month.`,
    );
    // The way out: the base config's override label and who may apply it.
    expect(lines[6]).toBe(
      '**Way out**: bring the figures under the limits, or one of @&#8203;acme/eng-leads adds the label `aicost-approved` to accept the cost (the check then passes with warnings).',
    );
    // The unpriced change is one warning line here and its fix is in the details, not twice.
    expect(lines[8]).toBe(
      '⚠️ **1 AI change is not priced** (outside every feature): `src/workers/digest.ts:88`. Fixes under “Unpriced AI changes”.',
    );
  });

  it('says "over" when the whole interval is over, and whom to ask without an override label', () => {
    const r = fixture();
    r.violations[0].value_ci95 = [8100, 8400];
    delete r.policy;
    const md = diffMarkdown(r);
    expect(md).toContain(
      '❌ **support: over budget**: $8,178/month at head (incl. $4,000 outside this repository) against',
    );
    expect(md).toContain(
      '**Way out**: bring the figures under the limits, or ask @&#8203;acme/support-leads: no override label is configured (`policies.override_label` in the base config).',
    );
  });

  it('merges the two increase rules of the PR into one sentence with the binding limit', () => {
    const r = fixture();
    const cause = r.violations[0].cause;
    r.violations = [
      {
        ...r.violations[0],
        rule: 'max_monthly_increase',
        team: null,
        unit: 'usd_month',
        limit: 500,
        value: 4952,
        value_ci95: [4712, 5202],
        cause,
      },
      {
        ...r.violations[0],
        rule: 'max_monthly_increase_percent',
        team: null,
        unit: 'percent',
        limit: 25,
        value: 103,
        value_ci95: [98, 108],
        cause,
      },
    ];
    const md = diffMarkdown(r);
    // 25% of the $4,809 base is $1,202/month, looser than $500: the $500 limit binds.
    expect(md).toContain(
      '❌ **Over the monthly increase limit**: this PR adds +$4,952/month (+103%) against a limit of $500/month; the other limit is 25% of $4,809 ($1,202/month). Over by $4,452.',
    );
    // Above the table: the headline and the one sentence.
    expect(md.split('| Feature')[0].match(/❌/g)).toHaveLength(2);
  });

  it('merges the increase rules when they only warn, too', () => {
    const r = fixture();
    const cause = r.violations[0].cause;
    const warn = { ...r.violations[0], severity: 'warning' as const, team: null, cause };
    r.violations = [
      { ...warn, rule: 'max_monthly_increase', unit: 'usd_month', limit: 500, value: 4952, value_ci95: null },
      { ...warn, rule: 'max_monthly_increase_percent', unit: 'percent', limit: 25, value: 103, value_ci95: null },
    ];
    const md = diffMarkdown(r);
    expect(md.split('\n')[0]).toBe('### aicost: +$4,952/month (+103%) · ⚠️ passes with 2 warnings');
    expect(md.match(/Over the monthly increase limit/g)).toHaveLength(1);
  });

  it('has a four-column table: feature, short change, monthly base → head, delta; ids unbreakable', () => {
    const md = diffMarkdown(fixture());
    const rows = tables(md)[0].map((row) => row.replace(/\u00a0/g, '~').replace(/\u2060/g, '^'));
    expect(rows[0]).toBe('| Feature | Change | Monthly base → head | Δ monthly |');
    // A narrow interval (+$3,702 to +$4,089 around +$3,892) is left out; the model ids lose their provider.
    expect(rows[2]).toBe(
      '| **ticket-^summary** | `gpt-^4o-^mini`~→~`gpt-^4o` (×16.7 price) | $248~→~$4,140 | +$3,892~(+1,567%) |',
    );
    expect(rows[3]).toBe(
      '| **kb-^answer** | system prompt +1,100 tokens (2,160 → 3,260)<br><sub>+1 more change</sub> | $3,999~→~$5,022 | +$1,023~(+25.6%) |',
    );
    expect(rows[4]).toBe(
      '| **faq-^bot** | new feature, declared in this PR<br><sub>static, upper bound</sub> | —~→~≤~$37.80 | +$37.80~(new) |',
    );
    expect(rows[5]).toBe(
      '| **Total** | incl. 1 unchanged feature ($562) | **$4,809~→~$9,761** | **+$4,952~(+103%)** |',
    );
    expect(rows.join('\n')).not.toContain('search-rerank');
    expect(md).toContain('<details><summary>1 unchanged feature · $562/month</summary>');
    // No 🔺 on every row, no double plus.
    expect(md).not.toMatch(/🔺|➕/);
  });

  it('shows an interval only where it is wide, and never a degenerate one', () => {
    const r = fixture();
    r.features[1].delta.monthly_ci95 = [400, 1700];
    r.features[0].delta.monthly_ci95 = [3891.6, 3891.6];
    const rows = tables(diffMarkdown(r))[0];
    expect(rows[3]).toContain('+$1,023\u00a0(+25.6%)<br><sub>95%:\u00a0+$400\u00a0to\u00a0+$1,700</sub> |');
    expect(rows[2]).not.toContain('95%');
  });

  it('says "few samples" instead of an interval when the samples are too few', () => {
    const r = fixture();
    r.features[0].head!.insufficient_samples = true;
    const rows = tables(diffMarkdown(r))[0];
    expect(rows[2]).toMatch(/\+\$3,892\u00a0\(\+1,567%\)<br><sub>few samples<\/sub> \|$/);
  });

  it('lists every change with file:line in the details, the new feature included', () => {
    const md = diffMarkdown(fixture());
    expect(md).toContain('<details><summary>All changes (4): where, team, $/request</summary>');
    expect(md).toContain(
      // Team under the feature; ids and paths joined so that a browser does not split them (tests/visual).
      `| faq-${WJ}bot<br><sub>support</sub> | \`.aicost.yml:31\` | feature faq-${WJ}bot: prompts/${WJ}faq.prompt.yml, 90,000 requests/${WJ}month |`,
    );
  });

  it('writes a decrease with a minus sign and a clean verdict', () => {
    const r = fixture();
    r.features = [r.features[3]];
    r.features[0].status = 'changed';
    r.features[0].head!.monthly = 441.6;
    r.features[0].delta = {
      per_request: { mean: -0.00005, p95: -0.00006 },
      monthly: -120,
      monthly_percent: -21.4,
      monthly_ci95: [-131.5, -108.2],
    };
    r.totals.monthly = { base: 3870, head: 3750, delta: -120, delta_percent: -3.1, delta_ci95: [-131.5, -108.2] };
    r.violations = [];
    r.unpriced_changes = [];
    r.breached = false;
    const md = diffMarkdown(r, { summaryUrl: 'https://github.com/acme/app/actions/runs/1' });
    expect(md.split('\n')[0]).toBe('### aicost: −$120/month (−3.1%) · ✅ passes');
    expect(md.split('\n')[2]).toMatch(/^\| Feature \| Change/);
    // Nothing was left out of this comment: no link to the job summary.
    expect(md).not.toContain('full report');
  });

  it('says so when nothing changed', () => {
    const r = fixture();
    r.features = [r.features[3]];
    r.totals.monthly = { base: 561.6, head: 561.6, delta: 0, delta_percent: 0, delta_ci95: [0, 0] };
    r.violations = [];
    r.unpriced_changes = [];
    r.breached = false;
    const md = diffMarkdown(r);
    expect(md.split('\n')[0]).toBe('### aicost: no change to AI cost ($562/month) · ✅ passes');
    expect(md).toContain('No AI feature changed; 1 feature priced at $562/month.');
  });

  it('keeps the full policy messages for the job summary', () => {
    const md = diffMarkdown(fixture(), { view: 'summary' });
    expect(md).toContain(
      '- ❌ **budget** (error · team support): Team support would spend \\$8,178/month (incl. \\$4,000 outside this repository), over its \\$8,000 budget (102%).',
    );
    expect(diffMarkdown(fixture())).not.toContain('Policy findings');
  });

  it('marks a team over budget only "likely" when its interval reaches below the budget', () => {
    const r = fixture();
    expect(diffMarkdown(r)).toContain('| ❌ likely over budget (102% of budget) |');
    r.teams[0].head_ci95 = [4100, 4250];
    expect(diffMarkdown(r)).toContain('| ❌ over budget (102% of budget) |');
  });

  it('names the SHAs once, in the footer, with the PR head commit when given', () => {
    const head = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    const md = diffMarkdown(fixture(), { headSha: head });
    expect(md.trimEnd().split('\n').at(-1)).toBe(
      '<sub>aicost · base `4b1d0c3` → head `a1b2c3d` · prices at 2026-11-28</sub>',
    );
    expect(occurrences(md, '4b1d0c3')).toBe(1);
  });

  it('puts the summary link in the footer only when it is an http(s) URL', () => {
    const ok = diffMarkdown(fixture(), { summaryUrl: 'https://github.com/acme/app/actions/runs/1 (x)' });
    expect(ok).toContain('[full report](https://github.com/acme/app/actions/runs/1%20%28x%29)');
    const bad = diffMarkdown(fixture(), { summaryUrl: 'javascript:alert(1)' });
    expect(bad).not.toContain('full report');
    // The summary never links to itself.
    expect(diffMarkdown(fixture(), { view: 'summary', summaryUrl: 'https://github.com/a/b' })).not.toContain(
      'full report',
    );
  });

  it('gives an unpriced change its fix as multi-line YAML, with the prose outside the code block', () => {
    const r = fixture();
    r.unpriced_changes[0].hint =
      'move the call into a prompt file (prompts/digest.prompt.yml with model: gpt-4o) and add features: { digest: { team: <team>, prompt: prompts/digest.prompt.yml, requests_per_month: <n> } }';
    const md = diffMarkdown(r);
    expect(md).toContain(
      '  Fix: move the call into a prompt file (prompts/digest.prompt.yml with model: gpt-4o) and add the entry below.',
    );
    expect(md).toContain(
      [
        '  ```yaml',
        '  features:',
        '    digest:',
        '      team: <team>',
        '      prompt: prompts/digest.prompt.yml',
        '      requests_per_month: <n>',
        '  ```',
      ].join('\n'),
    );
  });
});

describe('hostile repository text', () => {
  const EVIL = [
    '@acme/finops',
    '@everyone',
    '<img src=x onerror=alert(1)>',
    '</details>',
    '<!-- aicost:tag=x -->',
    'a|b|c',
    '``` `code` ```',
    '[click](javascript:alert(1))',
    '![x](http://evil/x.png)',
    'line\n# Heading\n> quote\n- item',
  ].join(' ');

  function hostileReport(): DiffReport {
    const r = fixture();
    for (const f of r.features) {
      f.id = EVIL;
      f.team = EVIL;
      f.notes = [EVIL];
      for (const side of [f.base, f.head]) {
        if (!side) continue;
        side.models = [EVIL];
        side.tokenizer = EVIL;
        if (side.traffic) side.traffic.paths = [EVIL];
      }
      for (const c of f.changes) {
        c.file = EVIL;
        c.summary = EVIL;
      }
    }
    r.features[0].status = 'unpriced';
    for (const t of r.teams) {
      t.team = EVIL;
      t.owners = [EVIL, '@acme/finops'];
    }
    for (const v of r.violations) {
      v.team = EVIL;
      v.feature = EVIL;
      v.file = EVIL;
      v.message = EVIL;
    }
    for (const u of r.unpriced_changes) {
      u.file = EVIL;
      u.summary = EVIL;
      u.hint = `${EVIL}\n\`\`\`\n</details>\n<!-- aicost:tag=y -->\n@acme/finops`;
    }
    r.proposed_config = [{ path: EVIL, base: EVIL, head: { [EVIL]: EVIL }, effect: EVIL }];
    r.notices = [EVIL];
    r.catalog.version = EVIL;
    r.pricing_date = EVIL;
    r.base.rev = EVIL;
    r.head.rev = EVIL;
    return r;
  }

  const md = diffMarkdown(hostileReport(), { marker: MARKER });
  const outside = outsideFences(md);

  it('contains no HTML from the repository outside code blocks', () => {
    expect(outside.toLowerCase()).not.toContain('<img');
    // Our own <details> pairs only: one opener per closer, each closer on its own line.
    expect(occurrences(outside, '<details>')).toBe(7);
    expect(occurrences(outside, '</details>')).toBe(7);
    expect(
      outside
        .split('\n')
        .filter((l) => l.includes('</details>'))
        .every((l) => l === '</details>'),
    ).toBe(true);
  });

  it('contains no marker but the one passed in, and no other HTML comment', () => {
    expect(occurrences(md, '<!-- aicost:')).toBe(1);
    expect(md.startsWith(`${MARKER}\n`)).toBe(true);
    expect(occurrences(md, '<!--')).toBe(1);
  });

  it('contains no mention that would notify and no issue reference', () => {
    expect(outside).not.toMatch(/(^|[^\w`])@(acme|everyone)/m);
    expect(outside).toContain('@&#8203;acme/finops');
  });

  it('contains no link or image syntax', () => {
    expect(outside).not.toMatch(/(^|[^\\])\]\(/m);
    expect(outside).not.toMatch(/!\[/);
    expect(outside).not.toContain('http://evil');
  });

  it('keeps every table row to its header’s columns', () => {
    const found = tables(md);
    expect(found.length).toBeGreaterThanOrEqual(5);
    for (const rows of found) {
      const columns = occurrences(rows[0], '|');
      for (const row of rows) expect(occurrences(row, '|')).toBe(columns);
    }
  });

  it('starts no block from repository text', () => {
    for (const line of outside.split('\n')) {
      expect(line).not.toMatch(/^\s*(#+ Heading|> quote|- item)/);
    }
  });

  it('keeps the hint a code block that the hint cannot close', () => {
    const hint = md.split('\n').filter((l) => /^ {2}`{4,}/.test(l));
    expect(hint).toHaveLength(2);
    expect(hint[0]).toBe('  ````yaml');
    expect(hint[1]).toBe('  ````');
  });
});

describe('fitMarkdown', () => {
  /** The fixture with 500 changes on its first feature. */
  function bigReport(): DiffReport {
    const r = fixture();
    const changes: ChangeJson[] = Array.from({ length: 500 }, (_, i) => ({
      kind: 'prompt',
      file: `prompts/generated/section-${String(i).padStart(3, '0')}.prompt.yml`,
      line: i + 1,
      summary: `system prompt section ${i} grew by ${i * 3} tokens after the template change`,
      monthly_effect: 3891.6 / 500,
    }));
    r.features[0].changes = changes;
    return r;
  }

  it('leaves a document that fits alone, without the pointer', () => {
    const sections = sectionsMarkdown(fixture());
    expect(fitMarkdown(sections, COMMENT_MAX_CHARS, POINTER)).toBe(diffMarkdown(fixture()));
  });

  it('cuts a 500-change report to the comment limit by whole optional sections', () => {
    const sections = sectionsMarkdown(bigReport(), { marker: MARKER });
    const full = sections.map((s) => s.markdown).join('\n\n');
    expect(full.length).toBeGreaterThan(COMMENT_MAX_CHARS);

    const fitted = fitMarkdown(sections, COMMENT_MAX_CHARS, POINTER);
    expect(fitted.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(fitted.startsWith(`${MARKER}\n\n### aicost: +$4,952/month`)).toBe(true);
    expect(fitted.endsWith(`${POINTER}\n`)).toBe(true);
    const kept = sections.filter((s) => fitted.includes(s.markdown)).map((s) => s.id);
    // Whole sections only: each is in entirely or its first line is nowhere.
    for (const s of sections) {
      if (!kept.includes(s.id)) expect(fitted).not.toContain(s.markdown.split('\n')[0]);
    }
    for (const id of ['marker', 'headline', 'verdict', 'features']) expect(kept).toContain(id);
    // The large "All changes" goes; the smaller sections after it stay.
    expect(kept).not.toContain('changes');
    expect(kept).toEqual([
      'marker',
      'headline',
      'verdict',
      'features',
      'unchanged',
      'teams',
      'unpriced',
      'proposed',
      'method',
      'notices',
      'footer',
    ]);
  });

  it('also fits a byte limit (the job summary)', () => {
    const sections = sectionsMarkdown(bigReport());
    const fitted = fitMarkdown(sections, Number.POSITIVE_INFINITY, POINTER, { maxBytes: 20_000 });
    expect(new TextEncoder().encode(fitted).length).toBeLessThanOrEqual(20_000);
    expect(fitted).toContain('### aicost:');
    expect(fitted).toContain(POINTER);
  });

  it('cuts whole table rows of the features table when the required sections alone are too long', () => {
    const r = fixture();
    const template = r.features[0];
    r.features = Array.from({ length: 2000 }, (_, i) => ({ ...template, id: `feature-${String(i).padStart(4, '0')}` }));
    const sections = sectionsMarkdown(r);
    const fitted = fitMarkdown(sections, COMMENT_MAX_CHARS, POINTER);
    expect(fitted.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(fitted.length).toBeGreaterThan(COMMENT_MAX_CHARS - 400);
    const table = tables(fitted)[0];
    expect(table[0]).toBe('| Feature | Change | Monthly base → head | Δ monthly |');
    for (const row of table) expect(occurrences(row, '|')).toBe(5);
    expect(fitted).toMatch(/_… [\d,]+ more lines left out\._/);
    // The verdict (a required section) survives the cut.
    expect(fitted).toContain('**Way out**');
    expect(fitted.endsWith(`${POINTER}\n`)).toBe(true);
  });

  it('keeps required sections in order around dropped ones', () => {
    const sections: MarkdownSection[] = [
      { id: 'a', markdown: 'A'.repeat(10), required: true },
      { id: 'b', markdown: 'B'.repeat(50), required: false },
      { id: 'c', markdown: 'C'.repeat(10), required: true },
      { id: 'd', markdown: 'D'.repeat(10), required: false },
    ];
    // 10 + 2 + 10 + 2 + 10 + 2 + 1 (pointer "P") + 1 (newline) = 38 ≤ 40; with B it would be 90.
    expect(fitMarkdown(sections, 40, 'P')).toBe(`${'A'.repeat(10)}\n\n${'C'.repeat(10)}\n\n${'D'.repeat(10)}\n\nP\n`);
  });
});
