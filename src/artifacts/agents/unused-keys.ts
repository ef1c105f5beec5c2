import type { Node, Pair } from 'yaml';
import { isMap, isScalar, keyLine } from '../yaml-source.js';
import type { YamlSource } from '../yaml-source.js';

/** Key names that carry prompt text, a model or a limit: never dropped in silence. */
const COSTLY_NAME =
  /prompt|template|instruction|system|message|content|text|model|llm|tokens?\b|max_|max[A-Z]|limit|turns|iter|tool/i;
/** A string this long is text someone wrote for a model, whatever its key is called. */
const TEXT_LENGTH = 80;

/**
 * One note per key of `map` that the reader does not use (`used`) and that looks like prompt
 * text, a model or a limit (by its name, or a long string value), with `file:line`: the rule of
 * no silent miss. `what` names the holder (`agent researcher`, `the front matter`).
 */
export function unusedKeyNotes(src: YamlSource, map: unknown, used: readonly string[], what: string): string[] {
  if (!isMap(map)) return [];
  const notes: string[] = [];
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (used.includes(key)) continue;
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    const long = typeof value === 'string' && value.length >= TEXT_LENGTH;
    if (!COSTLY_NAME.test(key) && !long) continue;
    notes.push(
      `${src.file}:${keyLine(src, pair)}: ${what}: key ${key} is not read by aicost, so its edits are not priced (it looks like ${long ? 'prompt text' : 'text, a model or a limit'})`,
    );
  }
  return notes;
}
