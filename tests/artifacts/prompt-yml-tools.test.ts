/**
 * A `tools:` list in a GitHub Models prompt file: gh-models sends none, but the runtime that runs
 * the prompt sends its function tools with every call, so aicost reads them (the agent YAML's
 * reader, src/artifacts/agents/tools.ts) and refuses entries it cannot count.
 */
import { describe, expect, it } from '@jest/globals';
import { parseAicostAgent } from '../../src/artifacts/agents/aicost-yaml.js';
import { parseGithubModelsPrompt } from '../../src/artifacts/prompt-yml.js';
import { ArtifactError } from '../../src/errors.js';

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

const HEAD = ['model: openai/gpt-4o-mini', 'messages:', '  - role: user', '    content: "Where is order {{id}}?"'];
const parse = (lines: string[], file = 'orders.prompt.yml') =>
  parseGithubModelsPrompt(file, [...HEAD, ...lines, ''].join('\n'));

const LOOKUP = {
  name: 'lookup_order',
  description: 'Look up an order by id.',
  parameters: {
    type: 'object',
    properties: { order_id: { type: 'string', description: 'The order id' } },
    required: ['order_id'],
  },
};
const REFUND = {
  name: 'refund_order',
  description: 'Refund an order',
  parameters: {
    type: 'object',
    properties: {
      order_id: { type: 'string', description: 'The order id' },
      reason: { type: 'string', description: 'Why', enum: ['damaged', 'late'] },
    },
  },
};

describe('parseGithubModelsPrompt: tools', () => {
  it('reads OpenAI chat function tools at the top level, with the line of the tools key', () => {
    const site = parse([
      'tools:',
      '  - type: function',
      '    function:',
      '      name: lookup_order',
      '      description: Look up an order by id.',
      '      parameters:',
      '        type: object',
      '        properties:',
      '          order_id: {type: string, description: The order id}',
      '        required: [order_id]',
    ]);
    expect(site.tools).toEqual([LOOKUP]);
    expect(site.lines).toEqual({ model: 1, messages: 2, tools: 5 });
    expect(site.notes).toEqual([]);
    // The messages are read as before.
    expect(site.messages).toEqual([{ role: 'user', line: 4, template: 'Where is order {{id}}?' }]);
  });

  it('reads the flat shape {name, description, parameters}, and both shapes in one list', () => {
    const site = parse([
      'tools:',
      '  - name: lookup_order',
      '    description: Look up an order by id.',
      '    parameters: {type: object, properties: {order_id: {type: string, description: The order id}}, required: [order_id]}',
      '  - {type: function, function: {name: refund_order, description: Refund an order, parameters: {type: object, properties: {order_id: {type: string, description: The order id}, reason: {type: string, description: Why, enum: [damaged, late]}}}}}',
      '  - name: ping',
    ]);
    expect(site.tools).toEqual([LOOKUP, REFUND, { name: 'ping' }]);
    expect(site.lines.tools).toBe(5);
  });

  it('accepts tools under modelParameters and notes where it read them', () => {
    const site = parse([
      'modelParameters:',
      '  maxTokens: 200',
      '  tools:',
      '    - name: lookup_order',
      '      description: Look up an order by id.',
      '      parameters: {type: object, properties: {order_id: {type: string, description: The order id}}, required: [order_id]}',
    ]);
    expect(site.tools).toEqual([LOOKUP]);
    expect(site.params.maxTokens).toBe(200);
    expect(site.lines).toEqual({ model: 1, messages: 2, maxTokens: 6, tools: 7 });
    expect(site.notes).toEqual(['modelParameters.tools at line 7 read as tools']);
  });

  it('an empty tools key or an empty list is no tools', () => {
    expect(parse(['tools:']).tools).toEqual([]);
    expect(parse(['tools:']).lines.tools).toBeUndefined();
    const empty = parse(['tools: []']);
    expect(empty.tools).toEqual([]);
    expect(empty.lines.tools).toBe(5);
  });
});

