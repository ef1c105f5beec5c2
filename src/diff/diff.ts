import {
  estimateFeature,
  replaySiteFor,
  siteNotices,
  summarizeFeature,
  type EstimateContext,
} from '../estimate/index.js';
import { withOfferedTiers } from '../estimate/index.js';
import type { FeatureEstimate, FeatureInput } from '../estimate/index.js';
import type { DiffFeatureInput } from '../load/index.js';
import type { ConfigWhere, FeatureDiff } from './types.js';
import { diffAgentFeature } from './agent-diff.js';
import { listChanges } from './changes.js';
import { replayAll } from './pair.js';

export type { DiffFeatureInput } from '../load/index.js';
export type { ConfigWhere, FeatureDiff } from './types.js';

/**
 * Price one feature at base and head. Existing features replay the same trusted samples through
 * both revisions (paired); added features are estimated at head alone, removed ones at base alone.
 */
export function diffFeature(
  input: DiffFeatureInput,
  ctx: EstimateContext,
  dates: { base: Date; head: Date },
  where: ConfigWhere,
): FeatureDiff {
  // Agent features replay whole runs call by call (src/diff/agent-diff.ts).
  if (input.baseAgent !== undefined || input.headAgent !== undefined) return diffAgentFeature(input, ctx, dates, where);
  const { merged, baseSite, headSite } = input;
  let traffic = input.traffic;
  const entry = merged.entry;
  const notes: string[] = [];
  if (merged.droppedFromConfig && headSite)
    notes.push(
      `The PR drops features.${entry.id} from the config but ${merged.headPrompt} remains: it stays priced under the base entry (unmapped after merge).`,
    );
  if (input.baseError) {
    const head = headSite
      ? estimateFeature({ feature: entry, site: headSite, traffic }, ctx, dates.head, where.file, where.positions)
      : null;
    return {
      id: merged.id,
      team: entry.team,
      status: 'unpriced',
      declaredInPr: merged.declaredInPr,
      base: null,
      head,
      pairs: null,
      changes: [],
      notes: [...notes, `The base side cannot be priced: ${input.baseError}`],
      baseError: input.baseError,
    };
  }
  if (!baseSite && headSite) {
    const head = estimateFeature(
      { feature: entry, site: headSite, traffic },
      ctx,
      dates.head,
      where.file,
      where.positions,
    );
    return {
      id: merged.id,
      team: entry.team,
      status: 'added',
      declaredInPr: merged.declaredInPr,
      base: null,
      head,
      pairs: null,
      changes: [],
      notes,
    };
  }
  if (baseSite && !headSite) {
    const base = estimateFeature(
      { feature: entry, site: baseSite, traffic },
      ctx,
      dates.base,
      where.file,
      where.positions,
    );
    return {
      id: merged.id,
      team: entry.team,
      status: 'removed',
      declaredInPr: merged.declaredInPr,
      base,
      head: null,
      pairs: null,
      changes: [],
      notes: [...notes, `${merged.basePrompt} is deleted by the PR.`],
    };
  }
  const baseRs = replaySiteFor(
    { feature: entry, site: baseSite!, traffic },
    ctx,
    dates.base,
    where.file,
    where.positions,
  );
  const headRs = replaySiteFor(
    { feature: entry, site: headSite!, traffic },
    ctx,
    dates.head,
    where.file,
    where.positions,
  );
  // The same lines at both sides: a line whose tier either side's model lacks is a bad line for both.
  traffic = withOfferedTiers(traffic, entry.id, ctx.catalog, () => [baseRs.model, headRs.model]);
  const baseInput: FeatureInput = { feature: entry, site: baseSite!, traffic };
  const headInput: FeatureInput = { feature: entry, site: headSite!, traffic };
  const base = estimateFeature(baseInput, ctx, dates.base, where.file, where.positions);
  let head: FeatureEstimate;
  let pairs: FeatureDiff['pairs'] = null;
  if (traffic) {
    const headResults = replayAll(baseRs, headRs, traffic, base.results, entry.id, ctx);
    head = summarizeFeature(headInput, headRs, headResults, {
      date: dates.head,
      configFile: where.file,
      positions: where.positions,
      notices: siteNotices(entry.id, headSite!),
      upperBound: false,
    });
    // Calibration and reconciliation compare the record with the revision it was recorded at:
    // they describe the base side only.
    head.calibration = null;
    head.reconciliation = null;
    pairs = base.results.map((b, i) => ({ base: b, head: headResults[i] }));
  } else {
    head = estimateFeature(headInput, ctx, dates.head, where.file, where.positions);
  }
  const changes = listChanges({
    entry,
    baseSite: baseSite!,
    headSite: headSite!,
    baseRs,
    headRs,
    base,
    head,
    traffic,
    ctx,
    basePrompt: merged.basePrompt!,
    headPrompt: merged.headPrompt,
    date: dates.head,
  });
  const changed = changes.length > 0 || head.monthly !== base.monthly;
  return {
    id: merged.id,
    team: entry.team,
    status: changed ? 'changed' : 'unchanged',
    declaredInPr: merged.declaredInPr,
    base,
    head,
    pairs,
    changes,
    notes,
  };
}
