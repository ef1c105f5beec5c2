/**
 * Which `file#name` code prompts the scan and init propose can actually be read as one (the code
 * artifact reader, src/artifacts/code.ts): a hint must lead to a config `estimate` accepts, so a
 * function the reader refuses (two model calls, a message built by a method call) is proposed the
 * old way, with the reader's reason.
 */

import { loadCodeArtifact } from '../artifacts/index.js';
import type { CodeFileReader } from '../code/index.js';

/** At most this many code prompts are checked per run; the rest are proposed unchecked. */
export const MAX_CODE_PROMPTS_CHECKED = 50;

/** Whether a code prompt reads, and what a feature on it needs. */
export interface CodePromptCheck {
  /** Why `file#name` does not read as a code prompt (the reader's message on one line), or null. */
  problem: string | null;
  /** The call sets no max tokens: without traffic the feature needs `typical_output_tokens`. */
  noMaxTokens: boolean;
}

/** Reads `ref` (`src/reply.py#reply`) as a code prompt and says whether it can be one. */
export async function checkCodePrompt(ref: string, reader: CodeFileReader): Promise<CodePromptCheck> {
  const hash = ref.lastIndexOf('#');
  try {
    const { site } = await loadCodeArtifact(reader, ref.slice(0, hash), ref.slice(hash + 1));
    return { problem: null, noMaxTokens: site.params.maxTokens === undefined && site.api !== 'embedding' };
  } catch (e) {
    return { problem: (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim(), noMaxTokens: false };
  }
}

/** The checks of the first MAX_CODE_PROMPTS_CHECKED `refs`, by ref. */
export async function checkCodePrompts(
  refs: Iterable<string>,
  reader: CodeFileReader,
): Promise<Map<string, CodePromptCheck>> {
  const out = new Map<string, CodePromptCheck>();
  for (const ref of refs) {
    if (out.size >= MAX_CODE_PROMPTS_CHECKED) break;
    out.set(ref, await checkCodePrompt(ref, reader));
  }
  return out;
}
