/**
 * Tool and output schemas written in code as JSON Schema: dict/object literals as they are, and
 * zod builders (`z.object({…})`, `z.string().describe(…)`, the Vercel AI SDK's usual form) read
 * into the JSON Schema they produce, so their tokens count like a prompt file's tool schema.
 */
import { toJson, type Value } from './values.js';

/** Most nested zod builders read (a recursive schema ends here). */
const MAX_ZOD_DEPTH = 32;

type Call = Extract<Value, { kind: 'call' }>;

/** The method chain of a builder call, innermost first: `z.string().min(1).describe("x")` → string, min, describe. */
function chain(call: Call): Call[] {
  const out: Call[] = [];
  for (let c: Value | undefined = call; c?.kind === 'call' && out.length < 64; c = c.receiver) out.unshift(c);
  return out;
}

const method = (c: Call): string => c.callee.slice(c.callee.lastIndexOf('.') + 1);

/** A zod builder as JSON Schema, or undefined when it is not one. */
function zodSchema(v: Value, depth: number): Record<string, unknown> | undefined {
  if (v.kind !== 'call' || depth > MAX_ZOD_DEPTH) return undefined;
  const calls = chain(v);
  const head = calls[0]!;
  if (!/^(z|zod)\.[a-zA-Z]+$/.test(head.callee)) return undefined;
  const kind = method(head);
  let schema: Record<string, unknown>;
  switch (kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      schema = { type: kind };
      break;
    case 'bigint':
      schema = { type: 'integer' };
      break;
    case 'enum': {
      const values = head.args[0] ? toJson(head.args[0]) : undefined;
      schema = { type: 'string', enum: Array.isArray(values) ? values : [] };
      break;
    }
    case 'literal':
      schema = { const: head.args[0] ? toJson(head.args[0]) : null };
      break;
    case 'array':
      schema = { type: 'array', items: (head.args[0] && zodSchema(head.args[0], depth + 1)) ?? {} };
      break;
    case 'object': {
      const shape = head.args[0];
      const properties: Record<string, unknown> = {};
      const required: string[] = [];
      if (shape?.kind === 'dict') {
        for (const [k, field] of shape.entries) {
          properties[k] = zodSchema(field, depth + 1) ?? {};
          const optional =
            field.kind === 'call' && chain(field).some((c) => /^(optional|nullish|default)$/.test(method(c)));
          if (!optional) required.push(k);
        }
      }
      schema = { type: 'object', properties, required, additionalProperties: false };
      break;
    }
    case 'union':
    case 'discriminatedUnion': {
      const options = head.args[kind === 'union' ? 0 : 1];
      schema = { anyOf: options?.kind === 'list' ? options.items.map((o) => zodSchema(o, depth + 1) ?? {}) : [] };
      break;
    }
    default:
      schema = {};
  }
  for (const c of calls.slice(1)) {
    const m = method(c);
    if (m === 'describe' && c.args[0]?.kind === 'str') schema.description = c.args[0].template;
    else if (m === 'array') schema = { type: 'array', items: schema };
    else if ((m === 'nullable' || m === 'nullish') && typeof schema.type === 'string')
      schema.type = [schema.type, 'null'];
  }
  return schema;
}

/**
 * A schema value as JSON Schema: a dict literal, a zod builder, or the Vercel AI SDK's
 * `jsonSchema({…})` / `zodSchema(z…)` wrappers. Undefined when it is not statically readable.
 */
export function schemaJson(v: Value | undefined): unknown {
  if (!v) return undefined;
  if (v.kind === 'call' && /(^|\.)(jsonSchema|zodSchema)$/.test(v.callee) && v.args[0]) return schemaJson(v.args[0]);
  return zodSchema(v, 0) ?? toJson(v);
}
