/** The policy module: rules, severities, base-breach suppression and the override (DESIGN "Policy semantics"). */
export { evaluatePolicies, ruleMayFail, RULE_ORDER } from './evaluate.js';
export { compileGlob, disallowedModels, globSteps, type ModelGlob } from './glob.js';
export type { OverrideState, PolicyInputs, PolicyResult } from './types.js';
export { policyInputsOf } from './inputs.js';
export type { CheaperModelInputs, PassRateInput } from './types.js';
