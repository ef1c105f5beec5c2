/**
 * Issue 14, class 2: Dotprompt files (Genkit's `.prompt`, and `.prompt.md` with Dotprompt front
 * matter) read as google/dotprompt defines them, partials resolved from the prompt's directory,
 * and a PR that edits a partial priced through the prompts that include it.
 */
import { describe, expect, it } from '@jest/globals';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { parseArtifact, renderMessages } from '../../src/artifacts/index.js';
import { dotpromptModelId } from '../../src/artifacts/dotprompt.js';
import { picoschemaToJsonSchema } from '../../src/artifacts/picoschema.js';
import { ArtifactError } from '../../src/errors.js';
import { runDiff } from '../../src/run/diff.js';
import { runEstimate } from '../../src/run/estimate.js';
import { makeRepo, prRepo } from '../helpers/run.js';

const enc = new Tiktoken(o200k);
const tok = (s: string) => enc.encode(s, [], []).length;

const RECIPE = `---
model: googleai/gemini-2.5-flash
config:
  maxOutputTokens: 800
  temperature: 0.4
  thinkingConfig:
    thinkingBudget: 1024
input:
  schema:
    dish: string, what the user wants to cook
    pantry(array, what is at hand): string
    servings?: integer
  default:
    dish: shakshuka
    pantry: [eggs, tomatoes, cumin]
output:
  format: json
  schema:
    title: string
    steps(array): string
    minutes?: integer, total time
toolDefs:
  - name: convertUnits
    description: Convert a quantity between metric and imperial units
    inputSchema:
      type: object
      properties:
        quantity: { type: number }
        from: { type: string }
        to: { type: string }
tools: [convertUnits, lookupSeason]
---
{{role "system"}}
You are a home-cooking assistant.
{{>house_style}}
{{role "user"}}
Plan {{dish}}{{#if servings}} for {{servings}}{{/if}} with:
{{#each pantry}}- {{this}}
{{/each}}
{{history}}
{{media url=photoUrl}}
`;
const HOUSE_STYLE = 'Use metric units. Keep each step under 25 words.\n';
const partials = (text = HOUSE_STYLE) => new Map([['house_style', { file: 'prompts/_house_style.prompt', text }]]);

