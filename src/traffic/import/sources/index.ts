/**
 * Every importer aicost ships, in the order auto-detection tries them. One module per source;
 * adding a source is adding it here.
 */
import type { Importer } from '../types.js';
import { otel } from './otel.js';

export const importers: readonly Importer[] = [otel];
