/**
 * One walk over a Python, TypeScript or JavaScript syntax tree (tree-sitter), collecting what the
 * code scan classifies (code-calls.ts): every name bound to a value, and every candidate site of a
 * model id or setting (a keyword argument, a dict or object entry, a provider, SDK or env call) with
 * the function that holds it and whether it sits inside a log call or error text, where nothing
 * counts. The walk counts the nodes it visits and stops at a cap.
 */

import { work } from './work.js';

/** The part of a tree-sitter node (web-tree-sitter `Node`) the scan reads. */
export interface SyntaxNode {
  readonly type: string;
  readonly text: string;
  readonly startIndex: number;
  readonly startPosition: { row: number; column: number };
  readonly namedChildren: readonly (SyntaxNode | null)[];
  readonly parent: SyntaxNode | null;
  childForFieldName(name: string): SyntaxNode | null;
  walk(): TreeCursor;
}

/** The part of a tree-sitter cursor the walk uses. */
export interface TreeCursor {
  readonly nodeType: string;
  readonly nodeIsNamed: boolean;
  readonly currentNode: SyntaxNode;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  delete(): void;
}

/** At most this many syntax nodes are visited per file side; a larger tree falls back to the line scan. */
export const MAX_TREE_NODES = 1_000_000;

/** Functions and constructors whose first argument (or `model=`) is the model. */
const PROVIDERS = new Set(
  'openai anthropic google vertex mistral xai groq deepseek cohere perplexity togetherai fireworks bedrock azure openrouter ollama gateway Agent init_chat_model AzureOpenAI AsyncAzureOpenAI ChatOpenAI AzureChatOpenAI ChatAnthropic ChatGoogleGenerativeAI ChatMistralAI ChatGroq ChatBedrock ChatBedrockConverse ChatVertexAI ChatOllama OpenAIModel AnthropicModel GeminiModel LLM GenerativeModel'.split(
    ' ',
  ),
);
/** `openai.chat('…')`, `openai.responses('…')`: a provider's model factories. */
const PROVIDER_METHODS = new Set(['chat', 'responses', 'completion', 'languageModel', 'textEmbeddingModel']);
/** Calls that send a prompt: OpenAI, Anthropic, LiteLLM, Google, AI SDK. */
const SDK_CALL =
  /(?:(?:^|\.)(?:chat\.completions|completions|responses|messages|beta\.messages|beta\.chat\.completions)\.(?:create|stream|parse)|(?:^|\.)a?completion|(?:^|\.)(?:generate_content(?:_async)?|generateContent(?:Stream)?)|^(?:generateText|streamText|generateObject|streamObject))$/;
/** Arguments that mark a call as a model call even when its callee is not known. */
const PROMPT_KEYS = new Set(['messages', 'prompt', 'system', 'input', 'contents', 'instructions']);
const LOG_METHODS = new Set([
  'debug',
  'info',
  'warn',
  'warning',
  'error',
  'exception',
  'critical',
  'fatal',
  'trace',
  'log',
]);
/** Free-form deployment names still have to look like a name, not a sentence or a path. */
export const DEPLOYMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export interface Ctx {
  holder: string | null;
  cls: string | null;
  /** Inside a log call, an error constructor, `raise` or `throw`: nothing here is a model call. */
  quiet: boolean;
  /** The key of the enclosing pair or keyword argument (`thinking` for `budget_tokens`). */
  parentKey: string;
  /** Inside a function body (names bound there are not module constants). */
  inFunction: boolean;
}

export interface Site {
  kind: 'arg' | 'provider' | 'step' | 'env' | 'sdk';
  node: SyntaxNode;
  key: string;
  value: SyntaxNode | null;
  ctx: Ctx;
  /** For arguments: the call they are passed to, when there is one. */
  call: SyntaxNode | null;
}

/** The text of a node's identifier-like field, or ''. */
export function nameOf(node: SyntaxNode | null): string {
  if (!node) return '';
  if (node.type === 'string') return stringKey(node);
  return /^[A-Za-z_$][\w$.]*$/.test(node.text) ? node.text : '';
}

