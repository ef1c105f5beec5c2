import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parseMarkdownPrompt } from '../../src/artifacts/markdown.js';
import { renderMessages } from '../../src/artifacts/index.js';
import { ArtifactError } from '../../src/errors.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('parseMarkdownPrompt without front matter', () => {
  it('reads the whole file as one system message template', () => {
    const text = 'You are a helpful assistant for {{company}}.\nAnswer: {{ question }}\n';
    const site = parseMarkdownPrompt('prompts/support.md', text);
    expect(site).toEqual({
      file: 'prompts/support.md',
      format: 'markdown',
      lines: {},
      messages: [{ role: 'system', template: text, line: 1 }],
      params: {},
      tools: [],
      testData: [],
      variables: ['company', 'question'],
      unsupported: [],
      notes: [],
    });
  });

  it('labels text files and reports foreign placeholders with their lines', () => {
    const site = parseMarkdownPrompt('prompts/crew.txt', 'Research {topic}\nthen {{ topic | title }}\n', 'text');
    expect(site.format).toBe('text');
    expect(site.unsupported).toEqual(['Python format placeholder "{topic}" at line 1', 'filter "title" at line 2']);
    expect(site.variables).toEqual([]);
  });

  it('keeps a file that starts with a Markdown rule and has no closing --- as one message', () => {
    const text = '---\n# Title\nBody {{x}}\n';
    const site = parseMarkdownPrompt('a.md', text);
    expect(site.messages).toEqual([{ role: 'system', template: text, line: 1 }]);
  });

  it('strips a byte-order mark', () => {
    expect(parseMarkdownPrompt('b.md', '\uFEFFHi {{x}}').messages[0].template).toBe('Hi {{x}}');
  });
});

describe('parseMarkdownPrompt with front matter', () => {
  it('reads model, max tokens and temperature with their lines; the body is the template', () => {
    const text = '---\nmodel: openai/gpt-4o\nmax_tokens: 300\ntemperature: 0.3\n---\nSummarise {{doc}}.\n';
    const site = parseMarkdownPrompt('s.md', text);
    expect(site.model).toBe('openai/gpt-4o');
    expect(site.params).toEqual({ maxTokens: 300, temperature: 0.3 });
    expect(site.lines).toEqual({ model: 2, maxTokens: 3, temperature: 4 });
    expect(site.messages).toEqual([{ role: 'system', template: 'Summarise {{doc}}.\n', line: 6 }]);
    expect(site.variables).toEqual(['doc']);
  });

  it('splits the body on role lines, trimming each message, with file lines', () => {
    const text = [
      '---',
      'model: anthropic/claude-sonnet-4-5',
      'maxTokens: 1024',
      '---',
      'system:',
      'You are terse.',
      '',
      'user:',
      '',
      '{{ question | trim }}',
      'Assistant:',
      'Sure.',
    ].join('\n');
    const site = parseMarkdownPrompt('r.prompt.md', text);
    expect(site.messages).toEqual([
      { role: 'system', template: 'You are terse.', line: 5 },
      { role: 'user', template: '{{ question | trim }}', line: 8 },
      { role: 'assistant', template: 'Sure.', line: 11 },
    ]);
    expect(site.lines).toEqual({ model: 2, maxTokens: 3 });
    expect(site.unsupported).toEqual(['filter "trim" at line 10']);
  });

  it('treats text before the first role line as a system message', () => {
    const site = parseMarkdownPrompt('p.md', '---\nmodel: m\n---\nPreamble {{a}}\nuser:\nQ {{b}}\n');
    expect(site.messages).toEqual([
      { role: 'system', template: 'Preamble {{a}}', line: 4 },
      { role: 'user', template: 'Q {{b}}', line: 5 },
    ]);
    expect(site.variables).toEqual(['a', 'b']);
  });

  it('reads a VS Code prompt file: display-name model, no role lines', () => {
    const text =
      "---\nmode: 'agent'\nmodel: GPT-4.1\ntools: ['codebase']\ndescription: 'Generate tests'\n---\nWrite tests for ${selection}.\n";
    const site = parseMarkdownPrompt('.github/prompts/tests.prompt.md', text);
    expect(site.model).toBe('GPT-4.1');
    expect(site.messages).toEqual([{ role: 'system', template: 'Write tests for ${selection}.\n', line: 7 }]);
    expect(site.unsupported).toEqual(['JS template placeholder "${selection}" at line 7']);
  });

  it('throws an ArtifactError at the file line of a front matter YAML error', () => {
    let err: unknown;
    try {
      parseMarkdownPrompt('bad.md', '---\nmodel: ok\nmax_tokens: [1\n---\nbody\n');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ArtifactError);
    expect((err as ArtifactError).location).toEqual({ file: 'bad.md', line: 4, column: 1 });
  });

  it('rejects a max_tokens that is not a number, at its position', () => {
    let err: unknown;
    try {
      parseMarkdownPrompt('bad.md', '---\nmax_tokens: many\n---\nbody\n');
    } catch (e) {
      err = e;
    }
    expect((err as ArtifactError).location).toEqual({ file: 'bad.md', line: 2, column: 13 });
  });
});

