import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parseGithubModelsPrompt } from '../../src/artifacts/prompt-yml.js';
import { renderMessages } from '../../src/artifacts/index.js';
import { ArtifactError } from '../../src/errors.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(join(here, 'fixtures', name), 'utf8');

/** Runs `fn`, which must throw an ArtifactError, and returns it. */
function artifactError(fn: () => unknown): ArtifactError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ArtifactError);
    return e as ArtifactError;
  }
  throw new Error('expected an ArtifactError');
}

describe('parseGithubModelsPrompt: reference example support-triage.prompt.yml', () => {
  const site = parseGithubModelsPrompt('prompts/support-triage.prompt.yml', fixture('support-triage.prompt.yml'));

  it('reads model, parameters and their lines', () => {
    expect(site.format).toBe('github-models');
    expect(site.model).toBe('openai/gpt-4.1-mini');
    expect(site.params).toEqual({ temperature: 0.2, maxTokens: 400, topP: 1, responseFormat: 'json_schema' });
    expect(site.lines).toEqual({
      model: 5,
      temperature: 7,
      maxTokens: 8,
      topP: 9,
      responseFormat: 10,
      jsonSchema: 11,
      messages: 26,
    });
    expect(site.notes).toEqual([]);
  });

  it('stores the JSON-string schema as compact JSON', () => {
    expect(site.responseSchema).toBe(
      '{"name":"triage_result","strict":true,"schema":{"type":"object","additionalProperties":false,' +
        '"required":["category","priority","reply"],"properties":{"category":{"type":"string",' +
        '"enum":["billing","bug","how-to","account","other"]},"priority":{"type":"string","enum":["p1","p2","p3"]},' +
        '"reply":{"type":"string"}}}}',
    );
  });

  it('reads the messages with the line of each content key', () => {
    expect(site.messages).toEqual([
      {
        role: 'system',
        line: 28,
        template:
          'You triage customer support tickets for {{product}}.\nPick exactly one category and one priority.\n' +
          'p1 = outage or data loss, p2 = blocked workflow, p3 = everything else.\n' +
          'Draft a reply of at most three sentences. Never promise refunds.\n',
      },
      { role: 'user', line: 34, template: 'Customer plan: {{tier}}\nTicket:\n<ticket>\n{{ticket_body}}\n</ticket>\n' },
    ]);
    expect(site.variables).toEqual(['product', 'tier', 'ticket_body']);
    expect(site.unsupported).toEqual([]);
    expect(site.tools).toEqual([]);
  });

  it('reads testData rows as variable maps and renders them', () => {
    expect(site.testData).toHaveLength(3);
    expect({ ...site.testData[1] }).toEqual({
      product: 'Acme Invoicing',
      tier: 'free',
      ticket_body: 'How do I change the currency shown on an invoice?',
      expected: '"category": "how-to"',
    });
    const r = renderMessages(site, site.testData[0]);
    expect(r.messages[1]).toEqual({
      role: 'user',
      content:
        'Customer plan: enterprise\nTicket:\n<ticket>\n' +
        'Since this morning every PDF export returns a 502. Our month-end close is today.\n\n</ticket>\n',
    });
    expect(r.messages[0].content.startsWith('You triage customer support tickets for Acme Invoicing.\n')).toBe(true);
    expect(r.missing).toEqual([]);
  });
});

