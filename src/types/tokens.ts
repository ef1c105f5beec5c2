/**
 * Contracts of token counting: the offline encodings aicost counts with and how a model's tokens are counted.
 * Re-exported from src/types.ts.
 */

/** Offline BPE encodings we count with. */
/**
 * An offline tokenizer aicost counts with: OpenAI's two encodings (gpt-tokenizer's tables) and
 * Llama 3's (src/generated/llama3-ranks.txt) and Gemma 3's (src/generated/gemma3-tokenizer.txt),
 * both read on first use.
 */
export type Encoding = OpenAiEncoding | 'llama3' | 'gemma3';

/** The encodings counted through gpt-tokenizer's BPE core (all but Gemma 3's SentencePiece BPE). */
export type TiktokenEncoding = Exclude<Encoding, 'gemma3'>;

/** OpenAI's encodings: the ones `pricing: { <id>: { tokenizer } }` may name (config schema). */
export type OpenAiEncoding = 'o200k_base' | 'cl100k_base';

/** How a model's tokens are counted. */
/**
 * What kind of text a prompt is (src/tokenize/content-kind.ts), for per-content estimates:
 * `cjk` Chinese/Japanese/Korean, `emoji` emoji-heavy, `code` code/JSON/markup, `prose` the rest.
 */
export type ContentKind = 'prose' | 'code' | 'cjk' | 'emoji';

export interface TokenizerChoice {
  encoding: Encoding;
  /** True when the encoding is the model's own (OpenAI models); false means an estimate. */
  exact: boolean;
  /** Multiplier applied to the encoding's count to estimate the model's own count (1 when exact). */
  scale: number;
  /** Relative band around an estimate, e.g. [0.9, 1.25]; null when exact. */
  band: [number, number] | null;
  /**
   * Per-content multipliers (estimates only): a text of kind k counts encoding count × kinds[k];
   * `scale` is then the prose one, used where no text is at hand (recorded variable counts).
   */
  kinds?: Readonly<Record<ContentKind, number>>;
  /**
   * Label for reports: the exact tokenizer's name (`o200k_base`, `llama3`, `gemma3`), or
   * `estimate (<factors>, band ×lo–hi, basis: <where the numbers come from>)`.
   */
  label: string;
}
