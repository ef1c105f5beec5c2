/**
 * What every rule shares: the features the PR touches, the change that caused most of an
 * increase, and the text pieces every message ends with (largest change, owners).
 */
import { signedUsd, usd } from '../text/index.js';
import type { FeatureJson, FeatureSideJson, ViolationRule } from '../report/index.js';
import type { PolicyInputs } from './types.js';

/** A violation before its severity is decided. */
export interface Finding {
  rule: ViolationRule;
  team: string | null;
  feature: string | null;
  file: string | null;
  line: number | null;
  message: string;
  /**
   * Reasons this finding must not fail even where its rule may (already broken at base, under
   * `min_increase_usd`, static figures). The first one is appended to the message.
   */
  notFailing: string[];
  /** The figures a plain sentence needs (limit, this PR's value, its interval), when the rule has them. */
  figures?: Figures;
  /** The change that caused most of it, for the sentence's "biggest cause". */
  cause?: Cause | null;
}

/** A rule's limit and the PR's value in one unit. */
export interface Figures {
  unit: 'usd_month' | 'percent' | 'usd_request';
  limit: number;
  value: number;
  /** The value's 95% interval, when there is one. */
  ci95: [number, number] | null;
}

/** One change (or an added feature) and its share of the monthly delta. */
export interface Cause {
  feature: string;
  /** `ticket-summary, model a → b (×16.7 price)` or `copy (added)`. */
  text: string;
  /** The change alone: `model a → b (×16.7 price)`, `added`, `removed`, or '' (no change recorded). */
  summary: string;
  effect: number;
  file: string | null;
  line: number | null;
}

/** Statuses that make a feature part of the change (and its team evaluated). */
const CHANGED: ReadonlySet<FeatureJson['status']> = new Set(['changed', 'added', 'removed']);

/** True for a feature the PR changes, adds or removes. */
export function isChanged(f: FeatureJson): boolean {
  return CHANGED.has(f.status);
}

/** A side priced from the artifact alone (no samples) or at max tokens: an estimate, not a measurement. */
export function isStatic(side: FeatureSideJson | null): boolean {
  return side !== null && (side.source.static >= 1 - 1e-12 || side.upper_bound);
}

/** Shared lookups over the inputs. */
export class PolicyContext {
  readonly changed: FeatureJson[];

  constructor(readonly inputs: PolicyInputs) {
    this.changed = inputs.report.features.filter(isChanged);
  }

  get policies() {
    return this.inputs.config.policies;
  }

  /** The feature's artifact: given by the caller, else the trusted entry's path. */
  artifactOf(id: string): string | null {
    const given = this.inputs.artifacts?.[id];
    if (given !== undefined) return given;
    const entry = this.inputs.config.features[id];
    return entry ? (entry.prompt ?? entry.agent ?? null) : null;
  }

  /** Every change of the given features with its monthly effect, in report order. */
  causesOf(features: FeatureJson[]): Cause[] {
    const out: Cause[] = [];
    for (const f of features) {
      if (!isChanged(f)) continue;
      if (f.status === 'added') {
        out.push({
          feature: f.id,
          text: `${f.id} (added)`,
          summary: 'added',
          effect: f.delta.monthly,
          file: this.artifactOf(f.id),
          line: null,
        });
      } else if (f.status === 'removed') {
        out.push({
          feature: f.id,
          text: `${f.id} (removed)`,
          summary: 'removed',
          effect: f.delta.monthly,
          file: this.artifactOf(f.id),
          line: null,
        });
      } else if (f.changes.length === 0) {
        out.push({
          feature: f.id,
          text: f.id,
          summary: '',
          effect: f.delta.monthly,
          file: this.artifactOf(f.id),
          line: null,
        });
      } else {
        for (const c of f.changes)
          out.push({
            feature: f.id,
            text: `${f.id}, ${c.summary}`,
            summary: c.summary,
            effect: c.monthly_effect,
            file: c.file,
            line: c.line,
          });
      }
    }
    return out;
  }

  /** The change that added the most per month (ties: the first in report order); null when none adds. */
  largestCause(features: FeatureJson[]): Cause | null {
    let best: Cause | null = null;
    for (const c of this.causesOf(features)) if (c.effect > 1e-9 && (best === null || c.effect > best.effect)) best = c;
    return best;
  }

  /**
   * The positive monthly deltas that rest on static figures (head side static or an upper
   * bound): removing them from a breach tells whether measured figures alone would break it.
   */
  staticIncrease(features: FeatureJson[]): number {
    return features
      .filter((f) => isChanged(f) && isStatic(f.head))
      .reduce((a, f) => a + Math.max(0, f.delta.monthly), 0);
  }

  /** Changed features of one team. */
  changedOfTeam(team: string): FeatureJson[] {
    return this.changed.filter((f) => f.team === team);
  }

  /** Owners of a team as the report lists them. */
  ownersOf(team: string): string[] {
    return this.inputs.report.teams.find((t) => t.team === team)?.owners ?? [];
  }
}

/** `; largest change: ticket-summary, model a → b (×16.7 price), +$2,100/month (prompts/x.yml:1)`, or ''. */
export function causeText(c: Cause | null): string {
  if (!c) return '';
  const where = c.file === null ? '' : ` (${c.file}${c.line !== null ? `:${c.line}` : ''})`;
  return `; largest change: ${c.text}, ${signedUsd(c.effect)}/month${where}`;
}

/** `; owners: @acme/support-leads`, or ''. */
export function ownersText(owners: string[]): string {
  return owners.length ? `; owners: ${owners.join(', ')}` : '';
}

/** `$7,900–$8,700` for an interval of money. */
export function moneyRange(lo: number, hi: number): string {
  return `${usd(lo)}–${usd(hi)}`;
}

/** The reason for a change under `min_increase_usd`, or null when it is not under. */
export function underMinimum(delta: number, min: number, what: string): string | null {
  return delta < min ? `${what} (${signedUsd(delta)}/month) is under min_increase_usd (${usd(min)})` : null;
}

/** A finding with its file and line taken from the change that caused most of it. */
export function finding(
  rule: ViolationRule,
  scope: { team?: string | null; feature?: string | null },
  cause: Cause | null,
  message: string,
  notFailing: (string | null)[],
  figures?: Figures,
): Finding {
  return {
    ...(figures ? { figures } : {}),
    cause,
    rule,
    team: scope.team ?? null,
    feature: scope.feature ?? null,
    file: cause?.file ?? null,
    line: cause?.line ?? null,
    message,
    notFailing: notFailing.filter((r): r is string => r !== null),
  };
}