describe('parseMarkdownPrompt on Prompty files', () => {
  const text = readFileSync(join(here, 'fixtures', 'ticket-classifier.prompty'), 'utf8');
  const site = parseMarkdownPrompt('prompts/ticket-classifier.prompty', text);

  it('reads the legacy v1 model mapping: Azure deployment, parameters', () => {
    expect(site.model).toBe('azure/routing-gpt4o-mini');
    expect(site.params).toEqual({ maxTokens: 64, temperature: 0, topP: 1 });
    expect(site.lines).toEqual({ model: 15, maxTokens: 18, temperature: 19, topP: 20 });
    expect(site.notes).toEqual([
      'model is the Azure deployment "routing-gpt4o-mini" (line 15), read as "azure/routing-gpt4o-mini"; map it under models: in .aicost.yml',
    ]);
  });

  it('splits system and user messages and takes the sample as test data', () => {
    expect(site.messages).toEqual([
      {
        role: 'system',
        line: 43,
        template:
          'You are a routing classifier. Answer with exactly one queue name from this list:\n' +
          'billing, identity, integrations, general.\nDo not explain your answer.\n\n' +
          '{% for item in history %}\n{{item.role}}:\n{{item.content}}\n{% endfor %}',
      },
      { role: 'user', line: 53, template: 'Subject: {{subject}}\n\n{{body}}' },
    ]);
    expect(site.variables).toEqual(['history', 'subject', 'body']);
    expect(site.testData).toHaveLength(1);
    const r = renderMessages(site, site.testData[0]);
    expect(r.messages).toEqual([
      {
        role: 'system',
        content:
          'You are a routing classifier. Answer with exactly one queue name from this list:\n' +
          'billing, identity, integrations, general.\nDo not explain your answer.\n\n' +
          '\nuser:\nHi, is anyone there?\n\nassistant:\nYes, how can I help?\n',
      },
      {
        role: 'user',
        content:
          'Subject: Cannot log in after password reset\n\nI reset my password twice and still get "invalid credentials".',
      },
    ]);
  });

  it('reads the v2 model mapping (id, provider, options.maxOutputTokens) and inputs defaults', () => {
    const v2 = [
      '---',
      'model:',
      '  id: claude-sonnet-4-5-20250929',
      '  provider: anthropic',
      '  options: {temperature: 0.7, maxOutputTokens: 512}',
      'inputs:',
      '  question: {type: string, default: What is aicost?}',
      '---',
      'user:',
      '{{question}}',
    ].join('\n');
    const s = parseMarkdownPrompt('v2.prompty', v2);
    expect(s.model).toBe('anthropic/claude-sonnet-4-5-20250929');
    expect(s.lines).toEqual({ model: 3, maxTokens: 5, temperature: 5 });
    expect(s.params).toEqual({ maxTokens: 512, temperature: 0.7 });
    expect(s.testData.map((r) => ({ ...r }))).toEqual([{ question: 'What is aicost?' }]);
    expect(s.messages).toEqual([{ role: 'user', template: '{{question}}', line: 9 }]);
  });
});
