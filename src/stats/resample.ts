/**
 * The resampling core of the paired bootstrap: per-feature resample arrays, and their sums per team
 * and for the whole PR at the same resample index. Kept apart from the interval summary so tests can
 * check the raw resamples (team resample i = sum of its features' resample i).
 */
import { Pcg32 } from './pcg32.js';
import { wasmResampleSums } from './wasm.js';
import { effectiveSampleSize } from './weighted.js';

/** One resampling unit (a trace, or a single sample) of one feature: its weight and per-request costs. */
export interface PairedUnit {
  /** Sample weight (how many real requests the unit stands for); finite and > 0. */
  weight: number;
  /**
   * The unit's per-request cost at the base revision (a trace of several calls already summed per
   * request by the caller); 0 for every unit of a feature added by the PR.
   */
  base: number;
  /** The same at the head revision; 0 for every unit of a removed feature. */
  head: number;
}

/** One feature's paired units and its monthly volume at each revision. */
export interface FeatureSeries {
  id: string;
  team: string;
  /**
   * Base and head of the same samples (paired). Order does not matter: units are put in a canonical
   * order (weight, base, head) before drawing, so any order of the same units gives the same result.
   */
  units: PairedUnit[];
  /** Monthly = weighted mean per request × requests per month; either may be 0 (added/removed). */
  requestsPerMonth: { base: number; head: number };
}

/** The resampled statistics of one feature, one entry per resample. */
export interface FeatureResamples {
  id: string;
  team: string;
  /** Point estimates from all units (what the resamples scatter around). */
  point: {
    perRequestBase: number;
    perRequestHead: number;
    monthlyDelta: number;
    perRequestDelta: number;
    headMonthly: number;
  };
  monthlyDelta: Float64Array;
  perRequestDelta: Float64Array;
  headMonthly: Float64Array;
  /** Kish effective sample size (Σw)² / Σw². */
  effectiveUnits: number;
}

/** Summed resamples of a team or of the whole PR. */
export interface SummedResamples {
  monthlyDelta: Float64Array;
  headMonthly: Float64Array;
}

/** Every resample of every feature, team and the total, in a fixed order (features by id, teams by id). */
export interface BootstrapResamples {
  features: FeatureResamples[];
  teams: Map<string, SummedResamples>;
  total: SummedResamples;
  resamples: number;
}

/** Code-unit order, not locale order: the same on every machine. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareUnits(a: PairedUnit, b: PairedUnit): number {
  return a.weight - b.weight || a.base - b.base || a.head - b.head;
}

/** Refuses a feature the bootstrap cannot resample (a caller bug): see pairedBootstrap. */
export function checkSeries(s: FeatureSeries): void {
  const where = `feature "${s.id}"`;
  if (s.units.length === 0) {
    throw new RangeError(
      `bootstrap: ${where} has no units; pass one unit with the static estimate when there is no traffic`,
    );
  }
  for (const u of s.units) {
    if (!(Number.isFinite(u.weight) && u.weight > 0))
      throw new RangeError(`bootstrap: ${where} has a unit with weight ${u.weight}; weights must be finite and > 0`);
    if (!Number.isFinite(u.base) || !Number.isFinite(u.head))
      throw new RangeError(`bootstrap: ${where} has a unit with a non-finite cost (base ${u.base}, head ${u.head})`);
  }
  const { base, head } = s.requestsPerMonth;
  if (!(Number.isFinite(base) && base >= 0 && Number.isFinite(head) && head >= 0)) {
    throw new RangeError(
      `bootstrap: ${where} has requests per month base ${base}, head ${head}; both must be finite and ≥ 0`,
    );
  }
}

/**
 * Scratch arrays shared by all features of one run, grown to the largest feature, so the hot loop
 * allocates nothing per resample.
 */
export class ResampleScratch {
  /** Per unit k: [3k] weight, [3k+1] weight × base, [3k+2] weight × head (one cache line per draw). */
  units = new Float64Array(0);
  /** The unit indices drawn for one resample. */
  draws = new Uint32Array(0);

