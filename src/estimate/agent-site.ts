/**
 * One agent of an agent feature as a replayable call description: its model (resolved through the
 * catalog and `models:`), tokenizer, the tokens every call of it sends beside the conversation
 * (instructions, tool definitions, estimated tools without a schema) and its loop limit.
 */

import { renderEmpty } from '../artifacts/index.js';
import { CLAUDE_MODEL_ALIASES } from '../artifacts/index.js';
import { ConfigError, UnknownModelError, type SourceLocation } from '../errors.js';
import { tokenizerFor, type TokenCounter } from '../tokenize/index.js';
import type { AgentDefinition, AgentSpec, FeatureConfig, Position, ResolvedModel } from '../types.js';
import type { EstimateContext } from './types.js';
import { staticPrefixTokens, type ReplaySite } from './replay.js';
import { checkFeatureTier } from './tier-lines.js';

/** An agent at one revision, ready to replay its calls. */
export interface AgentSide {
  def: AgentDefinition;
  rs: ReplaySite;
  /** Tokens of the instructions (as a system message, reply priming included) plus tools: what a call sends of the agent when nothing else can be rendered. */
  staticTokens: number;
  /** Tokens a provider cache can hold across calls: tools and instructions (when they reference no variable). */
  prefix: number;
  /** Loop limit at this revision. */
  maxTurns?: number;
  /** Where the model's long-context prices change (Catalog.inputBreaks): loops are summed per bracket. */
  inputBreaks: readonly number[];
}

/** Where the feature sits in `.aicost.yml`, for messages. */
export interface FeatureWhere {
  configFile: string;
  positions: Record<string, Position>;
}

/**
 * Tokens of an agent's tools per call: definitions with a schema by OpenAI's rule (exact for
 * OpenAI models, scaled for others) plus the documented estimate per tool without a schema.
 */
export function agentToolTokens(
  def: AgentDefinition,
  rs: Pick<ReplaySite, 'tokenizer'>,
  counter: TokenCounter,
): { schema: number; estimated: number } {
  return {
    schema: def.site.tools.length ? counter.countTools(def.site.tools, rs.tokenizer) : 0,
    estimated: def.opaqueTools.length * def.opaqueToolTokens,
  };
}

/** Tokens of the instructions as one system message (3 + role + text), rendered with no variables. */
export function instructionsTokens(
  def: AgentDefinition,
  rs: Pick<ReplaySite, 'tokenizer'>,
  counter: TokenCounter,
): number {
  if (!def.site.messages.length) return 0;
  const r = renderEmpty(def.site);
  // countChat adds 3 to prime the reply; that belongs to the call, not to the instructions.
  return counter.countChat(r.messages, rs.tokenizer).tokens - 3;
}

/** Resolve an agent's model: its own, else (root) the feature's `model:`. Claude Code aliases need `models:`. */
export function resolveAgentModel(
  def: AgentDefinition,
  feature: FeatureConfig,
  ctx: EstimateContext,
  where: FeatureWhere,
): ResolvedModel {
  const own = def.site.model;
  const modelId = own ?? feature.model;
  if (!modelId) {
    const pos = where.positions[`features.${feature.id}`];
    throw new ConfigError(
      `feature "${feature.id}": agent ${def.name} (${def.file}) names no model and the feature sets no model:`,
      {
        location: { file: where.configFile, line: pos?.line, column: pos?.column },
        hint: `Add model: (e.g. model: openai/gpt-4o-mini) to features.${feature.id}, or a model to ${def.file}.`,
      },
    );
  }
  const at: SourceLocation = own
    ? { file: def.where.model?.file ?? def.file, line: def.where.model?.line ?? undefined }
    : { file: where.configFile, line: where.positions[`features.${feature.id}.model`]?.line };
  try {
    return ctx.catalog.resolve(modelId, at);
  } catch (e) {
    if (e instanceof UnknownModelError && CLAUDE_MODEL_ALIASES.includes(modelId.toLowerCase())) {
      const example =
        modelId.toLowerCase() === 'opus'
          ? 'anthropic/claude-opus-4-1'
          : modelId.toLowerCase() === 'haiku'
            ? 'anthropic/claude-haiku-4-5'
            : 'anthropic/claude-sonnet-4-5';
      throw new UnknownModelError(modelId, [], {
        location: at,
        hint: `"${modelId}" is a Claude Code model alias${def.inheritsModel ? ` (agent ${def.name} inherits it)` : ''}: say which model it means under models: in ${where.configFile}, e.g. models: { ${modelId}: ${example} }.`,
      });
    }
    throw e;
  }
}