/** `"model"` / `'model'` as a key. */
export function stringKey(node: SyntaxNode): string {
  const t = node.text;
  return /^(["'])[A-Za-z_$][\w$]*\1$/.test(t) ? t.slice(1, -1) : '';
}

/** `client.chat.completions.create` → that text; `openai(...)` → `openai`. */
export function calleeOf(call: SyntaxNode): string {
  const fn = call.childForFieldName('function') ?? call.childForFieldName('constructor');
  return fn ? fn.text.replace(/\s+/g, '') : '';
}

export function lastPart(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

export function isProvider(callee: string): boolean {
  if (PROVIDERS.has(callee) || PROVIDERS.has(lastPart(callee))) return true;
  const dot = callee.lastIndexOf('.');
  return dot > 0 && PROVIDER_METHODS.has(callee.slice(dot + 1)) && PROVIDERS.has(lastPart(callee.slice(0, dot)));
}

function isQuietCall(callee: string): boolean {
  const last = lastPart(callee);
  if (callee === 'print' || /(?:Error|Exception|Warning)$/.test(last)) return true;
  return (
    LOG_METHODS.has(last) && /(?:^|\.)(?:console|_?log(?:ger)?|logging|LOGGER|LOG|structlog)(?:\.|$)/i.test(callee)
  );
}

/** Positional and keyword arguments of a call. */
export function argsOf(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments');
  return args ? (args.namedChildren.filter(Boolean) as SyntaxNode[]).filter((n) => n.type !== 'comment') : [];
}

/** Keys passed to a call: Python keyword names, or the properties of an object argument. */
function argKeys(call: SyntaxNode): Set<string> {
  const keys = new Set<string>();
  for (const a of argsOf(call)) {
    if (a.type === 'keyword_argument') keys.add(nameOf(a.childForFieldName('name')));
    if (a.type === 'object')
      for (const p of a.namedChildren)
        if (p?.type === 'pair') keys.add(nameOf(p.childForFieldName('key')));
        else if (p?.type === 'shorthand_property_identifier') keys.add(p.text);
  }
  return keys;
}

/** Is `call` a call that sends a prompt (or builds the model that will)? */
export function isModelCall(call: SyntaxNode | null): boolean {
  if (!call) return false;
  const callee = calleeOf(call);
  if (SDK_CALL.test(callee) || isProvider(callee)) return true;
  return [...argKeys(call)].some((k) => PROMPT_KEYS.has(k));
}

/** The bindings of a file: name (`MODEL`, `self.model`, `this.model`) → the values assigned to it. */
export type Bindings = Map<string, SyntaxNode[]>;

function bind(bindings: Bindings, name: string, value: SyntaxNode | null): void {
  if (!name || !value) return;
  const list = bindings.get(name);
  if (list) list.push(value);
  else bindings.set(name, [value]);
}

/** Name and value of a binding node, or null. */
function bindingOf(node: SyntaxNode): [string, SyntaxNode | null] | null {
  switch (node.type) {
    case 'assignment':
    case 'assignment_expression':
    case 'assignment_pattern':
    case 'object_assignment_pattern':
      return [nameOf(node.childForFieldName('left')), node.childForFieldName('right')];
    case 'variable_declarator':
    case 'public_field_definition':
    case 'field_definition':
      return [
        nameOf(node.childForFieldName('name') ?? node.childForFieldName('property')),
        node.childForFieldName('value'),
      ];
    case 'default_parameter':
    case 'typed_default_parameter':
      return [nameOf(node.childForFieldName('name')), node.childForFieldName('value')];
    case 'required_parameter':
    case 'optional_parameter':
      return [nameOf(node.childForFieldName('pattern')), node.childForFieldName('value')];
    default:
      return null;
  }
}

/** Node types `visit` looks at; every other node only passes its context on. */
const INTERESTING = new Set([
  'function_definition',
  'function_declaration',
  'generator_function_declaration',
  'method_definition',
  'class_definition',
  'class_declaration',
  'call',
  'call_expression',
  'new_expression',
  'keyword_argument',
  'pair',
  'shorthand_property_identifier',
  'binary_expression',
  'assignment',
  'assignment_expression',
  'assignment_pattern',
  'object_assignment_pattern',
  'variable_declarator',
  'public_field_definition',
  'field_definition',
  'default_parameter',
  'typed_default_parameter',
  'required_parameter',
  'optional_parameter',
]);

const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'lambda']);

/** Walks the tree once: bindings and candidate sites with their context. Null when over `maxNodes`. */
export function walk(root: SyntaxNode, maxNodes: number): { bindings: Bindings; sites: Site[] } | null {
  const bindings: Bindings = new Map();
  const sites: Site[] = [];
  // A cursor walk: nodes are made into objects only where the type matters (a few in a hundred).
  const cursor = root.walk();
  const ctxs: Ctx[] = [{ holder: null, cls: null, quiet: false, parentKey: '', inFunction: false }];
  let visited = 0;
  try {
    for (;;) {
      work.treeNodes++;
      if (++visited > maxNodes) return null;
      const ctx = ctxs[ctxs.length - 1];
      const inner =
        cursor.nodeIsNamed && INTERESTING.has(cursor.nodeType) ? visit(cursor.currentNode, ctx, bindings, sites) : ctx;
      if (cursor.gotoFirstChild()) {
        ctxs.push(inner);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return { bindings, sites };
        ctxs.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}

/** The context for a node's children; records its binding and the site it is, if any. */
function visit(node: SyntaxNode, ctx: Ctx, bindings: Bindings, sites: Site[]): Ctx {
  let inner = ctx;
  const qualified = (name: string): string => (ctx.cls && !ctx.inFunction ? `${ctx.cls}.${name}` : name);
  switch (node.type) {
    case 'function_definition':
    case 'function_declaration':
    case 'generator_function_declaration':
    case 'method_definition': {
      // The outermost function names the call: a nested helper is not a top-level definition.
      const name = ctx.inFunction ? '' : nameOf(node.childForFieldName('name'));
      inner = { ...ctx, holder: name ? qualified(name) : ctx.holder, inFunction: true };
      break;
    }
    case 'class_definition':
    case 'class_declaration':
      if (!ctx.inFunction) inner = { ...ctx, cls: nameOf(node.childForFieldName('name')) || null };
      break;
    case 'call':
    case 'call_expression':
    case 'new_expression': {
      // A log call's own arguments are quiet; a model call nested in them (`print(client.create(…))`)
      // is still a call, so that wrapping one in a log line cannot hide it.
      const callee = calleeOf(node);
      if (isQuietCall(callee)) inner = { ...ctx, quiet: true };
      else {
        inner = { ...ctx, quiet: false };
        if (isProvider(callee)) {
          const first = argsOf(node)[0];
          if (first && first.type !== 'keyword_argument' && first.type !== 'object')
            sites.push({ kind: 'provider', node, key: 'model', value: first, ctx, call: node });
        }
        if (lastPart(callee) === 'stepCountIs')
          sites.push({ kind: 'step', node, key: 'stepCountIs', value: argsOf(node)[0] ?? null, ctx, call: node });
        if (/(?:^|\.)(?:getenv|environ\.get)$/.test(callee))
          sites.push({ kind: 'env', node, key: '', value: null, ctx, call: node });
        if (SDK_CALL.test(callee)) sites.push({ kind: 'sdk', node, key: '', value: null, ctx, call: node });
      }
      break;
    }
    case 'keyword_argument':
    case 'pair': {
      const key = nameOf(node.childForFieldName(node.type === 'pair' ? 'key' : 'name'));
      if (!ctx.quiet && key)
        sites.push({ kind: 'arg', node, key, value: node.childForFieldName('value'), ctx, call: callOf(node) });
      inner = { ...ctx, parentKey: key };
      break;
    }
    case 'shorthand_property_identifier':
      if (!ctx.quiet) sites.push({ kind: 'arg', node, key: node.text, value: node, ctx, call: callOf(node) });
      break;
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.text;
      if (
        !ctx.quiet &&
        (op === '??' || op === '||') &&
        /^process\.env\./.test(node.childForFieldName('left')?.text ?? '')
      )
        sites.push({ kind: 'env', node, key: '', value: null, ctx, call: null });
      break;
    }
  }
  const b = bindingOf(node);
  if (b) {
    bind(bindings, b[0], b[1]);
    // `const draft = async () => generateText(…)`: the constant names the function it holds.
    if (b[0] && !ctx.inFunction && b[1] && FUNCTION_VALUES.has(b[1].type))
      inner = { ...inner, holder: qualified(b[0]), inFunction: true };
  }
  return inner;
}

/**
 * The call an argument goes to: `create(model=…)` (keyword argument), `generateText({ model: … })`
 * (a property of an object argument); null for a dict or object that is not a call's argument.
 */
export function callOf(node: SyntaxNode): SyntaxNode | null {
  let args = node.parent;
  if (args && (args.type === 'object' || args.type === 'dictionary')) args = args.parent;
  if (!args || (args.type !== 'arguments' && args.type !== 'argument_list')) return null;
  const call = args.parent;
  return call && /^(?:call|call_expression|new_expression)$/.test(call.type) ? call : null;
}
