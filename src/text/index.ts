/** The front door of src/text/: what other folders may import from it. */
export { closest, didYouMean, editDistance, maxDistanceFor } from './did-you-mean.js';
export { clip, codeBlock, inlineCode, oneLine } from './escape.js';
export { MINUS, count, grouped, pct, signedPct, signedUsd, textTable, usd } from './format.js';
export { escapeMarkdown } from './escape.js';
