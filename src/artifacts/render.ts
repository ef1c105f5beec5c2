/**
 * aicost's restricted template renderer. Prompt templates come from pull requests, so they are
 * data: no template engine, no `eval`, no property access beyond own enumerable data properties
 * of plain data, bounded loops and output. It covers what real prompt files use:
 * `{{var}}`, `{{ a.b }}`, `{{{var}}}`, Jinja `{% for %}` / `{% if %}` / `{# #}` / `{%- -%}`,
 * Handlebars `{{#each}}` / `{{#if}}` / `{{#unless}}` and Mustache sections. Anything else stays
 * in the output as its own text and is named in `unsupported`.
 */

import type { CallSite } from '../types.js';
import type { TemplateIssue, TemplateNode } from './template-ast.js';
import { evaluateNodes, evaluationWork, RENDER_LIMITS, type RenderOptions } from './template-eval.js';
import { lexedChars } from './template-lexer.js';
import { parseTemplate } from './template-parse.js';
import { collectVariables } from './template-variables.js';

export { RENDER_LIMITS } from './template-eval.js';
export type { RenderOptions } from './template-eval.js';
export { toJson } from './template-data.js';

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

/**
 * Work done by templates so far in this process: characters the lexer searched, render steps
 * (node visits) and values listed by loops. Tests bound hostile templates by these counts
 * instead of a clock.
 */
export function templateWork(): { lexed: number; steps: number; listed: number } {
  return { lexed: lexedChars(), ...evaluationWork() };
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
  const evaluate = (vars: Record<string, unknown>, opts?: RenderOptions) => evaluateNodes(nodes, vars, opts);
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
