import { describe, expect, it } from '@jest/globals';
import { compileTemplate, renderTemplate, templateVariables } from '../../src/artifacts/render.js';

describe('renderTemplate: variables and values', () => {
  it('replaces {{var}} and {{ var }}', () => {
    const r = renderTemplate('Hello {{name}}, {{ name }}!', { name: 'Ada' });
    expect(r).toEqual({ text: 'Hello Ada, Ada!', unsupported: [], missing: [] });
  });

  it('follows dotted paths into plain data, including array indexes', () => {
    const vars = { user: { name: 'Ada', address: { city: 'Paris' } }, tags: ['x', 'y'] };
    expect(renderTemplate('{{ user.name }} / {{user.address.city}} / {{ tags.1 }}', vars).text).toBe('Ada / Paris / y');
  });

  it('renders numbers and booleans with String(), arrays and objects as compact JSON', () => {
    const vars = { n: 3.5, zero: 0, yes: true, arr: [1, 'a', null], obj: { a: { b: [1] }, s: 'q"' } };
    expect(renderTemplate('{{n}}|{{zero}}|{{yes}}|{{arr}}|{{obj}}', vars).text).toBe(
      '3.5|0|true|[1,"a",null]|{"a":{"b":[1]},"s":"q\\""}',
    );
  });

  it('renders null and absent values as empty text and lists them in missing, once each', () => {
    const r = renderTemplate('[{{a}}][{{ b.c }}][{{a}}][{{ok}}]', { a: null, ok: 'y' });
    expect(r.text).toBe('[][][][y]');
    expect(r.missing).toEqual(['a', 'b.c']);
  });

  it('inserts {{{var}}} and {{&var}} as plain text', () => {
    expect(renderTemplate('{{{html}}}-{{& html}}', { html: '<b>&</b>' }).text).toBe('<b>&</b>-<b>&</b>');
  });

  it('accepts hyphenated keys as GitHub Models does ({{ticket-body}})', () => {
    expect(renderTemplate('T: {{ticket-body}}', { 'ticket-body': 'broken' }).text).toBe('T: broken');
  });

  it('renders string and number literals ({{ "{{" }} is how Jinja writes braces)', () => {
    expect(renderTemplate('{{ "{{" }}x}} {{ 42 }} {{ true }}', {}).text).toBe('{{x}} 42 true');
  });

  it('works with prototype-less vars objects', () => {
    const vars: Record<string, unknown> = Object.create(null);
    const user: Record<string, unknown> = Object.create(null);
    user.name = 'Bo';
    vars.user = user;
    vars.items = ['p', 'q'];
    const r = renderTemplate('{{ user.name }}:{% for i in items %}{{ i }}{% endfor %}:{{ user }}', vars);
    expect(r.text).toBe('Bo:pq:{"name":"Bo"}');
  });
});

