/**
 * Expressions of Python and TypeScript/JavaScript read as static values: strings (as template
 * text), numbers, lists, dicts/objects, calls with their arguments. Names are looked up through a
 * Scope (resolve.ts): a function parameter becomes a template variable, a constant its value,
 * anything else `unknown` (the caller decides whether that is an error or a notice).
 */
import type { CodeLanguage, CodeNode } from './parser.js';
import { interpolations, jsString, pythonString, type Substitute } from './strings.js';

/** A statically read value; `line` is 1-based. */
export type Value =
  | { kind: 'str'; template: string; line: number }
  | { kind: 'num'; value: number; line: number }
  | { kind: 'bool'; value: boolean; line: number }
  | { kind: 'null'; line: number }
  | { kind: 'list'; items: Value[]; line: number }
  | { kind: 'dict'; entries: Map<string, Value>; line: number; spread: boolean }
  | {
      kind: 'call';
      callee: string;
      args: Value[];
      kwargs: Map<string, Value>;
      line: number;
      /** The call this one is a method of (`z.string().describe(…)`: `z.string()`). */
      receiver?: Value;
    }
  /** A function parameter (or other runtime input) that a template variable stands for. */
  | { kind: 'var'; name: string; line: number }
  | { kind: 'unknown'; text: string; line: number };

/** Looks names up for the evaluator (resolve.ts). */
export interface Scope {
  language: CodeLanguage;
  /** The value a name stands for at `at`, or null when nothing binds it statically. */
  lookup(name: string, at: CodeNode, depth: number): Promise<Value | null>;
  /** `prompts.SYSTEM` where `prompts` is an imported module: the constant, or null. */
  member?(name: string, prop: string, at: CodeNode, depth: number): Promise<Value | null>;
}

/** Deepest chain of names and nested expressions followed: cycles (`A = B; B = A`) end here. */
export const MAX_EVAL_DEPTH = 48;
/** Most items read from one list or dict literal. */
const MAX_ITEMS = 10_000;

const lineOf = (n: CodeNode): number => n.startPosition.row + 1;

function unknown(node: CodeNode): Value {
  const text = node.text.length > 80 ? `${node.text.slice(0, 77)}...` : node.text;
  return { kind: 'unknown', text: text.replace(/\s+/g, ' '), line: lineOf(node) };
}

/** A dotted name of an attribute/member chain (`client.chat.completions.create`), or null. */
export function dottedName(node: CodeNode): string | null {
  switch (node.type) {
    case 'identifier':
    case 'property_identifier':
    case 'this':
    case 'self':
      return node.text;
    case 'attribute':
    case 'member_expression': {
      const obj = node.childForFieldName('object');
      const prop = node.childForFieldName(node.type === 'attribute' ? 'attribute' : 'property');
      const left = obj ? dottedName(obj) : null;
      return left && prop ? `${left}.${prop.text}` : null;
    }
    case 'call':
    case 'call_expression': {
      // `ChatOpenAI(model=…).invoke` and `openai("…").x` keep a readable callee: `ChatOpenAI().invoke`.
      const fn = node.childForFieldName('function');
      const name = fn ? dottedName(fn) : null;
      return name ? `${name}()` : null;
    }
    case 'await_expression':
    case 'parenthesized_expression':
    case 'non_null_expression':
      return node.namedChildren[0] ? dottedName(node.namedChildren[0]) : null;
    default:
      return null;
  }
}

/** Concatenation of two values as strings (`a + b`), or unknown. */
function concat(a: Value, b: Value, node: CodeNode): Value {
  const text = (v: Value): string | null =>
    v.kind === 'str' ? v.template : v.kind === 'var' ? `{{${v.name}}}` : v.kind === 'num' ? String(v.value) : null;
  const [x, y] = [text(a), text(b)];
  return x !== null && y !== null ? { kind: 'str', template: x + y, line: lineOf(node) } : unknown(node);
}

