/**
 * Agent definitions of one feature at base and head, for the diff: each side read through its own
 * revision's reader (the definition and every file it references), errors at base reported as the
 * base side's error, errors at head thrown.
 */

import { loadAgentSpec, loadFeatureAgent, splitAgentRef, type AgentFileReader } from '../artifacts/index.js';
import type { MergedFeature } from '../config/index.js';
import { AicostError } from '../errors.js';
import type { AgentSpec, CallSite, Config } from '../types.js';

/** Both sides of an agent feature. */
export interface AgentPair {
  baseAgent: AgentSpec | null;
  headAgent: AgentSpec | null;
  /** The root agents' call sites (what prompt-feature code reads as the feature's site). */
  baseSite: CallSite | null;
  headSite: CallSite | null;
  baseError?: string;
  /** Repository files the feature's definitions read at either side: never "unpriced". */
  files: string[];
}

/**
 * Loads a feature's agent at base and head, or returns null when the head entry is a prompt
 * feature (the prompt path handles it). `headConfig` gives the head's entry of the feature.
 */
export async function loadAgentPair(
  m: MergedFeature,
  base: AgentFileReader,
  head: AgentFileReader,
  headConfig: Config,
  configPath: string,
): Promise<AgentPair | null> {
  const headEntry = headConfig.features[m.id] ?? m.entry;
  if (headEntry.agent === undefined && !(m.droppedFromConfig && m.entry.agent !== undefined)) return null;
  const files = new Set<string>();
  let baseAgent: AgentSpec | null = null;
  let baseError: string | undefined;
  if (m.basePrompt !== null) {
    files.add(splitAgentRef(m.basePrompt).path);
    if (m.entry.agent === undefined) {
      baseError = `the base side is the prompt feature ${m.basePrompt}; the PR turns it into an agent feature`;
    } else {
      try {
        baseAgent = await loadAgentSpec(base, m.basePrompt, configPath);
        for (const f of baseAgent.files) files.add(f);
      } catch (e) {
        if (!(e instanceof AicostError)) throw e;
        baseError = e.format().split('\n')[0];
      }
    }
  }
  let headAgent: AgentSpec | null = null;
  const headPath = splitAgentRef(m.headPrompt).path;
  files.add(headPath);
  if (!m.droppedFromConfig || (await head.exists(headPath))) {
    const pos = headConfig.positions[`features.${m.id}.agent`] ?? headConfig.positions[`features.${m.id}`];
    headAgent = await loadFeatureAgent(head, m.id, m.headPrompt, configPath, pos);
    for (const f of headAgent.files) files.add(f);
  }
  const pair: AgentPair = {
    baseAgent,
    headAgent,
    baseSite: baseAgent?.agents[0].site ?? null,
    headSite: headAgent?.agents[0].site ?? null,
    files: [...files].sort(),
  };
  if (baseError !== undefined) pair.baseError = baseError;
  return pair;
}
