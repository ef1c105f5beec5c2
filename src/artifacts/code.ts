/**
 * A prompt that lives in code, `file.py#NAME` (also .ts/.tsx/.js/.mjs/.cjs): a module-level string
 * constant or list of messages, or a function whose body makes one SDK model call. The code is
 * read statically (src/code/); nothing in it runs.
 *
 * Unreadable parts are never priced as nothing: a message whose content is neither a string, a
 * constant (in the file or one import away) nor a parameter of the function is an error at its
 * line; a model that is not a string constant is a notice, and the feature's `model:` prices the
 * call (it always wins for code: estimate.ts), or the run stops asking for one.
 */
import {
  loadCodeReading,
  type CallFacts,
  type CallMessage,
  type CodeFileReader,
  type CodeReading,
  type Value,
} from '../code/index.js';
import { MAX_TOKENS } from '../bounds.js';
import { ArtifactError } from '../errors.js';
import type { CallSite } from '../types.js';
import { templateVariables } from './render.js';
import { emptySite } from './site.js';

/** src/code/'s static reading, imported by the first loadCodeArtifact before any helper here runs. */
let code: CodeReading;

/** Most names listed when `#NAME` is not found. */
const MAX_NAMES_LISTED = 10;

const SUPPORTED_CALLS =
  'OpenAI chat.completions.create / responses.create, Anthropic messages.create / stream, Google GenAI models.generate_content, LiteLLM completion, Vercel AI SDK generateText / streamText / generateObject, LangChain chat models .invoke';

/** Whether a prompt reference points into code (`app/llm.py#summarize`). */
export function isCodeRef(ref: string): boolean {
  const hash = ref.indexOf('#');
  return hash > 0 && /\.(py|pyi|ts|mts|cts|tsx|js|mjs|cjs|jsx)$/i.test(ref.slice(0, hash));
}

/** Content of a message as template text; unreadable content is an error at its line. */
function contentTemplate(file: string, m: CallMessage, name: string): string {
  const c = m.content;
  if (c.kind === 'str') return c.template;
  if (c.kind === 'var') return `{{${c.name}}}`;
  if (c.kind === 'null') return '';
  if (c.kind === 'list') {
    // Content parts: [{type: "text", text: …}], Google parts [{text: …}] or plain strings.
    return c.items
      .map((p) =>
        contentTemplate(
          file,
          { ...m, content: p.kind === 'dict' ? (p.entries.get('text') ?? { kind: 'null', line: p.line }) : p },
          name,
        ),
      )
      .join('\n');
  }
  if (c.kind === 'dict' && c.entries.has('text'))
    return contentTemplate(file, { ...m, content: c.entries.get('text')! }, name);
  throw new ArtifactError(
    `${name}: the ${m.role} message's content is ${code.describe(c)}, which aicost cannot read statically`,
    {
      location: { file, line: c.line || m.line },
      hint: 'Make it a string constant (in this file or imported from one inside the repository), an f-string / template literal, or a parameter of the function (priced from the traffic vars).',
    },
  );
}

function messagesTemplate(file: string, messages: CallMessage[], name: string): CallSite['messages'] {
  return messages.map((m) => ({ role: m.role, template: contentTemplate(file, m, name), line: m.line }));
}

/** A constant: a string (one message) or a list of messages. */
function constantSite(file: string, name: string, value: Value, line: number, notes: string[]): CallSite {
  const site = emptySite(file, 'code', notes);
  site.lines.prompt = line;
  if (value.kind === 'str' || value.kind === 'var') {
    const role = /system|instruction/i.test(name) ? 'system' : 'user';
    site.messages = messagesTemplate(file, [{ role, content: value, line }], name);
    return site;
  }
  const msgs = code.messagesOf(value);
  if (!msgs) {
    throw new ArtifactError(`#${name} is ${code.describe(value)}, not a string, a list of messages or a function`, {
      location: { file, line },
      hint: 'Point prompt: at a string constant, a list of {role, content} messages, or a function that makes one model call.',
    });
  }
  site.messages = messagesTemplate(file, msgs, name);
  return site;
}

function numberParam(v: Value | undefined, what: string, notes: string[]): number | undefined {
  if (!v || v.kind === 'null') return undefined;
  if (v.kind === 'num' && Number.isInteger(v.value) && v.value > 0 && v.value <= MAX_TOKENS) return v.value;
  notes.push(
    `${what} at line ${v.line} is ${v.kind === 'num' ? v.value : code.describe(v)}: not read as an output cap`,
  );
  return undefined;
}

