/**
 * Static values of expressions in one file: string and number literals, concatenations of them
 * (`"gpt-" + "4o"`, Python `"gpt-" "4o"`), names bound in the file (`MODEL`, `self.model`), dict and
 * object entries read by key (`CONFIG["model"]`, `CONFIG.model`), provider calls
 * (`openai(MODEL)`) and env reads with a default (`os.getenv("M", "gpt-4o")`, `process.env.M ??
 * 'gpt-4o'`). Anything else (a function argument, another module, `getattr`, an f-string with a
 * placeholder) is unresolved, and the node where resolution stopped is returned to be shown.
 */

import type { Bindings, SyntaxNode } from './code-walk.js';

/** A resolved value and the names it went through, or where resolution stopped. */
export type Resolved =
  { kind: 'value'; value: string; leaf: SyntaxNode; via: string[] } | { kind: 'unresolved'; leaf: SyntaxNode };

/** How many names deep a value is followed (`A = B`, `B = C`, …); a cycle stops here too. */
const MAX_DEPTH = 8;
/** Longest concatenation built; longer values are not model ids anyway. */
const MAX_VALUE = 400;

const WRAPPERS = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);
const PROVIDER_CALL =
  /^(?:openai|anthropic|google|vertex|mistral|xai|groq|deepseek|cohere|perplexity|togetherai|fireworks|bedrock|azure|openrouter|ollama|gateway)(?:\.(?:chat|responses|completion|languageModel))?$/;

function kids(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}

/** The text of a string literal without placeholders, or null (an f-string or template with `{x}`). */
function stringValue(node: SyntaxNode): string | null {
  let out = '';
  for (const c of kids(node)) {
    if (c.type === 'interpolation' || c.type === 'template_substitution') return null;
    if (c.type === 'string_content' || c.type === 'string_fragment' || c.type === 'escape_sequence') out += c.text;
  }
  return out;
}

/** A dictionary or object literal that `node` names (`CONFIG`), or null. */
function container(node: SyntaxNode, bindings: Bindings, depth: number): SyntaxNode | null {
  const n = unwrapped(node);
  if (n.type === 'dictionary' || n.type === 'object') return n;
  if (depth > MAX_DEPTH || !/^(?:identifier|attribute|member_expression)$/.test(n.type)) return null;
  const values = bindings.get(n.text);
  if (values?.length !== 1) return null;
  return container(values[0], bindings, depth + 1);
}

/** The value of `key` in a dictionary or object literal. */
function entry(obj: SyntaxNode, key: string): SyntaxNode | null {
  for (const p of kids(obj)) {
    if (p.type !== 'pair') continue;
    const k = p.childForFieldName('key');
    if (!k) continue;
    const name = k.type === 'string' ? stringValue(k) : k.text;
    if (name === key) return p.childForFieldName('value');
  }
  return null;
}

function unwrapped(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (WRAPPERS.has(n.type) && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

/** The static value of `node` in a file with `bindings`. */
export function resolveValue(node: SyntaxNode, bindings: Bindings, depth = 0): Resolved {
  const n = unwrapped(node);
  const stop: Resolved = { kind: 'unresolved', leaf: n };
  if (depth > MAX_DEPTH) return stop;
  const value = (v: string, via: string[] = []): Resolved =>
    v.length > MAX_VALUE ? stop : { kind: 'value', value: v, leaf: n, via };
  switch (n.type) {
    case 'string':
    case 'template_string': {
      const s = stringValue(n);
      return s === null ? stop : value(s);
    }
    case 'integer':
    case 'number':
      return value(n.text.replace(/_/g, ''));
    case 'concatenated_string':
    case 'binary_operator':
    case 'binary_expression': {
      const parts =
        n.type === 'concatenated_string' ? kids(n) : [n.childForFieldName('left'), n.childForFieldName('right')];
      const op = n.childForFieldName('operator')?.text;
      if (n.type !== 'concatenated_string' && (op === '??' || op === '||')) return orElse(n, bindings, depth);
      if (n.type !== 'concatenated_string' && op !== '+') return stop;
      let out = '';
      const via: string[] = [];
      for (const p of parts) {
        if (!p) return stop;
        const r = resolveValue(p, bindings, depth + 1);
        if (r.kind !== 'value') return r;
        out += r.value;
        via.push(...r.via);
      }
      return value(out, via);
    }
    case 'boolean_operator':
      return n.childForFieldName('operator')?.text === 'or' ? orElse(n, bindings, depth) : stop;
    case 'identifier':
    case 'shorthand_property_identifier':
    case 'attribute':
    case 'member_expression':
    case 'subscript':
    case 'subscript_expression': {
      const named = byName(n, bindings, depth);
      if (named) return named;
      return keyed(n, bindings, depth) ?? stop;
    }
    case 'call':
    case 'call_expression': {
      const callee = (n.childForFieldName('function')?.text ?? '').replace(/\s+/g, '');
      const args = kids(n.childForFieldName('arguments') ?? n).filter((a) => a !== n.childForFieldName('function'));
      if (PROVIDER_CALL.test(callee) && args[0]) return resolveValue(args[0], bindings, depth + 1);
      if (/(?:^|\.)(?:getenv|environ\.get)$/.test(callee)) {
        const kw = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default');
        const d = kw?.childForFieldName('value') ?? (args[1]?.type !== 'keyword_argument' ? args[1] : undefined);
        return d ? resolveValue(d, bindings, depth + 1) : stop;
      }
      return stop;
    }
    default:
      return stop;
  }
}

/** `a or "gpt-4o"`, `process.env.M ?? 'gpt-4o'`: the default is what the code falls back to. */
function orElse(n: SyntaxNode, bindings: Bindings, depth: number): Resolved {
  const right = n.childForFieldName('right');
  return right ? resolveValue(right, bindings, depth + 1) : { kind: 'unresolved', leaf: n };
}

/** A name bound in the file: all its bindings must give the same value. */
function byName(n: SyntaxNode, bindings: Bindings, depth: number): Resolved | null {
  const values = bindings.get(n.text);
  if (!values?.length) return null;
  let first: Resolved | null = null;
  for (const v of values) {
    const r = resolveValue(v, bindings, depth + 1);
    if (r.kind !== 'value') return { kind: 'unresolved', leaf: n };
    if (first && first.kind === 'value' && first.value !== r.value) return { kind: 'unresolved', leaf: n };
    first ??= r;
  }
  return first && first.kind === 'value' ? { ...first, via: [...first.via, n.text] } : null;
}

/** `CONFIG["model"]`, `CONFIG.model`, `CONFIG['model']`: an entry of a dict or object bound in the file. */
function keyed(n: SyntaxNode, bindings: Bindings, depth: number): Resolved | null {
  let objNode: SyntaxNode | null = null;
  let key: string | null = null;
  if (n.type === 'member_expression') {
    objNode = n.childForFieldName('object');
    key = n.childForFieldName('property')?.text ?? null;
  } else if (n.type === 'subscript' || n.type === 'subscript_expression') {
    objNode = n.childForFieldName('value') ?? n.childForFieldName('object');
    const k = n.childForFieldName('subscript') ?? n.childForFieldName('index');
    key = k && k.type === 'string' ? stringValue(k) : null;
  }
  if (!objNode || key === null) return null;
  const obj = container(objNode, bindings, depth + 1);
  const v = obj && entry(obj, key);
  if (!v) return null;
  const r = resolveValue(v, bindings, depth + 1);
  return r.kind === 'value' ? { ...r, via: [...r.via, n.text] } : r;
}
