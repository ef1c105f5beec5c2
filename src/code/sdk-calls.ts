/**
 * Model calls of the common SDKs recognised by their shape, and what each says about cost:
 * model, messages, output cap, tools, response format, reasoning setting. Arguments are Values
 * (values.ts): Python keyword arguments, or the options object of a JS/TS call.
 */
import type { CodeNode } from './parser.js';
import { schemaJson } from './schema.js';
import { dottedName, evaluate, type Scope, type Value } from './values.js';

/** The SDKs aicost reads calls of. */
export type SdkKind =
  'openai-chat' | 'openai-responses' | 'anthropic' | 'google-genai' | 'litellm' | 'vercel-ai' | 'langchain';

/** A recognised call before its values are read. */
export interface SdkCall {
  sdk: SdkKind;
  node: CodeNode;
  callee: string;
  line: number;
}

const PATTERNS: [RegExp, SdkKind][] = [
  [/(^|\.)chat\.completions\.(create|parse|stream)$/, 'openai-chat'],
  [/(^|\.)responses\.(create|parse|stream)$/, 'openai-responses'],
  [/(^|\.)messages\.(create|stream|parse)$/, 'anthropic'],
  [/(^|\.)models\.(generate_content|generateContent|generate_content_stream|generateContentStream)$/, 'google-genai'],
  [/^(litellm\.)?a?completion$/, 'litellm'],
  [/^(ai\.)?(generateText|streamText|generateObject|streamObject)$/, 'vercel-ai'],
  [/\.(invoke|ainvoke|stream|astream)$/, 'langchain'],
];

/** LangChain chat model classes → the model-id prefix of their provider (`null`: a deployment name). */
const LANGCHAIN_MODELS: Record<string, string | null> = {
  ChatOpenAI: 'openai',
  ChatAnthropic: 'anthropic',
  ChatGoogleGenerativeAI: 'google',
  ChatVertexAI: 'vertex_ai',
  ChatBedrock: 'bedrock',
  ChatBedrockConverse: 'bedrock',
  ChatMistralAI: 'mistral',
  ChatGroq: 'groq',
  AzureChatOpenAI: null,
};

/** Every call in `fn` that has the shape of a model call of one of the SDKs. */
export function findSdkCalls(fn: CodeNode): SdkCall[] {
  const out: SdkCall[] = [];
  for (const node of fn.descendantsOfType(['call', 'call_expression'])) {
    const target = node?.childForFieldName('function');
    if (!node || !target) continue;
    const callee = dottedName(target);
    if (!callee) continue;
    const match = PATTERNS.find(([re]) => re.test(callee));
    // OpenAI Assistants' `threads.messages.create` adds a message to a thread: no model call.
    if (!match || /threads\.messages\./.test(callee)) continue;
    if (match[1] === 'langchain') {
      const cls = /(?:^|\.)([A-Za-z]+)\(\)\.[a-z]+$/.exec(callee)?.[1];
      // `llm.invoke(…)` counts once the receiver is found to be a chat model (in readCall).
      if (cls && !(cls in LANGCHAIN_MODELS)) continue;
    }
    out.push({ sdk: match[1], node, callee, line: node.startPosition.row + 1 });
  }
  return out;
}

/** A message of the call: role and content value. */
export interface CallMessage {
  role: string;
  content: Value;
  line: number;
}

/** What a call says about cost, as Values (artifact.ts turns them into a CallSite). */
export interface CallFacts {
  sdk: SdkKind;
  line: number;
  /** The model id with its provider prefix, or the Value that could not be read as one. */
  model: { id: string; line: number } | { unread: string; line: number };
  messages: CallMessage[];
  /** The whole message list when it is not a literal (a parameter, a call). */
  messagesValue?: Value;
  maxTokens?: Value;
  tools: { name: string; description?: string; parameters?: unknown; line: number }[];
  toolsUnread?: Value;
  responseSchema?: unknown;
  responseFormat?: string;
  reasoning?: { text: string; line: number };
}

