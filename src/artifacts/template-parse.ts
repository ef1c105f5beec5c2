/**
 * Parses a token stream into the template tree. Supported constructs become nodes; anything else
 * (filters, calls, includes, macros, partials, unknown helpers, over-deep loops) becomes its own
 * source text, unchanged, plus a `TemplateIssue`. Parsing never throws on template content.
 */

import type { Expr, LitExpr, PathExpr, TemplateIssue, TemplateNode, Truthiness } from './template-ast.js';
import {
  FORBIDDEN_NAMES,
  describeUnsupported,
  parseCondition,
  parseEachArgs,
  parseForHeader,
  parseOutputExpr,
  parsePathOnly,
  parseSingleArg,
  short,
  tokenizeExpr,
} from './template-expr.js';
import { LineIndex, lex } from './template-lexer.js';
import type { TagToken, Token } from './template-lexer.js';

/** Loops nested deeper than this are left as static text. */
export const MAX_LOOP_NESTING = 5;

/** What a tag means to the parser. */
type Directive =
  | { d: 'out'; expr: PathExpr | LitExpr }
  | { d: 'none' }
  | { d: 'static'; what: string }
  | { d: 'open'; open: Opener }
  | { d: 'mid'; dialect: 'jinja' | 'hbs'; kind: 'else' | 'elif'; cond?: Expr; why?: string }
  | { d: 'close'; key: string };

/** An opening block tag: how it closes, and what it becomes when supported. */
interface Opener {
  /** Key its closer produces: `endfor`, `endif`, `/each`, `/items`, `endmacro`. */
  closeKey: string;
  /** How the opener is named in messages: `{% for %}`, `{{#each}}`. */
  label: string;
  dialect: 'jinja' | 'hbs';
  /** Set when the block cannot be evaluated: it is kept as static text. */
  why?: string;
  build?:
    | { kind: 'if'; cond: Expr; negate: boolean; truthiness: Truthiness }
    | { kind: 'loop'; style: 'jinja' | 'each' | 'section'; iter: PathExpr; itemName?: string; indexName?: string };
}

/** Blocks (of any kind) nested deeper than this are left as static text. */
const MAX_BLOCK_NESTING = 100;

/** Longest tag content parsed as an expression. */
const MAX_TAG_CHARS = 2_000;

/** Jinja block statements aicost does not evaluate; their bodies are kept as static text. */
const JINJA_BLOCKS = new Set(['macro', 'call', 'filter', 'block', 'with', 'autoescape', 'trans']);

/** A parsed template: its tree and what could not be evaluated. */
export interface ParsedTemplate {
  nodes: TemplateNode[];
  issues: TemplateIssue[];
}

/** Parses template source; unsupported parts stay as literal text. */
export function parseTemplate(src: string): ParsedTemplate {
  const lines = new LineIndex(src);
  const issues: TemplateIssue[] = [];
  const tokens = lex(src, lines, issues);
  const parser = new Parser(src, tokens, lines, issues);
  const nodes = parser.parseAll();
  return { nodes: mergeText(nodes), issues: dedupe(issues) };
}

class Parser {
  private k = 0;
  private loopDepth = 0;
  private blockDepth = 0;

  constructor(
    private readonly src: string,
    private readonly tokens: Token[],
    private readonly lines: LineIndex,
    private readonly issues: TemplateIssue[],
  ) {}

  parseAll(): TemplateNode[] {
    return this.parseUntil(() => false).nodes;
  }

  /** Parses nodes until a directive `stop` accepts (returned) or the end of the tokens. */
  private parseUntil(stop: (d: Directive) => boolean): { nodes: TemplateNode[]; tok?: TagToken; dir?: Directive } {
    const nodes: TemplateNode[] = [];
    while (this.k < this.tokens.length) {
      const tok = this.tokens[this.k++];
      if (tok.t === 'text') {
        nodes.push({ type: 'text', text: tok.text });
        if (!tok.raw) this.scanForeignPlaceholders(tok.text, tok.start);
        continue;
      }
      const dir = this.classify(tok);
      switch (dir.d) {
        case 'out':
          nodes.push({ type: 'out', expr: dir.expr, line: tok.line });
          break;
        case 'none':
          break;
        case 'static':
          nodes.push(this.literal(tok, dir.what));
          break;
        case 'open':
          // Bounded so that a template of thousands of nested blocks cannot exhaust the stack.
          if (this.blockDepth >= MAX_BLOCK_NESTING)
            nodes.push(this.literal(tok, `block nested deeper than ${MAX_BLOCK_NESTING} levels`));
          else {
            this.blockDepth++;
            nodes.push(this.parseBlock(tok, dir.open));
            this.blockDepth--;
          }
          break;
        case 'mid':
        case 'close':
          if (stop(dir)) return { nodes, tok, dir };
          nodes.push(this.literal(tok, `unexpected "${tagText(tok)}"`));
          break;
      }
    }
    return { nodes };
  }

