/**
 * `file#NAME` prompts in code read into CallSites: constants, f-strings, template literals,
 * message lists, and one call of each supported SDK, from files held in memory.
 */
import { describe, expect, it } from '@jest/globals';
import { loadPromptArtifact, renderMessages } from '../../src/artifacts/index.js';
import { ArtifactError, RepoError } from '../../src/errors.js';
import type { CallSite } from '../../src/types.js';
import { failure } from '../helpers/run.js';

function readerOf(files: Record<string, string>, links: string[] = []) {
  return {
    readText: async (p: string) => {
      if (!(p in files)) throw new RepoError(`${p} is not in the repository`);
      return files[p]!;
    },
    exists: async (p: string) => p in files,
    isLink: async (p: string) => links.includes(p),
  };
}

async function site(files: Record<string, string>, ref: string): Promise<CallSite> {
  return (await loadPromptArtifact(readerOf(files), ref)).site;
}

describe('constants', () => {
  it('a Python f-string constant: placeholders are variables, doubled braces and {{…}} stay literal', async () => {
    const s = await site(
      {
        'a.py':
          'NAME = "x"\nSUMMARY_PROMPT = f"Summarise {ticket.body} for {user}. Output {{json}} and {{{{raw}}}}."\n',
      },
      'a.py#SUMMARY_PROMPT',
    );
    expect(s.format).toBe('code');
    expect(s.messages).toHaveLength(1);
    expect(s.messages[0]).toMatchObject({ role: 'user', line: 2 });
    expect(s.variables).toEqual(['ticket', 'user']);
    const rendered = renderMessages(s, { ticket: { body: 'Printer on fire' }, user: 'Ann' });
    expect(rendered.messages[0]!.content).toBe('Summarise Printer on fire for Ann. Output {json} and {{raw}}.');
  });

  it('a plain Python constant is a str.format template; a system-named one is a system message', async () => {
    const s = await site(
      { 'p.py': 'SYSTEM_PROMPT = """You help {customer_name}.\nReturn {"ok": true}."""\n' },
      'p.py#SYSTEM_PROMPT',
    );
    expect(s.messages[0]!.role).toBe('system');
    expect(s.variables).toEqual(['customer_name']);
    expect(s.messages[0]!.template).toBe('You help {{customer_name}}.\nReturn {"ok": true}.');
  });

  it('a TypeScript template literal and a message list built from constants', async () => {
    const files = {
      'src/p.ts': [
        "const STYLE = 'Be brief.';",
        'export const ASK = `Question from ${user.name}: ${question}`;',
        'export const MESSAGES = [',
        "  { role: 'system', content: `You are support. ${STYLE}` },",
        "  { role: 'user', content: ASK },",
        '] as const;',
      ].join('\n'),
    };
    const ask = await site(files, 'src/p.ts#ASK');
    expect(ask.messages[0]!.template).toBe('Question from {{user.name}}: {{question}}');
    const msgs = await site(files, 'src/p.ts#MESSAGES');
    expect(msgs.messages.map((m) => [m.role, m.template, m.line])).toEqual([
      ['system', 'You are support. Be brief.', 4],
      ['user', 'Question from {{user.name}}: {{question}}', 5],
    ]);
  });

  it('a constant of a module imported whole: `from . import prompts` / `import * as P`', async () => {
    const py = await site(
      {
        'app/bot.py': `from . import prompts\nimport app.style as style\nMESSAGES = [{"role": "system", "content": prompts.SYSTEM + " " + style.TONE}]\n`,
        'app/prompts.py': 'SYSTEM = "Be exact."\n',
        'app/style.py': 'TONE = "Be warm."\n',
      },
      'app/bot.py#MESSAGES',
    );
    expect(py.messages[0]!.template).toBe('Be exact. Be warm.');
    const ts = await loadPromptArtifact(
      readerOf({
        'src/a.ts': "import * as P from './prompts.js';\nexport const ASK = `${P.SYSTEM} {x}`;\n",
        'src/prompts.ts': "export const SYSTEM = 'Hello';\n",
      }),
      'src/a.ts#ASK',
    );
    expect(ts.site.messages[0]!.template).toBe('Hello {x}');
    expect(ts.files).toEqual(['src/a.ts', 'src/prompts.ts']);
  });
});