/** A call's facts as a CallSite. */
function callSite(file: string, name: string, facts: CallFacts, notes: string[]): CallSite {
  const site = emptySite(file, 'code', notes);
  site.lines.call = facts.line;
  if ('id' in facts.model) {
    site.model = facts.model.id;
    site.lines.model = facts.model.line;
  } else {
    notes.push(
      `model is ${facts.model.unread} at line ${facts.model.line}, not a string constant: set model: on the feature`,
    );
  }
  if (facts.messagesValue) {
    if (facts.messagesValue.kind !== 'var') {
      throw new ArtifactError(
        `${name}: the call's messages are ${code.describe(facts.messagesValue)}, which aicost cannot read statically`,
        {
          location: { file, line: facts.messagesValue.line || facts.line },
          hint: 'Write the message list in the call, or as a constant list of {role, content} messages.',
        },
      );
    }
    notes.push(
      `messages at line ${facts.line} are the parameter ${facts.messagesValue.name}: priced from the traffic vars`,
    );
    facts.messages.push({ role: 'user', content: facts.messagesValue, line: facts.messagesValue.line });
  }
  site.messages = messagesTemplate(file, facts.messages, name);
  const max = numberParam(facts.maxTokens, 'max tokens', notes);
  if (max !== undefined) {
    site.params.maxTokens = max;
    site.lines.maxTokens = facts.maxTokens!.line;
  }
  site.tools = facts.tools.map((t) => ({
    name: t.name,
    ...(t.description !== undefined ? { description: t.description } : {}),
    ...(t.parameters !== undefined ? { parameters: t.parameters } : {}),
  }));
  if (facts.tools.length) site.lines.tools = facts.tools[0]!.line;
  if (facts.toolsUnread)
    notes.push(`tools at line ${facts.toolsUnread.line} are ${code.describe(facts.toolsUnread)}: not counted`);
  if (facts.responseSchema !== undefined) site.responseSchema = JSON.stringify(facts.responseSchema);
  if (facts.responseFormat) site.params.responseFormat = facts.responseFormat;
  if (facts.reasoning) {
    site.params.reasoningEffort = facts.reasoning.text;
    site.lines.reasoningEffort = facts.reasoning.line;
  }
  return site;
}

/**
 * Reads `path#name` (the file's `text` when given) into a CallSite, with every repository file it
 * read (the file itself, then a module it imports a constant from).
 */
export async function loadCodeArtifact(
  reader: CodeFileReader,
  path: string,
  name: string,
  text?: string,
): Promise<{ site: CallSite; files: string[] }> {
  code ??= await loadCodeReading();
  const loader = new code.ModuleLoader(reader);
  try {
    const mod = (await loader.load(path, text))!;
    const def = mod.definitions.get(name);
    if (!def) {
      const names = [...mod.definitions.keys()];
      const listed = names.slice(0, MAX_NAMES_LISTED).join(', ') + (names.length > MAX_NAMES_LISTED ? ', …' : '');
      throw new ArtifactError(
        `#${name} is not defined at the top level of this file${names.length ? `; it defines ${listed}` : ''}`,
        {
          location: { file: path },
          hint: 'Point prompt: at file#NAME where NAME is a module-level constant, a function, or Class.method.',
        },
      );
    }
    const notes: string[] = [];
    const scope = code.moduleScope(mod, loader, 0);
    let site: CallSite;
    if (def.kind === 'value') {
      // A Python string constant is a `str.format` template: its `{name}` fields are variables.
      const plain = def.node.type === 'string' && mod.language === 'python' && !code.interpolations(def.node).length;
      const own = plain ? code.pythonString(def.node, true) : null;
      const value: Value =
        own !== null ? { kind: 'str', template: own, line: def.line } : await code.evaluate(def.node, scope);
      site = constantSite(path, name, value, def.line, notes);
    } else {
      const inner = code.functionScope(def.node, scope);
      const calls: CallFacts[] = [];
      for (const call of code.findSdkCalls(def.node)) {
        const facts = await code.readCall(call, inner);
        if (facts) calls.push(facts);
      }
      if (!calls.length) {
        throw new ArtifactError(`#${name} makes no model call aicost reads`, {
          location: { file: path, line: def.line },
          hint: `Supported: ${SUPPORTED_CALLS}. Or point prompt: at the string constant that holds the prompt.`,
        });
      }
      if (calls.length > 1) {
        throw new ArtifactError(
          `#${name} makes ${calls.length} model calls (lines ${calls.map((c) => c.line).join(', ')})`,
          {
            location: { file: path, line: calls[1]!.line },
            hint: 'Point prompt: at a function that makes one call (one feature per call).',
          },
        );
      }
      site = callSite(path, name, calls[0]!, notes);
    }
    site.variables = [...new Set(site.messages.flatMap((m) => templateVariables(m.template)))];
    return { site, files: loader.files };
  } finally {
    await loader.dispose();
  }
}