describe('Dotprompt: front matter and body', () => {
  const site = parseArtifact('prompts/recipe.prompt', RECIPE, { partials: partials() });

  it('reads model, config, thinking, output schema, toolDefs and defaults', () => {
    expect(site.format).toBe('dotprompt');
    expect(site.model).toBe('googleai/gemini-2.5-flash');
    expect(site.params).toEqual({
      maxTokens: 800,
      temperature: 0.4,
      reasoningEffort: 'thinking budget 1024',
      responseFormat: 'json_schema',
    });
    expect(site.lines).toMatchObject({ model: 2, maxTokens: 4, temperature: 5, reasoningEffort: 6, jsonSchema: 18 });
    expect(JSON.parse(site.responseSchema!)).toEqual({
      type: 'object',
      properties: {
        title: { type: 'string' },
        steps: { type: 'array', items: { type: 'string' } },
        minutes: { type: ['integer', 'null'], description: 'total time' },
      },
      required: ['title', 'steps'],
      additionalProperties: false,
    });
    expect(site.tools.map((t) => t.name)).toEqual(['convertUnits']);
    expect(site.testData).toEqual([{ dish: 'shakshuka', pantry: ['eggs', 'tomatoes', 'cumin'] }]);
  });

  it('splits on {{role}}, inlines the partial, drops {{history}} and {{media}} with notes', () => {
    expect(site.messages.map((m) => [m.role, m.line])).toEqual([
      ['system', 33],
      ['user', 36],
    ]);
    const r = renderMessages(site, site.testData[0]);
    expect(r.messages[0].content.trim()).toBe(
      'You are a home-cooking assistant.\nUse metric units. Keep each step under 25 words.',
    );
    expect(r.messages[1].content.trim()).toBe('Plan shakshuka with:\n- eggs\n- tomatoes\n- cumin');
    expect(site.unsupported).toEqual([]);
    expect(site.notes).toEqual([
      'tools at line 31 names lookupSeason without a definition in the file (defined in code): their schemas are not counted; add them under toolDefs to price them',
      '{{history}} at prompts/recipe.prompt:40: earlier turns are inserted at run time and are not counted; record them in traffic samples',
      '{{media}} at prompts/recipe.prompt:41: the image or file it sends is not counted (providers price media per item)',
    ]);
  });

  it('text before any {{role}} is a user message; {{json}} renders compact JSON', () => {
    const s = parseArtifact('p/x.prompt', '---\nmodel: openai/gpt-4o-mini\n---\nSummarise {{json order}}\n');
    expect(s.messages).toEqual([{ role: 'user', template: 'Summarise {{order}}', line: 4 }]);
    expect(renderMessages(s, { order: { id: 7, items: ['a'] } }).messages[0].content).toBe(
      'Summarise {"id":7,"items":["a"]}',
    );
  });

  it('maps Genkit and Vertex model names to catalog ids', () => {
    expect(dotpromptModelId('googleai/gemini-2.5-flash')).toBe('googleai/gemini-2.5-flash');
    expect(dotpromptModelId('googleai/models/gemini-2.0-flash')).toBe('googleai/gemini-2.0-flash');
    expect(dotpromptModelId('models/gemini-1.5-pro')).toBe('googleai/gemini-1.5-pro');
    expect(dotpromptModelId('vertexai/gemini-1.5-pro@002')).toBe('vertexai/gemini-1.5-pro-002');
    expect(dotpromptModelId('projects/acme/locations/us-central1/publishers/google/models/gemini-2.5-pro')).toBe(
      'vertexai/gemini-2.5-pro',
    );
  });

  it('compiles Picoschema enums, objects, wildcards; keeps JSON Schema as is', () => {
    expect(
      picoschemaToJsonSchema({
        'status(enum, review state)': ['OPEN', 'DONE'],
        'meta?(object)': { '(*)': 'string' },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        status: { enum: ['OPEN', 'DONE'], description: 'review state' },
        meta: { type: ['object', 'null'], properties: {}, additionalProperties: { type: 'string' } },
      },
      required: ['status'],
      additionalProperties: false,
    });
    const js = { type: 'object', properties: { a: { type: 'string' } } };
    expect(picoschemaToJsonSchema(js)).toBe(js);
  });

  it('reads a .prompt.md with Dotprompt front matter as Dotprompt', () => {
    const s = parseArtifact(
      'docs/triage.prompt.md',
      '---\nmodel: vertexai/gemini-2.5-flash\nconfig:\n  maxOutputTokens: 200\n---\n{{role "system"}}\nLabel the ticket.\n{{role "user"}}\n{{ticket}}\n',
    );
    expect(s.format).toBe('dotprompt');
    expect(s.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(s.params.maxTokens).toBe(200);
  });
});

describe('Dotprompt: errors and the no-silent-miss rule', () => {
  const error = (fn: () => unknown): ArtifactError => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(ArtifactError);
      return e as ArtifactError;
    }
    throw new Error('expected an ArtifactError');
  };

  it('a partial file is never priced on its own', () => {
    const e = error(() => parseArtifact('prompts/_house_style.prompt', HOUSE_STYLE));
    expect(e.message).toBe(
      '_house_style.prompt is a Dotprompt partial: it is priced inside the prompts that include it, not on its own',
    );
  });

  it('a missing partial is an error at its line', () => {
    const e = error(() => parseArtifact('prompts/recipe.prompt', RECIPE));
    expect(e.message).toBe(
      'partial {{>house_style}} is not found: Dotprompt reads it from prompts/_house_style.prompt',
    );
    expect(e.location?.line).toBe(35);
  });

  it('a partial that includes itself is an error', () => {
    const loop = new Map([['a', { file: 'p/_a.prompt', text: 'x {{>a}}' }]]);
    const e = error(() => parseArtifact('p/main.prompt', '{{>a}}', { partials: loop }));
    expect(e.message).toContain('includes itself');
  });

  it('hostile PR: partials that fan out are stopped at 1 MiB after bounded work', () => {
    // Eight levels, each including the next one ten times: 10^7 copies of 20,000 characters if expanded blindly.
    const fan = new Map(
      Array.from({ length: 8 }, (_, i) => [
        `p${i}`,
        { file: `x/_p${i}.prompt`, text: i === 7 ? 'x'.repeat(20_000) : `{{>p${i + 1}}}`.repeat(10) },
      ]),
    );
    const e = error(() => parseArtifact('x/main.prompt', '{{>p0}}', { partials: fan }));
    expect(e.message).toBe('partials expand this prompt past 1048576 characters');
  });

  it('an unread front matter key with text, a model or a limit gets a note with its line', () => {
    const s = parseArtifact(
      'p/x.prompt',
      '---\nmodel: googleai/gemini-2.5-flash\npreamble: |\n  Always answer in French.\nconfig:\n  maxOutputTokens: 100\n  maxRetryTokens: 50\n---\nHi {{name}}\n',
    );
    expect(s.notes).toEqual([
      'preamble at line 3 is not read by aicost, so the text it holds is not priced',
      'config.maxRetryTokens at line 7 is not read by aicost, so the limit it holds is not priced',
    ]);
  });
});

