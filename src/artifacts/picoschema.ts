/**
 * Dotprompt's Picoschema (`docs/extending/picoschema.md` of google/dotprompt) compiled to the JSON
 * Schema the runtime sends as the response schema, so its tokens can be counted. A schema that is
 * already JSON Schema (a top-level `type` or `properties`) is kept as it is.
 */

import { isRecord, own } from './yaml-source.js';

const SCALARS = ['string', 'number', 'integer', 'boolean', 'null', 'any'];
/** Nesting past this is refused: the YAML reader bounds depth too, this bounds the output. */
const MAX_DEPTH = 32;

/** Why a Picoschema cannot be compiled (a named schema registered in code, an unknown type). */
export class PicoschemaError extends Error {}

/** True when `schema` is JSON Schema rather than Picoschema (the rule Dotprompt applies). */
export function isJsonSchema(schema: unknown): boolean {
  if (!isRecord(schema)) return false;
  const type = own(schema, 'type');
  return (
    (typeof type === 'string' && SCALARS.concat('object', 'array').includes(type)) ||
    isRecord(own(schema, 'properties'))
  );
}

/** JSON Schema for a Picoschema (or JSON Schema) value. Throws PicoschemaError. */
export function picoschemaToJsonSchema(schema: unknown, depth = 0): Record<string, unknown> {
  if (depth > MAX_DEPTH) throw new PicoschemaError(`nested deeper than ${MAX_DEPTH} levels`);
  if (isJsonSchema(schema)) return schema as Record<string, unknown>;
  if (typeof schema === 'string') {
    const [type, description] = typeAndDescription(schema);
    if (!SCALARS.includes(type))
      throw new PicoschemaError(`"${type}" is not a Picoschema type; a schema registered in code is not in the file`);
    return scalar(type, description);
  }
  if (!isRecord(schema)) throw new PicoschemaError('a schema must be a type name or a mapping of fields');
  return objectSchema(schema, depth);
}

function typeAndDescription(text: string): [string, string | undefined] {
  const comma = text.indexOf(',');
  if (comma < 0) return [text.trim(), undefined];
  return [text.slice(0, comma).trim(), text.slice(comma + 1).trim() || undefined];
}

function scalar(type: string, description?: string): Record<string, unknown> {
  const out: Record<string, unknown> = type === 'any' ? {} : { type };
  if (description) out.description = description;
  return out;
}

function objectSchema(fields: Record<string, unknown>, depth: number): Record<string, unknown> {
  // Field names come from the file: no prototype, so `__proto__` is just a field.
  const properties: Record<string, unknown> = Object.create(null);
  const required: string[] = [];
  const out: Record<string, unknown> = { type: 'object', properties, required, additionalProperties: false };
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (key === '(*)') {
      out.additionalProperties = picoschemaToJsonSchema(value, depth + 1);
      continue;
    }
    // name, name?, name(array), name?(object, a description)
    const m = /^([^?(]+)(\?)?(?:\(([^,)]+)(?:,([^)]*))?\))?$/.exec(key);
    if (!m) throw new PicoschemaError(`"${key}" is not a Picoschema field`);
    const [, name, optional, kind, kindDescription] = m;
    let prop: Record<string, unknown>;
    if (kind === 'array') prop = { type: 'array', items: picoschemaToJsonSchema(value, depth + 1) };
    else if (kind === 'object') prop = picoschemaToJsonSchema(value, depth + 1);
    else if (kind === 'enum') {
      if (!Array.isArray(value)) throw new PicoschemaError(`enum field "${name}" needs a list of values`);
      prop = { enum: optional ? [...value, null] : [...value] };
    } else if (kind !== undefined) throw new PicoschemaError(`"${kind}" is not a Picoschema field kind`);
    else prop = { ...picoschemaToJsonSchema(value, depth + 1) };
    if (kindDescription?.trim()) prop.description = kindDescription.trim();
    if (optional && typeof prop.type === 'string') prop.type = [prop.type, 'null'];
    if (!optional) required.push(name.trim());
    properties[name.trim()] = prop;
  }
  if (!required.length) delete out.required;
  return out;
}
