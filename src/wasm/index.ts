/** The front door of src/wasm/: what other folders may import from it. */
export { sleb, uleb } from './leb128.js';