describe('parseGithubModelsPrompt: variants', () => {
  it('reads the gh-models sample_prompt.yml from formats.md', () => {
    const text = [
      'model: openai/gpt-4o',
      'modelParameters: {temperature: 0.5, maxTokens: 50}',
      'messages:',
      '  - role: user',
      "    content: 'Please respond to this message appropriately: {{input}}'",
      'evaluators:',
      '  - name: similarity check',
      '    uses: github/similarity',
      '',
    ].join('\n');
    const site = parseGithubModelsPrompt('sample_prompt.yml', text);
    expect(site.model).toBe('openai/gpt-4o');
    expect(site.params).toEqual({ temperature: 0.5, maxTokens: 50 });
    expect(site.lines).toEqual({ model: 1, maxTokens: 2, temperature: 2, messages: 3 });
    expect(site.messages).toEqual([
      { role: 'user', line: 5, template: 'Please respond to this message appropriately: {{input}}' },
    ]);
    expect(site.variables).toEqual(['input']);
    expect(site.testData).toEqual([]);
    expect(renderMessages(site, { input: 'hello' }).messages[0].content).toBe(
      'Please respond to this message appropriately: hello',
    );
  });

  it('accepts jsonSchema as a YAML mapping', () => {
    const text = [
      'model: openai/gpt-4o-mini',
      'responseFormat: json_schema',
      'jsonSchema:',
      '  name: answer',
      '  strict: true',
      '  schema:',
      '    type: object',
      '    properties:',
      '      answer: {type: string}',
      '    required: [answer]',
      'messages:',
      '  - role: user',
      '    content: "Q: {{q}}"',
    ].join('\n');
    const site = parseGithubModelsPrompt('a.prompt.yml', text);
    expect(site.responseSchema).toBe(
      '{"name":"answer","strict":true,"schema":{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"]}}',
    );
    expect(site.lines.jsonSchema).toBe(3);
    expect(site.messages[0].line).toBe(13);
  });

  it('does not count a jsonSchema without responseFormat json_schema, and says so', () => {
    const text = 'jsonSchema: \'{"name": "x", "schema": {}}\'\nmessages:\n  - role: user\n    content: hi\n';
    const site = parseGithubModelsPrompt('a.prompt.yml', text);
    expect(site.responseSchema).toBeUndefined();
    expect(site.notes).toEqual(['jsonSchema at line 1 is not sent without responseFormat: json_schema; not counted']);
  });

  it('normalises testData rows: flat, {variables: …}, {input: {…}, expected}, and input as a plain value', () => {
    const text = [
      'messages:',
      '  - role: user',
      '    content: "{{topic}} {{input}}"',
      'testData:',
      '  - variables: {topic: cats, tone: dry}',
      '    expected: ok',
      '  - input: {topic: dogs}',
      '    expected: fine',
      '  - input: plain text',
      '    expected: x',
      '  - topic: birds',
    ].join('\n');
    const site = parseGithubModelsPrompt('t.prompt.yml', text);
    expect(site.testData.map((r) => ({ ...r }))).toEqual([
      { topic: 'cats', tone: 'dry', expected: 'ok' },
      { topic: 'dogs', expected: 'fine' },
      { input: 'plain text', expected: 'x' },
      { topic: 'birds' },
    ]);
    expect(Object.getPrototypeOf(site.testData[0])).toBeNull();
    expect(site.notes).toEqual([]);
    expect(renderMessages(site, site.testData[1]).messages[0].content).toBe('dogs ');
  });

  it('accepts other spellings of max tokens and notes which one', () => {
    const a = parseGithubModelsPrompt(
      'a.prompt.yml',
      'model: x/y\nmodelParameters:\n  max_tokens: 300\nmessages:\n  - {role: user, content: hi}\n',
    );
    expect(a.params.maxTokens).toBe(300);
    expect(a.lines.maxTokens).toBe(3);
    expect(a.notes).toEqual([
      'modelParameters.max_tokens at line 3 read as maxTokens (gh-models reads only maxTokens)',
    ]);
    const b = parseGithubModelsPrompt(
      'b.prompt.yml',
      'modelParameters:\n  maxCompletionTokens: 900\n  maxTokens: 100\nmessages:\n  - {role: user, content: hi}\n',
    );
    expect(b.params.maxTokens).toBe(100);
    expect(b.lines.maxTokens).toBe(3);
    expect(b.notes).toEqual(['modelParameters.maxCompletionTokens ignored: maxTokens is used']);
    const c = parseGithubModelsPrompt('c.prompt.yml', 'maxTokens: 5\nmessages:\n  - {role: user, content: hi}\n');
    expect(c.params.maxTokens).toBeUndefined();
    expect(c.notes).toEqual(['maxTokens at line 1 is outside modelParameters; gh-models ignores it, so it is ignored']);
  });

  it('ignores extra top-level keys seen in the wild (version, authors, metadata, variables, model_graded evaluators)', () => {
    const text = [
      'version: 2',
      'authors: [someone]',
      'metadata: {domain: legal}',
      'variables:',
      '  - name: clause',
      'model: openai/gpt-4o',
      'messages:',
      '  - role: system',
      '    content: Review {{clause}}',
      'evaluators:',
      '  - name: judge',
      '    type: model_graded',
      '    prompt: "{{ output | length }}"',
    ].join('\n');
    const site = parseGithubModelsPrompt('legal.prompt.yml', text);
    expect(site.model).toBe('openai/gpt-4o');
    expect(site.lines.model).toBe(6);
    expect(site.variables).toEqual(['clause']);
    expect(site.unsupported).toEqual([]);
  });

  it('reports unsupported template constructs with file lines', () => {
    const text = [
      'model: openai/gpt-4o',
      'messages:',
      '  - role: system',
      '    content: |',
      '      Line one',
      '      {{ name | upper }}',
      '  - role: user',
      '    content: "Hi {{> p}}"',
    ].join('\n');
    const site = parseGithubModelsPrompt('u.prompt.yml', text);
    expect(site.unsupported).toEqual(['filter "upper" at line 6', 'partial "p" at line 8']);
    expect(site.messages.map((m) => m.line)).toEqual([4, 8]);
  });
});

