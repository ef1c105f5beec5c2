import { describe, it, expect } from '@jest/globals';
import { clip, codeBlock, escapeMarkdown, inlineCode, oneLine } from '../../src/text/escape.js';
import { escapeMarkdown as fromFormat, signedPct, signedUsd, usd } from '../../src/text/format.js';

describe('escapeMarkdown', () => {
  it('is the one implementation, re-exported by format.ts', () => {
    expect(fromFormat).toBe(escapeMarkdown);
  });

  it('leaves ordinary identifiers readable', () => {
    expect(escapeMarkdown('ticket-summary')).toBe('ticket-summary');
    expect(escapeMarkdown('openai/gpt-4o-mini → openai/gpt-4o (×16.7 price)')).toBe(
      'openai/gpt-4o-mini → openai/gpt-4o (×16.7 price)',
    );
    expect(escapeMarkdown('0.1.8')).toBe('0.1.8');
  });

  it('turns HTML, comments and our marker into entities', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeMarkdown('</details><details open>')).toBe('&lt;/details&gt;&lt;details open&gt;');
    expect(escapeMarkdown('<!-- aicost:tag=x -->')).toBe('&lt;!-- aicost:tag=x --&gt;');
    expect(escapeMarkdown('a &amp; b')).toBe('a &amp;amp; b');
  });

  it('breaks mentions, issue references and bare-URL autolinks with a zero-width space', () => {
    expect(escapeMarkdown('ask @acme/finops or @everyone')).toBe('ask @&#8203;acme/finops or @&#8203;everyone');
    expect(escapeMarkdown('fixes acme/api#123')).toBe('fixes acme/api#&#8203;123');
    expect(escapeMarkdown('see http://evil.example/x and WWW.evil.example')).toBe(
      'see http:&#8203;//evil.example/x and WWW&#8203;.evil.example',
    );
  });

  it('escapes link, image, code, emphasis, strikethrough and math syntax', () => {
    expect(escapeMarkdown('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))');
    expect(escapeMarkdown('![x](http://evil/x.png)')).toBe('!\\[x\\](http:&#8203;//evil/x.png)');
    expect(escapeMarkdown('`rm -rf` *bold* _it_ ~gone~ $x$ a\\b')).toBe(
      '&#96;rm -rf&#96; \\*bold\\* \\_it\\_ \\~gone\\~ \\$x\\$ a\\\\b',
    );
  });

  it('keeps tables whole: pipes become entities and lines collapse', () => {
    expect(escapeMarkdown('a | b')).toBe('a &#124; b');
    expect(escapeMarkdown('line one\r\n\n  line two\u2028three\tfour')).toBe('line one line two three four');
  });

  it('escapes what would start a block when the text starts a line', () => {
    expect(escapeMarkdown('# Heading')).toBe('\\# Heading');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('2) item')).toBe('2\\) item');
    expect(escapeMarkdown('> quote')).toBe('&gt; quote');
    expect(escapeMarkdown('#12 is an issue')).toBe('\\#&#8203;12 is an issue');
  });

  it('drops control characters and bidirectional overrides', () => {
    expect(escapeMarkdown('a\u0000b\u001b[31mc\u202ed\u2066e')).toBe('ab\\[31mcde');
  });
});

describe('inlineCode', () => {
  it('wraps text in a fence longer than any backtick run inside', () => {
    expect(inlineCode('prompts/a.yml')).toBe('`prompts/a.yml`');
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('a``b`c')).toBe('```a``b`c```');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
  });

  it('falls back to escaped text for pipes, angle brackets and @', () => {
    expect(inlineCode('a|b')).toBe('a&#124;b');
    expect(inlineCode('<!-- aicost:tag=x -->')).toBe('&lt;!-- aicost:tag=x --&gt;');
    expect(inlineCode('packages/@acme/x')).toBe('packages/@&#8203;acme/x');
  });

  it('collapses lines', () => {
    expect(inlineCode('a\nb')).toBe('`a b`');
  });
});

describe('codeBlock', () => {
  it('indents every line and picks a fence no content line can close', () => {
    expect(codeBlock('a:\n  b: 1\n', 'yaml', '  ')).toBe('  ```yaml\n  a:\n    b: 1\n  ```');
    expect(codeBlock('x\n````\ny', '', '')).toBe('`````\nx\n````\ny\n`````');
  });

  it('breaks comment openers so the raw body never holds a marker', () => {
    const block = codeBlock('<!-- aicost:tag=x -->', 'yaml');
    expect(block).not.toContain('<!--');
    expect(block).toContain('<!\u200b-- aicost:tag=x -->');
  });

  it('drops an info string that is not a plain word', () => {
    expect(codeBlock('x', 'yaml onload=1')).toBe('```\nx\n```');
  });
});

describe('clip and oneLine', () => {
  it('clips by code points and marks the cut', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
    expect(clip('🔺🔺🔺🔺🔺', 3)).toBe('🔺🔺…');
  });

  it('trims and joins lines', () => {
    expect(oneLine('  a \n\n b  ')).toBe('a b');
  });
});

describe('money and percent', () => {
  it('formats dollars at each magnitude', () => {
    expect(usd(2140.4)).toBe('$2,140');
    expect(usd(99.996)).toBe('$100');
    expect(usd(37.8)).toBe('$37.80');
    expect(usd(0.99996)).toBe('$1.00');
    expect(usd(0.0042)).toBe('$0.0042');
    expect(usd(0.000207)).toBe('$0.00021');
  });

  it('signs deltas, with a typographic minus on request', () => {
    expect(signedUsd(2140)).toBe('+$2,140');
    expect(signedUsd(-120)).toBe('-$120');
    expect(signedUsd(-120, '\u2212')).toBe('\u2212$120');
    expect(signedUsd(1e-12)).toBe('$0');
    expect(signedPct(23.58)).toBe('+23.6%');
    expect(signedPct(-3.1, '\u2212')).toBe('\u22123.1%');
    expect(signedPct(1566.67)).toBe('+1,567%');
    expect(signedPct(0.04)).toBe('0%');
  });
});