describe('renderTemplate: Jinja', () => {
  it('loops with {% for %} and exposes loop.index / loop.last', () => {
    const t = '{% for t in tags %}{{ loop.index }}.{{ t }}{% if not loop.last %}, {% endif %}{% endfor %}';
    expect(renderTemplate(t, { tags: ['a', 'b', 'c'] }).text).toBe('1.a, 2.b, 3.c');
  });

  it('renders {% else %} of a loop over an empty list', () => {
    expect(renderTemplate('{% for t in tags %}x{% else %}none{% endfor %}', { tags: [] }).text).toBe('none');
  });

  it('reads fields of loop items (Prompty history)', () => {
    const t = '{% for item in history %}{{item.role}}: {{item.content}}\n{% endfor %}';
    const vars = {
      history: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
      ],
    };
    expect(renderTemplate(t, vars).text).toBe('user: Hi\nassistant: Hello\n');
  });

  it('iterates the keys of a mapping', () => {
    expect(renderTemplate('{% for k in m %}{{k}}={{ m }};{% endfor %}', { m: { a: 1, b: 2 } }).text).toBe(
      'a={"a":1,"b":2};b={"a":1,"b":2};',
    );
  });

  it('chooses {% if %} / {% elif %} / {% else %} with ==, != and not', () => {
    const t = '{% if tier == "enterprise" %}E{% elif tier != "free" %}P{% else %}F{% endif %}';
    expect(renderTemplate(t, { tier: 'enterprise' }).text).toBe('E');
    expect(renderTemplate(t, { tier: 'pro' }).text).toBe('P');
    expect(renderTemplate(t, { tier: 'free' }).text).toBe('F');
    expect(renderTemplate('{% if n == 3 and not off %}three{% endif %}', { n: 3, off: false }).text).toBe('three');
    expect(renderTemplate('{% if n == "3" %}str{% else %}num{% endif %}', { n: 3 }).text).toBe('num');
  });

  it('uses Jinja truthiness: empty string, list, mapping and 0 are false', () => {
    const t = '{% if v %}T{% else %}F{% endif %}';
    const got = ['', [], {}, 0, null, 'x', [0], { a: 1 }, 1].map((v) => renderTemplate(t, { v }).text).join('');
    expect(got).toBe('FFFFFTTTT');
  });

  it('supports is defined / is not defined / or', () => {
    const t = '{% if a is defined %}A{% endif %}{% if b is not defined %}!B{% endif %}{% if a or b %}|or{% endif %}';
    expect(renderTemplate(t, { a: 0 }).text).toBe('A!B');
  });

  it('drops {# comments #} and applies {%- -%} trimming', () => {
    expect(renderTemplate('a{# note #}b', {}).text).toBe('ab');
    const t = '<ul>\n  {%- for x in xs %}\n  <li>{{ x }}</li>\n  {%- endfor %}\n</ul>';
    expect(renderTemplate(t, { xs: [1, 2] }).text).toBe('<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>');
    expect(renderTemplate('{% if a -%}\n   yes   \n{%- endif %}!', { a: true }).text).toBe('yes!');
    expect(renderTemplate('x   {{- y -}}   z', { y: 1 }).text).toBe('x1z');
  });

  it('keeps default Jinja whitespace (no trim_blocks) around plain tags', () => {
    const t = 'A\n{% for x in xs %}\n- {{ x }}\n{% endfor %}\nB';
    expect(renderTemplate(t, { xs: ['p', 'q'] }).text).toBe('A\n\n- p\n\n- q\n\nB');
  });

  it('outputs {% raw %} content literally', () => {
    expect(renderTemplate('{% raw %}{{ keep }} {% if %}{% endraw %}!', {}).text).toBe('{{ keep }} {% if %}!');
  });
});

describe('renderTemplate: Handlebars and Mustache', () => {
  it('iterates {{#each}} with this, this.field, bare fields and @index; block lines vanish', () => {
    const t = '{{#each items}}\n- {{@index}}: {{this.name}} ({{qty}})\n{{/each}}\nTotal';
    const vars = {
      items: [
        { name: 'pen', qty: 2 },
        { name: 'ink', qty: 1 },
      ],
    };
    expect(renderTemplate(t, vars).text).toBe('- 0: pen (2)\n- 1: ink (1)\nTotal');
  });

  it('renders {{this}} for scalar items, @first/@last, and {{else}} for an empty list', () => {
    expect(
      renderTemplate('{{#each xs}}{{#if @first}}[{{/if}}{{this}}{{#unless @last}},{{/unless}}{{/each}}]', {
        xs: ['a', 'b'],
      }).text,
    ).toBe('[a,b]');
    expect(renderTemplate('{{#each xs}}x{{else}}empty{{/each}}', { xs: [] }).text).toBe('empty');
  });

  it('supports block parameters: {{#each rows as |row i|}}', () => {
    expect(
      renderTemplate('{{#each rows as |row i|}}{{i}}={{row.v}} {{/each}}', { rows: [{ v: 'a' }, { v: 'b' }] }).text,
    ).toBe('0=a 1=b ');
  });

  it('falls back to outer variables inside {{#each}}', () => {
    expect(renderTemplate('{{#each xs}}{{this}}{{sep}}{{/each}}', { xs: [1, 2], sep: ';' }).text).toBe('1;2;');
  });

  it('chooses {{#if}} / {{else if}} / {{else}} with Handlebars truthiness (an empty mapping is true)', () => {
    const t = '{{#if a}}A{{else if b}}B{{else}}C{{/if}}';
    expect(renderTemplate(t, { a: {}, b: 1 }).text).toBe('A');
    expect(renderTemplate(t, { a: [], b: 1 }).text).toBe('B');
    expect(renderTemplate(t, { a: '', b: 0 }).text).toBe('C');
    expect(renderTemplate('{{#unless a}}no{{else}}yes{{/unless}}', { a: false }).text).toBe('no');
  });

  it('drops {{! }} and {{!-- --}} comments, also when they contain }}', () => {
    expect(renderTemplate('a{{! hb comment }}b{{!-- has }} inside --}}c', {}).text).toBe('abc');
  });

  it('applies {{~ ~}} trimming', () => {
    expect(renderTemplate('a  {{~ x ~}}  b', { x: '-' }).text).toBe('a-b');
  });

  it('renders Mustache sections and inverted sections', () => {
    const t = '{{#items}}<{{name}}>{{/items}}{{^items}}none{{/items}}';
    expect(renderTemplate(t, { items: [{ name: 'a' }, { name: 'b' }] }).text).toBe('<a><b>');
    expect(renderTemplate(t, { items: [] }).text).toBe('none');
    expect(renderTemplate('{{#user}}Hi {{name}}{{/user}}', { user: { name: 'Cy' } }).text).toBe('Hi Cy');
    expect(renderTemplate('{{#xs}}{{.}},{{/xs}}', { xs: [1, 2] }).text).toBe('1,2,');
  });
});

