/**
 * Model ids, output caps, loop limits and reasoning budgets edited in source code
 * (`reference/formats.md` §3.9). Python, TypeScript and JavaScript files are read through their
 * syntax tree (code-calls.ts) when the caller gives a parser: only values handed to a model or
 * bound to a name count, so model ids in log lines, error text and comments do not. Other files,
 * and files the parser cannot read, are scanned line by line (code-lines.ts), with a notice.
 * Changed lines come from our own line diff; each edited value is paired with the old value of the
 * same key in the same change block (else the same hunk), so an edit reads `model gpt-4o-mini →
 * gpt-4o` and a new call reads `new call with model gpt-4o`.
 */

import type { Match } from './code-keys.js';
import type { CodeFact } from './code-calls.js';
import { MAX_SCAN_LINE, scanLine } from './code-lines.js';
import type { ChangeBlock, DiffLine } from './line-diff.js';
import { diffLines, splitLines } from './line-diff.js';
import { featureEntry, limitSuffix, priceSuffix, safeRatio, show } from './format.js';
import { featureIdFor } from './paths.js';
import type { ChangedFile, UnpricedChange, UnpricedOptions } from './types.js';
import { longLinesChange } from './unscanned.js';

export { MAX_SCAN_LINE } from './code-lines.js';
/** Changes listed per source file; the rest are counted in one last entry (generated files). */
export const MAX_CODE_CHANGES_PER_FILE = 25;

/** A value found on a changed line, with where it sits in the diff. */
interface Occurrence {
  match: Match;
  at: DiffLine;
  block: number;
  hunk: number;
  partner?: Occurrence;
  /** The same value removed elsewhere in the file: the line moved. */
  moved?: boolean;
}

function collect(blocks: readonly ChangeBlock[], side: 'removed' | 'added', lang: 'python' | 'js'): Occurrence[] {
  const out: Occurrence[] = [];
  blocks.forEach((b, i) => {
    for (const at of b[side])
      for (const match of scanLine(at.text, lang)) out.push({ match, at, block: i, hunk: b.hunk });
  });
  return out;
}

/** The facts of a syntax tree that sit on the changed lines of one side, as occurrences. */
function collectFacts(
  blocks: readonly ChangeBlock[],
  side: 'removed' | 'added',
  facts: readonly CodeFact[],
): Occurrence[] {
  const where = new Map<number, { at: DiffLine; block: number; hunk: number }>();
  blocks.forEach((b, i) => {
    for (const at of b[side]) if (at.text.length <= MAX_SCAN_LINE) where.set(at.line, { at, block: i, hunk: b.hunk });
  });
  const out: Occurrence[] = [];
  for (const f of facts) {
    const w = where.get(f.line);
    if (w) out.push({ match: f, ...w });
  }
  return out;
}

/**
 * Pairs each added value with a removed one: same block and key, then same block and family
 * (numbers only: `maxSteps` → `stopWhen: stepCountIs(…)`), then the same within the hunk.
 * Values left over that equal a removed value of the same key anywhere in the file moved.
 * Removed values are bucketed per pass, so pairing stays linear in generated files with
 * thousands of matches.
 */
function pair(added: Occurrence[], removed: Occurrence[]): void {
  const numberFamily = (o: Occurrence): string | null => (o.match.family === 'model' ? null : o.match.family);
  const passes: ((o: Occurrence) => string | null)[] = [
    (o) => `${o.block}\u0000${o.match.key}`,
    (o) => (numberFamily(o) === null ? null : `${o.block}\u0000${numberFamily(o)}`),
    (o) => `${o.hunk}\u0000${o.match.key}`,
    (o) => (numberFamily(o) === null ? null : `${o.hunk}\u0000${numberFamily(o)}`),
  ];
  const free = (o: Occurrence): boolean => !o.partner && !o.moved;
  for (const bucketOf of passes) {
    const take = buckets(removed.filter(free), bucketOf);
    for (const a of added) {
      if (a.partner) continue;
      const r = take(bucketOf(a), free);
      if (r) {
        a.partner = r;
        r.partner = a;
      }
    }
  }
  const sameValue = (o: Occurrence): string => `${o.match.key}\u0000${o.match.value}`;
  const take = buckets(removed.filter(free), sameValue);
  for (const a of added) {
    if (a.partner) continue;
    const r = take(sameValue(a), free);
    if (r) a.moved = r.moved = true;
  }
}