const CONFIG = `version: 1
features:
  recipe:
    team: kitchen
    prompt: prompts/recipe.prompt
    typical_output_tokens: 400
    requests_per_month: 50000
teams:
  kitchen: { monthly_budget: 500 }
`;
const MINI_RECIPE = (style = '{{>house_style}}') => `---
model: openai/gpt-4o-mini
config:
  maxOutputTokens: 800
---
{{role "system"}}
You are a home-cooking assistant.
${style}
{{role "user"}}
Plan a dinner.
`;
const NEW_STYLE =
  'Use metric units and grams for dry goods. Keep each step under 25 words, list the equipment first, and flag allergens.\n';

describe('Dotprompt on a real repository', () => {
  it('a PR that edits only the partial is priced: Δ tokens × $0.15/M × 50,000', async () => {
    const repo = prRepo(
      { '.aicost.yml': CONFIG, 'prompts/recipe.prompt': MINI_RECIPE(), 'prompts/_house_style.prompt': HOUSE_STYLE },
      { 'prompts/_house_style.prompt': NEW_STYLE },
    );
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const f = report.features[0];
    expect(f.status).toBe('changed');
    const system = (style: string) => `You are a home-cooking assistant.\n${style.replace(/\n$/, '')}\n`;
    const dTokens = tok(system(NEW_STYLE)) - tok(system(HOUSE_STYLE));
    expect(dTokens).toBeGreaterThan(10);
    expect(f.delta.monthly).toBeCloseTo(((dTokens * 0.15) / 1e6) * 50_000, 9);
    // The partial belongs to the feature: not an unpriced change.
    expect(report.unpriced_changes).toEqual([]);
  });

  it('an unmapped .prompt is an unpriced change whose hint is a config estimate accepts', async () => {
    const repo = prRepo(
      { '.aicost.yml': CONFIG, 'prompts/recipe.prompt': MINI_RECIPE(), 'prompts/_house_style.prompt': HOUSE_STYLE },
      { 'prompts/wine.prompt': '---\nmodel: googleai/gemini-2.5-flash\n---\nPair a wine with {{dish}}.\n' },
    );
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const u = report.unpriced_changes.find((c) => c.file === 'prompts/wine.prompt')!;
    expect(u.summary).toBe('new Dotprompt file prompts/wine.prompt (model googleai/gemini-2.5-flash)');
    expect(u.hint).toBe(
      'features: { wine: { team: <team>, prompt: prompts/wine.prompt, typical_output_tokens: <n>, requests_per_month: <n> } }',
    );
    const entry = u.hint.replace('<team>', 'kitchen').replace(/<n>/g, '300');
    const hinted = makeRepo({
      '.aicost.yml': `version: 1\n${entry.replace(/^features: /, 'features:\n  ')}\nteams:\n  kitchen: {}\n`,
      'prompts/wine.prompt': '---\nmodel: googleai/gemini-2.5-flash\n---\nPair a wine with {{dish}}.\n',
    });
    const { report: est } = await runEstimate({ repo: hinted, config: '.aicost.yml' });
    expect(est.features[0].monthly).toBeGreaterThan(0);
  });

  it('an unmapped partial names the prompts that include it, not a feature of its own', async () => {
    const repo = prRepo(
      {
        '.aicost.yml': CONFIG.replace('recipe.prompt', 'other.prompt'),
        'prompts/other.prompt': MINI_RECIPE('Be brief.'),
        'prompts/_footer.prompt': 'Bye.\n',
      },
      { 'prompts/_footer.prompt': 'Goodbye and enjoy.\n' },
    );
    const { report } = await runDiff({ repo, base: 'main', head: 'pr', config: '.aicost.yml' });
    const u = report.unpriced_changes.find((c) => c.file === 'prompts/_footer.prompt')!;
    expect(u.hint).toContain('a Dotprompt partial is priced inside the prompts that include it ({{>footer}})');
  });
});
