/**
 * Expressions inside tags: dotted paths, literals and simple conditions. Everything else is
 * recognised only well enough to name it (`filter "upper"`, `call "range()"`) and is never run.
 */

import type { Expr, LitExpr, PathExpr } from './template-ast.js';

/** Property names that lead from data to code; refused wherever they appear in a path. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

type ETok =
  | { k: 'id'; v: string }
  | { k: 'num'; v: number; s: string }
  | { k: 'str'; v: string; s: string }
  | { k: 'op'; v: string };

// Hyphens are allowed between word characters (`{{ticket-body}}`): GitHub Models replaces any
// key literally, so such names occur; `a - b` with spaces stays an (unsupported) expression.
const ID = /[\p{L}_@$][\p{L}\p{N}_]*(?:-[\p{L}\p{N}_]+)*/uy;
const NUM = /\d+(?:\.\d+)?/y;
const STR = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/y;
const OPS = ['==', '!=', '<=', '>=', '**', '//', '..'];
const KEYWORDS = new Set(['not', 'and', 'or', 'in', 'is', 'if', 'else']);
// A Map, not an object literal: `'toString' in {...}` is true through the prototype.
const LITERALS = new Map<string, LitExpr['value']>([
  ['true', true],
  ['True', true],
  ['false', false],
  ['False', false],
  ['none', null],
  ['None', null],
  ['null', null],
]);

/** Splits expression text into tokens; never fails (unknown characters become operators). */
export function tokenizeExpr(src: string): ETok[] {
  const out: ETok[] = [];
  let i = 0;
  const at = (re: RegExp): string | null => {
    re.lastIndex = i;
    const m = re.exec(src);
    return m ? m[0] : null;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    let m: string | null;
    if ((m = at(ID))) out.push({ k: 'id', v: m });
    else if ((m = at(NUM))) out.push({ k: 'num', v: Number(m), s: m });
    else if ((m = at(STR))) out.push({ k: 'str', v: unquote(m), s: m });
    else {
      const two = src.slice(i, i + 2);
      m = OPS.includes(two) ? two : c;
      out.push({ k: 'op', v: m });
    }
    i += m.length;
  }
  return out;
}

function unquote(s: string): string {
  return s.slice(1, -1).replace(/\\(.)/g, (_, ch: string) => (ch === 'n' ? '\n' : ch === 't' ? '\t' : ch));
}

/** A cursor over expression tokens with the small recursive-descent grammar of conditions. */
class ExprParser {
  i = 0;
  constructor(readonly toks: ETok[]) {}

  get done(): boolean {
    return this.i >= this.toks.length;
  }

  peek(): ETok | undefined {
    return this.toks[this.i];
  }

  isOp(v: string): boolean {
    const t = this.toks[this.i];
    return t !== undefined && t.k === 'op' && t.v === v;
  }

  isWord(v: string): boolean {
    const t = this.toks[this.i];
    return t !== undefined && t.k === 'id' && t.v === v;
  }

  /** `a.b.0`, `this`, `this.x`, `@index`, Mustache `.`; null when not at a path. */
  path(): PathExpr | null {
    const t = this.peek();
    if (t?.k === 'op' && t.v === '.' && !(this.toks[this.i + 1]?.k === 'op')) {
      // Mustache `{{.}}` is the current item.
      if (this.i + 1 === this.toks.length) {
        this.i++;
        return { kind: 'path', root: 'this', segs: [], text: '.' };
      }
      return null;
    }
    if (t?.k !== 'id' || KEYWORDS.has(t.v) || LITERALS.has(t.v) || t.v.startsWith('$')) return null;
    const root = t.v;
    const segs: string[] = [];
    let text = root;
    this.i++;
    while (this.isOp('.')) {
      const seg = this.toks[this.i + 1];
      if (seg?.k === 'id' && !seg.v.startsWith('@') && !seg.v.startsWith('$')) segs.push(seg.v);
      else if (seg?.k === 'num' && /^\d+$/.test(seg.s)) segs.push(seg.s);
      else break;
      text += `.${segs[segs.length - 1]}`;
      this.i += 2;
    }
    return { kind: 'path', root, segs, text };
  }

  primary(): Expr | null {
    const t = this.peek();
    if (!t) return null;
    if (t.k === 'str' || t.k === 'num') {
      this.i++;
      return { kind: 'lit', value: t.v };
    }
    if (t.k === 'id' && LITERALS.has(t.v)) {
      this.i++;
      return { kind: 'lit', value: LITERALS.get(t.v) as LitExpr['value'] };
    }
    if (this.isOp('(')) {
      this.i++;
      const e = this.or();
      if (!e || !this.isOp(')')) return null;
      this.i++;
      return e;
    }
    return this.path();
  }

  comparison(): Expr | null {
    const left = this.primary();
    if (!left) return null;
    const t = this.peek();
    if (t?.k === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(t.v)) {
      this.i++;
      const right = this.primary();
      if (!right) return null;
      return { kind: 'cmp', op: t.v as '==', left, right };
    }
    if (this.isWord('is')) {
      this.i++;
      const negate = this.isWord('not');
      if (negate) this.i++;
      const test = this.peek();
      if (test?.k !== 'id' || !['defined', 'undefined', 'none', 'None'].includes(test.v)) return null;
      this.i++;
      const isUndefined = test.v === 'undefined';
      return {
        kind: 'test',
        arg: left,
        test: test.v === 'defined' || isUndefined ? 'defined' : 'none',
        negate: negate !== isUndefined,
      };
    }
    return left;
  }

  not(): Expr | null {
    if (this.isWord('not')) {
      this.i++;
      const arg = this.not();
      return arg && { kind: 'not', arg };
    }
    return this.comparison();
  }