describe('parseGithubModelsPrompt: tools that cannot be counted are errors naming file and line', () => {
  it('tools that are not a list', () => {
    const e = artifactError(() => parse(['tools: lookup_order']));
    expect(e.message).toBe('tools must be a list of tools');
    expect(e.location).toEqual({ file: 'orders.prompt.yml', line: 5 });
    expect(e.hint).toBe(
      'e.g. tools:\n  - name: lookup_order\n    description: Look up an order by id\n    parameters: {type: object, properties: {order_id: {type: string}}}',
    );
    // A mapping instead of a list: located at the mapping's first line.
    const m = artifactError(() => parse(['tools:', '  name: lookup_order']));
    expect(m.message).toBe('tools must be a list of tools');
    expect(m.location).toEqual({ file: 'orders.prompt.yml', line: 6 });
  });

  it('an entry without a name, in either shape, at the line of the entry', () => {
    const e = artifactError(() =>
      parse(['tools:', '  - name: lookup_order', '  - description: Refund an order', '    parameters: {type: object}']),
    );
    expect(e.message).toBe('tools[1] is not a tool: expected a mapping with name (and description, parameters)');
    expect(e.location).toEqual({ file: 'orders.prompt.yml', line: 7 });
    expect(e.hint).toBe(
      'Write each tool as {name, description, parameters} or as an OpenAI function tool {type: function, function: {...}}.',
    );
    expect(e.format()).toBe(
      'orders.prompt.yml:7: tools[1] is not a tool: expected a mapping with name (and description, parameters)\n' +
        '  Write each tool as {name, description, parameters} or as an OpenAI function tool {type: function, function: {...}}.',
    );
    const o = artifactError(() =>
      parse(['tools:', '  - type: function', '    function:', '      description: Look up an order']),
    );
    expect(o.message).toBe('tools[0] is not a tool: expected a mapping with name (and description, parameters)');
    expect(o.location).toEqual({ file: 'orders.prompt.yml', line: 6 });
    const n = artifactError(() => parse(['tools:', '  - 42']));
    expect(n.message).toBe('tools[0] is not a tool: expected a mapping with name (and description, parameters)');
    expect(n.location).toEqual({ file: 'orders.prompt.yml', line: 6 });
  });

  it('parameters that are not a mapping', () => {
    const e = artifactError(() =>
      parse([
        'tools:',
        '  - name: lookup_order',
        '    parameters: {type: object}',
        '  - type: function',
        '    function:',
        '      name: refund_order',
        '      parameters: "order_id, amount"',
      ]),
    );
    expect(e.message).toBe(
      'tools[1] (refund_order): parameters must be a mapping (a JSON Schema object), got "order_id, amount"',
    );
    expect(e.location).toEqual({ file: 'orders.prompt.yml', line: 8 });
    expect(e.hint).toBe(
      'e.g. parameters: {type: object, properties: {order_id: {type: string, description: The order id}}}',
    );
    const l = artifactError(() => parse(['tools:', '  - {name: lookup_order, parameters: [order_id]}']));
    expect(l.message).toBe(
      'tools[0] (lookup_order): parameters must be a mapping (a JSON Schema object), got ["order_id"]',
    );
    expect(l.location).toEqual({ file: 'orders.prompt.yml', line: 6 });
  });

  it('a bare tool name: only definitions can be counted', () => {
    const e = artifactError(() => parse(['tools:', '  - name: lookup_order', '  - web_search']));
    expect(e.message).toBe(
      'tools[1] "web_search" is only a name: every call sends the tool\'s definition, so it needs description and parameters',
    );
    expect(e.location).toEqual({ file: 'orders.prompt.yml', line: 7 });
    expect(e.hint).toMatch(/^Write the tool as \{name, description, parameters\} or as an OpenAI function tool/);
  });

  it('a tool defined twice', () => {
    const e = artifactError(() =>
      parse(['tools:', '  - name: lookup_order', '  - {type: function, function: {name: lookup_order}}']),
    );
    expect(e.message).toBe('tools: tool "lookup_order" is defined twice');
    expect(e.location).toEqual({ file: 'orders.prompt.yml', line: 7 });
  });

  it('tools both at the top level and under modelParameters', () => {
    const e = artifactError(() => parse(['modelParameters:', '  tools: [{name: a}]', 'tools: [{name: b}]']));
    expect(e.message).toBe('tools is written twice: at line 7 and as modelParameters.tools at line 6');
    expect(e.location).toEqual({ file: 'orders.prompt.yml', line: 6, column: 3 });
    expect(e.hint).toBe('Keep one tools list, at the top level.');
  });

  it('errors under modelParameters name that list', () => {
    const e = artifactError(() => parse(['model_parameters:', '  tools:', '    - description: nameless']));
    expect(e.message).toBe(
      'model_parameters.tools[0] is not a tool: expected a mapping with name (and description, parameters)',
    );
    expect(e.location).toEqual({ file: 'orders.prompt.yml', line: 7 });
  });
});

describe('the shared tool-list reader, from the agent YAML side', () => {
  it('agent YAML still takes bare names, and now refuses parameters that are not a mapping', () => {
    const ok = parseAicostAgent(
      'agents/a.yaml',
      'name: a\ninstructions: Hi\ntools:\n  - web_search\n  - name: lookup_order\n    parameters: {type: object}\n',
    );
    expect(ok.tools).toEqual([{ name: 'lookup_order', parameters: { type: 'object' } }]);
    expect(ok.opaqueTools).toEqual(['web_search']);
    const e = artifactError(() =>
      parseAicostAgent(
        'agents/a.yaml',
        'name: a\ninstructions: Hi\ntools:\n  - name: lookup_order\n    parameters: order_id\n',
      ),
    );
    expect(e.message).toBe(
      'tools[0] (lookup_order): parameters must be a mapping (a JSON Schema object), got "order_id"',
    );
    // The agent YAML passes no entry lines: errors sit at the tools key.
    expect(e.location).toEqual({ file: 'agents/a.yaml', line: 3 });
  });
});
