/**
 * Decoding OpenTelemetry attribute values for the otel importer: OTLP/JSON `AnyValue` lists and
 * the console exporter's plain dicts, int64 as strings, numbers or `{low, high}`, hex or base64
 * ids, nanosecond and ISO times, and the scalar reads the importer's field table needs.
 */
import type { FieldValue } from '../types.js';

export type Json = Record<string, unknown>;
/** Attribute values after decoding: scalars, lists, or nested key-value lists. */
export type Attr = string | number | boolean | bigint | Attr[] | { [k: string]: Attr } | null;
export type Attrs = Record<string, Attr>;

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** OTLP attributes `[{key, value: {stringValue | intValue | …}}]` → a prototype-free map. */
export function otlpAttrs(list: unknown): Attrs {
  const out = empty();
  if (list === undefined || list === null) return out;
  if (!Array.isArray(list)) throw new Error('attributes must be an array of {key, value}');
  for (const kv of list) {
    if (!isRecord(kv) || typeof kv['key'] !== 'string') continue;
    if (kv['key'] === '__proto__') continue;
    out[kv['key']] = anyValue(kv['value'], 0);
  }
  return out;
}

/** OTLP `AnyValue` → a plain value; int64 as string, number or `{low, high}` becomes a number or bigint. */
export function anyValue(v: unknown, depth: number): Attr {
  if (!isRecord(v) || depth > 16) return null;
  if ('stringValue' in v) return typeof v['stringValue'] === 'string' ? v['stringValue'] : null;
  if ('boolValue' in v) return v['boolValue'] === true;
  if ('intValue' in v) return int64(v['intValue']);
  if ('doubleValue' in v) {
    const d = v['doubleValue'];
    return typeof d === 'number' ? d : typeof d === 'string' && d.trim() !== '' ? Number(d) : null;
  }
  if ('arrayValue' in v) {
    const values = isRecord(v['arrayValue']) ? v['arrayValue']['values'] : undefined;
    return Array.isArray(values) ? values.map((x) => anyValue(x, depth + 1)) : [];
  }
  if ('kvlistValue' in v) {
    const values = isRecord(v['kvlistValue']) ? v['kvlistValue']['values'] : undefined;
    const out = Object.create(null) as { [k: string]: Attr };
    if (Array.isArray(values))
      for (const kv of values)
        if (isRecord(kv) && typeof kv['key'] === 'string' && kv['key'] !== '__proto__')
          out[kv['key']] = anyValue(kv['value'], depth + 1);
    return out;
  }
  return null;
}

/** Console-exporter attributes: a plain dict (values as Python printed them to JSON). */
export function plainAttrs(v: unknown): Attrs {
  const out = empty();
  if (!isRecord(v)) return out;
  for (const key of Object.keys(v)) {
    if (key === '__proto__') continue;
    const x = v[key];
    if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') out[key] = x;
    else if (Array.isArray(x)) out[key] = x.filter((e) => ['string', 'number', 'boolean'].includes(typeof e)) as Attr[];
  }
  return out;
}

/** An OTLP int64: decimal string, number, or the `{low, high}` of otlp-transformer around 0.44. */
export function int64(v: unknown): number | bigint | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) {
    const b = BigInt(v.trim());
    return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
  }
  if (isRecord(v) && typeof v['low'] === 'number' && typeof v['high'] === 'number') {
    const b = (BigInt(v['high']) << 32n) | BigInt(v['low'] >>> 0);
    return b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
  }
  return null;
}

/** A token count: a whole number ≥ 0 (as number, string or double), else undefined. */
export function toCount(v: Attr | undefined): number | undefined {
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' ? (/^\d+$/.test(v.trim()) ? Number(v) : NaN) : typeof v === 'bigint' ? NaN : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

export function toNumber(v: Attr | undefined): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function firstCount(attrs: Attrs, names: string[]): number | undefined {
  for (const name of names) {
    const n = toCount(attrs[name]);
    if (n !== undefined) return n;
  }
  return undefined;
}

export function first(attrs: Attrs, names: string[]): string | undefined {
  for (const name of names) {
    const t = text(attrs[name]);
    if (t) return t;
  }
  return undefined;
}

/** Start time in ns (string, number or {low, high}) → RFC 3339 in ms; '' when absent; null when not a time. */
export function nanosToIso(v: unknown): string | null {
  if (v === undefined || v === null || v === '' || v === '0' || v === 0) return '';
  const ns = int64(v);
  if (ns === null) return null;
  const ms = Number(BigInt(ns) / 1_000_000n);
  if (!Number.isFinite(ms) || ms <= 0 || ms > 253_402_300_799_999) return null;
  return new Date(ms).toISOString();
}

/** The console exporter's ISO time (`2026-07-14T13:05:11.002000Z`) → RFC 3339; '' when absent. */
export function isoTime(v: unknown): string | null {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') return null;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * An id as lowercase hex: hex as is (a console `0x` prefix dropped), base64 (the generic protobuf
 * JSON mapping some exporters use) re-encoded; '' when absent or all zero; null when neither.
 */
export function hexId(v: unknown, hexLength: number): string | null {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v !== 'string') return null;
  let s = v.startsWith('0x') ? v.slice(2) : v;
  if (s.length === hexLength && HEX.test(s)) s = s.toLowerCase();
  else if (BASE64.test(s) && s.length === Math.ceil(hexLength / 2 / 3) * 4) {
    const bytes = Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length !== hexLength / 2) return null;
    s = bytes.toString('hex');
  } else return null;
  return /^0+$/.test(s) ? '' : s;
}

export function fieldValue(v: Attr): FieldValue | undefined {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' || typeof x === 'number').map(String);
  return undefined;
}

export function text(v: Attr | undefined): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function has(attrs: Attrs, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(attrs, key) && attrs[key] !== null;
}

export function empty(): Attrs {
  return Object.create(null) as Attrs;
}

export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

export function show(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string' && v.length <= 40) return JSON.stringify(v);
  if (typeof v === 'bigint') return v.toString();
  return kindOf(v);
}