/** Groups `items` by `keyOf`; the returned function hands out the first still-usable item of a group. */
function buckets<T>(
  items: T[],
  keyOf: (t: T) => string | null,
): (key: string | null, usable: (t: T) => boolean) => T | undefined {
  const groups = new Map<string, { items: T[]; next: number }>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const g = groups.get(key);
    if (g) g.items.push(item);
    else groups.set(key, { items: [item], next: 0 });
  }
  return (key, usable) => {
    const g = key === null ? undefined : groups.get(key);
    if (!g) return undefined;
    while (g.next < g.items.length && !usable(g.items[g.next])) g.next++;
    return g.items[g.next];
  };
}

/** `maxSteps 5`, `stepCountIs(5)`. */
function showNumber(m: Match): string {
  return m.style === 'step' ? `stepCountIs(${m.value})` : `${m.label} ${m.value}`;
}

/** A model value for a summary: the id, or `not resolvable (CONFIG.pick())`. */
function showModel(m: Match): string {
  return m.unresolved ? `not resolvable (${show(m.value)})` : show(m.value);
}

const LIMIT_NOUN = { 'max-tokens': 'output cap', loop: 'loop limit', reasoning: 'reasoning budget' } as const;

/**
 * The `.aicost.yml` entry that prices the call: its function as a code prompt
 * (`prompt: src/reply.py#reply`) when the scan knows which function holds it and the code prompt
 * reader accepts it, else a prompt file or an aicost agent. `model:` is asked for when the call's
 * model is not a literal in the file.
 */
function codeHint(file: string, m: Match, opts: UnpricedOptions): string {
  const id = featureIdFor(file);
  const agentFile = `agents/${id}.yaml`;
  const agent = featureEntry(id, 'agent', agentFile);
  if (m.family === 'loop') {
    return `describe the loop as an aicost agent (${agentFile} with max_turns: ${m.value}) and add ${agent}`;
  }
  const ref = m.holder ? `${file}#${m.holder}` : null;
  if (ref !== null) opts.proposedCodePrompts?.add(ref);
  const check = ref === null ? undefined : opts.codePrompts?.get(ref);
  const problem = check?.problem;
  if (ref !== null && m.holder && !problem) {
    const model = m.unresolved ? '<model id>' : undefined;
    const entry = featureEntry(codeFeatureId(m.holder), 'prompt', ref, model, check?.noMaxTokens === true);
    return `price the call in place: add ${entry}${m.unresolved ? ' (model: names what the code passes at run time)' : ''}`;
  }
  const promptFile = `prompts/${id}.prompt.yml`;
  const inPrompt =
    m.family === 'model'
      ? `model: ${m.unresolved ? '<model id>' : m.value}`
      : m.family === 'reasoning'
        ? 'the reasoning setting'
        : `modelParameters: { maxTokens: ${m.value} }`;
  const why = problem ? ` (${ref} is not readable as a code prompt: ${problem})` : '';
  return `move the call into a prompt file (${promptFile} with ${inPrompt}) and add ${featureEntry(id, 'prompt', promptFile)}, or describe it as an aicost agent: ${agent}${why}`;
}

/** A feature id for a code prompt named after its function: `Bot.reply` → `bot-reply`. */
export function codeFeatureId(holder: string): string {
  const id = holder
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z0-9]/.test(id) ? id : 'feature';
}