/** Evaluates an expression node. Never throws; what it cannot read is `unknown`. */
export async function evaluate(node: CodeNode | null, scope: Scope, depth = 0): Promise<Value> {
  if (!node) return { kind: 'null', line: 0 };
  if (depth > MAX_EVAL_DEPTH) return unknown(node);
  const ev = (n: CodeNode | null): Promise<Value> => evaluate(n, scope, depth + 1);
  const line = lineOf(node);
  switch (node.type) {
    case 'string':
      if (scope.language === 'python') {
        const t = pythonString(node, false, await substitutions(node, scope, depth));
        return t === null ? unknown(node) : { kind: 'str', template: t, line };
      }
      return { kind: 'str', template: jsString(node), line };
    case 'template_string':
      return { kind: 'str', template: jsString(node, await substitutions(node, scope, depth)), line };
    case 'concatenated_string': {
      let template = '';
      for (const part of node.namedChildren) {
        const t = part ? pythonString(part, false, await substitutions(part, scope, depth)) : null;
        if (t === null) return unknown(node);
        template += t;
      }
      return { kind: 'str', template, line };
    }
    case 'integer':
    case 'float':
    case 'number': {
      const value = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(value) ? { kind: 'num', value, line } : unknown(node);
    }
    case 'true':
    case 'false':
      return { kind: 'bool', value: node.type === 'true', line };
    case 'none':
    case 'null':
    case 'undefined':
      return { kind: 'null', line };
    case 'list':
    case 'tuple':
    case 'array': {
      const items: Value[] = [];
      for (const c of node.namedChildren.slice(0, MAX_ITEMS)) {
        if (!c || c.type === 'comment') continue;
        if (c.type === 'list_splat' || c.type === 'spread_element') items.push(unknown(c));
        else items.push(await ev(c));
      }
      return { kind: 'list', items, line };
    }
    case 'dictionary':
    case 'object':
      return evaluateDict(node, scope, depth);
    case 'identifier':
    case 'shorthand_property_identifier': {
      if (node.text === 'undefined') return { kind: 'null', line };
      const bound = await scope.lookup(node.text, node, depth + 1);
      return bound ?? unknown(node);
    }
    case 'attribute':
    case 'member_expression': {
      // `PROMPTS.system` / `PROMPTS["system"]` on a constant dict; a parameter's field is a variable.
      const obj = node.childForFieldName('object');
      const prop = node.childForFieldName(node.type === 'attribute' ? 'attribute' : 'property');
      if (!obj || !prop) return unknown(node);
      if (obj.type === 'identifier' && scope.member) {
        const m = await scope.member(obj.text, prop.text, obj, depth + 1);
        if (m) return m;
      }
      const base = await ev(obj);
      if (base.kind === 'dict') return base.entries.get(prop.text) ?? unknown(node);
      if (base.kind === 'var') return { kind: 'var', name: `${base.name}.${prop.text}`, line };
      return unknown(node);
    }
    case 'subscript':
    case 'subscript_expression': {
      const obj = node.childForFieldName(node.type === 'subscript' ? 'value' : 'object');
      const idx = node.childForFieldName(node.type === 'subscript' ? 'subscript' : 'index');
      const [base, key] = [await ev(obj), await ev(idx)];
      if (base.kind === 'dict' && key.kind === 'str') return base.entries.get(key.template) ?? unknown(node);
      if (base.kind === 'list' && key.kind === 'num') return base.items[key.value] ?? unknown(node);
      return unknown(node);
    }
    case 'binary_operator':
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.text;
      if (op !== '+') return unknown(node);
      return concat(await ev(node.childForFieldName('left')), await ev(node.childForFieldName('right')), node);
    }
    case 'parenthesized_expression':
    case 'await_expression':
    case 'as_expression':
    case 'satisfies_expression':
    case 'non_null_expression':
    case 'type_assertion':
    case 'expression_statement':
      return ev(node.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? null);
    case 'call':
    case 'call_expression':
    case 'new_expression':
      return evaluateCall(node, scope, depth);
    default:
      return unknown(node);
  }
}

/** Constants interpolated into a string, inlined; anything else stays a template variable. */
async function substitutions(node: CodeNode, scope: Scope, depth: number): Promise<Substitute | undefined> {
  const exprs = interpolations(node);
  if (!exprs.length) return undefined;
  const known = new Map<number, string>();
  for (const e of exprs) {
    const v = await evaluate(e, scope, depth + 1);
    if (v.kind === 'str') known.set(e.id, v.template);
    else if (v.kind === 'num') known.set(e.id, String(v.value));
    else if (v.kind === 'var') known.set(e.id, `{{${v.name}}}`);
  }
  return (e) => known.get(e.id);
}

