/**
 * Issue 14, class 3: Prompty files as people write them: v2 `model.connection` (serverless, the
 * model inside it), v1 `model.configuration`, `api: embedding` priced as input only at embedding
 * prices, tools in both places counted, `${file:…}` followed inside the repository, `${env:…}` noted.
 */
import { describe, expect, it } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import { loadPromptArtifact, parseArtifact } from '../../src/artifacts/index.js';
import { AicostError } from '../../src/errors.js';
import { runDiff } from '../../src/run/diff.js';
import { runEstimate } from '../../src/run/estimate.js';
import { failure, makeRepo, prRepo } from '../helpers/run.js';

const cl = new Tiktoken(cl100k);

const CONFIG = (prompt: string, extra = '') => `version: 1
features:
  advisor:
    team: outdoor
    prompt: ${prompt}
    typical_output_tokens: 250
    requests_per_month: 40000
${extra}teams:
  outdoor: { monthly_budget: 2000 }
`;

const ADVISOR = (model: string, tools = '') => `---
name: Tent advisor
description: Recommends a tent from the catalogue
model:
  apiType: chat
  connection:
    type: serverless
    endpoint: \${env:AZURE_INFERENCE_ENDPOINT}
    model: ${model}
  options:
    maxOutputTokens: 600
sample:
  question: Which tent survives wind on a ridge?
${tools}---
system:
You are an outdoor-gear advisor. Recommend one tent from the catalogue and say why in two sentences.

user:
{{question}}
`;

const WEATHER_TOOL = `tools:
  - name: get_forecast
    kind: function
    description: Wind and rain forecast for a place and date
    parameters:
      - name: place
        kind: string
        description: Town or mountain hut
      - name: date
        kind: string
        description: ISO date
`;

describe('Prompty v2: model.connection', () => {
  it('reads the model inside a serverless connection, with its line', () => {
    const site = parseArtifact('prompts/advisor.prompty', ADVISOR('gpt-4o-mini'));
    expect(site.model).toBe('gpt-4o-mini');
    expect(site.lines.model).toBe(9);
    expect(site.params.maxTokens).toBe(600);
    expect(site.testData).toEqual([{ question: 'Which tent survives wind on a ridge?' }]);
    expect(site.notes).toEqual([]);
  });

  it('a PR that swaps the connection model is priced at the new model', async () => {
    const repo = prRepo(
      { '.aicost.yml': CONFIG('prompts/advisor.prompty'), 'prompts/advisor.prompty': ADVISOR('gpt-4o-mini') },
      { 'prompts/advisor.prompty': ADVISOR('gpt-4o') },
    );
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = report.features[0];
    expect(f.status).toBe('changed');
    const input = f.base!.input_tokens.mean;
    // USD per 1M tokens: gpt-4o-mini 0.15 / 0.60, gpt-4o 2.50 / 10.00.
    expect(f.base!.monthly).toBeCloseTo(((input * 0.15 + 250 * 0.6) / 1e6) * 40000, 9);
    expect(f.head!.monthly).toBeCloseTo(((input * 2.5 + 250 * 10) / 1e6) * 40000, 9);
    expect(f.changes.map((c) => [c.kind, c.line])).toContainEqual(['model', 9]);
  });

  it('a PR that adds a v2 top-level tool is priced (the tool schema is input on every call)', async () => {
    const repo = prRepo(
      { '.aicost.yml': CONFIG('prompts/advisor.prompty'), 'prompts/advisor.prompty': ADVISOR('gpt-4o-mini') },
      { 'prompts/advisor.prompty': ADVISOR('gpt-4o-mini', WEATHER_TOOL) },
    );
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = report.features[0];
    expect(f.status).toBe('changed');
    const dInput = f.head!.input_tokens.mean - f.base!.input_tokens.mean;
    expect(dInput).toBeGreaterThan(20);
    expect(f.delta.monthly).toBeCloseTo(((dInput * 0.15) / 1e6) * 40000, 9);
    const site = parseArtifact('prompts/advisor.prompty', ADVISOR('gpt-4o-mini', WEATHER_TOOL));
    expect(site.tools).toEqual([
      {
        name: 'get_forecast',
        description: 'Wind and rain forecast for a place and date',
        parameters: {
          type: 'object',
          properties: {
            place: { type: 'string', description: 'Town or mountain hut' },
            date: { type: 'string', description: 'ISO date' },
          },
          required: ['place', 'date'],
        },
      },
    ]);
  });
});

const FUNCTIONS_JSON = JSON.stringify([
  {
    type: 'function',
    function: {
      name: 'lookup_order',
      description: 'Look up an order by its number',
      parameters: { type: 'object', properties: { number: { type: 'string' } }, required: ['number'] },
    },
  },
]);
const V1_SUPPORT = (ref: string) => `---
name: Support
model:
  api: chat
  configuration:
    type: azure_openai
    azure_endpoint: \${env:AZURE_OPENAI_ENDPOINT}
    azure_deployment: support-4o-mini
  parameters:
    max_tokens: 300
    tools: \${file:${ref}}
---
system:
Answer questions about orders.

user:
{{question}}
`;