/** Build an agent's replay description at one revision. */
export function agentSide(
  def: AgentDefinition,
  feature: FeatureConfig,
  ctx: EstimateContext,
  date: Date,
  where: FeatureWhere,
): AgentSide {
  const model = resolveAgentModel(def, feature, ctx, where);
  checkFeatureTier(feature, model, ctx, date, where.configFile, where.positions);
  return sideWith(def, model, ctx, date, feature);
}

/**
 * An agent side with a given model (the diff mixes one revision's texts with another's model).
 * `def` supplies instructions, tools and output cap; the loop limit is `def.maxTurns`.
 */
export function sideWith(
  def: AgentDefinition,
  model: ResolvedModel,
  ctx: EstimateContext,
  date: Date,
  feature: FeatureConfig,
): AgentSide {
  const tokenizer = tokenizerFor(model.family, model.canonical, model.tokenizer);
  const tools = agentToolTokens(def, { tokenizer }, ctx.counter);
  const rs: ReplaySite = {
    site: def.site,
    model,
    tokenizer,
    fixedTokens: tools.schema + tools.estimated,
    tier: feature.tier,
    priceSource: ctx.catalog.priceSource(model, date),
    price: (usage, tier, time) => ctx.catalog.price(model, usage, { tier, date, time }),
  };
  if (def.site.params.maxTokens !== undefined) rs.maxTokens = def.site.params.maxTokens;
  const staticTokens = ctx.counter.countChat(renderEmpty(def.site).messages, tokenizer).tokens + rs.fixedTokens;
  const side: AgentSide = {
    def,
    rs,
    staticTokens,
    prefix: staticPrefixTokens(rs, ctx.counter),
    inputBreaks: ctx.catalog.inputBreaks(model, date),
  };
  if (def.maxTurns !== undefined) side.maxTurns = def.maxTurns;
  return side;
}

/** Every agent of a spec at one revision, by name (root first). */
export function agentSides(
  spec: AgentSpec,
  feature: FeatureConfig,
  ctx: EstimateContext,
  date: Date,
  where: FeatureWhere,
): Map<string, AgentSide> {
  const out = new Map<string, AgentSide>();
  for (const def of spec.agents) out.set(def.name, agentSide(def, feature, ctx, date, where));
  return out;
}

/**
 * The side that prices calls naming an agent the definition does not have: no instructions or
 * tools of its own (nothing to change), the root's model. Such calls cost as recorded at both
 * revisions, unless the root's model changes.
 */
export function unknownAgentSide(root: AgentSide, ctx: EstimateContext): AgentSide {
  const def: AgentDefinition = {
    ...root.def,
    name: '(unknown agent)',
    site: { ...root.def.site, messages: [], tools: [], variables: [], unsupported: [], params: {} },
    opaqueTools: [],
    subAgents: [],
    maxTurns: undefined,
  };
  const rs: ReplaySite = { ...root.rs, site: def.site, fixedTokens: 0 };
  delete rs.maxTokens;
  return {
    def,
    rs,
    staticTokens: ctx.counter.countChat([], rs.tokenizer).tokens,
    prefix: 0,
    inputBreaks: root.inputBreaks,
  };
}