async function evaluateDict(node: CodeNode, scope: Scope, depth: number): Promise<Value> {
  const entries = new Map<string, Value>();
  let spread = false;
  for (const c of node.namedChildren.slice(0, MAX_ITEMS)) {
    if (!c || c.type === 'comment') continue;
    if (c.type === 'pair') {
      const keyNode = c.childForFieldName('key');
      let key: string | null = null;
      if (keyNode?.type === 'property_identifier' || (keyNode?.type === 'identifier' && scope.language !== 'python'))
        key = keyNode.text;
      else if (keyNode) {
        const k = await evaluate(keyNode, scope, depth + 1);
        key = k.kind === 'str' ? k.template : k.kind === 'num' ? String(k.value) : null;
      }
      if (key !== null) entries.set(key, await evaluate(c.childForFieldName('value'), scope, depth + 1));
    } else if (c.type === 'shorthand_property_identifier') {
      entries.set(c.text, await evaluate(c, scope, depth + 1));
    } else if (c.type === 'method_definition') {
      const name = c.childForFieldName('name')?.text;
      if (name) entries.set(name, unknown(c));
    } else {
      // `...rest` / `**kwargs`: keys the reader cannot see (they may set any of them).
      const inner = await evaluate(c.namedChildren[0] ?? null, scope, depth + 1);
      if (inner.kind === 'dict') for (const [k, v] of inner.entries) entries.set(k, v);
      else spread = true;
    }
  }
  return { kind: 'dict', entries, line: node.startPosition.row + 1, spread };
}

async function evaluateCall(node: CodeNode, scope: Scope, depth: number): Promise<Value> {
  const fn = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
  const argsNode = node.childForFieldName('arguments');
  const callee = fn ? (dottedName(fn) ?? fn.text) : '';
  const args: Value[] = [];
  const kwargs = new Map<string, Value>();
  for (const a of argsNode?.namedChildren ?? []) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name')?.text;
      if (name) kwargs.set(name, await evaluate(a.childForFieldName('value'), scope, depth + 1));
    } else if (a.type === 'dictionary_splat') {
      const inner = await evaluate(a.namedChildren[0] ?? null, scope, depth + 1);
      if (inner.kind === 'dict') for (const [k, v] of inner.entries) kwargs.set(k, v);
      else kwargs.set('**', unknown(a));
    } else args.push(await evaluate(a, scope, depth + 1));
  }
  const line = node.startPosition.row + 1;
  // `"…{x}".format(x=…)` / `TEMPLATE.format(…)`: the string's fields are the template's variables.
  if (scope.language === 'python' && fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format') {
    const target = fn.childForFieldName('object');
    const s = target?.type === 'string' ? pythonString(target, true) : null;
    if (s !== null) return { kind: 'str', template: s, line };
    const v = await evaluate(target ?? null, scope, depth + 1);
    if (v.kind === 'str') return v;
  }
  // `textwrap.dedent(S)` / `inspect.cleandoc(S)` / `S.strip()` keep the text's tokens close enough.
  if (/(^|\.)(dedent|cleandoc|strip|trim|trimStart|trimEnd|lstrip|rstrip)$/.test(callee)) {
    const target =
      args[0] ??
      (fn && /member_expression|attribute/.test(fn.type)
        ? await evaluate(fn.childForFieldName('object'), scope, depth + 1)
        : null);
    if (target?.kind === 'str') return { kind: 'str', template: dedent(target.template), line };
  }
  const object = fn && /member_expression|attribute/.test(fn.type) ? fn.childForFieldName('object') : null;
  const receiver =
    object && /^(call|call_expression)$/.test(object.type) ? await evaluate(object, scope, depth + 1) : undefined;
  return { kind: 'call', callee, args, kwargs, line, receiver };
}

/** Removes the common leading whitespace of a text's lines and its outer blank lines (`textwrap.dedent` + strip). */
export function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines
    .map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length)))
    .join('\n')
    .trim();
}

/** A value as JSON data (tool schemas, response formats), or undefined when part of it is not static. */
export function toJson(v: Value): unknown {
  switch (v.kind) {
    case 'str':
      return v.template;
    case 'num':
    case 'bool':
      return v.value;
    case 'null':
      return null;
    case 'list': {
      const out = v.items.map(toJson);
      return out.includes(undefined) ? undefined : out;
    }
    case 'dict': {
      const out: Record<string, unknown> = {};
      for (const [k, x] of v.entries) {
        const j = toJson(x);
        if (j === undefined) return undefined;
        out[k] = j;
      }
      return out;
    }
    default:
      return undefined;
  }
}
