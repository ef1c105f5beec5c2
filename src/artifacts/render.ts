/**
 * aicost's restricted template renderer. Prompt templates come from pull requests, so they are
 * data: no template engine, no `eval`, no property access beyond own enumerable data properties
 * of plain data, bounded loops and output. It covers what real prompt files use:
 * `{{var}}`, `{{ a.b }}`, `{{{var}}}`, Jinja `{% for %}` / `{% if %}` / `{# #}` / `{%- -%}`,
 * Handlebars `{{#each}}` / `{{#if}}` / `{{#unless}}` and Mustache sections. Anything else stays
 * in the output as its own text and is named in `unsupported`.
 */

import type { CallSite } from '../types.js';
import type { Expr, PathExpr, TemplateIssue, TemplateNode, Truthiness } from './template-ast.js';
import { FORBIDDEN_NAMES } from './template-expr.js';
import { lexedChars } from './template-lexer.js';
import { MAX_LOOP_NESTING, parseTemplate } from './template-parse.js';

/** Hard bounds of one render. Options may lower them, never raise them. */
export const RENDER_LIMITS = {
  maxLoopNesting: MAX_LOOP_NESTING,
  maxIterations: 10_000,
  maxOutputChars: 1_000_000,
  maxTemplateBytes: 1024 * 1024,
  /** Node visits per render: keeps loops over large bodies of empty tags bounded too. */
  maxSteps: 2_000_000,
} as const;

/** Lower limits for one render (tests, previews). */
export interface RenderOptions {
  maxIterations?: number;
  maxOutputChars?: number;
}

/** The text of a render, what it left unevaluated and which values were absent. */
export interface RenderResult {
  text: string;
  /** Constructs kept as static text and limits hit, e.g. `filter "upper" at line 3`. */
  unsupported: string[];
  /** Paths whose value was null or absent (rendered as empty text), in order of first use. */
  missing: string[];
}

/** A template parsed once; `render` is the hot path (per traffic sample × revision). */
export interface CompiledTemplate {
  readonly source: string;
  /** Top-level variable names in order of first use (loop variables and item fields excluded). */
  readonly variables: readonly string[];
  /** What the parser left as static text, with template lines. */
  readonly issues: readonly TemplateIssue[];
  /** `issues` formatted as in `RenderResult.unsupported`. */
  readonly unsupported: readonly string[];
  render(vars: Record<string, unknown>, opts?: RenderOptions): RenderResult;
  /** Like `render`, with the limits hit in this render kept apart from the static `issues`. */
  evaluate(
    vars: Record<string, unknown>,
    opts?: RenderOptions,
  ): { text: string; missing: string[]; limits: TemplateIssue[] };
}

/** `filter "upper" at line 3`; `lineOffset` shifts template lines to file lines. */
export function formatIssue(issue: TemplateIssue, lineOffset = 0): string {
  return `${issue.what} at line ${issue.line + lineOffset}`;
}

let renderSteps = 0;
let valuesListed = 0;

/**
 * Work done by templates so far in this process: characters the lexer searched, render steps
 * (node visits) and values listed by loops. Tests bound hostile templates by these counts
 * instead of a clock.
 */
export function templateWork(): { lexed: number; steps: number; listed: number } {
  return { lexed: lexedChars(), steps: renderSteps, listed: valuesListed };
}

// Bounded by entries and by characters held: the keys are the templates themselves.
const CACHE_MAX_ENTRIES = 2_000;
const CACHE_MAX_CHARS = 32 * 1024 * 1024;
const cache = new Map<string, CompiledTemplate>();
let cachedChars = 0;

/** Parses a template once and caches it by its text (oldest entries are dropped first). */
export function compileTemplate(template: string): CompiledTemplate {
  const hit = cache.get(template);
  if (hit) return hit;
  const compiled = build(template);
  if (template.length > RENDER_LIMITS.maxTemplateBytes) return compiled;
  while (cache.size && (cache.size >= CACHE_MAX_ENTRIES || cachedChars + template.length > CACHE_MAX_CHARS)) {
    const oldest = cache.keys().next().value as string;
    cache.delete(oldest);
    cachedChars -= oldest.length;
  }
  cache.set(template, compiled);
  cachedChars += template.length;
  return compiled;
}

/** Renders `template` with `vars` (compiled once and cached). */
export function renderTemplate(template: string, vars: Record<string, unknown>, opts?: RenderOptions): RenderResult {
  return compileTemplate(template).render(vars, opts);
}