/**
 * Unpriced changes in one changed source file (never called for deleted files). With
 * `opts.codeFacts` a Python/TS/JS file is read through its syntax tree; when parsing fails the file
 * is scanned line by line and `opts.notices` says so.
 */
export function scanCode(file: ChangedFile, lang: 'python' | 'js', opts: UnpricedOptions): UnpricedChange[] {
  const headLines = splitLines(file.head);
  const { blocks } = diffLines(splitLines(file.base), headLines);
  const long = longLinesChange(
    file,
    'code',
    blocks.flatMap((b) => b.added),
    MAX_SCAN_LINE,
  );
  const changed = blocks.length > 0;
  const facts = changed ? opts.codeFacts?.get(file.path) : undefined;
  if (facts && 'fallback' in facts)
    opts.notices?.push(
      `${file.path}: not read as code (${facts.fallback}); its changed lines were scanned line by line`,
    );
  const tree = facts && !('fallback' in facts) ? facts : null;
  const added = tree ? collectFacts(blocks, 'added', tree.head) : collect(blocks, 'added', lang);
  const removed = tree ? collectFacts(blocks, 'removed', tree.base) : collect(blocks, 'removed', lang);
  if (!added.length && !removed.length) return long;
  pair(added, removed);

  const out: UnpricedChange[] = [];
  const where = (line: number): string => `${file.path}:${line}`;
  const report = (line: number, summary: string, m: Match, priceRatio: number | null): void => {
    out.push({
      kind: 'code',
      file: file.path,
      line,
      summary,
      price_ratio: priceRatio,
      hint: codeHint(file.path, m, opts),
    });
  };

  for (const a of added) {
    if (a.moved) continue;
    const m = a.match;
    const old = a.partner?.match;
    if (old && old.value === m.value && !old.unresolved === !m.unresolved) continue;
    const line = a.at.line;
    if (m.family === 'model') {
      if (old) {
        const ratio = old.unresolved || m.unresolved ? null : safeRatio(opts.priceRatio, old.value, m.value);
        report(line, `${m.label} ${showModel(old)} → ${showModel(m)} in ${where(line)}${priceSuffix(ratio)}`, m, ratio);
      } else if (m.style === 'call') {
        report(line, `new call with model ${showModel(m)} in ${where(line)}`, m, null);
      } else {
        report(line, `${m.label} ${show(m.value)} added in ${where(line)}`, m, null);
      }
      continue;
    }
    const what = LIMIT_NOUN[m.family];
    if (!old) {
      report(line, `${showNumber(m)} added in ${where(line)}`, m, null);
    } else {
      const change =
        old.label === m.label && old.style === m.style && m.style !== 'step'
          ? `${m.label} ${old.value} → ${m.value}`
          : `${showNumber(old)} → ${showNumber(m)}`;
      report(line, `${change} in ${where(line)}${limitSuffix(Number(old.value), Number(m.value), what)}`, m, null);
    }
  }
  // A cap or limit deleted without a replacement lifts it: output or turns become unbounded.
  for (const r of removed) {
    if (r.partner || r.moved || r.match.family === 'model') continue;
    const line = Math.max(1, Math.min(blocks[r.block].headLine, headLines.length));
    const lifted =
      r.match.family === 'reasoning' ? 'reasoning setting back to its default' : `${LIMIT_NOUN[r.match.family]} lifted`;
    report(line, `${showNumber(r.match)} removed in ${where(line)} (${lifted})`, r.match, null);
  }
  out.push(...long);
  out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (out.length <= MAX_CODE_CHANGES_PER_FILE) return out;
  const rest = out.slice(MAX_CODE_CHANGES_PER_FILE - 1);
  const first = rest[0];
  return [
    ...out.slice(0, MAX_CODE_CHANGES_PER_FILE - 1),
    {
      ...first,
      summary: `${rest.length} more model, output-cap or loop-limit changes in ${file.path} from line ${first.line}`,
      price_ratio: null,
    },
  ];
}
