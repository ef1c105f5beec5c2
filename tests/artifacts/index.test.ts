import { describe, expect, it } from '@jest/globals';
import { parseArtifact, promptFormatOf, renderMessages } from '../../src/artifacts/index.js';
import { ArtifactError } from '../../src/errors.js';
import type { CallSite } from '../../src/types.js';

const yml = 'model: openai/gpt-4o\nmessages:\n  - role: user\n    content: "Hi {{name}}"\n';

describe('parseArtifact', () => {
  it('dispatches by file name', () => {
    expect(parseArtifact('p/a.prompt.yml', yml).format).toBe('github-models');
    expect(parseArtifact('p/a.PROMPT.YAML', yml).format).toBe('github-models');
    expect(parseArtifact('p/a.md', 'x').format).toBe('markdown');
    expect(parseArtifact('.github/prompts/a.prompt.md', 'x').format).toBe('markdown');
    expect(parseArtifact('p/a.prompty', '---\nmodel: gpt-4o\n---\nuser:\nhi').model).toBe('gpt-4o');
    for (const ext of ['.txt', '.j2', '.jinja', '.jinja2', '.hbs', '.mustache']) {
      expect(parseArtifact(`p/a${ext}`, 'x').format).toBe('text');
    }
  });

  it('refuses other files with the list of supported endings', () => {
    let err: unknown;
    try {
      parseArtifact('agents/a.py', 'x = 1');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ArtifactError);
    const e = err as ArtifactError;
    expect(e.location).toEqual({ file: 'agents/a.py' });
    expect(e.message).toBe(
      'not a prompt format aicost reads; supported: .prompt.yml, .prompt.yaml, .prompt, .prompt.md, .md, .prompty, .txt, .j2, .jinja, .jinja2, .hbs, .mustache',
    );
    expect(promptFormatOf('config.yaml')).toBeNull();
  });
});

describe('renderMessages', () => {
  it('renders each message and collects missing variables', () => {
    const site = parseArtifact(
      'a.prompt.yml',
      'messages:\n  - {role: system, content: "For {{team}}"}\n  - {role: user, content: "{{q}} / {{team}}"}\n',
    );
    const r = renderMessages(site, { q: 'why?' });
    expect(r).toEqual({
      messages: [
        { role: 'system', content: 'For ' },
        { role: 'user', content: 'why? / ' },
      ],
      missing: ['team'],
      unsupported: [],
    });
  });

  it('adds limits hit in this render to the static unsupported list', () => {
    const site: CallSite = {
      file: 'x.md',
      format: 'markdown',
      lines: {},
      messages: [{ role: 'system', template: '{{ a | upper }}{% for i in xs %}.{% endfor %}', line: 1 }],
      params: {},
      tools: [],
      testData: [],
      variables: ['xs'],
      unsupported: ['filter "upper" at line 1'],
    };
    const r = renderMessages(site, { xs: Array.from({ length: 10_050 }, () => 0) });
    expect(r.messages[0].content.length).toBe('{{ a | upper }}'.length + 10_000);
    expect(r.unsupported).toEqual([
      'filter "upper" at line 1',
      'more than 10000 loop iterations: loop stopped (system message at line 1)',
    ]);
    // The site itself is not changed by a render.
    expect(site.unsupported).toEqual(['filter "upper" at line 1']);
  });
});
