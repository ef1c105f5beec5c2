import { catalogAgeWarning } from '../catalog/index.js';
import { AicostError, ArtifactError, ConfigError } from '../errors.js';
import { tokenizerFor } from '../tokenize/index.js';
import type { CallSite, ResolvedModel } from '../types.js';
import { replaySample, staticPrefixTokens, staticSample, type ReplaySite } from './replay.js';
import { estimateAgentFeature } from './agent-estimate.js';
import { checkFeatureTier, withOfferedTiers } from './tier-lines.js';
import { badLineNotices, summarizeFeature } from './summary.js';
import type {
  EstimateContext,
  FeatureEstimate,
  FeatureInput,
  RevisionEstimate,
  RevisionSnapshot,
  SampleResult,
} from './types.js';

export {
  HOURS_PER_MONTH,
  MIN_WINDOW_DAYS,
  MIN_EFFECTIVE_SAMPLES,
  badLineNotices,
  summarizeFeature,
} from './summary.js';
export type { SummaryContext } from './summary.js';
export type { EstimateContext } from './types.js';

/** Build the revision's call description for a feature: model, tokenizer, fixed tokens, price. */
export function replaySiteFor(
  input: FeatureInput,
  ctx: EstimateContext,
  date: Date,
  configFile: string,
  positions: Record<string, { line: number; column: number }>,
): ReplaySite {
  const { feature, site } = input;
  // Code names its model in ways aicost may misread (a variable, a deployment): there the feature's model: wins.
  const fromSite = site.model !== undefined && !(site.format === 'code' && feature.model);
  const modelId = fromSite ? site.model : feature.model;
  if (!modelId) {
    const pos = positions[`features.${feature.id}`];
    if (site.format === 'code') {
      const why = site.notes?.find((n) => n.startsWith('model ')) ?? 'the call names no model aicost can read';
      throw new ConfigError(`feature "${feature.id}": ${site.file}: ${why}, and the feature sets no model:`, {
        location: { file: configFile, line: pos?.line, column: pos?.column },
        hint: `Add model: (e.g. model: openai/gpt-4o-mini) to features.${feature.id}: the model the code chooses at run time.`,
      });
    }
    throw new ConfigError(`feature "${feature.id}": ${site.file} names no model and the feature sets no model:`, {
      location: { file: configFile, line: pos?.line, column: pos?.column },
      hint: `Add model: (e.g. model: openai/gpt-4o-mini) to features.${feature.id}, or a model: key to ${site.file}.`,
    });
  }
  const where = fromSite
    ? { file: site.file, line: site.lines.model }
    : { file: configFile, line: positions[`features.${feature.id}.model`]?.line };
  const model: ResolvedModel = ctx.catalog.resolve(modelId, where);
  checkFeatureTier(feature, model, ctx, date, configFile, positions);
  // Input-only pricing is for embedding models: `api: embedding` on a chat model would drop its
  // output and chat framing from the figure, so a PR could lower its own cost with one line.
  if (site.api === 'embedding' && !/embed/i.test(model.canonical)) {
    throw new ArtifactError(
      `${site.file} declares an embeddings call, but ${model.canonical} is not an embedding model`,
      {
        location: { file: site.file, line: site.lines.api },
        hint: 'Use api: chat for a chat model, or name the embedding model the call uses (e.g. openai/text-embedding-3-small).',
      },
    );
  }
  const tokenizer = tokenizerFor(model.family, model.canonical, model.tokenizer);
  let fixed = 0;
  if (site.tools.length) fixed += ctx.counter.countTools(site.tools, tokenizer);
  if (site.responseSchema) fixed += ctx.counter.countText(site.responseSchema, tokenizer);
  return {
    site,
    model,
    tokenizer,
    fixedTokens: fixed,
    maxTokens: site.params.maxTokens,
    tier: feature.tier,
    priceSource: ctx.catalog.priceSource(model, date),
    price: (usage, tier, time) => ctx.catalog.price(model, usage, { tier, date, time }),
  };
}