const get = (v: Value | undefined, ...path: string[]): Value | undefined => {
  let cur = v;
  for (const key of path) {
    if (cur?.kind === 'call')
      cur = cur.kwargs.get(key) ?? (cur.args[0]?.kind === 'dict' ? cur.args[0].entries.get(key) : undefined);
    else if (cur?.kind === 'dict') cur = cur.entries.get(key);
    else return undefined;
  }
  return cur;
};
const str = (v: Value | undefined): string | undefined => (v?.kind === 'str' ? v.template : undefined);
const first = (...vs: (Value | undefined)[]): Value | undefined => vs.find((v) => v !== undefined);

/** Options of a call: Python keyword arguments, or the first object argument of a JS call. */
function options(call: Extract<Value, { kind: 'call' }>): Map<string, Value> {
  if (call.kwargs.size) return call.kwargs;
  const obj = call.args.find((a) => a.kind === 'dict');
  return obj?.kind === 'dict' ? obj.entries : new Map();
}

/** Messages of a list value: dicts with role/content, LangChain tuples and message classes. */
export function messagesOf(list: Value): CallMessage[] | null {
  if (list.kind !== 'list') return null;
  const out: CallMessage[] = [];
  for (const item of list.items) {
    if (item.kind === 'dict') {
      const role = str(item.entries.get('role')) ?? 'user';
      const content = item.entries.get('content') ?? item.entries.get('parts') ?? { kind: 'null', line: item.line };
      out.push({ role: role === 'model' ? 'assistant' : role, content, line: item.line });
    } else if (item.kind === 'list' && item.items.length === 2 && item.items[0]!.kind === 'str') {
      const role = (item.items[0] as { template: string }).template;
      out.push({
        role: role === 'human' ? 'user' : role === 'ai' ? 'assistant' : role,
        content: item.items[1]!,
        line: item.line,
      });
    } else if (item.kind === 'call' && /(System|Human|AI|User|Assistant)Message$/.test(item.callee)) {
      const cls = /(System|Human|AI|User|Assistant)Message$/.exec(item.callee)![1]!;
      const role = cls === 'System' ? 'system' : cls === 'AI' || cls === 'Assistant' ? 'assistant' : 'user';
      out.push({
        role,
        content: item.kwargs.get('content') ?? item.args[0] ?? { kind: 'null', line: item.line },
        line: item.line,
      });
    } else out.push({ role: 'user', content: item, line: item.line });
  }
  return out;
}

function toolsOf(v: Value | undefined, facts: CallFacts): void {
  if (!v || v.kind === 'null') return;
  if (v.kind === 'dict' && !v.spread) {
    // Vercel AI SDK: `tools: { name: tool({ description, parameters | inputSchema }) }`.
    for (const [name, t] of v.entries) {
      const def = t.kind === 'call' ? (t.args[0] ?? t) : t;
      facts.tools.push({
        name,
        description: str(get(def, 'description')),
        parameters: schemaJson(first(get(def, 'inputSchema'), get(def, 'parameters'))),
        line: t.line,
      });
    }
    return;
  }
  if (v.kind !== 'list') {
    facts.toolsUnread = v;
    return;
  }
  for (const t of v.items) {
    // OpenAI {type: function, function: {…}} / Responses {type, name, …} / Anthropic {name, input_schema} /
    // Google Tool(function_declarations=[…]).
    const decls = get(t, 'function_declarations') ?? get(t, 'functionDeclarations');
    if (decls?.kind === 'list') {
      toolsOf(decls, facts);
      continue;
    }
    const fn = get(t, 'function') ?? t;
    const name = str(get(fn, 'name'));
    if (!name) {
      facts.toolsUnread = t;
      continue;
    }
    facts.tools.push({
      name,
      description: str(get(fn, 'description')),
      parameters: schemaJson(first(get(fn, 'parameters'), get(fn, 'input_schema'), get(fn, 'inputSchema'))),
      line: t.line,
    });
  }
}

