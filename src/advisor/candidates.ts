/**
 * Which models a feature's samples are replayed on (issue 18, model routing): the config's
 * `advisor.candidates` (ids and `*` globs, read from the trusted revision), else the cheaper models
 * of the same vendor and family line in the catalog (`gpt-4.1` → `gpt-4.1-mini`, `gpt-4.1-nano`;
 * `claude-sonnet-4-5` → `claude-haiku-4-5`; `gemini-2.5-pro` → `gemini-2.5-flash`, `…-flash-lite`).
 *
 * Input: the feature's current model, the catalog, the pricing date and the feature's mean input
 * and output tokens (to rank by expected price). Output: resolved candidates and notes for ids that
 * cannot be priced. Pure apart from the catalog's memo.
 */
import { AicostError } from '../errors.js';
import type { Catalog } from '../catalog/index.js';
import { catalogModels } from '../catalog/index.js';
import { matchGlob } from '../repo/index.js';
import type { ResolvedModel, ServiceTier } from '../types.js';

/** At most this many candidates per feature from the catalog (default line, or a glob's matches). */
export const MAX_CANDIDATES = 5;

/** Size words of a family line: the line is the id without them. */
const SIZE_WORDS = new Set([
  'mini',
  'nano',
  'lite',
  'flash',
  'pro',
  'opus',
  'sonnet',
  'haiku',
  'small',
  'medium',
  'large',
  'tiny',
  'micro',
]);

/**
 * Ids that are not a plain text model of a line: audio, realtime, speech, search, image, embedding,
 * fine-tune, preview or `latest` aliases, and dated snapshots (the undated id is the candidate).
 */
const NOT_A_CANDIDATE =
  /(audio|realtime|transcribe|tts|search|vision|embed|image|preview|latest|instruct|computer|deep-research|codex|(^|[-/])ft[:-]|:|\d{8}|-\d{4}-\d{2}-\d{2}|-\d{4}$)/;

/** The family line of a model id: its words without size words and date parts (`gpt-4o-mini-2024-07-18` → `gpt-4o`). */
export function familyLine(canonical: string): string {
  const id = canonical.slice(canonical.indexOf('/') + 1).toLowerCase();
  return id
    .replace(/-\d{4}-\d{2}-\d{2}$/, '')
    .replace(/-\d{8}$/, '')
    .split('-')
    .filter((w) => !SIZE_WORDS.has(w))
    .join('-');
}

/** What {@link candidatesFor} needs to know about the feature. */
export interface CandidateQuery {
  current: ResolvedModel;
  catalog: Catalog;
  date: Date;
  tier: ServiceTier;
  /** Weighted mean input and output tokens per request, to rank models by expected price. */
  meanInput: number;
  meanOutput: number;
  /** `advisor.candidates` from the trusted config; empty or undefined → the catalog's default line. */
  configured?: readonly string[];
}

/** The candidates and the ids that could not be used, with why. */
export interface CandidateList {
  models: ResolvedModel[];
  /** `configured` (from the config) or `catalog` (the default line). */
  origin: 'configured' | 'catalog';
  notes: string[];
}

/** Expected USD of a mean request on `model` at list prices, or null when the tier is not offered. */
function expectedCost(q: CandidateQuery, model: ResolvedModel): number | null {
  if (q.catalog.tierProblem(model, q.tier)) return null;
  const r = q.catalog.rates(model, { tier: q.tier, date: q.date, inputTokens: Math.round(q.meanInput) });
  return (q.meanInput * r.input + q.meanOutput * r.output) / 1e6;
}

function tryResolve(catalog: Catalog, id: string): ResolvedModel | null {
  try {
    return catalog.resolve(id);
  } catch (e) {
    if (e instanceof AicostError) return null;
    throw e;
  }
}

const same = (a: ResolvedModel, b: ResolvedModel) =>
  a.canonical === b.canonical || (a.provider === b.provider && a.priceId === b.priceId);

/**
 * The models to replay a feature on. Configured ids are kept whatever their price (the replay
 * says whether they save); glob matches and the default line keep only models cheaper than the
 * current one at list prices, cheapest first, at most {@link MAX_CANDIDATES} each.
 */
export function candidatesFor(q: CandidateQuery): CandidateList {
  const notes: string[] = [];
  const currentCost = expectedCost(q, q.current) ?? Infinity;
  const out: ResolvedModel[] = [];
  const add = (m: ResolvedModel) => {
    if (!same(m, q.current) && !out.some((x) => same(x, m))) out.push(m);
  };
  const cheaper = (ids: string[]): ResolvedModel[] =>
    ids
      .map((id) => tryResolve(q.catalog, id))
      .filter((m): m is ResolvedModel => m !== null && !same(m, q.current))
      .map((m) => ({ m, cost: expectedCost(q, m) }))
      .filter((x): x is { m: ResolvedModel; cost: number } => x.cost !== null && x.cost < currentCost)
      .sort((a, b) => a.cost - b.cost || (a.m.canonical < b.m.canonical ? -1 : 1))
      .slice(0, MAX_CANDIDATES)
      .map((x) => x.m);
  const configured = q.configured ?? [];
  if (configured.length > 0) {
    for (const entry of configured) {
      if (entry.includes('*')) {
        // A repository glob over `vendor/model`: `*` stays within the vendor or the model part.
        const ids = catalogModels()
          .filter((k) => !k.deprecated && matchGlob(k.canonical, entry.toLowerCase()) && !NOT_A_CANDIDATE.test(k.model))
          .map((k) => k.canonical);
        const found = cheaper(ids);
        if (found.length === 0)
          notes.push(`advisor.candidates: ${entry} matches no catalog model cheaper than ${q.current.canonical}.`);
        found.forEach(add);
      } else {
        const m = tryResolve(q.catalog, entry);
        if (m) add(m);
        else
          notes.push(`advisor.candidates: ${entry} is not in the price catalog (add a pricing: entry or fix the id).`);
      }
    }
    return { models: out, origin: 'configured', notes };
  }
  const line = familyLine(q.current.canonical);
  const vendor = q.current.canonical.slice(0, q.current.canonical.indexOf('/'));
  const ids = catalogModels()
    .filter(
      (k) =>
        !k.deprecated &&
        k.canonical.startsWith(`${vendor}/`) &&
        !NOT_A_CANDIDATE.test(k.model) &&
        familyLine(k.canonical) === line,
    )
    .map((k) => k.canonical);
  cheaper(ids).forEach(add);
  return { models: out, origin: 'catalog', notes };
}
