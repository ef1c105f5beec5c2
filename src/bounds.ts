/**
 * Bounds shared by the readers of numbers that come from files (config bounds live in
 * schema/aicost.schema.json, traffic line bounds in src/traffic/parse.ts). They keep every sum
 * and product of a report a finite number.
 */

/** Tokens of one call, any kind (input, output, an output cap): fifty times the largest context window on sale. */
export const MAX_TOKENS = 100_000_000;