  private parseBlock(openTok: TagToken, open: Opener): TemplateNode {
    const mark = this.issues.length;
    const isLoop = open.build?.kind === 'loop' || open.label === '{% for %}' || open.closeKey === '/each';
    const tooDeep = isLoop && this.loopDepth >= MAX_LOOP_NESTING;
    if (isLoop) this.loopDepth++;
    const segments: { head?: Directive & { d: 'mid' }; nodes: TemplateNode[] }[] = [];
    let head: (Directive & { d: 'mid' }) | undefined;
    let closeTok: TagToken | undefined;
    let malformed: string | undefined;
    for (;;) {
      const r = this.parseUntil(
        (d) => (d.d === 'close' && d.key === open.closeKey) || (d.d === 'mid' && d.dialect === open.dialect),
      );
      segments.push({ head, nodes: r.nodes });
      if (!r.dir || !r.tok) break;
      if (r.dir.d === 'close') {
        closeTok = r.tok;
        break;
      }
      const mid = r.dir as Directive & { d: 'mid' };
      head = mid;
      if (mid.why) malformed ??= mid.why;
    }
    if (isLoop) this.loopDepth--;

    if (!closeTok) {
      this.issues.length = mark;
      return this.literalSpan(openTok.start, this.src.length, `unclosed "${open.label}"`, openTok.line);
    }
    const why =
      open.why ??
      (tooDeep ? `loop nested deeper than ${MAX_LOOP_NESTING} levels` : undefined) ??
      malformed ??
      checkSegments(open, segments);
    if (why || !open.build) {
      // Issues inside a block kept as static text would describe text that is not evaluated anyway.
      this.issues.length = mark;
      return this.literalSpan(openTok.start, closeTok.end, why ?? open.label, openTok.line);
    }

    const build = open.build;
    if (build.kind === 'loop') {
      return {
        type: 'loop',
        style: build.style,
        itemName: build.itemName,
        indexName: build.indexName,
        iter: build.iter,
        body: mergeText(segments[0].nodes),
        otherwise: mergeText(segments[1]?.nodes ?? []),
        line: openTok.line,
      };
    }
    const branches: { cond: Expr; body: TemplateNode[] }[] = [];
    let otherwise: TemplateNode[] = [];
    segments.forEach((seg, idx) => {
      const body = mergeText(seg.nodes);
      if (idx === 0) branches.push({ cond: build.negate ? { kind: 'not', arg: build.cond } : build.cond, body });
      else if (seg.head?.kind === 'elif' && seg.head.cond) branches.push({ cond: seg.head.cond, body });
      else otherwise = body;
    });
    return { type: 'if', branches, otherwise, truthiness: build.truthiness };
  }

  private literal(tok: TagToken, what: string): TemplateNode {
    return this.literalSpan(tok.start, tok.end, what, tok.line);
  }

  private literalSpan(from: number, to: number, what: string, line: number): TemplateNode {
    this.issues.push({ what, line });
    return { type: 'text', text: this.src.slice(from, to) };
  }

