/**
 * The static reading of code: scopes and imports (resolve.ts), values (values.ts), string forms
 * (strings.ts) and SDK calls (sdk-calls.ts). Imported on first use through index.ts
 * (loadCodeReading): only a feature whose prompt lives in code needs it, and it is most of this
 * folder's code, so the bundles keep it in a chunk that other starts neither parse nor load.
 */
export { ModuleLoader, functionScope, moduleInfo, moduleScope, importCandidates } from './resolve.js';
export { evaluate, dottedName, toJson, MAX_EVAL_DEPTH } from './values.js';
export { interpolations, pythonString, jsString } from './strings.js';
export { describe, findSdkCalls, messagesOf, readCall } from './sdk-calls.js';