describe('Prompty v1: configuration, tools by ${file:}', () => {
  it('follows ${file:functions.json} inside the repository and counts the tools', async () => {
    const reader = {
      exists: async () => true,
      readText: async (p: string) => (p.endsWith('.json') ? FUNCTIONS_JSON : V1_SUPPORT('functions.json')),
    };
    const loaded = await loadPromptArtifact(reader, 'prompts/support.prompty');
    expect(loaded.files).toEqual(['prompts/support.prompty', 'prompts/functions.json']);
    expect(loaded.site.model).toBe('azure/support-4o-mini');
    expect(loaded.site.tools.map((t) => t.name)).toEqual(['lookup_order']);
  });

  it('a ${file:} outside the repository is an error naming file:line', async () => {
    const repo = makeRepo({
      '.aicost.yml': CONFIG('prompts/support.prompty', 'models:\n  azure/support-4o-mini: openai/gpt-4o-mini\n'),
      'prompts/support.prompty': V1_SUPPORT('../../secrets/functions.json'),
    });
    const e = await failure(runEstimate({ repo, config: '.aicost.yml' }));
    expect(e).toBeInstanceOf(AicostError);
    expect(e.message).toBe('${file:../../secrets/functions.json} points outside the repository');
    expect(e.location).toEqual({ file: 'prompts/support.prompty', line: 11 });
  });

  it('a ${file:} that is not committed is an error naming file:line', async () => {
    const repo = makeRepo({
      '.aicost.yml': CONFIG('prompts/support.prompty', 'models:\n  azure/support-4o-mini: openai/gpt-4o-mini\n'),
      'prompts/support.prompty': V1_SUPPORT('functions.json'),
    });
    const e = await failure(runEstimate({ repo, config: '.aicost.yml' }));
    expect(e.message).toBe('${file:functions.json} names prompts/functions.json, which is not in the repository');
    expect(e.location).toEqual({ file: 'prompts/support.prompty', line: 11 });
  });

  it('${env:} where the model is read gets a note', () => {
    const site = parseArtifact(
      'p/x.prompty',
      '---\nmodel:\n  connection:\n    type: serverless\n    model: ${env:CHAT_MODEL}\n---\nHello\n',
    );
    expect(site.model).toBeUndefined();
    expect(site.notes).toContain(
      'model.connection.model is ${env:CHAT_MODEL}: the value comes from the environment at run time, so aicost cannot read it',
    );
  });

  it('an unread text-bearing key gets a note with its line (no silent miss)', () => {
    const site = parseArtifact(
      'p/x.prompty',
      '---\nmodel:\n  id: gpt-4o-mini\n  fallback_model: gpt-4o\nguardrails: |\n  Refuse medical advice.\n  Never quote prices.\n---\nHello\n',
    );
    expect(site.notes).toEqual([
      'model.fallback_model at line 4 is not read by aicost, so the model it holds is not priced',
      'guardrails at line 5 is not read by aicost, so the text it holds is not priced',
    ]);
  });
});

const EMBED = `---
name: Catalogue embedding
model:
  api: embedding
  configuration:
    type: openai
    model: text-embedding-3-small
sample:
  item: Alpine Explorer Tent, 2-person, 1.8 kg, detachable divider
---
Product: {{item}}
`;

describe('Prompty api: embedding', () => {
  it('reads api: embedding and the OpenAI model of type: openai', () => {
    const site = parseArtifact('prompts/embed.prompty', EMBED);
    expect(site.api).toBe('embedding');
    expect(site.model).toBe('openai/text-embedding-3-small');
    expect(site.lines).toMatchObject({ api: 4, model: 7 });
  });

  it('is priced as input only at the embedding price: tokens × $0.02/M × volume', async () => {
    const repo = makeRepo({
      '.aicost.yml': `version: 1\nfeatures:\n  embed:\n    team: search\n    prompt: prompts/embed.prompty\n    requests_per_month: 1000000\nteams:\n  search: {}\n`,
      'prompts/embed.prompty': EMBED,
    });
    const { report } = await runEstimate({ repo, config: '.aicost.yml' });
    const f = report.features[0];
    const text = 'Product: Alpine Explorer Tent, 2-person, 1.8 kg, detachable divider\n';
    expect(f.input_tokens.mean).toBe(cl.encode(text).length);
    expect(f.output_tokens.mean).toBe(0);
    expect(f.monthly).toBeCloseTo(((cl.encode(text).length * 0.02) / 1e6) * 1_000_000, 9);
  });

  it('hostile PR: api: embedding on a chat prompt cannot drop its output from the figure', async () => {
    const chat = ADVISOR('gpt-4o-mini');
    const repo = prRepo(
      { '.aicost.yml': CONFIG('prompts/advisor.prompty'), 'prompts/advisor.prompty': chat },
      { 'prompts/advisor.prompty': chat.replace('apiType: chat', 'apiType: embedding') },
    );
    const e = await failure(runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' }));
    expect(e.message).toBe(
      'prompts/advisor.prompty declares an embeddings call, but openai/gpt-4o-mini is not an embedding model',
    );
    expect(e.location).toMatchObject({ file: 'prompts/advisor.prompty', line: 5 });
  });
});
