import type { MergedFeature } from '../config/index.js';
import type { AgentSpec, CallSite, Config, FeatureConfig, TrafficSet } from '../types.js';

/** What the repository says about one feature at base and head, loaded as plain data. */
export interface DiffFeatureInput {
  merged: MergedFeature;
  /** The artifact at base; null when the feature is new. */
  baseSite: CallSite | null;
  /** The artifact at head; null when the PR deletes it. */
  headSite: CallSite | null;
  /** Trusted samples: read at base for features that exist there, at head for added ones. */
  traffic: TrafficSet | null;
  /** Why the base side cannot be priced (unreadable artifact, unknown model at base, …). */
  baseError?: string;
  /** Agent features: the definition at base and head (null where absent); the sites are then the root agents'. */
  baseAgent?: AgentSpec | null;
  headAgent?: AgentSpec | null;
}

/** Everything one revision says about one feature, read from the repository as plain data. */
export interface FeatureInput {
  feature: FeatureConfig;
  /** The parsed prompt artifact at this revision. */
  site: CallSite;
  /** Traffic samples; null when the feature declares none (static estimate). */
  traffic: TrafficSet | null;
  /** Agent features: the definition (root and sub-agents); `site` is then the root agent's CallSite. */
  agent?: AgentSpec;
}

/** A revision of the project, loaded: the config and each feature's inputs. */
export interface RevisionSnapshot {
  /** Commit SHA, or null for the working tree. */
  rev: string | null;
  label: string;
  config: Config;
  features: FeatureInput[];
  /** Date prices are taken at. */
  pricingDate: Date;
  /** Notices from reading (symlinks skipped, …). */
  notices: string[];
}