/** A model-choosing value (`"gpt-4o"`, `openai("gpt-4o")`, a constant) → id with its provider prefix. */
function modelId(v: Value | undefined, prefix: string | null, line: number): CallFacts['model'] {
  if (v?.kind === 'call') {
    // Vercel AI SDK providers: openai("…"), openai.chat("…"), anthropic("…"), google("…"), bedrock("…").
    const provider = /^(openai|anthropic|google|vertex|bedrock|mistral|groq|xai|deepseek|azure)(\.\w+)?$/.exec(
      v.callee,
    )?.[1];
    const id = str(v.args[0]);
    if (provider && id && provider !== 'azure')
      return { id: id.includes('/') ? id : `${provider === 'vertex' ? 'vertex_ai' : provider}/${id}`, line: v.line };
    return { unread: `${describe(v)}${provider === 'azure' ? ' (an Azure deployment name)' : ''}`, line: v.line };
  }
  const id = str(v);
  if (id === undefined || id.includes('{{') || !id.trim())
    return { unread: v ? describe(v) : 'no model argument', line: v?.line ?? line };
  if (prefix === null) return { unread: `"${id}" (an Azure deployment name)`, line: v!.line };
  return { id: id.includes('/') || !prefix ? id : `${prefix}/${id}`, line: v!.line };
}

/** A short description of an unreadable value for notices. */
export function describe(v: Value): string {
  if (v.kind === 'unknown') return `\`${v.text}\``;
  if (v.kind === 'var') return `the parameter \`${v.name}\``;
  if (v.kind === 'call') return `\`${v.callee}(…)\``;
  return `a ${v.kind}`;
}

/** The client a call is made on (`client = AzureOpenAI(…)`), for its provider. */
async function clientClass(call: SdkCall, scope: Scope): Promise<string | undefined> {
  let recv = call.node.childForFieldName('function');
  while (recv && /member_expression|attribute/.test(recv.type)) recv = recv.childForFieldName('object');
  if (!recv) return undefined;
  const v = await evaluate(recv, scope);
  return v.kind === 'call' ? v.callee.slice(v.callee.lastIndexOf('.') + 1) : undefined;
}

