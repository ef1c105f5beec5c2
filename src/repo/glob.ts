/**
 * Minimal glob matching for repository paths (`*`, `**`, `?`, `{a,b}`, `[abc]`). Patterns come
 * from config files, so the translation produces regexes without nested quantifiers (no ReDoS).
 */

const cache = new Map<string, RegExp>();

/** True when `pattern` contains glob syntax, i.e. it is not a plain path. */
export function isGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/** Compile a glob into an anchored RegExp matching `/`-separated relative paths. */
export function globToRegExp(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let re = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches everything below.
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) {
      re += '|';
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end > i + 1) {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += body.startsWith('!') ? `[^/${body.slice(1)}]` : `[${body}]`;
        i = end;
      } else {
        re += '\\[';
      }
    } else {
      re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
    }
  }
  const compiled = new RegExp(`^${re}$`);
  cache.set(pattern, compiled);
  return compiled;
}

/** Match one repository-relative path against a glob. */
export function matchGlob(path: string, pattern: string): boolean {
  return globToRegExp(pattern).test(path);
}

/**
 * The paths of `all` a traffic pattern names. A pattern that is itself one of the paths names
 * that file: a real file called `traffic/[eu].jsonl` must not be read as the glob `[eu]`.
 */
export function expandPattern(all: readonly string[], pattern: string): string[] {
  return all.includes(pattern) ? [pattern] : all.filter((f) => matchGlob(f, pattern));
}
