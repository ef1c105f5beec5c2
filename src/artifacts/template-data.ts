/**
 * Plain-data access for the template renderer: values a template may see are own, enumerable data
 * properties only (no getters, no prototype chain, no `toJSON`), and truthiness follows Jinja or
 * Handlebars.
 */

import type { Truthiness } from './template-ast.js';
import { FORBIDDEN_NAMES } from './template-expr.js';

/**
 * The value of an own, enumerable data property; undefined otherwise. Getters are never called
 * and nothing is read through the prototype chain.
 */
export function ownData(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== 'object' || FORBIDDEN_NAMES.has(key)) return undefined;
  const d = Object.getOwnPropertyDescriptor(obj, key);
  return d && d.enumerable && 'value' in d ? d.value : undefined;
}

/** Own keys whose properties hold data (accessors skipped). */
export function ownKeys(obj: object): string[] {
  return Object.keys(obj).filter((k) => {
    const d = Object.getOwnPropertyDescriptor(obj, k);
    return d !== undefined && 'value' in d;
  });
}

/**
 * Compact JSON of plain data, like JSON.stringify but without calling `toJSON` or getters, safe on
 * cycles, and stopping once `limit` characters are written (the caller truncates).
 */
export function toJson(value: unknown, limit: number): string {
  const parts: string[] = [];
  let len = 0;
  const seen = new Set<object>();
  const put = (s: string) => {
    parts.push(s);
    len += s.length;
  };
  const walk = (x: unknown): void => {
    if (len > limit) return;
    if (x === null) return put('null');
    switch (typeof x) {
      case 'string':
        return put(JSON.stringify(x));
      case 'number':
        return put(Number.isFinite(x) ? String(x) : 'null');
      case 'boolean':
        return put(x ? 'true' : 'false');
      case 'bigint':
        return put(String(x));
      case 'object':
        break;
      default:
        return put('null');
    }
    const o = x as object;
    if (seen.has(o)) return put('null');
    seen.add(o);
    if (Array.isArray(o)) {
      put('[');
      for (let i = 0; i < o.length && len <= limit; i++) {
        if (i) put(',');
        walk(ownData(o, String(i)));
      }
      put(']');
    } else {
      put('{');
      let first = true;
      for (const k of Object.keys(o)) {
        if (len > limit) break;
        const d = Object.getOwnPropertyDescriptor(o, k);
        if (!d || !('value' in d)) continue;
        const t = typeof d.value;
        if (t === 'undefined' || t === 'function' || t === 'symbol') continue;
        if (!first) put(',');
        first = false;
        put(JSON.stringify(k));
        put(':');
        walk(d.value);
      }
      put('}');
    }
    seen.delete(o);
  };
  walk(value);
  return parts.join('');
}

/** Jinja treats empty mappings as false; Handlebars does not. Empty lists are false in both. */
export function truthy(v: unknown, mode: Truthiness): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '' || v === 0n) return false;
  if (typeof v === 'number' && Number.isNaN(v)) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (mode === 'jinja' && typeof v === 'object') return ownKeys(v as object).length > 0;
  return true;
}
