/** The action's entry (dist/index.js): everything happens in runAction. */
import { runAction } from './github/index.js';

await runAction();