/** Reads a recognised call's arguments into CallFacts. Null for an `.invoke` that is not a chat model's. */
export async function readCall(call: SdkCall, scope: Scope): Promise<CallFacts | null> {
  const v = await evaluate(call.node, scope);
  if (v.kind !== 'call') return null;
  const opts = options(v);
  const o = (key: string): Value | undefined => opts.get(key);
  const facts: CallFacts = {
    sdk: call.sdk,
    line: call.line,
    model: { unread: 'no model argument', line: call.line },
    messages: [],
    tools: [],
  };
  const pushMessages = (list: Value | undefined): void => {
    if (!list || list.kind === 'null') return;
    if (list.kind === 'str' || list.kind === 'var') {
      facts.messages.push({ role: 'user', content: list, line: list.line });
      return;
    }
    const msgs = messagesOf(list);
    if (msgs) facts.messages.push(...msgs);
    else facts.messagesValue = list;
  };
  const system = (s: Value | undefined): void => {
    if (s && s.kind !== 'null') facts.messages.push({ role: 'system', content: s, line: s.line });
  };
  const client = await clientClass(call, scope);
  const azure = client !== undefined && /Azure/.test(client);
  switch (call.sdk) {
    case 'openai-chat':
    case 'litellm':
      facts.model = modelId(o('model'), azure ? null : call.sdk === 'litellm' ? '' : 'openai', call.line);
      pushMessages(o('messages'));
      facts.maxTokens = first(o('max_completion_tokens'), o('max_tokens'), o('maxTokens'), o('maxCompletionTokens'));
      toolsOf(o('tools'), facts);
      readFormat(first(o('response_format'), o('responseFormat')), facts);
      reasoning(first(o('reasoning_effort'), o('reasoningEffort')), 'reasoning effort', facts);
      break;
    case 'openai-responses':
      facts.model = modelId(o('model'), azure ? null : 'openai', call.line);
      system(o('instructions'));
      pushMessages(o('input'));
      facts.maxTokens = first(o('max_output_tokens'), o('maxOutputTokens'));
      toolsOf(o('tools'), facts);
      readFormat(get(o('text'), 'format'), facts);
      reasoning(get(o('reasoning'), 'effort'), 'reasoning effort', facts);
      break;
    case 'anthropic': {
      const prefix =
        client === 'AnthropicBedrock' ? 'bedrock' : client === 'AnthropicVertex' ? 'vertex_ai' : 'anthropic';
      facts.model = modelId(o('model'), prefix, call.line);
      system(o('system'));
      pushMessages(o('messages'));
      facts.maxTokens = first(o('max_tokens'), o('maxTokens'));
      toolsOf(o('tools'), facts);
      reasoning(
        first(get(o('thinking'), 'budget_tokens'), get(o('thinking'), 'budgetTokens')),
        'thinking budget',
        facts,
      );
      break;
    }
    case 'google-genai': {
      const config = o('config');
      facts.model = modelId(o('model'), 'google', call.line);
      system(first(get(config, 'system_instruction'), get(config, 'systemInstruction')));
      pushMessages(o('contents'));
      facts.maxTokens = first(get(config, 'max_output_tokens'), get(config, 'maxOutputTokens'));
      toolsOf(get(config, 'tools'), facts);
      const schema = first(
        get(config, 'response_schema'),
        get(config, 'responseSchema'),
        get(config, 'response_json_schema'),
      );
      if (schema) readFormat(schema, facts, true);
      const thinking = first(get(config, 'thinking_config'), get(config, 'thinkingConfig'));
      reasoning(first(get(thinking, 'thinking_budget'), get(thinking, 'thinkingBudget')), 'thinking budget', facts);
      break;
    }
    case 'vercel-ai': {
      facts.model = modelId(o('model'), '', call.line);
      system(o('system'));
      pushMessages(o('prompt'));
      pushMessages(o('messages'));
      facts.maxTokens = first(o('maxOutputTokens'), o('maxTokens'));
      toolsOf(o('tools'), facts);
      if (o('schema')) readFormat(o('schema'), facts, true);
      const po = o('providerOptions');
      reasoning(
        first(get(po, 'anthropic', 'thinking', 'budgetTokens'), get(po, 'google', 'thinkingConfig', 'thinkingBudget')),
        'thinking budget',
        facts,
      );
      reasoning(get(po, 'openai', 'reasoningEffort'), 'reasoning effort', facts);
      break;
    }
    case 'langchain': {
      let recv = call.node.childForFieldName('function')?.childForFieldName('object') ?? null;
      const model = recv ? await evaluate(recv, scope) : undefined;
      recv = null;
      const cls = model?.kind === 'call' ? model.callee.slice(model.callee.lastIndexOf('.') + 1) : undefined;
      if (!cls || !(cls in LANGCHAIN_MODELS) || model?.kind !== 'call') return null;
      const mo = options(model);
      facts.model = modelId(
        first(mo.get('model'), mo.get('model_name'), mo.get('model_id'), mo.get('modelName')),
        LANGCHAIN_MODELS[cls]!,
        call.line,
      );
      pushMessages(v.args[0]);
      facts.maxTokens = first(
        mo.get('max_tokens'),
        mo.get('maxTokens'),
        mo.get('max_output_tokens'),
        mo.get('max_completion_tokens'),
      );
      reasoning(first(mo.get('reasoning_effort'), get(mo.get('thinking'), 'budget_tokens')), 'reasoning', facts);
      break;
    }
  }
  return facts;
}

function readFormat(v: Value | undefined, facts: CallFacts, isSchema = false): void {
  if (!v || v.kind === 'null') return;
  if (isSchema) {
    const s = schemaJson(v);
    if (s !== undefined) facts.responseSchema = s;
    facts.responseFormat = 'json_schema';
    return;
  }
  const type = str(get(v, 'type'));
  const schema = first(get(v, 'json_schema', 'schema'), get(v, 'schema'));
  if (type) facts.responseFormat = type;
  if (schema) facts.responseSchema = schemaJson(schema);
  else if (!type) facts.responseFormat = 'json_schema'; // a Pydantic/zod class given as the format
}

function reasoning(v: Value | undefined, what: string, facts: CallFacts): void {
  if (!v || v.kind === 'null' || facts.reasoning) return;
  const text = v.kind === 'num' ? String(v.value) : v.kind === 'str' ? v.template : describe(v);
  facts.reasoning = { text: `${what} ${text}`, line: v.line };
}