describe('parseGithubModelsPrompt: errors name file, line and column', () => {
  it('malformed YAML', () => {
    const e = artifactError(() => parseGithubModelsPrompt('bad.prompt.yml', 'model: [a, b\nmessages: []\n'));
    expect(e.location).toEqual({ file: 'bad.prompt.yml', line: 2, column: 1 });
    expect(e.message).toMatch(/^invalid YAML: /);
    expect(e.format()).toMatch(/^bad\.prompt\.yml:2:1: invalid YAML/);
    expect(e.hint).toContain('indentation');
  });

  it('duplicate keys', () => {
    const e = artifactError(() => parseGithubModelsPrompt('d.prompt.yml', 'model: a\nmodel: b\nmessages: []\n'));
    expect(e.location).toEqual({ file: 'd.prompt.yml', line: 2, column: 1 });
    expect(e.message).toBe('duplicate key "model" at the top level (first set on line 1)');
  });

  it('messages not a list', () => {
    const e = artifactError(() => parseGithubModelsPrompt('m.prompt.yml', 'model: x\nmessages: hello\n'));
    expect(e.location).toEqual({ file: 'm.prompt.yml', line: 2, column: 11 });
    expect(e.message).toBe('messages must be a list of {role, content}');
  });

  it('no messages', () => {
    const e = artifactError(() => parseGithubModelsPrompt('n.prompt.yml', 'model: x\n'));
    expect(e.message).toBe('the prompt has no messages');
    expect(e.location?.line).toBe(1);
  });

  it('a message without content or role', () => {
    const e = artifactError(() =>
      parseGithubModelsPrompt(
        'c.prompt.yml',
        'model: x\nmessages:\n  - role: system\n    content: ok\n  - role: user\n',
      ),
    );
    expect(e.location).toEqual({ file: 'c.prompt.yml', line: 5, column: 5 });
    expect(e.message).toBe('messages[1] (user) has no text content');
    const r = artifactError(() => parseGithubModelsPrompt('r.prompt.yml', 'messages:\n  - content: hi\n'));
    expect(r.location).toEqual({ file: 'r.prompt.yml', line: 2, column: 5 });
    expect(r.message).toBe('messages[0] has no role');
  });

  it('a maxTokens that is not a positive whole number', () => {
    const e = artifactError(() =>
      parseGithubModelsPrompt('x.prompt.yml', 'modelParameters:\n  maxTokens: lots\nmessages: []\n'),
    );
    expect(e.location).toEqual({ file: 'x.prompt.yml', line: 2, column: 14 });
    expect(e.message).toBe('modelParameters.maxTokens must be a whole number of tokens ≥ 1, got "lots"');
  });

  it('an unknown responseFormat and a jsonSchema string that is not JSON', () => {
    const f = artifactError(() => parseGithubModelsPrompt('f.prompt.yml', 'responseFormat: xml\nmessages: []\n'));
    expect(f.location).toEqual({ file: 'f.prompt.yml', line: 1, column: 17 });
    const j = artifactError(() =>
      parseGithubModelsPrompt('j.prompt.yml', 'responseFormat: json_schema\njsonSchema: "{not json"\nmessages: []\n'),
    );
    expect(j.location).toEqual({ file: 'j.prompt.yml', line: 2, column: 13 });
    expect(j.message).toMatch(/^jsonSchema is not valid JSON: /);
  });

  it('an alias bomb', () => {
    const text =
      'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' +
      'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nmessages: []\n';
    const e = artifactError(() => parseGithubModelsPrompt('bomb.prompt.yml', text));
    expect(e.message).toBe(
      'YAML aliases expand into more than 10,000 values (here at *c); aicost refuses this to guard against alias bombs',
    );
    expect(e.location).toEqual({ file: 'bomb.prompt.yml', line: 4, column: 26 });
  });

  it('a top level that is not a mapping', () => {
    const e = artifactError(() => parseGithubModelsPrompt('l.prompt.yml', '- a\n- b\n'));
    expect(e.location).toEqual({ file: 'l.prompt.yml', line: 1, column: 1 });
  });
});
