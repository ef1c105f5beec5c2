/** The front door of src/github/: what other folders may import from it. */
export { runAction } from './action.js';
