/**
 * A LiteLLM proxy config (`models_from:`) as aliases and prices: each `model_list` entry maps the
 * name the code calls (`model_name`) to the model that is billed (`model_info.base_model`, else
 * `litellm_params.model`), and its custom per-token prices become a price for that name only
 * (not for every use of the billed model). Pure: the file's text in, data and notices out.
 */
import { ConfigError } from '../errors.js';
import type { PriceOverride } from '../types.js';
import { clip, describeValue } from './percent.js';
import type { KeyPath } from './yaml-tree.js';
import { pathId, readYamlTree } from './yaml-tree.js';

/** What a LiteLLM config adds to the config's `models:` and `pricing:`. */
export interface LitellmModels {
  /** model_name (and router alias) → billed model id; `team/*` keys route a prefix. */
  models: Record<string, string>;
  /** model_name → its custom per-token price (USD per 1M tokens). */
  pricing: Record<string, PriceOverride>;
  /** `models.<name>` / `pricing.<name>` → `file:line` of the entry it comes from. */
  sources: Record<string, string>;
  notices: string[];
}

/**
 * USD of a reference call (1M input + 1M output tokens) on `id` at `price` (or the catalog's
 * price), or undefined when it has no price: ranks the deployments of a load-balanced name.
 */
export type DeploymentCost = (id: string, price?: PriceOverride) => number | undefined;

type RawMap = Record<string, unknown>;
const ENV = 'os.environ/';

/** LiteLLM's per-token price keys → aicost's per-1M fields. */
const PRICE_KEYS: [string, keyof PriceOverride][] = [
  ['input_cost_per_token', 'input'],
  ['output_cost_per_token', 'output'],
  ['cache_read_input_token_cost', 'cachedInput'],
  ['cache_creation_input_token_cost', 'cacheWrite'],
];
/** Keys that name models or bound calls but that aicost does not price: each gets a notice. */
const UNUSED_PARAMS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens', 'input_cost_per_second'];
const FALLBACK_KEYS = ['fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks', 'default_fallbacks'];

interface Deployment {
  /** What model_name maps to. */
  billed: string;
  /** An Azure deployment's priced model (`model_info.base_model`): `billed` (the deployment) maps to it. */
  baseModel?: string;
  price?: PriceOverride;
  line: number;
}

/**
 * Reads the `model_list` of a LiteLLM proxy config. Several deployments of one `model_name`
 * (load balancing) are priced as one of them: the cheapest under `routing_strategy:
 * cost-based-routing` (the router picks it), otherwise the most expensive, with a notice (the
 * default shuffle spreads calls by `weight`/`rpm`, which state capacity, not the share of calls;
 * the costliest deployment never under-states the bill). A deployment without a price counts as
 * the most expensive, so its name fails with "unknown model" rather than being priced low.
 */