  and(): Expr | null {
    let left = this.not();
    while (left && this.isWord('and')) {
      this.i++;
      const right = this.not();
      left = right && { kind: 'and', left, right };
    }
    return left;
  }

  or(): Expr | null {
    let left = this.and();
    while (left && this.isWord('or')) {
      this.i++;
      const right = this.and();
      left = right && { kind: 'or', left, right };
    }
    return left;
  }
}

/** The first forbidden name among identifier tokens, if any. */
function forbiddenIn(toks: ETok[]): string | undefined {
  for (const t of toks) if (t.k === 'id' && FORBIDDEN_NAMES.has(t.v)) return t.v;
  return undefined;
}

/** A value to insert: one path or one literal, all tokens consumed. */
export function parseOutputExpr(src: string): { expr: PathExpr | LitExpr } | { why: string } {
  const toks = tokenizeExpr(src);
  const bad = forbiddenIn(toks);
  if (bad) return { why: `forbidden name "${bad}"` };
  const p = new ExprParser(toks);
  const e = p.primary();
  if (e && p.done && (e.kind === 'path' || e.kind === 'lit')) return { expr: e };
  return { why: describeUnsupported(toks, src) };
}

/** A Jinja condition (`a`, `not a`, `a == "x"`, `a and b`, `a is defined`). */
export function parseCondition(src: string): { expr: Expr } | { why: string } {
  const toks = tokenizeExpr(src);
  const bad = forbiddenIn(toks);
  if (bad) return { why: `forbidden name "${bad}"` };
  const p = new ExprParser(toks);
  const e = p.or();
  if (e && p.done) return { expr: e };
  return { why: describeUnsupported(toks, src) };
}

/** A single path or literal (Handlebars `{{#if x}}` takes exactly one argument). */
export function parseSingleArg(src: string): { expr: Expr } | { why: string } {
  const r = parseOutputExpr(src);
  return 'expr' in r ? { expr: r.expr } : r;
}

/** A path alone (the iterable of a loop, a Mustache section name). */
export function parsePathOnly(src: string): { path: PathExpr } | { why: string } {
  const r = parseOutputExpr(src);
  if ('why' in r) return r;
  if (r.expr.kind !== 'path') return { why: `expression "${short(src)}"` };
  return { path: r.expr };
}

/**
 * `x in items` → `{ itemName: 'x', iter }`; `k, v in d.items()` and anything else → why.
 */
export function parseForHeader(src: string): { itemName: string; iter: PathExpr } | { why: string } {
  const m = /^([\p{L}_][\p{L}\p{N}_]*)\s+in\s+([\s\S]+)$/u.exec(src.trim());
  if (!m) {
    const toks = tokenizeExpr(src);
    const bad = forbiddenIn(toks);
    if (bad) return { why: `forbidden name "${bad}"` };
    const inAt = toks.findIndex((t) => t.k === 'id' && t.v === 'in');
    const rest = inAt >= 0 ? toks.slice(inAt + 1) : toks;
    const why = describeUnsupported(rest, src);
    return { why: why.startsWith('expression') ? `loop header "${short(src)}"` : why };
  }
  if (FORBIDDEN_NAMES.has(m[1])) return { why: `forbidden name "${m[1]}"` };
  const r = parsePathOnly(m[2]);
  return 'why' in r ? r : { itemName: m[1], iter: r.path };
}

/** Handlebars `items as |item index|` → path and block parameters. */
export function parseEachArgs(
  src: string,
): { iter: PathExpr; itemName?: string; indexName?: string } | { why: string } {
  const m = /^([\s\S]*?)\s+as\s+\|\s*([\p{L}_][\p{L}\p{N}_]*)(?:\s+([\p{L}_][\p{L}\p{N}_]*))?\s*\|$/u.exec(src.trim());
  const r = parsePathOnly(m ? m[1] : src);
  if ('why' in r) return r;
  for (const name of [m?.[2], m?.[3]])
    if (name && FORBIDDEN_NAMES.has(name)) return { why: `forbidden name "${name}"` };
  return { iter: r.path, itemName: m?.[2], indexName: m?.[3] };
}

/** Names the construct that made an expression unsupported, for the report. */
export function describeUnsupported(toks: ETok[], src: string): string {
  const bad = forbiddenIn(toks);
  if (bad) return `forbidden name "${bad}"`;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    const nx = toks[k + 1];
    if (t.k === 'op' && t.v === '|' && nx?.k === 'id') return `filter "${nx.v}"`;
  }
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.k !== 'op' || t.v !== '(') continue;
    if (k === 0 || toks[k - 1].k === 'op') {
      const nx = toks[k + 1];
      return nx?.k === 'id' ? `subexpression helper "${nx.v}"` : `expression "${short(src)}"`;
    }
    // Walk back over `a.b.c` to name the callee.
    let j = k - 1;
    let callee = '';
    while (j >= 0) {
      const c = toks[j];
      if (c.k === 'id') callee = c.v + callee;
      else if (c.k === 'op' && c.v === '.') callee = '.' + callee;
      else break;
      j--;
    }
    return `call "${callee}()"`;
  }
  if (toks.some((t) => t.k === 'op' && t.v === '[')) return `indexing "${short(src)}"`;
  if (toks.some((t) => t.k === 'op' && t.v === '..')) return `parent reference "${short(src)}"`;
  if (toks.length > 1 && toks[0].k === 'id' && toks.slice(1).every((t) => t.k !== 'op' || t.v === '=' || t.v === '.'))
    return `helper "${toks[0].v}"`;
  return `expression "${short(src)}"`;
}

/** Expression text for messages: one line, at most 60 characters. */
export function short(src: string): string {
  const s = src.replace(/\s+/g, ' ').trim();
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
