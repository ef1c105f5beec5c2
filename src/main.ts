/** The action's entry (dist/index.js): everything happens in runAction. */
import { runAction } from './github/action.js';

await runAction();
