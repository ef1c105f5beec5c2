/**
 * Helpers of the importer tests: map records with an importer and collect the lines, and price
 * normalised lines through the real estimate (a temporary git repository with one prompt feature).
 */
import { expect } from '@jest/globals';
import { runEstimate } from '../../../src/run/estimate.js';
import type { ImportedCall, Importer, MapResult } from '../../../src/traffic/import/types.js';
import { parseSampleLine } from '../../../src/traffic/parse.js';
import { makeRepo } from '../../helpers/run.js';

const AT = { file: 'export.jsonl', line: 1, index: 0 };

/** Maps one record; fails the test with the reason when the importer refuses it. */
export function mapOk(imp: Importer, record: unknown): Extract<MapResult, { ok: true }> {
  const r = imp.map(record, AT);
  if (!r.ok) throw new Error(`expected calls, got: ${r.reason}`);
  return r;
}

/** The calls of every record, each line also checked by the JSONL line rules (as the reader will). */
export function callsOf(imp: Importer, records: unknown[]): ImportedCall[] {
  const calls = records.flatMap((r) => mapOk(imp, r).calls);
  for (const c of calls) {
    const parsed = parseSampleLine(JSON.stringify(c.line), 'export.jsonl', 1);
    if (!parsed.ok) throw new Error(`line refused by the JSONL rules: ${parsed.reason}`);
  }
  return calls;
}

/** The lines of every record. */
export function linesOf(imp: Importer, records: unknown[]): Record<string, unknown>[] {
  return callsOf(imp, records).map((c) => JSON.parse(JSON.stringify(c.line)) as Record<string, unknown>);
}

/** The reason a record is refused. */
export function reasonOf(imp: Importer, record: unknown): string {
  const r = imp.map(record, AT);
  if (r.ok) throw new Error('expected a refused record');
  return r.reason;
}

/** Parses JSONL text written in a test into records. */
export function records(jsonl: string): unknown[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}

/**
 * The feature figures of normalised lines priced on `model` (provider/model) with a declared
 * monthly volume: the real config, prompt and traffic file in a temporary repository.
 */
export async function price(lines: object[], model: string, requestsPerMonth: number) {
  const repo = makeRepo({
    '.aicost.yml': `version: 1
features:
  imported:
    team: web
    prompt: prompts/p.prompt.yml
    traffic: traffic/imported.jsonl
    requests_per_month: ${requestsPerMonth}
teams:
  web: {}
`,
    'prompts/p.prompt.yml': `model: ${model}
messages:
  - role: system
    content: "Answer briefly."
`,
    'traffic/imported.jsonl': lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
  });
  const { report } = await runEstimate({ repo, config: '.aicost.yml' });
  const f = report.features[0];
  expect(f).toBeDefined();
  return f!;
}

/**
 * Joins request and result records the way the reader does through `pairs`: requests first,
 * keyed; each result merged with its request (or alone), then mapped.
 */
export function joinPairs(imp: Importer, recs: unknown[]): unknown[] {
  const pairs = imp.pairs!;
  const requests = new Map<string, unknown>();
  for (const r of recs) if (pairs.side(r) === 'request') requests.set(pairs.key(r)!, r);
  return recs
    .filter((r) => pairs.side(r) === 'result')
    .map((r) => {
      const req = requests.get(pairs.key(r) ?? '');
      return req === undefined ? r : pairs.merge(req, r);
    });
}