describe('renderTemplate: constructs that stay static text', () => {
  const cases: [string, string][] = [
    ['a\nb\n{{ x | upper }}', 'filter "upper" at line 3'],
    ['{{ x.y() }}', 'call "x.y()" at line 1'],
    ["{% include 'header.txt' %}", '{% include %} at line 1'],
    ['{% set x = 1 %}', '{% set %} at line 1'],
    ['{% import "m.j2" as m %}', '{% import %} at line 1'],
    ['{{> footer}}', 'partial "footer" at line 1'],
    ['{{$input}}', 'Semantic Kernel variable "$input" at line 1'],
    ['Topic: {topic}', 'Python format placeholder "{topic}" at line 1'],
    ['Topic: ${topic}', 'JS template placeholder "${topic}" at line 1'],
    ['{{ items[0] }}', 'indexing "items[0]" at line 1'],
    ['{{ a + b }}', 'expression "a + b" at line 1'],
    ['{{lookup this "x"}}', 'helper "lookup" at line 1'],
    ['{{#each xs}}{{../top}}{{/each}}', 'parent reference "../top" at line 1'],
  ];
  it.each(cases)('%j is left as written', (t, what) => {
    const r = renderTemplate(t, { x: 'v', topic: 'T', items: ['i'], xs: [1], top: 'T' });
    expect(r.unsupported).toContain(what);
  });

  it('keeps the exact source text of unsupported tags and whole unsupported blocks', () => {
    const t = 'Hi {{ name | upper }}! {% macro m(x) %}{{ x }}{% endmacro %}{{#with user}}{{name}}{{/with}} end';
    const r = renderTemplate(t, { name: 'ada', user: { name: 'u' } });
    expect(r.text).toBe(t);
    expect(r.unsupported).toEqual([
      'filter "upper" at line 1',
      '{% macro %} at line 1',
      'block helper "#with" at line 1',
    ]);
  });

  it('keeps a loop over a call or filter as static text, body unevaluated', () => {
    const t = 'A{% for x in range(3) %}[{{ x }}]{% endfor %}B{% if xs|length > 2 %}many{% endif %}C';
    const r = renderTemplate(t, { xs: [1, 2, 3] });
    expect(r.text).toBe(t);
    expect(r.unsupported).toEqual(['call "range()" in {% for %} at line 1', 'filter "length" in {% if %} at line 1']);
  });

  it('lists issues in line order and sums up beyond 50', () => {
    expect(renderTemplate('a {{ b | upper }}\n{{ c', {}).unsupported).toEqual([
      'filter "upper" at line 1',
      'unclosed "{{" at line 2',
    ]);
    const t = Array.from({ length: 60 }, (_, i) => `{{ v | f${i} }}`).join('\n');
    const u = renderTemplate(t, {}).unsupported;
    expect(u).toHaveLength(51);
    expect(u[49]).toBe('filter "f49" at line 50');
    expect(u[50]).toBe('10 more constructs left as static text, the first at line 51');
  });

  it('reports unclosed blocks and stray closers, keeping the text', () => {
    const a = renderTemplate('x{% for i in xs %}abc', { xs: [1] });
    expect(a).toEqual({ text: 'x{% for i in xs %}abc', unsupported: ['unclosed "{% for %}" at line 1'], missing: [] });
    const b = renderTemplate('a\n{% endif %}b', {});
    expect(b.text).toBe('a\n{% endif %}b');
    expect(b.unsupported).toEqual(['unexpected "{% endif %}" at line 2']);
    expect(renderTemplate('a {{ b', {}).unsupported).toEqual(['unclosed "{{" at line 1']);
    expect(renderTemplate('{{#if a}}x{{/each}}{{/if}}', { a: 1 })).toEqual({
      text: 'x{{/each}}',
      unsupported: ['unexpected "{{/each}}" at line 1'],
      missing: [],
    });
  });
});

