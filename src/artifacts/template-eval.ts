/**
 * Evaluation of a parsed template: walks the nodes with the variables, within the hard bounds of
 * RENDER_LIMITS (loop iterations, output characters, node visits), and counts the work done so
 * tests can bound hostile templates without a clock.
 */

import type { Expr, PathExpr, TemplateIssue, TemplateNode, Truthiness } from './template-ast.js';
import { ownData, ownKeys, toJson, truthy } from './template-data.js';
import { MAX_LOOP_NESTING } from './template-parse.js';

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

let renderSteps = 0;
let valuesListed = 0;

/** Render steps (node visits) and values listed by loops so far in this process. */
export function evaluationWork(): { steps: number; listed: number } {
  return { steps: renderSteps, listed: valuesListed };
}

/** Renders parsed `nodes` with `vars`: the text, the paths found absent and the limits hit. */
export function evaluateNodes(
  nodes: TemplateNode[],
  vars: Record<string, unknown>,
  opts?: RenderOptions,
): { text: string; missing: string[]; limits: TemplateIssue[] } {
  const st = newState(opts);
  renderNodes(nodes, st, null, vars ?? {});
  renderSteps += st.steps;
  return { text: st.out.join(''), missing: [...st.missing], limits: st.limits };
}

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