  /** Grows the arrays to hold at least n units (contents are not kept). */
  ensure(n: number): void {
    if (this.draws.length >= n) return;
    this.units = new Float64Array(3 * n);
    this.draws = new Uint32Array(n);
  }
}

/**
 * The hot loop, in a function of its own so that it is compiled once as a whole and not on stack
 * for every feature: per resample, n unit indices from `rng`, then the weighted sums over the
 * packed (weight, weight × base, weight × head) triples. The sums come from the WebAssembly loop
 * (stats-wasm.ts) when it can run them, bit-identical and ~4× faster; else from JavaScript here.
 */
function drawResamples(
  rng: Pcg32,
  packed: Float64Array,
  draws: Uint32Array,
  n: number,
  rpmBase: number,
  rpmHead: number,
  monthlyDelta: Float64Array,
  perRequestDelta: Float64Array,
  headMonthly: Float64Array,
): void {
  const resamples = monthlyDelta.length;
  const sums = wasmResampleSums(rng, packed, n, resamples);
  if (sums) {
    for (let i = 0; i < resamples; i++) {
      const rw = sums[3 * i];
      const mb = sums[3 * i + 1] / rw;
      const mh = sums[3 * i + 2] / rw;
      monthlyDelta[i] = mh * rpmHead - mb * rpmBase;
      perRequestDelta[i] = mh - mb;
      headMonthly[i] = mh * rpmHead;
    }
    return;
  }
  for (let i = 0; i < resamples; i++) {
    rng.fillBelowHalves(draws, n, n);
    let rw = 0;
    let rb = 0;
    let rh = 0;
    for (let k = 0; k < n; k++) {
      const j = 3 * draws[k];
      rw += packed[j];
      rb += packed[j + 1];
      rh += packed[j + 2];
    }
    const mb = rb / rw;
    const mh = rh / rw;
    monthlyDelta[i] = mh * rpmHead - mb * rpmBase;
    perRequestDelta[i] = mh - mb;
    headMonthly[i] = mh * rpmHead;
  }
}

/**
 * Resamples one feature: each resample draws n units uniformly with replacement (n = number of
 * units; resample i is one `fillBelowHalves` call of n draws on `rng`, after those of resamples
 * 0 … i−1), takes the
 * weighted means of base and head over the drawn units and turns them into a monthly delta
 * (mean_head × rpm_head − mean_base × rpm_base), a per-request delta and a head monthly figure.
 * A feature whose units all have the same base and the same head (including a single unit) has no
 * spread: every resample is the point value exactly, and no draws are taken.
 */
export function resampleFeature(
  series: FeatureSeries,
  rng: Pcg32,
  resamples: number,
  scratch = new ResampleScratch(),
): FeatureResamples {
  checkSeries(series);
  const units = series.units.slice().sort(compareUnits);
  const n = units.length;
  const rpmBase = series.requestsPerMonth.base;
  const rpmHead = series.requestsPerMonth.head;

  scratch.ensure(n);
  const { units: packed, draws } = scratch;
  const weights = new Float64Array(n);
  let sw = 0;
  let sb = 0;
  let sh = 0;
  let constant = true;
  const b0 = units[0].base;
  const h0 = units[0].head;
  for (let k = 0; k < n; k++) {
    const u = units[k];
    const wb = u.weight * u.base;
    const wh = u.weight * u.head;
    weights[k] = u.weight;
    packed[3 * k] = u.weight;
    packed[3 * k + 1] = wb;
    packed[3 * k + 2] = wh;
    sw += u.weight;
    sb += wb;
    sh += wh;
    if (u.base !== b0 || u.head !== h0) constant = false;
  }
  // For a constant feature the mean is the common value itself, not Σwb/Σw (which may be off by
  // an ulp), so the degenerate interval equals the hand-computed delta.
  const meanBase = constant ? b0 : sb / sw;
  const meanHead = constant ? h0 : sh / sw;
  const point = {
    perRequestBase: meanBase,
    perRequestHead: meanHead,
    monthlyDelta: meanHead * rpmHead - meanBase * rpmBase,
    perRequestDelta: meanHead - meanBase,
    headMonthly: meanHead * rpmHead,
  };

  const monthlyDelta = new Float64Array(resamples);
  const perRequestDelta = new Float64Array(resamples);
  const headMonthly = new Float64Array(resamples);
  if (constant) {
    monthlyDelta.fill(point.monthlyDelta);
    perRequestDelta.fill(point.perRequestDelta);
    headMonthly.fill(point.headMonthly);
  } else {
    drawResamples(rng, packed, draws, n, rpmBase, rpmHead, monthlyDelta, perRequestDelta, headMonthly);
  }
  return {
    id: series.id,
    team: series.team,
    point,
    monthlyDelta,
    perRequestDelta,
    headMonthly,
    effectiveUnits: effectiveSampleSize(weights),
  };
}

