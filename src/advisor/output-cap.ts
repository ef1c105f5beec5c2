/**
 * The output cap (`max_tokens`) against the recorded outputs: a cap no answer comes near saves
 * nothing; a cap answers hit truncates them, and a truncated answer costs a retry.
 *
 * `outputCapAdvice(input: OutputCapInput): OutputCapAdvice` — pure.
 * - Input: `maxTokens` (the feature's cap at the revision; undefined when none is set), `outputs`
 *   (recorded output tokens per sample), `finishReasons` (per sample when recorded: `length`,
 *   `max_tokens`, `MAX_TOKENS` mean truncated), `requestsPerMonth`, `costPerRequest` (mean USD of
 *   one request: what a retry costs) and `outputUsdPerToken` (the model's output price per token).
 * - Output: `truncated` samples and their share, the largest recorded output, and:
 *   - `retryCostMonthly` = requestsPerMonth × share × costPerRequest: what truncation costs now if
 *     every truncated answer is retried once (the assumption, stated in `notes`);
 *   - `raiseCostMonthly` = requestsPerMonth × share × maxTokens × outputUsdPerToken: the most that
 *     doubling the cap adds (each truncated answer may use up to the cap again);
 *   - `verdict`: `no-cap`, `nothing-to-save` (no sample reaches 90% of the cap) or `truncating`.
 */

export interface OutputCapInput {
  maxTokens: number | undefined;
  outputs: readonly number[];
  finishReasons?: readonly (string | undefined)[];
  requestsPerMonth: number;
  costPerRequest: number;
  outputUsdPerToken: number;
}

export interface OutputCapAdvice {
  verdict: 'no-cap' | 'nothing-to-save' | 'near-cap' | 'truncating';
  samples: number;
  /** Samples that stopped at the cap (output ≥ cap or a truncation finish reason). */
  truncated: number;
  /** truncated ÷ samples (0 without samples). */
  share: number;
  /** Samples at or above 90% of the cap (truncated included). */
  near: number;
  largestOutput: number;
  retryCostMonthly: number;
  raiseCostMonthly: number;
  notes: string[];
}

/** Share of the cap from which an output counts as near it. */
const NEAR = 0.9;
const TRUNCATED = new Set(['length', 'max_tokens', 'max_output_tokens', 'MAX_TOKENS']);

/** What the output cap costs or saves (see the module comment). */
export function outputCapAdvice(input: OutputCapInput): OutputCapAdvice {
  const n = input.outputs.length;
  // A loop, not Math.max(...outputs): a feature can have more samples than a call has argument slots.
  let largestOutput = 0;
  for (const out of input.outputs) if (out > largestOutput) largestOutput = out;
  const advice: OutputCapAdvice = {
    verdict: 'no-cap',
    samples: n,
    truncated: 0,
    share: 0,
    near: 0,
    largestOutput,
    retryCostMonthly: 0,
    raiseCostMonthly: 0,
    notes: [],
  };
  const cap = input.maxTokens;
  if (cap === undefined || cap <= 0) {
    advice.notes.push('No max_tokens is set: answers are bounded only by the model, nothing to cap or raise.');
    return advice;
  }
  input.outputs.forEach((out, i) => {
    const reason = input.finishReasons?.[i];
    const cut = out >= cap || (reason !== undefined && TRUNCATED.has(reason));
    if (cut) advice.truncated++;
    if (cut || out >= NEAR * cap) advice.near++;
  });
  advice.share = n ? advice.truncated / n : 0;
  if (advice.truncated === 0) {
    advice.verdict = advice.near === 0 ? 'nothing-to-save' : 'near-cap';
    const pct = ((100 * largestOutput) / cap).toFixed(0);
    advice.notes.push(
      advice.near === 0
        ? `No recorded answer comes near max_tokens ${cap} (largest ${largestOutput} tokens, ${pct}%): the cap costs nothing and lowering it saves nothing.`
        : `${advice.near} of ${n} answers reach 90% of max_tokens ${cap} but none is cut: no retry cost yet.`,
    );
    return advice;
  }
  advice.verdict = 'truncating';
  advice.retryCostMonthly = input.requestsPerMonth * advice.share * input.costPerRequest;
  advice.raiseCostMonthly = input.requestsPerMonth * advice.share * cap * input.outputUsdPerToken;
  advice.notes.push(
    `${advice.truncated} of ${n} answers stop at max_tokens ${cap}: assuming each is retried once, truncation costs a full request each.`,
    `Doubling max_tokens adds at most one cap of output tokens to each of those answers.`,
  );
  return advice;
}
