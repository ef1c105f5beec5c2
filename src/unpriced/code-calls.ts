/**
 * Cost-relevant values in a Python, TypeScript or JavaScript syntax tree (tree-sitter): a model id
 * counts only where code hands it to a model (a `model=` / `model:` argument or property, Azure
 * `deployment`, a provider call such as `openai('…')` or `ChatOpenAI(…)`) or where a name is bound
 * to it (`MODEL = "gpt-4o"`, `{"fast": "gpt-4o"}`); strings in comments, log calls, error text and
 * templates are never looked at. Output caps, loop limits and reasoning budgets are found the same
 * way. A value passed through names (`model=CONFIG["model"]`, `openai(MODEL)`) is resolved within
 * the file; what cannot be resolved (another module, `getattr`, a function argument) is kept as an
 * unresolved fact, so that it is listed rather than dropped.
 */

import { DEPLOYMENT_KEYS, EFFORTS, MODEL_KEYS, settingFamily, settingLabel } from './code-keys.js';
import type { Family, Match } from './code-keys.js';
import { resolveValue, type Resolved } from './code-resolve.js';
import { looksLikeModelId } from './model-id.js';
import {
  DEPLOYMENT_NAME,
  MAX_TREE_NODES,
  argsOf,
  calleeOf,
  isModelCall,
  isProvider,
  lastPart,
  nameOf,
  stringKey,
  walk,
  type Site,
  type SyntaxNode,
} from './code-walk.js';

export type { SyntaxNode } from './code-walk.js';
export { MAX_TREE_NODES } from './code-walk.js';

/** One cost-relevant value in a file, at its 1-based line. */
export interface CodeFact extends Match {
  line: number;
  unresolved: boolean;
  holder: string | null;
}

/** An SDK call that sends a prompt, for `aicost init`. */
export interface CallSite {
  holder: string;
  line: number;
  /** The model id when it is a literal reachable in the file, else null. */
  model: string | null;
}

function pos(node: SyntaxNode): { line: number; column: number } {
  return { line: node.startPosition.row + 1, column: node.startPosition.column };
}

/** One line of an expression for a summary: `CONFIG["model"]`, `getattr(cfg, name)`. */
function exprText(node: SyntaxNode): string {
  const t = node.text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

/** The facts and SDK call sites of one parsed file, or null when the tree is over `maxNodes`. */
export function factsOf(root: SyntaxNode, maxNodes = MAX_TREE_NODES): { facts: CodeFact[]; calls: CallSite[] } | null {
  const walked = walk(root, maxNodes);
  if (!walked) return null;
  const { bindings, sites } = walked;
  const facts: CodeFact[] = [];
  const calls: CallSite[] = [];
  const resolve = (n: SyntaxNode): Resolved => resolveValue(n, bindings);
  /** Holders of the calls that use a literal through a name (by the literal's position), for its hint. */
  const usedBy = new Map<string, string>();
  const at = (n: SyntaxNode): string => `${n.startPosition.row + 1}:${n.startPosition.column}`;
  const use = (r: Resolved, holder: string | null): void => {
    if (r.kind === 'value' && r.via.length && holder !== null && !usedBy.has(at(r.leaf)))
      usedBy.set(at(r.leaf), holder);
  };
  const push = (f: Omit<CodeFact, 'line' | 'column'>, at: SyntaxNode): void => {
    facts.push({ ...f, ...pos(at) });
  };
  const modelFact = (site: Site, valueNode: SyntaxNode, deployment: boolean): void => {
    const r = resolve(valueNode);
    const holder = site.ctx.holder;
    const handed = site.kind === 'provider' || isModelCall(site.call);
    if (r.kind === 'value') {
      // An Azure deployment or a gateway alias (`prod-chat`) is a model where it is handed to a model.
      const ok = looksLikeModelId(r.value) || ((deployment || handed) && DEPLOYMENT_NAME.test(r.value));
      if (!ok) return;
      push(
        { family: 'model', key: 'model', label: 'model', style: 'call', value: r.value, unresolved: false, holder },
        r.via.length ? valueNode : r.leaf,
      );
      use(r, holder);
    } else if (handed) {
      // Not a literal, but handed to a model: listed as not resolvable rather than dropped.
      push(
        {
          family: 'model',
          key: 'model',
          label: 'model',
          style: 'call',
          value: exprText(r.leaf),
          unresolved: true,
          holder,
        },
        valueNode,
      );
    }
  };

  for (const site of sites) {
    const { ctx } = site;
    if (site.kind === 'provider' && site.value) {
      modelFact(site, site.value, lastPart(calleeOf(site.node)) === 'azure');
    } else if (site.kind === 'step' && site.value) {
      const r = resolve(site.value);
      if (r.kind === 'value' && /^\d+$/.test(r.value))
        push(
          {
            family: 'loop',
            key: 'stepCountIs',
            label: 'stepCountIs',
            style: 'step',
            value: r.value,
            unresolved: false,
            holder: ctx.holder,
          },
          site.node,
        );
    } else if (site.kind === 'env') {
      envDefault(site.node, facts, ctx.holder);
    } else if (site.kind === 'sdk') {
      const holder = ctx.holder;
      if (holder) calls.push({ holder, line: pos(site.node).line, model: sdkModel(site.node, resolve) });
    } else if (site.kind === 'arg' && site.value) {
      const v = unwrap(site.value);
      const deployment = DEPLOYMENT_KEYS.has(site.key);
      if (MODEL_KEYS.has(site.key) || deployment) {
        // `model: openai('gpt-4o')`: the provider call is its own site.
        if (/^(?:call|call_expression)$/.test(v.type) && isProvider(calleeOf(v))) continue;
        modelFact(site, site.value, deployment);
        continue;
      }
      const family = settingFamily(site.key, ctx.parentKey);
      if (family) {
        const r = resolve(site.value);
        if (r.kind !== 'value' || !settingValue(family, r.value)) continue;
        const label = settingLabel(site.key, ctx.parentKey);
        use(r, ctx.holder);
        push(
          { family, key: label, label, style: 'setting', value: r.value, unresolved: false, holder: ctx.holder },
          r.via.length ? site.value : r.leaf,
        );
        if (r.via.length) {
          const name = r.via[r.via.length - 1];
          push(
            { family, key: name, label: name, style: 'setting', value: r.value, unresolved: false, holder: ctx.holder },
            r.leaf,
          );
        }
        continue;
      }
      // `MODELS = {"fast": "gpt-4o-mini"}`: a model id bound to a key is a model choice.
      if (site.node.type === 'pair' && isLiteral(v)) {
        const r = resolve(v);
        if (r.kind === 'value' && looksLikeModelId(r.value))
          push(
            {
              family: 'model',
              key: site.key,
              label: site.key,
              style: 'named',
              value: r.value,
              unresolved: false,
              holder: ctx.holder,
            },
            r.leaf,
          );
      }
    }
  }
  // Names bound to a literal model id or setting: `REPLY_MODEL = "gpt-4o"`, `MAX_TOKENS = 800`.
  for (const [name, values] of bindings) {
    for (const value of values) {
      if (!isLiteral(unwrap(value))) continue;
      const r = resolve(value);
      if (r.kind !== 'value') continue;
      const holder = null;
      const label = name.replace(/^(?:self|this)\./, '');
      if (looksLikeModelId(r.value)) {
        push(
          { family: 'model', key: name, label: name, style: 'named', value: r.value, unresolved: false, holder },
          r.leaf,
        );
      } else {
        const family = settingFamily(label);
        if (family && settingValue(family, r.value))
          push({ family, key: name, label: name, style: 'setting', value: r.value, unresolved: false, holder }, r.leaf);
      }
    }
  }
  for (const f of facts) f.holder ??= usedBy.get(`${f.line}:${f.column}`) ?? null;
  return { facts: dedupe(facts), calls };
}

/** A number, or an effort level for reasoning settings. */
function settingValue(family: Family, value: string): boolean {
  return /^\d+$/.test(value) || (family === 'reasoning' && EFFORTS.has(value));
}

const LITERALS = new Set([
  'string',
  'concatenated_string',
  'template_string',
  'integer',
  'number',
  'binary_operator',
  'binary_expression',
]);

function isLiteral(node: SyntaxNode): boolean {
  return LITERALS.has(node.type);
}

const WRAPPERS = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);

