/**
 * String literals of Python and TypeScript/JavaScript → aicost template text. Placeholders become
 * template variables (`{x}` of an f-string or a `str.format` template, `${x}` of a template
 * literal → `{{x}}`); literal text that looks like template syntax is kept literal with
 * `{% raw %}`, so a prompt that shows `{{example}}` to the model is counted as written.
 */
import type { CodeNode } from './parser.js';

/** Template text for an interpolated expression whose value is known (a constant), else undefined. */
export type Substitute = (expr: CodeNode) => string | undefined;

/** The expressions interpolated into a string node (`{x}` of an f-string, `${x}` of a template literal). */
export function interpolations(node: CodeNode): CodeNode[] {
  const out: CodeNode[] = [];
  for (const part of node.children) {
    if (part?.type !== 'interpolation' && part?.type !== 'template_substitution') continue;
    const expr = part.childForFieldName('expression') ?? part.namedChildren[0];
    if (expr) out.push(expr);
  }
  return out;
}

/** Literal text as template text: wrapped in `{% raw %}` when it holds template delimiters. */
export function literalTemplate(text: string): string {
  if (!/\{[{%#]/.test(text)) return text;
  // `{% endraw %}` cannot appear inside a raw block; split it so it stays literal text.
  return text
    .split('{% endraw %}')
    .map((part) => `{% raw %}${part}{% endraw %}`)
    .join(`{{ '{% endraw %}' }}`);
}

/** A template variable for an expression: its dotted name, or its text made into a name. */
export function placeholder(expression: string): string {
  const e = expression.trim();
  if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(e)) return `{{${e}}}`;
  const name = e.replace(/[^\w]+/g, '_').replace(/^_+|_+$/g, '') || 'expr';
  return `{{${/^\d/.test(name) ? `_${name}` : name}}}`;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
  a: '\x07',
  '0': '\0',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '`': '`',
  $: '$',
  '\n': '',
};

/** Decodes backslash escapes of a Python or JS string (unknown escapes stay as written). */
export function decodeEscapes(raw: string): string {
  return raw.replace(
    /\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|N\{[^}]*\}|\r?\n|.)/g,
    (all, e: string) => {
      if (e in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[e]!;
      if (e === '\r\n') return '';
      const hex = e[0] === 'u' && e[1] === '{' ? e.slice(2, -1) : /^[uUx]/.test(e) ? e.slice(1) : null;
      if (hex !== null) {
        const cp = parseInt(hex, 16);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
      }
      return all;
    },
  );
}

/** A Python `str.format` template: `{name}` fields → variables, `{{` / `}}` → braces. */
export function formatTemplate(text: string): string {
  let out = '';
  let literal = '';
  const re = /\{\{|\}\}|\{([A-Za-z_][\w.]*)(![rsa])?(:[^{}]*)?\}/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    literal += text.slice(at, m.index);
    at = m.index + m[0].length;
    if (m[0] === '{{' || m[0] === '}}') literal += m[0][0];
    else {
      out += literalTemplate(literal) + placeholder(m[1]!);
      literal = '';
    }
  }
  return out + literalTemplate(literal + text.slice(at));
}

/** Python string prefix letters (`f`, `r`, `b`, `u`), lower-cased. */
function pythonPrefix(node: CodeNode): string {
  const start = node.children.find((c) => c?.type === 'string_start');
  return (start?.text ?? '').replace(/['"]+$/, '').toLowerCase();
}

/**
 * A Python `string` node as template text; `asFormat` reads a plain string's `{name}` fields as
 * variables (a module constant used as a `str.format` template). Null for bytes literals.
 */
export function pythonString(node: CodeNode, asFormat: boolean, sub?: Substitute): string | null {
  const prefix = pythonPrefix(node);
  if (prefix.includes('b')) return null;
  const raw = prefix.includes('r');
  const fString = prefix.includes('f') || prefix.includes('t');
  let out = '';
  for (const part of node.children) {
    if (!part) continue;
    if (part.type === 'string_content') {
      let text = raw ? part.text : decodeEscapes(part.text);
      if (fString) text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      out += fString || !asFormat ? literalTemplate(text) : formatTemplate(text);
    } else if (part.type === 'interpolation') {
      const expr = part.childForFieldName('expression') ?? part.namedChildren[0];
      out += (expr && sub?.(expr)) ?? placeholder(expr?.text ?? 'expr');
    }
  }
  return out;
}

/** A JS/TS `string` or `template_string` node as template text. */
export function jsString(node: CodeNode, sub?: Substitute): string {
  let out = '';
  for (const part of node.children) {
    if (!part) continue;
    if (part.type === 'string_fragment') out += literalTemplate(part.text);
    else if (part.type === 'escape_sequence') out += literalTemplate(decodeEscapes(part.text));
    else if (part.type === 'template_substitution') {
      const expr = part.namedChildren[0];
      out += (expr && sub?.(expr)) ?? placeholder(expr?.text ?? 'expr');
    }
  }
  return out;
}