export function readLitellmConfig(text: string, file: string, cost: DeploymentCost): LitellmModels {
  const tree = readYamlTree(text, file, {
    what: 'a LiteLLM config',
    sizeHint: 'models_from: reads a LiteLLM proxy config (model_list:); point it at that file.',
    oneDocument: 'a LiteLLM config is one document',
  });
  const line = (path: KeyPath): number =>
    (tree.keyPositions.get(pathId(path)) ?? tree.valuePositions.get(pathId(path)))?.line ?? 1;
  const at = (path: KeyPath): string => `${file}:${line(path)}`;
  const data = tree.value;
  if (!isMap(data) || !Array.isArray(data.model_list)) {
    throw new ConfigError(`${file} has no model_list: list; models_from: reads LiteLLM proxy configs`, {
      location: { file, line: isMap(data) && 'model_list' in data ? line(['model_list']) : 1 },
      hint: 'Point models_from: at the proxy config whose model_list: maps model_name to litellm_params.model.',
    });
  }
  const out: LitellmModels = {
    models: Object.create(null),
    pricing: Object.create(null),
    sources: Object.create(null),
    notices: [],
  };
  const groups = new Map<string, Deployment[]>();
  data.model_list.forEach((entry, i) => {
    const path = ['model_list', i];
    const deployment = readDeployment(entry, path, file, line, out.notices);
    if (!deployment) return;
    const list = groups.get(deployment.name) ?? [];
    list.push(deployment.deployment);
    groups.set(deployment.name, list);
  });

  const router = isMap(data.router_settings) ? data.router_settings : {};
  const cheapest = router.routing_strategy === 'cost-based-routing';
  for (const [name, list] of groups) {
    const chosen = choose(name, list, cheapest, cost, file, out.notices);
    if (name.includes('*')) {
      if (name === chosen.billed) {
        out.notices.push(
          `${file}:${chosen.line}: the wildcard route ${name} passes names through to the provider; such calls are priced by the model id as written.`,
        );
        continue;
      }
      if (name === '*' || name.indexOf('*') !== name.length - 1) {
        out.notices.push(
          `${file}:${chosen.line}: the route ${name} → ${chosen.billed} is not mapped (aicost maps routes that end in a * after a prefix, such as team/*); map the names it serves under models:.`,
        );
        continue;
      }
    }
    // `model_name: gpt-4o` → `gpt-4o` needs no alias (and one would be a cycle).
    if (name.toLowerCase() !== chosen.billed.toLowerCase()) {
      out.models[name] = chosen.billed;
      out.sources[`models.${name}`] = `${file}:${chosen.line}`;
    }
    if (chosen.baseModel && !(chosen.billed in out.models)) {
      out.models[chosen.billed] = chosen.baseModel;
      out.sources[`models.${chosen.billed}`] = `${file}:${chosen.line}`;
    }
    if (chosen.price && name.includes('*')) {
      out.notices.push(
        `${file}:${chosen.line}: the custom price of the wildcard route ${name} is not read (aicost reads prices of named routes); price its models under pricing:.`,
      );
    } else if (chosen.price) {
      out.pricing[name] = chosen.price;
      out.sources[`pricing.${name}`] = `${file}:${chosen.line}`;
    }
  }

  // Router aliases (`model_group_alias: { gpt-4: gpt-4o }`) name a model_name under another name.
  const groupAlias = isMap(router.model_group_alias) ? router.model_group_alias : {};
  for (const [alias, raw] of Object.entries(groupAlias)) {
    const target = isMap(raw) ? raw.model : raw;
    if (typeof target !== 'string' || target.length === 0 || alias in out.models) continue;
    out.models[alias] = target;
    out.sources[`models.${alias}`] = at(['router_settings', 'model_group_alias', alias]);
  }

  for (const section of ['router_settings', 'litellm_settings'] as const) {
    const settings = data[section];
    if (!isMap(settings)) continue;
    for (const key of FALLBACK_KEYS) {
      if (settings[key] === undefined) continue;
      out.notices.push(
        `${at([section, key])}: ${section}.${key} names models called when a call fails; aicost prices the primary models only.`,
      );
    }
  }
  return out;
}