describe('renderTemplate: bounds', () => {
  it('stops loops after 10,000 iterations in total (here 49 × 201 + 151 iterations → 9,950 dots)', () => {
    const xs = Array.from({ length: 200 }, (_, i) => i);
    const r = renderTemplate('{% for a in xs %}{% for b in xs %}.{% endfor %}{% endfor %}', { xs });
    expect(r.text.length).toBe(9950);
    expect(r.unsupported).toEqual(['more than 10000 loop iterations: loop stopped at line 1']);
  });

  it('honours a lower iteration limit from the options', () => {
    const r = renderTemplate('{% for a in xs %}{{a}}{% endfor %}', { xs: [1, 2, 3, 4] }, { maxIterations: 2 });
    expect(r.text).toBe('12');
  });

  it('truncates output at 1,000,000 characters', () => {
    const big = 'x'.repeat(600_000);
    const r = renderTemplate('{{a}}{{a}}tail', { a: big });
    expect(r.text.length).toBe(1_000_000);
    expect(r.unsupported).toEqual(['output longer than 1000000 characters truncated at line 1']);
  });

  it('accepts 5 nested loops and leaves a 6th level as static text', () => {
    const open = (n: number) => Array.from({ length: n }, (_, i) => `{% for v${i} in xs %}`).join('');
    const close = (n: number) => '{% endfor %}'.repeat(n);
    expect(renderTemplate(`${open(5)}.${close(5)}`, { xs: [1, 2] }).text).toBe('.'.repeat(32));
    const six = `${open(6)}.${close(6)}`;
    const r = renderTemplate(six, { xs: [1, 2] });
    // The five outer loops run 2^5 = 32 times, each emitting the sixth loop's source.
    expect(r.text).toBe(`{% for v5 in xs %}.{% endfor %}`.repeat(32));
    expect(r.unsupported).toEqual(['loop nested deeper than 5 levels at line 1']);
  });

  it('leaves templates over 1 MiB unparsed', () => {
    const t = `{{a}}${'y'.repeat(1024 * 1024)}`;
    const r = renderTemplate(t, { a: 'A' });
    expect(r.text.startsWith('{{a}}yyy')).toBe(true);
    expect(r.text.length).toBe(1_000_000);
    expect(r.unsupported[0]).toBe('template larger than 1 MiB (1048581 bytes) left as static text at line 1');
  });
});

describe('compileTemplate and templateVariables', () => {
  it('returns the cached compiled template for the same text', () => {
    const t = 'cache me {{x}}';
    expect(compileTemplate(t)).toBe(compileTemplate(t));
    const c = compileTemplate(t);
    expect(c.render({ x: 1 }).text).toBe('cache me 1');
    expect(c.render({ x: 2 }).text).toBe('cache me 2');
  });

  it('lists top-level variables in order of first use, without loop variables and item fields', () => {
    const t =
      'Hi {{name}} {% for t in tags %}{{t}}{{ loop.index }}{{ user.id }}{% endfor %}' +
      '{% if mode == "x" %}{% endif %}{{name}}{{#each rows}}{{field}}{{this}}{{/each}}{{ x | upper }}';
    expect(templateVariables(t)).toEqual(['name', 'tags', 'user', 'mode', 'rows']);
  });
});
