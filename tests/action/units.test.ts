/**
 * The pure parts of src/github in-process: input parsing, the marker, body comparison, logins,
 * approvers, git's environment config, annotations ranking, outputs and the comment threshold.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { breachMessage, worthCommenting } from '../../src/github/action.js';
import { annotationsOf, MAX_PER_KIND, repoPath } from '../../src/github/annotations.js';
import { comparableBody, sameLogin } from '../../src/github/comment.js';
import { readInputs } from '../../src/github/inputs.js';
import { buildMarker, newerRun, parseMarker, sanitizeTag } from '../../src/github/marker.js';
import { diffOutputs, perRequestDelta } from '../../src/github/outputs.js';
import { parseApprover } from '../../src/github/override.js';
import { gitConfigEnv } from '../../src/repo/index.js';
import type { ChangeJson, DiffReport, FeatureJson, FeatureSideJson, ViolationJson } from '../../src/report/types.js';
import { UsageError } from '../../src/errors.js';

const WS = mkdtempSync(join(tmpdir(), 'aicost-ws-'));
const inputs = (values: Record<string, string>) => readInputs({ GITHUB_WORKSPACE: WS }, (name) => values[name] ?? '');

describe('readInputs', () => {
  it('defaults, resolved paths and a frozen object', () => {
    const i = inputs({});
    expect(i).toMatchObject({
      config: '.aicost.yml',
      workingDirectory: WS,
      workingDirectoryRelative: '',
      comment: 'update',
      commentThreshold: 0,
      failOnBreach: true,
      mode: 'run',
    });
    expect(i.reportPath).toBe(join(WS, 'aicost-report.json'));
    expect(i.baseRef).toBeUndefined();
    expect(Object.isFrozen(i)).toBe(true);
    const sub = inputs({
      'working-directory': 'services/api',
      'report-path': 'out/r.json',
      comment: 'hide-and-new',
      'comment-threshold': '12.5',
      'fail-on-breach': 'FALSE',
    });
    expect(sub).toMatchObject({
      workingDirectory: join(WS, 'services/api'),
      workingDirectoryRelative: 'services/api',
      comment: 'hide-and-new',
      commentThreshold: 12.5,
      failOnBreach: false,
    });
    expect(sub.reportPath).toBe(join(WS, 'services/api/out/r.json'));
  });

  it.each([
    [{ 'fail-on-breach': 'yes' }, 'input fail-on-breach must be true or false, not "yes"'],
    [
      { comment: 'sticky' },
      'input comment must be one of update | new | hide-and-new | delete-and-new | off, not "sticky"',
    ],
    [{ mode: 'stage2' }, 'input mode must be one of run | comment-from-report'],
    [{ 'comment-threshold': '-1' }, 'input comment-threshold must be a non-negative number of USD, not "-1"'],
    [{ 'comment-threshold': '1e3' }, 'input comment-threshold must be a non-negative number'],
    [{ 'working-directory': '../x' }, 'input working-directory ("../x") resolves to'],
    [{ 'working-directory': '/etc' }, 'outside the workspace'],
    [{ 'report-path': '../../r.json' }, 'input report-path ("../../r.json") resolves to'],
    [{ config: '../.aicost.yml' }, 'input config must be a path inside the project'],
    [{ 'base-ref': '--upload-pack=x' }, 'input base-ref is not a revision'],
  ])('%j is a UsageError naming the input', (values, message) => {
    expect(() => inputs(values)).toThrow(UsageError);
    expect(() => inputs(values)).toThrow(message);
  });

  it('a BOM or no-break space is not trimmed into a valid value', () => {
    expect(() => inputs({ 'fail-on-breach': '\ufefftrue' })).toThrow('input fail-on-breach must be true or false');
    expect(inputs({ 'fail-on-breach': ' true\n' }).failOnBreach).toBe(true);
  });
});

describe('marker', () => {
  const sha = 'a'.repeat(40);
  it('round-trips, sanitising the tag so it cannot end the HTML comment', () => {
    expect(buildMarker({ tag: 'api / nightly', sha, run: '123' })).toBe(
      `<!-- aicost:tag=api-/-nightly;sha=${sha};run=123 -->`,
    );
    expect(sanitizeTag('x --> <img src=y>')).toBe('x-img-src-y');
    expect(sanitizeTag('a'.repeat(100))).toHaveLength(64);
    const m = buildMarker({ tag: 'docs', sha, run: '98765432109' });
    expect(parseMarker(`${m}\n### aicost`)).toEqual({ tag: 'docs', sha, run: '98765432109' });
    expect(buildMarker({ tag: '', sha: 'not a sha', run: '1; rm' })).toBe('<!-- aicost:tag=;sha=;run=0 -->');
  });

  it('is recognised only at the start of the body', () => {
    expect(parseMarker('quote:\n<!-- aicost:tag=;sha=;run=1 -->')).toBeNull();
    expect(parseMarker(null)).toBeNull();
  });

  it('compares run ids as numbers beyond 2^53', () => {
    expect(newerRun('9007199254740993', '9007199254740992')).toBe(true);
    expect(newerRun('10', '9')).toBe(true);
    expect(newerRun('9', '9')).toBe(false);
  });
});

describe('comment helpers', () => {
  it('comparableBody ignores the marker and links to the run', () => {
    const a = `<!-- aicost:tag=;sha=abc;run=1 -->\n### x\n[full report](https://github.com/o/r/actions/runs/1)\n`;
    const b = `<!-- aicost:tag=;sha=abc;run=2 -->\n### x\n[full report](https://github.com/o/r/actions/runs/2/attempts/3)\n`;
    expect(comparableBody(a)).toBe(comparableBody(b));
    expect(comparableBody(a)).not.toBe(comparableBody(b.replace('### x', '### y')));
  });

  it('logins match with or without the [bot] suffix, never when empty', () => {
    expect(sameLogin('github-actions[bot]', 'github-actions')).toBe(true);
    expect(sameLogin('GitHub-Actions[bot]', 'github-actions[bot]')).toBe(true);
    expect(sameLogin('mallory', 'github-actions[bot]')).toBe(false);
    expect(sameLogin(undefined, '')).toBe(false);
  });

  it('approvers: users and org/team', () => {
    expect(parseApprover('@alice')).toEqual({ kind: 'user', login: 'alice' });
    expect(parseApprover('@acme/finops')).toEqual({ kind: 'team', org: 'acme', slug: 'finops' });
    expect(parseApprover('@../../x')).toBeNull();
  });

  it('git environment config appends after entries already there', () => {
    const env = gitConfigEnv({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.x', GIT_CONFIG_VALUE_0: 'y' }, [
      ['http.https://github.com/.extraheader', ''],
      ['http.https://github.com/.extraheader', 'AUTHORIZATION: basic eA=='],
    ]);
    expect(env).toEqual({
      GIT_CONFIG_COUNT: '3',
      GIT_CONFIG_KEY_0: 'core.x',
      GIT_CONFIG_VALUE_0: 'y',
      GIT_CONFIG_KEY_1: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_1: '',
      GIT_CONFIG_KEY_2: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_2: 'AUTHORIZATION: basic eA==',
    });
  });
});

// A small report: two features (a: 100k requests $50 → $80; b: 50k requests $10 → $40).
function side(monthly: number, rpm: number): FeatureSideJson {
  return { monthly, requests_per_month: rpm, per_request: { mean: monthly / rpm, p50: 0, p95: 0 } } as FeatureSideJson;
}
function feature(
  id: string,
  base: FeatureSideJson | null,
  head: FeatureSideJson | null,
  changes: Partial<ChangeJson>[] = [],
): FeatureJson {
  const delta = (head?.monthly ?? 0) - (base?.monthly ?? 0);
  return {
    id,
    team: 't',
    status: base && head ? 'changed' : head ? 'added' : 'removed',
    declared_in_pr: false,
    base,
    head,
    delta: { per_request: { mean: 0, p95: 0 }, monthly: delta, monthly_percent: null, monthly_ci95: null },
    changes: changes.map((c) => ({
      kind: 'prompt',
      file: `prompts/${id}.yml`,
      line: 3,
      summary: 's',
      monthly_effect: 0,
      ...c,
    })),
    notes: [],
  };
}
function report(o: Partial<DiffReport>): DiffReport {
  return {
    schema_version: 1,
    currency: 'USD',
    base: { rev: 'b' },
    head: { rev: 'h' },
    totals: { monthly: { base: 60, head: 120, delta: 60, delta_percent: 100, delta_ci95: null } },
    features: [],
    teams: [
      {
        team: 't',
        budget: 100,
        base: 60,
        head: 120,
        other_monthly_spend: 0,
        head_ci95: null,
        status: 'breach',
        owners: [],
      },
    ],
    violations: [],
    unpriced_changes: [],
    proposed_config: [],
    notices: [],
    breached: false,
    ...o,
  } as DiffReport;
}
const violation = (v: Partial<ViolationJson>): ViolationJson => ({
  rule: 'budget',
  severity: 'error',
  overridden: false,
  team: null,
  feature: null,
  file: null,
  line: null,
  message: 'm',
  ...v,
});

describe('outputs', () => {
  it('per-request delta is the change of the mean request across features', () => {
    // base: $60 over 150k requests = $0.0004; head: $120 over 150k = $0.0008.
    const r = report({
      features: [feature('a', side(50, 100000), side(80, 100000)), feature('b', side(10, 50000), side(40, 50000))],
    });
    expect(perRequestDelta(r)).toBeCloseTo(0.0004, 12);
    const o = diffOutputs(r, '/tmp/r.json', 'https://x');
    expect(o).toEqual({
      'monthly-base': '60.00',
      'monthly-head': '120.00',
      'monthly-delta': '60.00',
      'monthly-delta-percent': '100.00',
      'per-request-delta': '0.00040000',
      breached: 'false',
      violations: '0',
      report: '/tmp/r.json',
      'comment-url': 'https://x',
    });
    const zeroBase = diffOutputs(
      report({ totals: { monthly: { base: 0, head: 5, delta: 5, delta_percent: null, delta_ci95: null } } }),
      '',
      '',
    );
    expect(zeroBase['monthly-delta-percent']).toBe('');
  });
});

describe('annotations', () => {
  it('gives one annotation per cause and location: merged rules, no duplicate for an unpriced change', () => {
    const r = report({
      features: [feature('a', side(50, 100000), side(2600, 100000), [{ monthly_effect: 2550, line: 3 }])],
      violations: [
        violation({ rule: 'max_monthly_increase', file: 'prompts/a.yml', line: 3 }),
        violation({ rule: 'max_monthly_increase_percent', file: 'prompts/a.yml', line: 3 }),
        violation({ rule: 'unpriced_change', severity: 'warning', file: 'src/x.ts', line: 4 }),
      ],
      unpriced_changes: [{ kind: 'code', file: 'src/x.ts', line: 4, summary: 'model a → b', price_ratio: 2, hint: '' }],
    });
    const a = annotationsOf(r, '');
    // Before: two errors and a notice on prompts/a.yml:3, two warnings on src/x.ts:4.
    expect(a.map((x) => [x.level, x.title, `${x.file}:${x.startLine}`])).toEqual([
      ['error', 'aicost: max_monthly_increase, max_monthly_increase_percent', 'prompts/a.yml:3'],
      ['warning', 'aicost: unpriced_change', 'src/x.ts:4'],
    ]);
  });

  it('ranks each kind by dollars, caps at 10, and prefixes the project path', () => {
    const changes = Array.from({ length: 12 }, (_, i) => ({ monthly_effect: (i % 2 ? -1 : 1) * (i + 1), line: i + 1 }));
    const r = report({
      features: [
        feature('a', side(50, 100000), side(80, 100000), changes),
        feature('b', side(10, 50000), side(40, 50000)),
      ],
      violations: [
        violation({ rule: 'budget_warn', severity: 'warning', team: 't' }),
        violation({ rule: 'max_monthly_increase', feature: 'b', file: 'prompts/b.yml', line: 2 }),
        violation({ rule: 'budget', team: 't' }),
      ],
      unpriced_changes: [
        { kind: 'code', file: 'src/x.ts', line: 4, summary: 'cheap', price_ratio: 0.5, hint: '' },
        { kind: 'code', file: 'src/y.ts', line: 9, summary: 'pricey', price_ratio: 16.7, hint: '' },
      ],
    });
    const a = annotationsOf(r, 'services/api');
    const notices = a.filter((x) => x.level === 'notice');
    expect(notices).toHaveLength(MAX_PER_KIND);
    // |effect| 12, 11, …, 3: the two smallest (1 and 2) are left out.
    expect(notices.map((n) => n.startLine)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(notices[0]).toEqual({
      level: 'notice',
      title: 'aicost: -$12.00/month',
      message: 'a: s (-$12.00/month)',
      file: 'services/api/prompts/a.yml',
      startLine: 12,
    });
    // Errors first; among them the team's +$60 before feature b's +$30; then the warning.
    const v = a.filter((x) => x.title.startsWith('aicost: ') && x.level !== 'notice' && !x.title.includes('unpriced'));
    expect(v.map((x) => [x.level, x.title])).toEqual([
      ['error', 'aicost: budget'],
      ['error', 'aicost: max_monthly_increase'],
      ['warning', 'aicost: budget_warn'],
    ]);
    expect(v[1]).toMatchObject({ file: 'services/api/prompts/b.yml', startLine: 2 });
    expect(v[0].file).toBeUndefined();
    expect(a.filter((x) => x.title === 'aicost: unpriced AI change').map((x) => x.file)).toEqual([
      'services/api/src/y.ts',
      'services/api/src/x.ts',
    ]);
    expect(repoPath('', './a.yml')).toBe('a.yml');
  });
});

describe('verdict helpers', () => {
  it('threshold: small changes skip the comment unless something must be seen', () => {
    const small = report({
      totals: { monthly: { base: 60, head: 64, delta: 4, delta_percent: 6.7, delta_ci95: null } },
    });
    expect(worthCommenting(small, 0)).toBe(true);
    expect(worthCommenting(small, 5)).toBe(false);
    expect(worthCommenting(small, 4)).toBe(true);
    expect(worthCommenting({ ...small, violations: [violation({ severity: 'warning' })] }, 5)).toBe(true);
    expect(
      worthCommenting(
        {
          ...small,
          unpriced_changes: [{ kind: 'env', file: '.env', line: 1, summary: 's', price_ratio: null, hint: '' }],
        },
        5,
      ),
    ).toBe(true);
    expect(
      worthCommenting(
        { ...small, proposed_config: [{ path: 'teams.t.monthly_budget', base: 1, head: 2, effect: 'x' }] },
        5,
      ),
    ).toBe(true);
  });

  it('the failure message lists the failing violations only', () => {
    const r = report({
      violations: [
        violation({ rule: 'budget', message: 'over budget\nby $5' }),
        violation({ rule: 'budget_warn', severity: 'warning' }),
      ],
      breached: true,
    });
    expect(breachMessage(r)).toBe('aicost: 1 policy fails:\n- budget: over budget by $5');
  });
});