describe('SDK calls', () => {
  it('OpenAI Responses API: instructions, input, max_output_tokens, reasoning effort, a JSON schema format', async () => {
    const s = await site(
      {
        'r.py': `from openai import OpenAI
client = OpenAI()
def classify(text):
    return client.responses.create(
        model="o4-mini",
        instructions="Classify the ticket.",
        input=text,
        max_output_tokens=800,
        reasoning={"effort": "high"},
        text={"format": {"type": "json_schema", "name": "c", "schema": {"type": "object", "properties": {"label": {"type": "string"}}}}},
    )
`,
      },
      'r.py#classify',
    );
    expect(s.model).toBe('openai/o4-mini');
    expect(s.messages.map((m) => [m.role, m.template])).toEqual([
      ['system', 'Classify the ticket.'],
      ['user', '{{text}}'],
    ]);
    expect(s.params).toEqual({
      maxTokens: 800,
      reasoningEffort: 'reasoning effort high',
      responseFormat: 'json_schema',
    });
    expect(JSON.parse(s.responseSchema!)).toEqual({ type: 'object', properties: { label: { type: 'string' } } });
  });

  it('Anthropic on Bedrock with a thinking budget; a system list of text blocks', async () => {
    const s = await site(
      {
        'b.py': `from anthropic import AnthropicBedrock
client = AnthropicBedrock()
def run(q):
    return client.messages.create(
        model="anthropic.claude-sonnet-4-5-20250929-v1:0",
        max_tokens=2000,
        thinking={"type": "enabled", "budget_tokens": 1024},
        system=[{"type": "text", "text": "Be exact."}],
        messages=[{"role": "user", "content": [{"type": "text", "text": q}]}],
    )
`,
      },
      'b.py#run',
    );
    expect(s.model).toBe('bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(s.params.reasoningEffort).toBe('thinking budget 1024');
    expect(s.messages.map((m) => m.template)).toEqual(['Be exact.', '{{q}}']);
  });

  it('Google GenAI: config system instruction, output cap, thinking budget', async () => {
    const s = await site(
      {
        'g.py': `from google import genai
from google.genai import types
client = genai.Client()
def ask(question):
    return client.models.generate_content(
        model="gemini-2.5-flash",
        contents=question,
        config=types.GenerateContentConfig(
            system_instruction="Answer in French.",
            max_output_tokens=512,
            thinking_config=types.ThinkingConfig(thinking_budget=256),
        ),
    )
`,
      },
      'g.py#ask',
    );
    expect(s.model).toBe('google/gemini-2.5-flash');
    expect(s.params).toMatchObject({ maxTokens: 512, reasoningEffort: 'thinking budget 256' });
    expect(s.messages.map((m) => [m.role, m.template])).toEqual([
      ['system', 'Answer in French.'],
      ['user', '{{question}}'],
    ]);
  });

  it('LiteLLM completion keeps its provider prefix; LangChain ChatAnthropic(...).invoke with tuples', async () => {
    const lite = await site(
      {
        'l.py': `import litellm
def go(q):
    return litellm.completion(model="anthropic/claude-haiku-4-5", messages=[{"role": "user", "content": q}], max_tokens=64)
`,
      },
      'l.py#go',
    );
    expect(lite.model).toBe('anthropic/claude-haiku-4-5');
    expect(lite.params.maxTokens).toBe(64);
    const lc = await site(
      {
        'lc.py': `from langchain_anthropic import ChatAnthropic
llm = ChatAnthropic(model="claude-sonnet-4-5", max_tokens=700)
def answer(question):
    return llm.invoke([("system", "You are terse."), ("human", question)])
`,
      },
      'lc.py#answer',
    );
    expect(lc.model).toBe('anthropic/claude-sonnet-4-5');
    expect(lc.params.maxTokens).toBe(700);
    expect(lc.messages.map((m) => [m.role, m.template])).toEqual([
      ['system', 'You are terse.'],
      ['user', '{{question}}'],
    ]);
  });

  it('a model chosen at run time (env, Azure deployment) is a notice asking for model:, not a guess', async () => {
    const env = await site(
      {
        'e.py': `import os
from openai import OpenAI
client = OpenAI()
def go(q):
    return client.chat.completions.create(model=os.environ["MODEL"], messages=[{"role": "user", "content": q}])
`,
      },
      'e.py#go',
    );
    expect(env.model).toBeUndefined();
    expect(env.notes).toEqual([
      'model is `os.environ["MODEL"]` at line 5, not a string constant: set model: on the feature',
    ]);
    const azure = await site(
      {
        'z.py': `from openai import AzureOpenAI
client = AzureOpenAI(api_version="2024-10-21")
def go(q):
    return client.chat.completions.create(model="prod-gpt4o", messages=[{"role": "user", "content": q}])
`,
      },
      'z.py#go',
    );
    expect(azure.model).toBeUndefined();
    expect(azure.notes![0]).toMatch(/"prod-gpt4o" \(an Azure deployment name\)/);
  });
});

describe('refusals', () => {
  const bot = `from openai import OpenAI
client = OpenAI()
SYSTEM = "Be kind."
def a(q):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": q}])
def both(q):
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])
def loaded(q):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": open("/etc/prompt").read()}])
`;
  it('an unknown #NAME names the file, the name and the names that exist', async () => {
    const e = await failure(site({ 'bot.py': bot }, 'bot.py#summarise'));
    expect(e).toBeInstanceOf(ArtifactError);
    expect(e.location).toEqual({ file: 'bot.py' });
    expect(e.message).toBe(
      '#summarise is not defined at the top level of this file; it defines client, SYSTEM, a, both, loaded',
    );
  });

  it('two model calls in one function, and content that cannot be read statically, are errors at their lines', async () => {
    const two = await failure(site({ 'bot.py': bot }, 'bot.py#both'));
    expect(two.message).toBe('#both makes 2 model calls (lines 7, 8)');
    const dyn = await failure(site({ 'bot.py': bot }, 'bot.py#loaded'));
    expect(dyn.message).toBe(
      "loaded: the system message's content is `open().read(…)`, which aicost cannot read statically",
    );
    expect(dyn.location).toMatchObject({ file: 'bot.py', line: 10 });
  });

  it('a syntax error is refused at its line; a code file without #NAME asks for one', async () => {
    const e = await failure(site({ 'bad.ts': 'export const A = `x`;\nexport function f( {\n' }, 'bad.ts#A'));
    expect(e.message).toMatch(/^syntax error at line 2: the file is not valid typescript/);
    expect(e.location).toMatchObject({ file: 'bad.ts', line: 2 });
    const bare = await failure(site({ 'bot.py': bot }, 'bot.py'));
    expect(bare.message).toBe('a code file: name the constant or function that holds the prompt');
  });

  it('an import that leaves the repository, or names a symbolic link, is refused', async () => {
    const out = `from ...secrets import SYSTEM\nfrom openai import OpenAI\nclient = OpenAI()\ndef a(q):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])\n`;
    const e = await failure(site({ 'app/bot.py': out }, 'app/bot.py#a'));
    expect(e).toBeInstanceOf(RepoError);
    expect(e.message).toMatch(/points outside the repository/);
    const linked = out.replace('...secrets', '.secrets');
    const l = await failure(loadPromptArtifact(readerOf({ 'app/bot.py': linked }, ['app/secrets.py']), 'app/bot.py#a'));
    expect(l.message).toBe('imports app/secrets.py, which is a symbolic link (aicost does not follow links)');
  });

  it('a constant defined by a call two imports away is not followed (one hop only) and is refused, not priced as empty', async () => {
    const files = {
      'a.py': 'from .b import SYSTEM\nPROMPT = [{"role": "system", "content": SYSTEM}]\n',
      'b.py': 'from .c import SYSTEM\n',
      'c.py': 'SYSTEM = "far away"\n',
    };
    const e = await failure(site(files, 'a.py#PROMPT'));
    expect(e.message).toMatch(/the system message's content is `SYSTEM`/);
  });
});
