/** The front door of src/render/: what other folders may import from it. */
export { COMMENT_MAX_CHARS, SUMMARY_MAX_BYTES, diffMarkdown, fitMarkdown, sectionsMarkdown } from './diff-markdown.js';
export { diffText } from './diff-text.js';
export { estimateMarkdown, estimateText } from './estimate.js';
export { savingsMarkdown, suggestMarkdown, suggestText } from './suggest.js';
