/**
 * Agent runs without traces (design step 8 for agents): a static estimate of one run, labelled.
 *
 * The model: a run is one loop of the root agent (a CrewAI crew: one loop per task, in order) of
 * T turns, T = `typical_turns`, else the agent's max turns (an upper bound). Each turn is one call
 * with the agent's instructions, tools and a growing history: turn k (from 1) sends
 *
 *   input_k  = fixed + (k − 1) × out,    output_k = out,
 *
 * where fixed is the instructions as a system message (plus the CrewAI task text as the user
 * message), the tool definitions and the reply priming, and out = `typical_output_tokens`, else
 * the agent's max output tokens (an upper bound). Each earlier output stays in the history; tool
 * results and user turns are not known without traces and are not counted. Sub-agents are not in
 * a static run (how often they are called is only known from traces). No cache reads.
 */

import { renderEmpty } from '../artifacts/index.js';
import { ConfigError } from '../errors.js';
import type { TokenCounter } from '../tokenize/index.js';
import type { AgentSpec, CallUsage, FeatureConfig } from '../types.js';
import type { AgentSide, FeatureWhere } from './agent-site.js';
import type { AgentEstimate } from './agent-types.js';
import type { SampleResult } from './types.js';
import { inputOverTurns, sumOverTurns } from './turn-series.js';

/** What a static run used, for labels. */
export type StaticTurns = NonNullable<AgentEstimate['staticTurns']>;

/** Turns and output per turn of a loop of `side`'s agent, with where each figure came from. */
export function staticLoopShape(side: AgentSide, feature: FeatureConfig, where: FeatureWhere): StaticTurns {
  const turns = feature.typicalTurns ?? side.maxTurns;
  const pos = where.positions[`features.${feature.id}`];
  const at = { file: where.configFile, line: pos?.line, column: pos?.column };
  if (turns === undefined) {
    throw new ConfigError(
      `feature "${feature.id}" has no traffic, no typical_turns and agent ${side.def.name} (${side.def.file}) sets no max turns`,
      {
        location: at,
        hint: `Add typical_turns: to features.${feature.id} (or traffic with trace_id) so the agent's loop can be priced.`,
      },
    );
  }
  const out = feature.typicalOutputTokens ?? side.rs.maxTokens;
  if (out === undefined) {
    throw new ConfigError(
      `feature "${feature.id}" has no traffic, no typical_output_tokens and agent ${side.def.name} (${side.def.file}) sets no max tokens`,
      {
        location: at,
        hint: `Add typical_output_tokens: to features.${feature.id} (or traffic samples) so each turn's output can be priced.`,
      },
    );
  }
  return {
    turns,
    turnsFrom: feature.typicalTurns !== undefined ? 'typical_turns' : 'max_turns',
    outputTokens: out,
    outputFrom: feature.typicalOutputTokens !== undefined ? 'typical_output_tokens' : 'max_tokens',
  };
}

/** Tokens every turn of a loop sends: instructions (+ task text), tools, reply priming. */
export function staticFixedTokens(side: AgentSide, taskText: string | undefined, counter: TokenCounter): number {
  const msgs = renderEmpty(side.def.site).messages;
  if (taskText) msgs.push({ role: 'user', content: taskText });
  return counter.countChat(msgs, side.rs.tokenizer).tokens + side.rs.fixedTokens;
}

/** One static run: every loop's turns priced and summed into one result (source `static`). */
export function staticRun(
  spec: AgentSpec,
  sides: Map<string, AgentSide>,
  feature: FeatureConfig,
  where: FeatureWhere,
  counter: TokenCounter,
): { result: SampleResult; shape: StaticTurns; turnsByAgent: Map<string, number> } {
  let shape: StaticTurns | undefined;
  const usage: CallUsage = {
    inputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    cacheWrite1hTokens: 0,
    outputTokens: 0,
  };
  let cost = 0;
  let costLow = 0;
  let costHigh = 0;
  const turnsByAgent = new Map<string, number>();
  for (const loop of spec.staticLoops) {
    const side = sides.get(loop.agent)!;
    const s = staticLoopShape(side, feature, where);
    // The least certain shape labels the run: an upper bound anywhere makes the run one.
    if (!shape || s.turnsFrom === 'max_turns' || s.outputFrom === 'max_tokens') shape = s;
    const fixed = staticFixedTokens(side, loop.text, counter);
    turnsByAgent.set(loop.agent, (turnsByAgent.get(loop.agent) ?? 0) + s.turns);
    // Turn k sends fixed + (k − 1) × out: summed per price bracket, never turn by turn.
    const n = s.turns;
    const out = s.outputTokens;
    const tier = side.rs.tier;
    const at = (input: number): CallUsage => ({
      inputTokens: input,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      outputTokens: out,
    });
    const c = sumOverTurns(n, fixed, out, side.inputBreaks, (x) => side.rs.price(at(x), tier).total);
    cost += c;
    const band = side.rs.tokenizer.band;
    // The band scales each turn's input (rounded to a token, as a replayed call's is).
    const scaled = (b: number) =>
      sumOverTurns(n, fixed * b, out * b, side.inputBreaks, (x) => side.rs.price(at(Math.round(x)), tier).total);
    costLow += band ? scaled(band[0]) : c;
    costHigh += band ? scaled(band[1]) : c;
    usage.inputTokens += inputOverTurns(n, fixed, out);
    usage.outputTokens += n * out;
  }
  const id = `${spec.agents[0]?.file ?? 'agent'}#static-run`;
  const result: SampleResult = {
    id,
    unit: id,
    weight: 1,
    counted: usage.inputTokens,
    cacheablePrefix: 0,
    usage,
    cost,
    costLow,
    costHigh,
    source: 'static',
    atCap: false,
  };
  return { result, shape: shape!, turnsByAgent };
}