/** Top-level variables a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  return [...compileTemplate(template).variables];
}

/** Empties the compiled-template cache (for tests and long-running processes). */
export function clearTemplateCache(): void {
  cache.clear();
  cachedChars = 0;
}

function build(source: string): CompiledTemplate {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > RENDER_LIMITS.maxTemplateBytes) {
    // Too large to parse safely: counted as the static text it is.
    const issues = [{ what: `template larger than 1 MiB (${bytes} bytes) left as static text`, line: 1 }];
    const nodes: TemplateNode[] = [{ type: 'text', text: source }];
    return makeCompiled(source, nodes, issues, []);
  }
  const { nodes, issues } = parseTemplate(source);
  return makeCompiled(source, nodes, issues, collectVariables(nodes));
}

function makeCompiled(
  source: string,
  nodes: TemplateNode[],
  issues: TemplateIssue[],
  variables: string[],
): CompiledTemplate {
  const unsupported = issues.map((i) => formatIssue(i));
  const evaluate = (vars: Record<string, unknown>, opts?: RenderOptions) => {
    const st = newState(opts);
    renderNodes(nodes, st, null, vars ?? {});
    renderSteps += st.steps;
    return { text: st.out.join(''), missing: [...st.missing], limits: st.limits };
  };
  return Object.freeze({
    source,
    variables: Object.freeze(variables),
    issues: Object.freeze(issues),
    unsupported: Object.freeze(unsupported),
    evaluate,
    render(vars: Record<string, unknown>, opts?: RenderOptions): RenderResult {
      const r = evaluate(vars, opts);
      return {
        text: r.text,
        missing: r.missing,
        unsupported: [...unsupported, ...r.limits.map((i) => formatIssue(i))],
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

/** One scope level: a Jinja loop variable, or a Handlebars/Mustache item context. */
interface Frame {
  parent: Frame | null;
  name?: string;
  value?: unknown;
  indexName?: string;
  hasContext: boolean;
  context?: unknown;
  meta?: { index: number; key: string | number; first: boolean; last: boolean };
  loop?: Record<string, unknown>;
}

interface State {
  out: string[];
  len: number;
  maxOut: number;
  iterations: number;
  maxIter: number;
  steps: number;
  stopped: boolean;
  iterLimitHit: boolean;
  line: number;
  missing: Set<string>;
  limits: TemplateIssue[];
}

function newState(opts?: RenderOptions): State {
  const clamp = (v: number | undefined, max: number) => (v !== undefined && v >= 0 && v < max ? Math.floor(v) : max);
  return {
    out: [],
    len: 0,
    maxOut: clamp(opts?.maxOutputChars, RENDER_LIMITS.maxOutputChars),
    iterations: 0,
    maxIter: clamp(opts?.maxIterations, RENDER_LIMITS.maxIterations),
    steps: 0,
    stopped: false,
    iterLimitHit: false,
    line: 1,
    missing: new Set(),
    limits: [],
  };
}

function push(st: State, s: string): void {
  if (st.stopped || s.length === 0) return;
  const room = st.maxOut - st.len;
  if (s.length <= room) {
    st.out.push(s);
    st.len += s.length;
    return;
  }
  let cut = s.slice(0, room);
  // Never leave half a surrogate pair at the cut.
  if (cut.length && /[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  st.out.push(cut);
  st.len = st.maxOut;
  st.stopped = true;
  st.limits.push({ what: `output longer than ${st.maxOut} characters truncated`, line: st.line });
}

function renderNodes(nodes: TemplateNode[], st: State, frame: Frame | null, vars: Record<string, unknown>): void {
  for (const node of nodes) {
    if (st.stopped) return;
    if (++st.steps > RENDER_LIMITS.maxSteps) {
      st.stopped = true;
      st.limits.push({ what: `more than ${RENDER_LIMITS.maxSteps} render steps: stopped`, line: st.line });
      return;
    }
    switch (node.type) {
      case 'text':
        push(st, node.text);
        break;
      case 'out': {
        st.line = node.line;
        const e = node.expr;
        if (e.kind === 'lit') push(st, e.value === null ? '' : String(e.value));
        else emitValue(resolvePath(e, frame, vars), e.text, st);
        break;
      }
      case 'if': {
        const branch = node.branches.find((b) =>
          truthy(evalExpr(b.cond, frame, vars, node.truthiness), node.truthiness),
        );
        renderNodes(branch ? branch.body : node.otherwise, st, frame, vars);
        break;
      }
      case 'loop':
        st.line = node.line;
        renderLoop(node, st, frame, vars);
        break;
    }
  }
}

function renderLoop(
  node: TemplateNode & { type: 'loop' },
  st: State,
  frame: Frame | null,
  vars: Record<string, unknown>,
): void {
  const value = resolvePath(node.iter, frame, vars);
  if (value === undefined || value === null) {
    if (node.style !== 'section') st.missing.add(node.iter.text);
    renderNodes(node.otherwise, st, frame, vars);
    return;
  }
  let entries: [string | number, unknown][];
  if (Array.isArray(value)) {
    entries = [];
    for (let i = 0; i < value.length; i++) entries.push([i, ownData(value, String(i))]);
  } else if (typeof value === 'object' && node.style !== 'section') {
    entries = ownKeys(value as object).map((k) => [k, node.style === 'jinja' ? k : ownData(value, k)]);
  } else if (node.style === 'section' && truthy(value, 'hbs')) {
    // A truthy non-list renders the section once, with the value as its context.
    entries = [[0, value]];
  } else {
    entries = [];
  }
  valuesListed += entries.length;
  if (entries.length === 0) {
    renderNodes(node.otherwise, st, frame, vars);
    return;
  }
  const length = entries.length;
  for (let i = 0; i < length; i++) {
    if (st.stopped) return;
    if (st.iterations >= st.maxIter) {
      if (!st.iterLimitHit) {
        st.iterLimitHit = true;
        st.limits.push({ what: `more than ${st.maxIter} loop iterations: loop stopped`, line: node.line });
      }
      return;
    }
    st.iterations++;
    const [key, item] = entries[i];
    const meta = { index: i, key, first: i === 0, last: i === length - 1 };
    const inner: Frame =
      node.style === 'jinja'
        ? { parent: frame, name: node.itemName, value: item, hasContext: false, loop: loopObject(i, length) }
        : {
            parent: frame,
            name: node.itemName,
            value: item,
            indexName: node.indexName,
            hasContext: true,
            context: item,
            meta,
          };
    renderNodes(node.body, st, inner, vars);
  }
}

/** Jinja's `loop` variable, as plain data. */
function loopObject(i: number, length: number): Record<string, unknown> {
  const o: Record<string, unknown> = Object.create(null);
  o.index = i + 1;
  o.index0 = i;
  o.revindex = length - i;
  o.revindex0 = length - i - 1;
  o.first = i === 0;
  o.last = i === length - 1;
  o.length = length;
  return o;
}

function resolvePath(p: PathExpr, frame: Frame | null, vars: Record<string, unknown>): unknown {
  let v = lookupRoot(p.root, frame, vars);
  for (const seg of p.segs) {
    if (v === undefined || v === null) return undefined;
    v = ownData(v, seg);
  }
  return v;
}

function lookupRoot(root: string, frame: Frame | null, vars: Record<string, unknown>): unknown {
  if (root === 'this') {
    for (let f = frame; f; f = f.parent) if (f.hasContext) return f.context;
    return vars;
  }
  if (root[0] === '@') {
    for (let f = frame; f; f = f.parent) {
      if (!f.meta) continue;
      if (root === '@index') return f.meta.index;
      if (root === '@key') return f.meta.key;
      if (root === '@first') return f.meta.first;
      if (root === '@last') return f.meta.last;
      return undefined;
    }
    return undefined;
  }
  for (let f = frame; f; f = f.parent) {
    if (f.name === root) return f.value;
    if (f.indexName === root) return f.meta?.index;
    if (f.loop && root === 'loop') return f.loop;
    if (f.hasContext) {
      const v = ownData(f.context, root);
      if (v !== undefined) return v;
    }
  }
  return ownData(vars, root);
}

/**
 * The value of an own, enumerable data property; undefined otherwise. Getters are never called
 * and nothing is read through the prototype chain.
 */
function ownData(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== 'object' || FORBIDDEN_NAMES.has(key)) return undefined;
  const d = Object.getOwnPropertyDescriptor(obj, key);
  return d && d.enumerable && 'value' in d ? d.value : undefined;
}

function ownKeys(obj: object): string[] {
  return Object.keys(obj).filter((k) => {
    const d = Object.getOwnPropertyDescriptor(obj, k);
    return d !== undefined && 'value' in d;
  });
}

function emitValue(v: unknown, path: string, st: State): void {
  switch (typeof v) {
    case 'string':
      push(st, v);
      return;
    case 'number':
    case 'boolean':
    case 'bigint':
      push(st, String(v));
      return;
    case 'object':
      if (v !== null) {
        push(st, toJson(v, st.maxOut - st.len));
        return;
      }
      break;
  }
  // null, undefined, and non-data values (functions, symbols) render as nothing.
  st.missing.add(path);
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
function truthy(v: unknown, mode: Truthiness): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '' || v === 0n) return false;
  if (typeof v === 'number' && Number.isNaN(v)) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (mode === 'jinja' && typeof v === 'object') return ownKeys(v as object).length > 0;
  return true;
}

function evalExpr(e: Expr, frame: Frame | null, vars: Record<string, unknown>, mode: Truthiness): unknown {
  switch (e.kind) {
    case 'lit':
      return e.value;
    case 'path':
      return resolvePath(e, frame, vars);
    case 'not':
      return !truthy(evalExpr(e.arg, frame, vars, mode), mode);
    case 'and':
      return truthy(evalExpr(e.left, frame, vars, mode), mode) && truthy(evalExpr(e.right, frame, vars, mode), mode);
    case 'or':
      return truthy(evalExpr(e.left, frame, vars, mode), mode) || truthy(evalExpr(e.right, frame, vars, mode), mode);
    case 'test': {
      const v = evalExpr(e.arg, frame, vars, mode);
      const r = e.test === 'defined' ? v !== undefined : v === null;
      return e.negate ? !r : r;
    }
    case 'cmp': {
      const a = evalExpr(e.left, frame, vars, mode);
      const b = evalExpr(e.right, frame, vars, mode);
      switch (e.op) {
        case '==':
          return a === b;
        case '!=':
          return a !== b;
        default: {
          const comparable =
            (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
          if (!comparable) return false;
          const x = a as number;
          const y = b as number;
          return e.op === '<' ? x < y : e.op === '>' ? x > y : e.op === '<=' ? x <= y : x >= y;
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Variables
// ---------------------------------------------------------------------------------------------

/**
 * Top-level names in order of first use. Loop variables, `loop`, `this`, `@index` and bare names
 * inside Handlebars/Mustache item blocks (fields of the item) are not top-level variables.
 */
function collectVariables(nodes: TemplateNode[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: PathExpr, bound: ReadonlySet<string>, inItem: boolean) => {
    if (p.root === 'this' || p.root[0] === '@' || bound.has(p.root) || inItem || seen.has(p.root)) return;
    seen.add(p.root);
    out.push(p.root);
  };
  const addExpr = (e: Expr, bound: ReadonlySet<string>, inItem: boolean): void => {
    switch (e.kind) {
      case 'path':
        return add(e, bound, inItem);
      case 'lit':
        return;
      case 'not':
      case 'test':
        return addExpr(e.arg, bound, inItem);
      default:
        addExpr(e.left, bound, inItem);
        addExpr(e.right, bound, inItem);
    }
  };
  const walk = (list: TemplateNode[], bound: ReadonlySet<string>, inItem: boolean): void => {
    for (const n of list) {
      if (n.type === 'out') {
        if (n.expr.kind === 'path') add(n.expr, bound, inItem);
      } else if (n.type === 'if') {
        for (const b of n.branches) {
          addExpr(b.cond, bound, inItem);
          walk(b.body, bound, inItem);
        }
        walk(n.otherwise, bound, inItem);
      } else if (n.type === 'loop') {
        add(n.iter, bound, inItem);
        const inner = new Set(bound);
        if (n.itemName) inner.add(n.itemName);
        if (n.indexName) inner.add(n.indexName);
        if (n.style === 'jinja') inner.add('loop');
        walk(n.body, inner, inItem || n.style !== 'jinja');
        walk(n.otherwise, bound, inItem);
      }
    }
  };
  walk(nodes, new Set(), false);
  return out;
}

/**
 * Fill a parsed site's `variables` and `unsupported` from its message templates; `starts[i]` is
 * the file line where message i's template begins, so issues point at file lines.
 */
export function collectTemplateFacts(site: CallSite, starts: readonly number[]): void {
  const vars = new Set<string>();
  const unsupported = new Set<string>();
  site.messages.forEach((m, i) => {
    const c = compileTemplate(m.template);
    for (const v of c.variables) vars.add(v);
    for (const issue of c.issues) unsupported.add(formatIssue(issue, starts[i] - 1));
  });
  site.variables = [...vars];
  site.unsupported = [...unsupported];
}