  /** `{var}` (Python format), `${var}` (JS template literal): reported, never substituted. */
  private scanForeignPlaceholders(text: string, start: number): void {
    if (!text.includes('{')) return;
    const re = /\$\{\s*([\p{L}_][\p{L}\p{N}_.]*)\s*\}|(?<![\p{L}\p{N}_\\}{$])\{([\p{L}_][\p{L}\p{N}_]*)\}(?!\})/gu;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const line = this.lines.lineAt(start + m.index);
      if (m[1] !== undefined) this.issues.push({ what: `JS template placeholder "${m[0]}"`, line });
      else this.issues.push({ what: `Python format placeholder "${m[0]}"`, line });
    }
  }

  private classify(tok: TagToken): Directive {
    if (tok.delim === '{#') return { d: 'none' };
    // Real tags are short; a huge one is static text and never reaches the expression regexes.
    if (tok.inner.length > MAX_TAG_CHARS) return { d: 'static', what: `tag longer than ${MAX_TAG_CHARS} characters` };
    if (tok.delim === '{{{') return this.output(tok.inner);
    if (tok.delim === '{%') return this.classifyJinja(tok.inner);
    return this.classifyMustache(tok.inner);
  }

  private output(src: string): Directive {
    const r = parseOutputExpr(src);
    if ('why' in r) return { d: 'static', what: r.why };
    return { d: 'out', expr: r.expr };
  }

  private classifyJinja(inner: string): Directive {
    const m = /^([A-Za-z_]\w*)\s*([\s\S]*)$/.exec(inner);
    if (!m) return { d: 'static', what: `statement "{% ${short(inner)} %}"` };
    const [, word, rest] = m;
    switch (word) {
      case 'if': {
        const c = parseCondition(rest);
        return {
          d: 'open',
          open: { closeKey: 'endif', label: '{% if %}', dialect: 'jinja', ...ifBuild(c, false, 'jinja', '{% if %}') },
        };
      }
      case 'elif': {
        const c = parseCondition(rest);
        return 'expr' in c
          ? { d: 'mid', dialect: 'jinja', kind: 'elif', cond: c.expr }
          : { d: 'mid', dialect: 'jinja', kind: 'elif', why: `${c.why} in {% elif %}` };
      }
      case 'else':
        return rest
          ? { d: 'static', what: `statement "{% ${short(inner)} %}"` }
          : { d: 'mid', dialect: 'jinja', kind: 'else' };
      case 'for': {
        const h = parseForHeader(rest);
        const open: Opener = { closeKey: 'endfor', label: '{% for %}', dialect: 'jinja' };
        if ('why' in h) open.why = `${h.why} in {% for %}`;
        else open.build = { kind: 'loop', style: 'jinja', iter: h.iter, itemName: h.itemName };
        return { d: 'open', open };
      }
      case 'set':
        // `{% set x %}…{% endset %}` is a block; `{% set x = … %}` a single tag.
        if (!rest.includes('='))
          return { d: 'open', open: { closeKey: 'endset', label: '{% set %}', dialect: 'jinja', why: '{% set %}' } };
        return { d: 'static', what: '{% set %}' };
      default:
        if (JINJA_BLOCKS.has(word)) {
          const label = `{% ${word} %}`;
          return { d: 'open', open: { closeKey: `end${word}`, label, dialect: 'jinja', why: label } };
        }
        if (word.startsWith('end')) return { d: 'close', key: word };
        return { d: 'static', what: `{% ${word} %}` };
    }
  }

  private classifyMustache(inner: string): Directive {
    const c = inner[0];
    if (c === undefined) return { d: 'static', what: 'empty "{{ }}"' };
    if (c === '!') return { d: 'none' };
    if (c === '>') return { d: 'static', what: `partial "${short(inner.slice(1))}"` };
    if (c === '$') return { d: 'static', what: `Semantic Kernel variable "${short(inner)}"` };
    if (c === '&') return this.output(inner.slice(1));
    if (c === '/') return { d: 'close', key: `/${inner.slice(1).trim()}` };
    if (inner === 'else' || inner === '^') return { d: 'mid', dialect: 'hbs', kind: 'else' };
    const elseIf = /^else\s+if\s+([\s\S]+)$/.exec(inner);
    if (elseIf) {
      const r = parseSingleArg(elseIf[1]);
      return 'expr' in r
        ? { d: 'mid', dialect: 'hbs', kind: 'elif', cond: r.expr }
        : { d: 'mid', dialect: 'hbs', kind: 'elif', why: `${r.why} in {{else if}}` };
    }
    if (c === '#' || c === '^') return this.classifyHbsBlock(c, inner.slice(1).trim());
    return this.output(inner);
  }

  private classifyHbsBlock(sigil: '#' | '^', body: string): Directive {
    const m = /^([^\s(]+)\s*([\s\S]*)$/.exec(body);
    if (!m) return { d: 'static', what: `block "{{${sigil}${short(body)}}}"` };
    const [, name, args] = m;
    const label = `{{${sigil}${name}}}`;
    const hbs = { dialect: 'hbs' as const, closeKey: `/${name}`, label };
    if (sigil === '#' && name === 'each') {
      const r = parseEachArgs(args);
      if ('why' in r) return { d: 'open', open: { ...hbs, why: `${r.why} in {{#each}}` } };
      return {
        d: 'open',
        open: {
          ...hbs,
          build: { kind: 'loop', style: 'each', iter: r.iter, itemName: r.itemName, indexName: r.indexName },
        },
      };
    }
    if (sigil === '#' && (name === 'if' || name === 'unless')) {
      const r = args ? parseSingleArg(args) : { why: `${label} without a condition` };
      return { d: 'open', open: { ...hbs, ...ifBuild(r, name === 'unless', 'hbs', label) } };
    }
    if (args) {
      // A block helper with arguments (`{{#with x}}`, `{{#myHelper a b}}`): code, not data.
      const toks = tokenizeExpr(body);
      const why = toks.some((t) => t.k === 'id' && FORBIDDEN_NAMES.has(t.v))
        ? describeUnsupported(toks, body)
        : `block helper "#${name}"`;
      return { d: 'open', open: { ...hbs, why } };
    }
    // Mustache section `{{#items}}…{{/items}}` or inverted section `{{^items}}…{{/items}}`.
    const p = parsePathOnly(name);
    if ('why' in p) return { d: 'open', open: { ...hbs, why: `${p.why} in ${label}` } };
    if (sigil === '^')
      return { d: 'open', open: { ...hbs, build: { kind: 'if', cond: p.path, negate: true, truthiness: 'hbs' } } };
    return { d: 'open', open: { ...hbs, build: { kind: 'loop', style: 'section', iter: p.path } } };
  }
}

