/**
 * Prompt files: a key one typo away from a key aicost prices is an error with the config's
 * did-you-mean (it used to be skipped, and `estimate` dropped the output cap without a word);
 * testData that is not a list of mappings and unknown message roles are errors at file:line.
 */
import { describe, expect, it } from '@jest/globals';
import { parseGithubModelsPrompt } from '../../src/artifacts/prompt-yml.js';
import { parseMarkdownPrompt } from '../../src/artifacts/markdown.js';
import { ArtifactError } from '../../src/errors.js';

function error(fn: () => unknown): ArtifactError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ArtifactError) return e;
    throw e;
  }
  throw new Error('expected an ArtifactError');
}
const yml = (lines: string[]) => parseGithubModelsPrompt('p.prompt.yml', lines.join('\n') + '\n');
const md = (lines: string[]) => parseMarkdownPrompt('p.prompt.md', lines.join('\n') + '\n');
const MESSAGES = ['messages:', '  - role: user', '    content: "Summarise {{body}}"'];

describe('misspelled keys in prompt files', () => {
  it('modelParameter: (for modelParameters) is an error at its line', () => {
    const e = error(() => yml(['model: openai/gpt-4o-mini', 'modelParameter:', '  maxTokens: 400', ...MESSAGES]));
    expect(e.format().split('\n')[0]).toBe(
      'p.prompt.yml:2:1: unknown key "modelParameter"; did you mean "modelParameters"?',
    );
  });

  it('maxToken: inside modelParameters is an error naming the map', () => {
    const e = error(() =>
      yml(['model: openai/gpt-4o-mini', 'modelParameters:', '  temperature: 0.2', '  maxToken: 400', ...MESSAGES]),
    );
    expect(e.format().split('\n')[0]).toBe(
      'p.prompt.yml:4:3: unknown key "maxToken" in modelParameters; did you mean "maxTokens"?',
    );
    expect(e.hint).toMatch(/left out of the price/);
  });

  it('front matter max_token: is an error at its file line', () => {
    const e = error(() => md(['---', 'model: openai/gpt-4o-mini', 'max_token: 300', '---', 'Summarise {{body}}']));
    expect(e.format().split('\n')[0]).toBe(
      'p.prompt.md:3:1: unknown key "max_token" in the front matter; did you mean "max_tokens"?',
    );
  });

  it('Prompty model.parameters max_token: is an error too', () => {
    const e = error(() =>
      md(['---', 'model:', '  id: gpt-4o-mini', '  parameters:', '    max_token: 300', '---', 'Hi']),
    );
    expect(e.format().split('\n')[0]).toBe(
      'p.prompt.md:5:5: unknown key "max_token" in model.parameters; did you mean "max_tokens"?',
    );
  });

  it('keys of other tools, even one edit from a priced key, stay allowed (top_k, mode, name)', () => {
    const site = yml([
      'name: s',
      'description: d',
      'model: openai/gpt-4o-mini',
      'modelParameters:',
      '  maxTokens: 400',
      '  top_k: 5',
      '  stop: ["x"]',
      ...MESSAGES,
    ]);
    expect(site.params.maxTokens).toBe(400);
    const front = md(['---', 'mode: agent', 'model: openai/gpt-4o-mini', 'max_tokens: 300', 'top_k: 3', '---', 'Hi']);
    expect(front.params.maxTokens).toBe(300);
  });
});

describe('testData and roles', () => {
  it('testData: "x" is an error at its value', () => {
    const e = error(() => yml([...MESSAGES, 'testData: "x"']));
    expect(e.format().split('\n')[0]).toBe(
      'p.prompt.yml:4:11: testData must be a list of mappings (rows of template variables), got a string',
    );
  });

  it('a testData row that is not a mapping is an error at the row', () => {
    const e = error(() => yml([...MESSAGES, 'testData:', '  - body: fine', '  - 42']));
    expect(e.format().split('\n')[0]).toBe(
      'p.prompt.yml:6:5: testData[1] must be a mapping of template variables, got a number',
    );
  });

  it('an unknown role is an error with a did-you-mean', () => {
    const e = error(() =>
      yml(['messages:', '  - role: system', '    content: hi', '  - role: usr', '    content: "{{body}}"']),
    );
    expect(e.format().split('\n')[0]).toBe(
      'p.prompt.yml:4:11: messages[1] has the role "usr", not one of system, user, assistant, developer; did you mean "user"?',
    );
    const f = error(() => yml(['messages:', '  - role: narrator', '    content: hi']));
    expect(f.message).toBe('messages[0] has the role "narrator", not one of system, user, assistant, developer');
  });

  it('an output cap past 10^8 tokens is an error (it made a static estimate infinite)', () => {
    const e = error(() => yml(['model: openai/gpt-4o-mini', 'modelParameters:', '  maxTokens: 1e308', ...MESSAGES]));
    expect(e.format().split('\n')[0]).toBe(
      'p.prompt.yml:3:14: modelParameters.maxTokens must be a whole number of tokens ≤ 100,000,000, got 1e+308',
    );
    const f = error(() => md(['---', 'max_tokens: 100000001', '---', 'Hi']));
    expect(f.message).toBe('max_tokens must be a whole number of tokens ≤ 100,000,000, got 100000001');
    expect(yml(['modelParameters:', '  maxTokens: 100000000', ...MESSAGES]).params.maxTokens).toBe(100_000_000);
  });
});
