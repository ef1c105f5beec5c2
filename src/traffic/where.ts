/**
 * `where:` of a traffic entry: keeps the calls of a shared export whose fields match every
 * condition (a value, or a glob with `*` and `?`), and remembers the values it saw, so that a
 * `where` selecting nothing can say what the export holds instead.
 */
import type { FieldValue } from './import/types.js';

/** Distinct values remembered per field (the most frequent are named in messages). */
const MAX_DISTINCT = 1000;

export class WhereFilter {
  private readonly tests: [string, (v: string) => boolean][];
  private readonly values = new Map<string, Map<string, number>>();
  /** Calls kept so far. */
  selected = 0;

  constructor(private readonly where: Readonly<Record<string, string>>) {
    this.tests = Object.keys(where).map((field) => [field, matcher(String(where[field]))]);
    for (const [field] of this.tests) this.values.set(field, new Map());
  }

  /** Whether a call with these fields is selected (a list matches when any element does). */
  test(fields: Readonly<Record<string, FieldValue>>): boolean {
    let ok = true;
    for (const [field, match] of this.tests) {
      const v = Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
      const texts = v === undefined ? [] : Array.isArray(v) ? (v as readonly string[]).map(String) : [String(v)];
      const seen = this.values.get(field)!;
      for (const t of texts.length ? texts : ['(absent)']) {
        const n = seen.get(t);
        if (n !== undefined) seen.set(t, n + 1);
        else if (seen.size < MAX_DISTINCT) seen.set(t, 1);
      }
      if (ok && !texts.some(match)) ok = false;
    }
    if (ok) this.selected++;
    return ok;
  }

  /** `{gen_ai.prompt.name: "summarize"}` as written. */
  describe(): string {
    return `{${Object.keys(this.where)
      .map((k) => `${k}: ${JSON.stringify(this.where[k])}`)
      .join(', ')}}`;
  }

  /** The values each field had most often, e.g. `gen_ai.prompt.name was "triage" (40 calls), …`. */
  seen(): string {
    return [...this.values.entries()]
      .map(([field, counts]) => {
        const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
        if (top.length === 0) return `${field} was never seen (no call was read)`;
        return `${field} was ${top.map(([v, n]) => `${JSON.stringify(v)} (${n} ${n === 1 ? 'call' : 'calls'})`).join(', ')}${counts.size > 5 ? ', …' : ''}`;
      })
      .join('; ');
  }
}

/** Exact text, or a glob: `*` any run of characters, `?` one character. */
function matcher(pattern: string): (v: string) => boolean {
  if (!/[*?]/.test(pattern)) return (v) => v === pattern;
  const re = new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '*' ? '[\\s\\S]*' : c === '?' ? '[\\s\\S]' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
      .join('')}$`,
  );
  return (v) => re.test(v);
}
