/**
 * The names that make a value in code cost-relevant, shared by the line scan (code-scan.ts) and
 * the syntax-tree scan (code-calls.ts): keyword arguments and properties that take a model id, an
 * output cap, a loop limit or a reasoning budget, and the constant names that hold one.
 */

/** What a cost-relevant value is. */
export type Family = 'model' | 'max-tokens' | 'loop' | 'reasoning';

/** Keyword arguments and properties that take a model id. */
export const MODEL_KEYS: ReadonlySet<string> = new Set([
  'model',
  'model_name',
  'model_id',
  'modelName',
  'modelId',
  'llm',
  'function_calling_llm',
]);
/** Azure OpenAI names a deployment where others name a model; deployment names are free-form. */
export const DEPLOYMENT_KEYS: ReadonlySet<string> = new Set([
  'deployment',
  'deployment_name',
  'deployment_id',
  'azure_deployment',
  'deploymentName',
  'azureDeployment',
]);
export const MAX_TOKENS_KEYS: ReadonlySet<string> = new Set([
  'max_tokens',
  'max_completion_tokens',
  'maxTokens',
  'maxCompletionTokens',
  'maxOutputTokens',
  'max_output_tokens',
  'max_new_tokens',
  'max_tokens_to_sample',
  'maxTokensToSample',
]);
export const LOOP_KEYS: ReadonlySet<string> = new Set([
  'maxSteps',
  'max_steps',
  'max_turns',
  'maxTurns',
  'max_iter',
  'max_iterations',
  'maxIterations',
  'recursion_limit',
  'recursionLimit',
  'request_limit',
  'requestLimit',
  'max_round',
  'max_rounds',
  'max_consecutive_auto_reply',
]);
/**
 * Reasoning budgets and efforts: Anthropic `thinking.budget_tokens`, AI SDK `budgetTokens`,
 * Gemini `thinkingBudget` / `thinking_budget`, OpenAI `reasoning_effort` / `reasoningEffort`.
 * `effort` counts only under a `reasoning` key (`reasoning={"effort": "high"}`).
 */
export const REASONING_KEYS: ReadonlySet<string> = new Set([
  'budget_tokens',
  'budgetTokens',
  'thinkingBudget',
  'thinking_budget',
  'reasoning_effort',
  'reasoningEffort',
]);
/** Parent keys shown with a reasoning key: `thinking.budget_tokens`, `reasoning.effort`. */
export const REASONING_PARENTS: ReadonlySet<string> = new Set(['thinking', 'reasoning']);
/** Effort levels OpenAI and the AI SDK accept; other strings under these keys are not efforts. */
export const EFFORTS: ReadonlySet<string> = new Set(['minimal', 'low', 'medium', 'high', 'none', 'xhigh']);

/** Constants holding a model id: `REPLY_MODEL`, `DEFAULT_MODEL_ID`, `summaryModel`, `default_model`. */
const UPPER_MODEL_NAME = /^[A-Z0-9_]*(?:^|_)(?:MODEL(?:_NAME|_ID)?|LLM)$/;
const CAMEL_MODEL_NAME = /^[a-z][A-Za-z0-9]*(?:Model|Llm|LLM)(?:Id|Name)?$/;
const SNAKE_MODEL_NAME = /^[a-z0-9_]*_(?:model|llm)(?:_name|_id)?$/;
export const UPPER_MAX_TOKENS = /^[A-Z0-9_]*(?:^|_)MAX_(?:OUTPUT_|COMPLETION_|NEW_)?TOKENS$/;
export const UPPER_LOOP =
  /^[A-Z0-9_]*(?:^|_)(?:MAX_(?:STEPS|TURNS|ITER|ITERATIONS|ROUNDS?)|RECURSION_LIMIT|REQUEST_LIMIT)$/;
const UPPER_REASONING = /^[A-Z0-9_]*(?:^|_)(?:THINKING_BUDGET|BUDGET_TOKENS|REASONING_EFFORT)$/;

/** A name that says it holds a model id. */
export function isModelName(name: string): boolean {
  return UPPER_MODEL_NAME.test(name) || CAMEL_MODEL_NAME.test(name) || SNAKE_MODEL_NAME.test(name);
}

/** The family of a number-or-effort setting by its key or constant name, or null. */
export function settingFamily(name: string, parent = ''): Exclude<Family, 'model'> | null {
  if (MAX_TOKENS_KEYS.has(name) || UPPER_MAX_TOKENS.test(name)) return 'max-tokens';
  if (LOOP_KEYS.has(name) || UPPER_LOOP.test(name)) return 'loop';
  if (REASONING_KEYS.has(name) || UPPER_REASONING.test(name)) return 'reasoning';
  if (name === 'effort' && parent === 'reasoning') return 'reasoning';
  return null;
}

/** How a setting is named in a summary: `thinking.budget_tokens`, `reasoning.effort`, `max_tokens`. */
export function settingLabel(name: string, parent: string): string {
  return REASONING_PARENTS.has(parent) && settingFamily(name, parent) === 'reasoning' ? `${parent}.${name}` : name;
}

/** One cost-relevant value found in code, by the line scan or the syntax-tree scan. */
export interface Match {
  family: Family;
  /** What old and new values are paired by: `model` for call arguments, else the name written. */
  key: string;
  /** The name shown in the summary. */
  label: string;
  /** `call` (model argument), `named` (a constant or env default), `step` (`stepCountIs(n)`), `setting`. */
  style: 'call' | 'named' | 'step' | 'setting';
  /** The value; for an unresolved model, the expression written. */
  value: string;
  /** 0-based column on its line. */
  column: number;
  /** True when a model argument could not be resolved to a literal in its file. */
  unresolved?: boolean;
  /** The function (or constant) holding the call the value goes to, for a `file#name` prompt. */
  holder?: string | null;
}