function ifBuild(
  r: { expr: Expr } | { why: string },
  negate: boolean,
  truthiness: Truthiness,
  label: string,
): Pick<Opener, 'build' | 'why'> {
  return 'expr' in r ? { build: { kind: 'if', cond: r.expr, negate, truthiness } } : { why: `${r.why} in ${label}` };
}

/** Checks the order of `elif`/`else` segments: `else` last and once; loops take one `else`. */
function checkSegments(open: Opener, segments: { head?: { kind: 'else' | 'elif' } }[]): string | undefined {
  const heads = segments.slice(1).map((s) => s.head?.kind);
  const isIf = open.build?.kind === 'if';
  const elseAt = heads.indexOf('else');
  if (elseAt >= 0 && elseAt !== heads.length - 1) return `malformed ${open.label}: "else" is not last`;
  if (!isIf && heads.length > 1) return `malformed ${open.label}: more than one "else"`;
  if (!isIf && heads.includes('elif')) return `malformed ${open.label}: "elif" in a loop`;
  return undefined;
}

/** A tag as people write it, for messages: `{% endif %}`, `{{/each}}`. */
function tagText(tok: TagToken): string {
  return tok.delim === '{%' ? `{% ${tok.inner} %}` : `{{${tok.inner}}}`;
}

/** Joins adjacent text nodes (static fallbacks produce many), so rendering pushes fewer pieces. */
function mergeText(nodes: TemplateNode[]): TemplateNode[] {
  const out: TemplateNode[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (n.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + n.text };
    else if (n.type !== 'text' || n.text) out.push(n);
  }
  return out;
}

/** At most this many issues are listed; the rest are summed up in one line. */
const MAX_ISSUES = 50;

/** Unique issues in line order (the lexer reports unclosed tags before the parser's issues). */
function dedupe(issues: TemplateIssue[]): TemplateIssue[] {
  const seen = new Set<string>();
  const unique = issues
    .filter((i) => {
      const key = `${i.line}\u0000${i.what}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line);
  if (unique.length <= MAX_ISSUES) return unique;
  const rest = unique.length - MAX_ISSUES;
  return [
    ...unique.slice(0, MAX_ISSUES),
    { what: `${rest} more constructs left as static text, the first`, line: unique[MAX_ISSUES].line },
  ];
}
