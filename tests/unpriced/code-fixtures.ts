/**
 * Realistic source files for the code scan's tests: Python with the OpenAI and Anthropic SDKs,
 * TypeScript with the Vercel AI SDK, JavaScript with the OpenAI SDK, and a fallback chain whose
 * error log names four models in a template literal.
 */

export const REPLY_PY = `"""Drafts replies to support tickets."""
import logging

from openai import OpenAI

log = logging.getLogger(__name__)
client = OpenAI()

REPLY_MODEL = "gpt-4o-mini"
SYSTEM_PROMPT = "You are a support agent for Acme. Answer in two short paragraphs."


def draft_reply(ticket):
    log.info("drafting a reply with %s", REPLY_MODEL)
    response = client.chat.completions.create(
        model=REPLY_MODEL,
        max_tokens=400,
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": ticket},
        ],
    )
    return response.choices[0].message.content
`;

export const SUMMARIZE_PY = `import anthropic

client = anthropic.Anthropic()


def summarize(document):
    message = client.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=2048,
        thinking={"type": "enabled", "budget_tokens": 1024},
        system="Summarize the document for an executive in five bullet points.",
        messages=[{"role": "user", "content": document}],
    )
    return message.content[-1].text
`;

/** A classifier whose model comes from a settings dict; the PR adds a second call reading it. */
export const CLASSIFY_PY = `from openai import OpenAI

client = OpenAI()
SETTINGS = {"model": "gpt-4o", "temperature": 0.0}


def classify(text):
    out = client.chat.completions.create(
        model=SETTINGS["model"],
        messages=[{"role": "user", "content": f"Label this ticket: {text}"}],
    )
    return out.choices[0].message.content
`;

export const CLASSIFY_PY_HEAD = CLASSIFY_PY.replace(
  '    return out.choices[0].message.content\n',
  `    return out.choices[0].message.content


def explain(label):
    out = client.chat.completions.create(
        model=SETTINGS["model"],
        messages=[{"role": "user", "content": f"Explain the label {label}"}],
    )
    return out.choices[0].message.content
`,
);

/** Azure OpenAI: the model is a deployment name read from the environment. */
export const AZURE_PY = `import os

from openai import AzureOpenAI

client = AzureOpenAI(api_version="2024-10-21")
deployment = os.environ["AZURE_OPENAI_CHAT_DEPLOYMENT"]
`;

export const AZURE_PY_HEAD = `${AZURE_PY}

def answer(question):
    out = client.chat.completions.create(
        model=deployment,
        messages=[{"role": "user", "content": question}],
    )
    return out.choices[0].message.content
`;

export const DRAFT_TS = `import { generateText, stepCountIs } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
import { openai } from '@ai-sdk/openai';

const SYSTEM = 'You write short, friendly product descriptions.';

export async function draftCopy(product: string): Promise<string> {
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    system: SYSTEM,
    prompt: \`Describe \${product} in two sentences.\`,
    maxOutputTokens: 300,
  });
  return text;
}

export const review = async (copy: string) =>
  generateText({
    model: anthropic('claude-sonnet-4-5'),
    prompt: \`Review this copy: \${copy}\`,
    stopWhen: stepCountIs(3),
    providerOptions: { anthropic: { thinking: { type: 'enabled', budgetTokens: 2000 } } },
  });
`;

export const TITLE_JS = `import OpenAI from 'openai';

const client = new OpenAI();

export async function suggestTitle(body) {
  const res = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 60,
    messages: [
      { role: 'system', content: 'Suggest a title of at most eight words.' },
      { role: 'user', content: body },
    ],
  });
  return res.choices[0].message.content;
}
`;

/** A fallback chain whose error paths name four models in template literals and a comment. */
export const FALLBACK_TS = `import { generateText } from 'ai';
import { logger } from './logger';

export async function answer(prompt: string, model: Parameters<typeof generateText>[0]['model']) {
  try {
    return await generateText({ model, prompt });
  } catch (err) {
    logger.error(\`all providers failed: openai('gpt-4o') -> anthropic('claude-sonnet-4-5') -> model: "gemini-2.5-pro" -> model="o3-mini" (\${String(err)})\`);
    throw new Error(\`no model answered\`);
  }
}
`;

/** The same file before the error log was written. */
export const FALLBACK_TS_BASE = FALLBACK_TS.replace(/ {4}logger\.error\(.*\n/, '');