/** Replay one feature at one revision and aggregate its per-request and monthly cost. */
export function estimateFeature(
  input: FeatureInput,
  ctx: EstimateContext,
  date: Date,
  configFile: string,
  positions: Record<string, { line: number; column: number }>,
): FeatureEstimate {
  // Agent features replay whole runs, each call with its agent (src/estimate/agent-estimate.ts).
  if (input.agent) return estimateAgentFeature(input, ctx, date, configFile, positions);
  const rs = replaySiteFor(input, ctx, date, configFile, positions);
  input = { ...input, traffic: withOfferedTiers(input.traffic, input.feature.id, ctx.catalog, () => [rs.model]) };
  const { feature, site, traffic } = input;
  const notices: string[] = [];
  const results: SampleResult[] = [];
  let upperBound = false;

  if (traffic) {
    const seen = new Map<string, number>();
    for (const s of traffic.samples) {
      if (s.feature !== undefined && s.feature !== feature.id) continue;
      const unit = s.traceId ?? s.id;
      results.push(replaySample(rs, s, ctx.counter, unit));
      if (s.model) {
        try {
          const m = ctx.catalog.resolve(s.model);
          // Dated snapshots of the same catalog entry (gpt-4o-mini-2024-07-18) are the same model.
          if (m.provider !== rs.model.provider || m.priceId !== rs.model.priceId)
            seen.set(m.canonical, (seen.get(m.canonical) ?? 0) + 1);
        } catch (e) {
          if (!(e instanceof AicostError)) throw e;
          seen.set(s.model, (seen.get(s.model) ?? 0) + 1);
        }
      }
    }
    for (const [m, n] of seen) {
      notices.push(
        `${feature.id}: ${n} sample(s) were recorded on ${m}; they are priced as ${rs.model.canonical}, the model ${site.file} names.`,
      );
    }
    notices.push(...badLineNotices(feature.id, traffic));
    if (results.length === 0) {
      throw new AicostError(
        'traffic',
        `feature "${feature.id}": none of the ${traffic.totalLines} traffic lines belongs to it (their feature field names other features)`,
        {
          location: { file: traffic.paths[0] ?? configFile },
          hint: `Set feature: ${feature.id} on its lines, or remove the feature field.`,
        },
      );
    }
  } else {
    // An embeddings call returns vectors, not tokens: no output is priced.
    const out = site.api === 'embedding' ? 0 : (feature.typicalOutputTokens ?? site.params.maxTokens);
    if (out === undefined) {
      const pos = positions[`features.${feature.id}`];
      throw new ConfigError(
        `feature "${feature.id}" has no traffic, no typical_output_tokens and ${site.file} sets no max tokens`,
        {
          location: { file: configFile, line: pos?.line, column: pos?.column },
          hint: `Add typical_output_tokens: to features.${feature.id} (or traffic samples) so output can be priced.`,
        },
      );
    }
    upperBound = feature.typicalOutputTokens === undefined && site.api !== 'embedding';
    const rows = site.testData.length ? site.testData : [Object.create(null) as Record<string, unknown>];
    rows.forEach((row, i) => results.push(staticSample(rs, row, out, ctx.counter, `${site.file}#testData[${i}]`)));
    if (!site.testData.length && site.variables.length) {
      notices.push(
        `${feature.id}: static estimate with empty variables (${site.variables.join(', ')}): add testData to ${site.file} or traffic samples for a truer figure.`,
      );
    }
    if (upperBound)
      notices.push(
        `${feature.id}: output priced at max tokens (${out}), an upper bound; set typical_output_tokens for a typical figure.`,
      );
  }
  notices.push(...siteNotices(feature.id, site));
  if (site.unsupported.length) {
    notices.push(
      `${feature.id}: ${site.file} uses template constructs aicost does not evaluate (counted as static text): ${site.unsupported.slice(0, 3).join('; ')}`,
    );
  }
  return summarizeFeature(input, rs, results, { date, configFile, positions, notices, upperBound });
}

/** The readings and unread keys a prompt file's parser noted, as notices naming the file. */
export function siteNotices(featureId: string, site: CallSite): string[] {
  return (site.notes ?? []).map((n) => `${featureId}: ${site.file}: ${n}`);
}

/** Replay every feature of a loaded revision. */
export function estimateRevision(snapshot: RevisionSnapshot, ctx: EstimateContext): RevisionEstimate {
  const { config } = snapshot;
  const features = snapshot.features.map((f) =>
    estimateFeature(f, ctx, snapshot.pricingDate, config.path, config.positions),
  );
  for (const f of features) {
    // Kept for the diff; the static prefix is what a provider cache can reuse across requests.
    const input = snapshot.features.find((x) => x.feature.id === f.id)!;
    if (input.agent) continue; // each call already carries its own agent's prefix
    const prefix = staticPrefixTokens(
      replaySiteFor(input, ctx, snapshot.pricingDate, config.path, config.positions),
      ctx.counter,
    );
    for (const r of f.results) r.cacheablePrefix = prefix;
  }
  const notices = [...snapshot.notices];
  const age = catalogAgeWarning(ctx.catalog.info, snapshot.pricingDate);
  if (age) notices.push(age);
  for (const f of features) notices.push(...f.notices);
  return {
    rev: snapshot.rev,
    label: snapshot.label,
    pricingDate: snapshot.pricingDate.toISOString().slice(0, 10),
    features,
    monthly: features.reduce((a, f) => a + f.monthly, 0),
    notices,
  };
}
