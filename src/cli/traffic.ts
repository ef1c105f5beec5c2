/**
 * `aicost traffic convert` and `aicost traffic inspect`: arguments, and the text they print. The
 * entry (src/cli/index.ts) opens the files; everything here is plain data.
 */
import { UsageError } from '../errors.js';
import { formatLabel, formatNames, MAX_BAD_LINES_LISTED } from '../traffic/index.js';
import type { Sample, TrafficFormat, TrafficSet } from '../types.js';
import { grouped } from '../text/index.js';

export interface TrafficArgs {
  command: 'traffic';
  action: 'convert' | 'inspect';
  from: TrafficFormat;
  where: Record<string, string>;
  maxSamples: number;
  maxBadLines: number;
  inputs: string[];
}

export const TRAFFIC_USAGE = `Usage:
  aicost traffic convert [--from FORMAT] [--where FIELD=VALUE …] [--max-samples N] [--max-bad-lines P] IN… > OUT.jsonl
  aicost traffic inspect [--from FORMAT] [--where FIELD=VALUE …] IN…

  convert   writes the calls of IN (any format aicost reads, gzip accepted) as normalised traffic JSONL v1,
            sampled by whole traces (the same deterministic sample aicost keeps) when there are more than N
  inspect   prints the format chosen, the record count, models, date range, token totals and what was skipped

Options:
  --from FORMAT        ${formatNames().join(' | ')} (default auto: detected from each file's first record)
  --where FIELD=VALUE  keep the calls whose FIELD matches VALUE (a glob with * and ?); repeat for more fields
  --max-samples N      convert: most calls written (default 5000)
  --max-bad-lines P    share of records that may be unreadable, e.g. 1% (default 1%)`;

/** Parses the arguments after `traffic`. Throws UsageError naming the argument at fault. */
export function parseTrafficArgs(argv: string[]): TrafficArgs | { command: 'help'; text: string } {
  const [action, ...rest] = argv;
  if (action === undefined || action === '-h' || action === '--help') return { command: 'help', text: TRAFFIC_USAGE };
  if (action !== 'convert' && action !== 'inspect')
    throw new UsageError(`unknown traffic command "${action}"`, {
      hint: 'Use aicost traffic convert or aicost traffic inspect.',
    });
  const out: TrafficArgs = {
    command: 'traffic',
    action,
    from: 'auto',
    where: Object.create(null) as Record<string, string>,
    maxSamples: 5000,
    maxBadLines: 0.01,
    inputs: [],
  };
  const hint = `Run aicost traffic --help.`;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '-h' || a === '--help') return { command: 'help', text: TRAFFIC_USAGE };
    if (!a.startsWith('--') || a === '-') {
      out.inputs.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = eq > 0 ? a.slice(eq + 1) : rest[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`, { hint });
    if (flag === '--from') {
      if (!formatNames().includes(value))
        throw new UsageError(`--from ${value}: not a format aicost reads`, {
          hint: `Formats: ${formatNames().join(', ')}.`,
        });
      out.from = value as TrafficFormat;
    } else if (flag === '--where') {
      const k = value.indexOf('=');
      if (k <= 0)
        throw new UsageError(`--where ${value}: write FIELD=VALUE, e.g. --where gen_ai.prompt.name=summarize`, {
          hint,
        });
      out.where[value.slice(0, k)] = value.slice(k + 1);
    } else if (flag === '--max-samples') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 10_000_000)
        throw new UsageError(`--max-samples ${value}: a whole number from 1 to 10,000,000`, { hint });
      out.maxSamples = n;
    } else if (flag === '--max-bad-lines') {
      const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(value);
      const f = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
      if (!(f >= 0 && f <= 1))
        throw new UsageError(`--max-bad-lines ${value}: a percent such as 1% or a fraction such as 0.01`, { hint });
      out.maxBadLines = f;
    } else {
      throw new UsageError(`unknown option ${flag} for aicost traffic ${action}`, { hint });
    }
  }
  if (out.inputs.length === 0) throw new UsageError(`aicost traffic ${action} needs at least one input file`, { hint });
  return out;
}

/** Running totals of `inspect`, fed every selected call before sampling. */
export class TrafficStats {
  calls = 0;
  readonly models = new Map<string, number>();
  first?: number;
  last?: number;
  readonly tokens = { input: 0, cacheRead: 0, cacheWrite: 0, output: 0, reasoning: 0 };
  cost = 0;
  withCost = 0;

  add(s: Sample): void {
    this.calls++;
    const m = s.model ?? '(no model)';
    this.models.set(m, (this.models.get(m) ?? 0) + 1);
    if (s.ts !== undefined) {
      if (this.first === undefined || s.ts < this.first) this.first = s.ts;
      if (this.last === undefined || s.ts > this.last) this.last = s.ts;
    }
    this.tokens.input += s.usage.inputTokens ?? 0;
    this.tokens.cacheRead += s.usage.cacheReadTokens + 0;
    this.tokens.cacheWrite += s.usage.cacheWriteTokens + s.usage.cacheWrite1hTokens;
    this.tokens.output += s.usage.outputTokens;
    this.tokens.reasoning += s.usage.reasoningTokens;
    if (s.costUsd !== undefined) {
      this.cost += s.costUsd;
      this.withCost++;
    }
  }
}

const n = grouped;

/** What `inspect` prints. */
export function inspectText(set: TrafficSet, stats: TrafficStats): string {
  const lines: string[] = [];
  for (const path of set.paths) {
    const f = set.formats?.[path];
    const c = set.lineCounts?.files[path];
    lines.push(
      `${path}: ${f ? formatLabel(f) : 'format unknown'}, ${n(c?.lines ?? 0)} records, ${n(c?.bad ?? 0)} unreadable`,
    );
  }
  lines.push(`calls: ${n(stats.calls)}`);
  const models = [...stats.models.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  lines.push(`models: ${models.map(([m, k]) => `${m} (${n(k)})`).join(', ') || 'none'}`);
  lines.push(
    `dates: ${stats.first !== undefined ? `${new Date(stats.first).toISOString()} to ${new Date(stats.last!).toISOString()}` : 'no timestamps'}`,
  );
  const t = stats.tokens;
  lines.push(
    `tokens: input ${n(t.input)} (cache read ${n(t.cacheRead)}, cache write ${n(t.cacheWrite)}), output ${n(t.output)} (reasoning ${n(t.reasoning)})`,
  );
  if (stats.withCost) lines.push(`recorded cost: $${stats.cost.toFixed(6)} on ${n(stats.withCost)} calls`);
  const skipped = Object.entries(set.skipped ?? {});
  lines.push(skipped.length ? `skipped: ${skipped.map(([r, k]) => `${n(k)} ${r}`).join('; ')}` : 'skipped: none');
  if (set.badLines.length) {
    const shown = set.badLines.slice(0, 5).map((b) => `  ${b.file}:${b.line}: ${b.reason}`);
    const more =
      set.badLines.length > 5
        ? [`  … ${n(set.badLines.length - 5)} more${set.badLines.length >= MAX_BAD_LINES_LISTED ? ' (at least)' : ''}`]
        : [];
    lines.push('unreadable records:', ...shown, ...more);
  }
  for (const notice of set.notices ?? []) lines.push(`note: ${notice}`);
  return lines.join('\n') + '\n';
}