/**
 * The generator of one feature: seeded from the run's seed and the feature id (see
 * `seedFromString`), so each feature's draws depend on nothing else: not on the other features,
 * their order or their sizes. That makes features independent work items (a worker thread can
 * take some) with the same result wherever they are computed.
 */
export function featureGenerator(seed: string, featureId: string): Pcg32 {
  return Pcg32.fromString(`${seed}\u0000${featureId}`);
}

/** Sorts features by id (code-unit order) and refuses duplicate ids. */
export function orderFeatures(series: readonly FeatureSeries[]): FeatureSeries[] {
  const ordered = series.slice().sort((a, b) => compareIds(a.id, b.id));
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i].id === ordered[i - 1].id)
      throw new RangeError(`bootstrap: feature id "${ordered[i].id}" appears twice`);
  }
  return ordered;
}

/** Refuses a resample count that is not a positive integer. */
export function checkResamples(resamples: number): void {
  if (!(Number.isInteger(resamples) && resamples >= 1))
    throw new RangeError(`bootstrap: resamples must be an integer ≥ 1, got ${resamples}`);
}

/**
 * All resamples of one bootstrap run: every feature resampled with its own generator
 * ({@link featureGenerator}), then summed per team and in total ({@link sumResamples}).
 */
export function bootstrapResamples(
  series: readonly FeatureSeries[],
  seed: string,
  resamples: number,
): BootstrapResamples {
  checkResamples(resamples);
  const ordered = orderFeatures(series);
  const scratch = new ResampleScratch();
  const features = ordered.map((s) => resampleFeature(s, featureGenerator(seed, s.id), resamples, scratch));
  return sumResamples(features, resamples);
}

/**
 * Team and total resamples from per-feature ones: resample i of every feature is added into
 * resample i of its team and of the total, features in id order (so the floating-point sums are
 * the same on every run). `features` must be in id order.
 */
export function sumResamples(features: FeatureResamples[], resamples: number): BootstrapResamples {
  const teamIds = [...new Set(features.map((f) => f.team))].sort(compareIds);
  const teams = new Map<string, SummedResamples>();
  for (const t of teamIds)
    teams.set(t, { monthlyDelta: new Float64Array(resamples), headMonthly: new Float64Array(resamples) });
  const total: SummedResamples = {
    monthlyDelta: new Float64Array(resamples),
    headMonthly: new Float64Array(resamples),
  };
  for (const f of features) {
    const team = teams.get(f.team)!;
    for (let i = 0; i < resamples; i++) {
      team.monthlyDelta[i] += f.monthlyDelta[i];
      team.headMonthly[i] += f.headMonthly[i];
      total.monthlyDelta[i] += f.monthlyDelta[i];
      total.headMonthly[i] += f.headMonthly[i];
    }
  }
  return { features, teams, total, resamples };
}
