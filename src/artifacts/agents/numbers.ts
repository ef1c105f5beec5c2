/** Whole-number settings of agent definitions (loop limits, output caps), read strictly. */

import type { Node } from 'yaml';
import { ArtifactError } from '../../errors.js';
import { findPair, isScalar, keyLine, positionOf } from '../yaml-source.js';
import type { YamlSource } from '../yaml-source.js';
import { grouped } from '../../text/index.js';

/**
 * The largest loop limit aicost accepts in an agent definition. No framework defaults to more
 * than a few hundred turns; a larger figure means "no limit", and as a static upper bound it
 * would price a history of millions of turns. README ("Limits") documents it.
 */
export const MAX_TURNS = 10_000;

/**
 * Reads `key` of `map` as a whole number ≥ 1 (and ≤ `max` when given). A quoted number is accepted with a note; anything
 * else throws, since a silently ignored loop limit or cap would misprice the agent.
 */
export function readWholeNumber(
  src: YamlSource,
  map: unknown,
  key: string,
  unit: string,
  notes: string[],
  max?: number,
): { value: number; line: number } | undefined {
  const found = findPair(map, [key]);
  if (!found) return undefined;
  const line = keyLine(src, found.pair);
  const node = found.pair.value;
  const raw: unknown = isScalar(node) ? node.value : node ? node.toJSON() : null;
  let n: number | undefined;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)) {
    n = Number(raw);
    notes.push(`${src.file}: ${key} at line ${line} is a quoted number ("${raw}"); read as ${n}`);
  }
  if (n === undefined || !Number.isInteger(n) || n < 1) {
    const pos = positionOf(src, (node ?? found.pair.key) as Node);
    throw new ArtifactError(`${key} must be a whole number of ${unit} ≥ 1, got ${JSON.stringify(raw ?? null)}`, {
      location: { file: src.file, line: pos.line, column: pos.column },
      hint: `Write it as a number, e.g. ${key}: 8.`,
    });
  }
  if (max !== undefined && n > max) {
    const pos = positionOf(src, (node ?? found.pair.key) as Node);
    throw new ArtifactError(`${key} is ${grouped(n)} ${unit}, above aicost's limit of ${grouped(max)}`, {
      location: { file: src.file, line: pos.line, column: pos.column },
      hint:
        unit === 'tokens'
          ? `Set ${key} to the output cap the model allows (at most ${grouped(max)}), or remove it.`
          : `Set ${key} to at most ${max} (${key}: ${Math.min(max, 50)} is typical), or remove it and give the feature typical_turns: in .aicost.yml.`,
    });
  }
  return { value: n, line };
}
