/**
 * Every prompt and agent reader goes through the config's YAML reader and its limits: an alias
 * inside the node it names, alias bombs and deep nesting are ArtifactErrors at file:line:column
 * (a self-referencing alias used to end in "Maximum call stack size exceeded"), and front matter
 * lines are file lines.
 */
import { describe, expect, it } from '@jest/globals';
import { agentFormatOf } from '../../src/artifacts/agents/load.js';
import { parseAicostAgent } from '../../src/artifacts/agents/aicost-yaml.js';
import { parseClaudeAgent } from '../../src/artifacts/agents/claude-code.js';
import { parseCrewAgents } from '../../src/artifacts/agents/crewai.js';
import { parseToolsFile } from '../../src/artifacts/agents/tools.js';
import { parseMarkdownPrompt } from '../../src/artifacts/markdown.js';
import { parseGithubModelsPrompt } from '../../src/artifacts/prompt-yml.js';
import { ArtifactError } from '../../src/errors.js';

function first(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ArtifactError) return e.format().split('\n')[0];
    throw e;
  }
  throw new Error('expected an ArtifactError');
}
const CYCLE = 'alias *p refers to a map or list that contains it';

describe('the YAML limits in every artifact reader', () => {
  it('a .prompt.yml tool whose parameters hold their own anchor', () => {
    const text =
      'messages:\n  - {role: user, content: hi}\ntools:\n  - &p {name: f, parameters: {type: object, properties: {x: *p}}}\n';
    expect(first(() => parseGithubModelsPrompt('a.prompt.yml', text))).toBe(`a.prompt.yml:4:61: ${CYCLE}`);
  });

  it('an aicost agent YAML, a Claude Code front matter and a CrewAI agents.yaml', () => {
    expect(first(() => parseAicostAgent('agents/a.yaml', 'name: a\ninstructions: &p [x, *p]\n'))).toBe(
      `agents/a.yaml:2:22: ${CYCLE}`,
    );
    // Front matter starts on file line 2.
    expect(
      first(() => parseClaudeAgent('.claude/agents/r.md', '---\nname: r\ntools: &p [Read, *p]\n---\nReview.\n')),
    ).toBe(`.claude/agents/r.md:3:18: ${CYCLE}`);
    expect(first(() => parseCrewAgents('crew/agents.yaml', 'writer: &p\n  role: Writer\n  goal: *p\n'))).toBe(
      `crew/agents.yaml:3:9: ${CYCLE}`,
    );
  });

  it('Markdown front matter with an alias bomb stops at the alias limit, at its file line', () => {
    const bomb = [
      'a: &a [1,1,1,1,1,1,1,1,1,1]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    ];
    const message = first(() => parseMarkdownPrompt('p.md', ['---', ...bomb, '---', 'Hi'].join('\n')));
    expect(message).toBe(
      'p.md:5:26: YAML aliases expand into more than 10,000 values (here at *c); aicost refuses this to guard against alias bombs',
    );
  });

  it('nesting past 64 levels in testData is an error, not a deep recursion', () => {
    const text = `messages:\n  - {role: user, content: hi}\ntestData:\n  - x: ${'['.repeat(100)}1${']'.repeat(100)}\n`;
    expect(first(() => parseGithubModelsPrompt('d.prompt.yml', text))).toMatch(
      /^d\.prompt\.yml:4:\d+: the YAML is nested more than 64 levels deep$/,
    );
  });

  it('a JSON tools file nested 20,000 levels deep is an error at its line', () => {
    const deep = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    const text = `[\n{"type":"function","function":{"name":"f","parameters":${deep}}}]`;
    expect(first(() => parseToolsFile('tools/t.json', text))).toBe(
      'tools/t.json:2: the JSON is nested more than 64 levels deep',
    );
  });

  it('sniffing the agent format reads through the same reader: a cyclic file falls to the aicost parser, which names the line', () => {
    const text = 'name: a\ninstructions: &p [x, *p]\n';
    expect(agentFormatOf('agents/a.yaml', text)).toBe('aicost');
    expect(agentFormatOf('crew/agents.yaml', 'writer:\n  role: Writer\n  goal: Write\n')).toBe('crewai');
  });
});