/** One `model_list` entry as (model_name, deployment), or undefined with a notice. */
function readDeployment(
  entry: unknown,
  path: KeyPath,
  file: string,
  line: (path: KeyPath) => number,
  notices: string[],
): { name: string; deployment: Deployment } | undefined {
  const where = (p: KeyPath): string => `${file}:${line(p)}`;
  const name = isMap(entry) ? entry.model_name : undefined;
  const params = isMap(entry) && isMap(entry.litellm_params) ? entry.litellm_params : undefined;
  const info = isMap(entry) && isMap(entry.model_info) ? entry.model_info : undefined;
  const model = params?.model;
  if (typeof name !== 'string' || name.length === 0 || typeof model !== 'string' || model.length === 0) {
    throw new ConfigError(
      `${dotted(path)}: needs model_name and litellm_params.model (strings), got ${describeValue(entry)}`,
      {
        location: { file, line: line(path) },
        hint: 'Each model_list entry maps model_name (what the code calls) to litellm_params.model (what is billed).',
      },
    );
  }
  // LiteLLM prices a call by model_info.base_model when set (an Azure deployment name says nothing).
  const base = typeof info?.base_model === 'string' && info.base_model.length > 0 ? info.base_model : undefined;
  const azure = base !== undefined && model.startsWith('azure/') && !base.startsWith(ENV);
  const billed = base !== undefined && !azure ? base : model;
  const billedPath = billed === base ? [...path, 'model_info', 'base_model'] : [...path, 'litellm_params', 'model'];
  if (billed.startsWith(ENV)) {
    notices.push(
      `${where(billedPath)}: ${name} is billed as the model in environment variable ${billed.slice(ENV.length)}, known only when the proxy starts; ${name} is not mapped (map it under models:).`,
    );
    return undefined;
  }
  let price: PriceOverride | undefined;
  const found: Partial<Record<keyof PriceOverride, number>> = {};
  for (const holder of [params, info]) {
    if (!holder) continue;
    const holderKey = holder === params ? 'litellm_params' : 'model_info';
    for (const [key, field] of PRICE_KEYS) {
      const v = holder[key];
      if (v === undefined) continue;
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) {
        found[field] ??= round(v * 1e6);
      } else {
        notices.push(
          `${where([...path, holderKey, key])}: ${holderKey}.${key} of ${name} is ${typeof v === 'string' && v.startsWith(ENV) ? `read from environment variable ${v.slice(ENV.length)}` : `not a number (${clip(String(v), 40)})`}; the catalog price applies.`,
        );
      }
    }
    for (const key of UNUSED_PARAMS) {
      if (holder[key] !== undefined)
        notices.push(
          `${where([...path, holderKey, key])}: ${holderKey}.${key} of ${name} is not read by aicost (prices per token; output length comes from traffic or typical_output_tokens).`,
        );
    }
  }
  if (found.input !== undefined || found.output !== undefined) {
    if (found.input === undefined || found.output === undefined) {
      notices.push(
        `${where(path)}: ${name} has a custom ${found.input === undefined ? 'output' : 'input'} price only; both are needed, so the catalog price applies.`,
      );
    } else {
      price = { input: found.input, output: found.output };
      if (found.cachedInput !== undefined) price.cachedInput = found.cachedInput;
      if (found.cacheWrite !== undefined) price.cacheWrite = found.cacheWrite;
    }
  }
  const deployment: Deployment = { billed, line: line([...path, 'model_name']) };
  // Keeping the deployment on the alias chain keeps Azure as the seller (its tiers and discounts).
  if (azure) deployment.baseModel = base.replace(/^azure\//, 'openai/');
  if (price) deployment.price = price;
  return { name, deployment };
}

/** The deployment a load-balanced name is priced as (see readLitellmConfig). */
function choose(
  name: string,
  list: Deployment[],
  cheapest: boolean,
  cost: DeploymentCost,
  file: string,
  notices: string[],
): Deployment {
  const distinct = list.filter(
    (d, i) => list.findIndex((e) => e.billed === d.billed && JSON.stringify(e.price) === JSON.stringify(d.price)) === i,
  );
  if (distinct.length === 1) return list[0];
  const ranked = distinct.map((d) => ({ d, usd: cost(d.baseModel ?? d.billed, d.price) ?? Number.POSITIVE_INFINITY }));
  const pick = ranked.reduce((a, b) => ((cheapest ? b.usd < a.usd : b.usd > a.usd) ? b : a)).d;
  const names = distinct.map((d) => `${d.billed} (line ${d.line})`).join(', ');
  notices.push(
    cheapest
      ? `${file}:${list[0].line}: ${name} is load-balanced over ${distinct.length} deployments (${names}); routing_strategy cost-based-routing sends calls to the cheapest, so ${name} is priced as ${pick.billed}.`
      : `${file}:${list[0].line}: ${name} is load-balanced over ${distinct.length} deployments (${names}); the share of calls each gets is not known, so ${name} is priced as the most expensive, ${pick.billed} (map ${name} under models: to choose another).`,
  );
  return pick;
}

/** Per-token prices × 1e6 carry float noise (0.000003 × 1e6 = 2.9999999999999996). */
function round(v: number): number {
  return Number(v.toPrecision(12));
}

function dotted(path: KeyPath): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
}

function isMap(value: unknown): value is RawMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
