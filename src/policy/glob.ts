/**
 * `allowed_models` globs: `*` matches any run of characters (including `/`), everything else is
 * literal. Matching is a linear two-pointer walk, not a regular expression built from user text,
 * so no glob can make it backtrack exponentially (no ReDoS).
 */

/** A compiled glob: the glob as written and its test. */
export interface ModelGlob {
  glob: string;
  test: (id: string) => boolean;
}

/**
 * Compile one glob. Anchored at both ends and case-insensitive (canonical ids are lower-case;
 * `OpenAI/GPT-4o*` means what its author meant). Runs of `*` collapse to one.
 */
export function compileGlob(glob: string): ModelGlob {
  const pattern = glob.toLowerCase().replace(/\*+/g, '*');
  return { glob, test: (id: string) => globMatch(pattern, id.toLowerCase()) };
}

let steps = 0;

/** Steps of the matching walk taken so far in this process: tests bound a glob's work by it. */
export function globSteps(): number {
  return steps;
}

/**
 * Wildcard match with `*` only, worst case O(pattern × text): on a mismatch after a `*`, the
 * `*` absorbs one more character and the walk resumes, never revisiting earlier stars.
 */
function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    steps++;
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** The models of `ids` that match none of `globs` (in the order given). */
export function disallowedModels(ids: string[], globs: ModelGlob[]): string[] {
  return ids.filter((id) => !globs.some((g) => g.test(id)));
}