/** The expression inside parentheses and TypeScript casts. */
export function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (WRAPPERS.has(n.type) && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

/** `os.getenv("X_MODEL", "gpt-4o")`, `process.env.X_MODEL ?? 'gpt-4o'`: a named fact for the default. */
function envDefault(node: SyntaxNode, facts: CodeFact[], holder: string | null): void {
  let name = '';
  let value: SyntaxNode | null = null;
  if (node.type === 'binary_expression') {
    name = (node.childForFieldName('left')?.text ?? '').replace(/^process\.env\./, '');
    value = node.childForFieldName('right');
  } else {
    const args = argsOf(node);
    const kw = args.find((a) => a.type === 'keyword_argument' && nameOf(a.childForFieldName('name')) === 'default');
    name = args[0]?.type === 'string' ? stringKey(args[0]) : '';
    value = kw?.childForFieldName('value') ?? (args[1] && args[1].type !== 'keyword_argument' ? args[1] : null);
  }
  if (!name || !value || !/^(?:string|template_string)$/.test(value.type)) return;
  const r = resolveValue(value, new Map());
  if (r.kind !== 'value' || !looksLikeModelId(r.value)) return;
  facts.push({
    family: 'model',
    key: name,
    label: `${name} default`,
    style: 'named',
    value: r.value,
    unresolved: false,
    holder,
    ...pos(r.leaf),
  });
}

/** The literal model of an SDK call (`model=` or its object's `model:`), or null. */
function sdkModel(call: SyntaxNode, resolve: (n: SyntaxNode) => Resolved): string | null {
  for (const a of argsOf(call)) {
    const pairs = a.type === 'object' ? (a.namedChildren.filter(Boolean) as SyntaxNode[]) : [a];
    for (const p of pairs) {
      if (p.type !== 'keyword_argument' && p.type !== 'pair') continue;
      const key = nameOf(p.childForFieldName(p.type === 'pair' ? 'key' : 'name'));
      const value = p.childForFieldName('value');
      if (!value || !MODEL_KEYS.has(key)) continue;
      let v = unwrap(value);
      if (/^(?:call|call_expression)$/.test(v.type) && isProvider(calleeOf(v))) v = argsOf(v)[0] ?? v;
      const r = resolve(v);
      return r.kind === 'value' && looksLikeModelId(r.value) ? r.value : null;
    }
  }
  return null;
}

/** One fact per value position: the first found (the call's view before the constant's). */
function dedupe(facts: CodeFact[]): CodeFact[] {
  const seen = new Set<string>();
  const out: CodeFact[] = [];
  for (const f of facts) {
    const k = `${f.line}:${f.column}:${f.family}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
