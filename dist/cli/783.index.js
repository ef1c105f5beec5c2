export const id = 783;
export const ids = [783];
export const modules = {

/***/ 4783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_EVAL_DEPTH: () => (/* reexport */ MAX_EVAL_DEPTH),
  ModuleLoader: () => (/* reexport */ ModuleLoader),
  describe: () => (/* reexport */ describe),
  dottedName: () => (/* reexport */ dottedName),
  evaluate: () => (/* reexport */ evaluate),
  findSdkCalls: () => (/* reexport */ findSdkCalls),
  functionScope: () => (/* reexport */ functionScope),
  importCandidates: () => (/* reexport */ importCandidates),
  interpolations: () => (/* reexport */ interpolations),
  jsString: () => (/* reexport */ jsString),
  messagesOf: () => (/* reexport */ messagesOf),
  moduleInfo: () => (/* reexport */ moduleInfo),
  moduleScope: () => (/* reexport */ moduleScope),
  pythonString: () => (/* reexport */ pythonString),
  readCall: () => (/* reexport */ readCall),
  toJson: () => (/* reexport */ toJson)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/repo/index.ts + 14 modules
var repo = __webpack_require__(8121);
// EXTERNAL MODULE: ./src/code/parser.ts + 1 modules
var parser = __webpack_require__(1448);
;// CONCATENATED MODULE: ./src/code/strings.ts
/** The expressions interpolated into a string node (`{x}` of an f-string, `${x}` of a template literal). */
function interpolations(node) {
    const out = [];
    for (const part of node.children) {
        if (part?.type !== 'interpolation' && part?.type !== 'template_substitution')
            continue;
        const expr = part.childForFieldName('expression') ?? part.namedChildren[0];
        if (expr)
            out.push(expr);
    }
    return out;
}
/** Literal text as template text: wrapped in `{% raw %}` when it holds template delimiters. */
function literalTemplate(text) {
    if (!/\{[{%#]/.test(text))
        return text;
    // `{% endraw %}` cannot appear inside a raw block; split it so it stays literal text.
    return text
        .split('{% endraw %}')
        .map((part) => `{% raw %}${part}{% endraw %}`)
        .join(`{{ '{% endraw %}' }}`);
}
/** A template variable for an expression: its dotted name, or its text made into a name. */
function placeholder(expression) {
    const e = expression.trim();
    if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(e))
        return `{{${e}}}`;
    const name = e.replace(/[^\w]+/g, '_').replace(/^_+|_+$/g, '') || 'expr';
    return `{{${/^\d/.test(name) ? `_${name}` : name}}}`;
}
const SIMPLE_ESCAPES = {
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
function decodeEscapes(raw) {
    return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|N\{[^}]*\}|\r?\n|.)/g, (all, e) => {
        if (e in SIMPLE_ESCAPES)
            return SIMPLE_ESCAPES[e];
        if (e === '\r\n')
            return '';
        const hex = e[0] === 'u' && e[1] === '{' ? e.slice(2, -1) : /^[uUx]/.test(e) ? e.slice(1) : null;
        if (hex !== null) {
            const cp = parseInt(hex, 16);
            return cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
        }
        return all;
    });
}
/** A Python `str.format` template: `{name}` fields → variables, `{{` / `}}` → braces. */
function formatTemplate(text) {
    let out = '';
    let literal = '';
    const re = /\{\{|\}\}|\{([A-Za-z_][\w.]*)(![rsa])?(:[^{}]*)?\}/g;
    let at = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        literal += text.slice(at, m.index);
        at = m.index + m[0].length;
        if (m[0] === '{{' || m[0] === '}}')
            literal += m[0][0];
        else {
            out += literalTemplate(literal) + placeholder(m[1]);
            literal = '';
        }
    }
    return out + literalTemplate(literal + text.slice(at));
}
/** Python string prefix letters (`f`, `r`, `b`, `u`), lower-cased. */
function pythonPrefix(node) {
    const start = node.children.find((c) => c?.type === 'string_start');
    return (start?.text ?? '').replace(/['"]+$/, '').toLowerCase();
}
/**
 * A Python `string` node as template text; `asFormat` reads a plain string's `{name}` fields as
 * variables (a module constant used as a `str.format` template). Null for bytes literals.
 */
function pythonString(node, asFormat, sub) {
    const prefix = pythonPrefix(node);
    if (prefix.includes('b'))
        return null;
    const raw = prefix.includes('r');
    const fString = prefix.includes('f') || prefix.includes('t');
    let out = '';
    for (const part of node.children) {
        if (!part)
            continue;
        if (part.type === 'string_content') {
            let text = raw ? part.text : decodeEscapes(part.text);
            if (fString)
                text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
            out += fString || !asFormat ? literalTemplate(text) : formatTemplate(text);
        }
        else if (part.type === 'interpolation') {
            const expr = part.childForFieldName('expression') ?? part.namedChildren[0];
            out += (expr && sub?.(expr)) ?? placeholder(expr?.text ?? 'expr');
        }
    }
    return out;
}
/** A JS/TS `string` or `template_string` node as template text. */
function jsString(node, sub) {
    let out = '';
    for (const part of node.children) {
        if (!part)
            continue;
        if (part.type === 'string_fragment')
            out += literalTemplate(part.text);
        else if (part.type === 'escape_sequence')
            out += literalTemplate(decodeEscapes(part.text));
        else if (part.type === 'template_substitution') {
            const expr = part.namedChildren[0];
            out += (expr && sub?.(expr)) ?? placeholder(expr?.text ?? 'expr');
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/code/values.ts

/** Deepest chain of names and nested expressions followed: cycles (`A = B; B = A`) end here. */
const MAX_EVAL_DEPTH = 48;
/** Most items read from one list or dict literal. */
const MAX_ITEMS = 10_000;
const lineOf = (n) => n.startPosition.row + 1;
function unknown(node) {
    const text = node.text.length > 80 ? `${node.text.slice(0, 77)}...` : node.text;
    return { kind: 'unknown', text: text.replace(/\s+/g, ' '), line: lineOf(node) };
}
/** A dotted name of an attribute/member chain (`client.chat.completions.create`), or null. */
function dottedName(node) {
    switch (node.type) {
        case 'identifier':
        case 'property_identifier':
        case 'this':
        case 'self':
            return node.text;
        case 'attribute':
        case 'member_expression': {
            const obj = node.childForFieldName('object');
            const prop = node.childForFieldName(node.type === 'attribute' ? 'attribute' : 'property');
            const left = obj ? dottedName(obj) : null;
            return left && prop ? `${left}.${prop.text}` : null;
        }
        case 'call':
        case 'call_expression': {
            // `ChatOpenAI(model=…).invoke` and `openai("…").x` keep a readable callee: `ChatOpenAI().invoke`.
            const fn = node.childForFieldName('function');
            const name = fn ? dottedName(fn) : null;
            return name ? `${name}()` : null;
        }
        case 'await_expression':
        case 'parenthesized_expression':
        case 'non_null_expression':
            return node.namedChildren[0] ? dottedName(node.namedChildren[0]) : null;
        default:
            return null;
    }
}
/** Concatenation of two values as strings (`a + b`), or unknown. */
function concat(a, b, node) {
    const text = (v) => v.kind === 'str' ? v.template : v.kind === 'var' ? `{{${v.name}}}` : v.kind === 'num' ? String(v.value) : null;
    const [x, y] = [text(a), text(b)];
    return x !== null && y !== null ? { kind: 'str', template: x + y, line: lineOf(node) } : unknown(node);
}
/** Evaluates an expression node. Never throws; what it cannot read is `unknown`. */
async function evaluate(node, scope, depth = 0) {
    if (!node)
        return { kind: 'null', line: 0 };
    if (depth > MAX_EVAL_DEPTH)
        return unknown(node);
    const ev = (n) => evaluate(n, scope, depth + 1);
    const line = lineOf(node);
    switch (node.type) {
        case 'string':
            if (scope.language === 'python') {
                const t = pythonString(node, false, await substitutions(node, scope, depth));
                return t === null ? unknown(node) : { kind: 'str', template: t, line };
            }
            return { kind: 'str', template: jsString(node), line };
        case 'template_string':
            return { kind: 'str', template: jsString(node, await substitutions(node, scope, depth)), line };
        case 'concatenated_string': {
            let template = '';
            for (const part of node.namedChildren) {
                const t = part ? pythonString(part, false, await substitutions(part, scope, depth)) : null;
                if (t === null)
                    return unknown(node);
                template += t;
            }
            return { kind: 'str', template, line };
        }
        case 'integer':
        case 'float':
        case 'number': {
            const value = Number(node.text.replace(/_/g, ''));
            return Number.isFinite(value) ? { kind: 'num', value, line } : unknown(node);
        }
        case 'true':
        case 'false':
            return { kind: 'bool', value: node.type === 'true', line };
        case 'none':
        case 'null':
        case 'undefined':
            return { kind: 'null', line };
        case 'list':
        case 'tuple':
        case 'array': {
            const items = [];
            for (const c of node.namedChildren.slice(0, MAX_ITEMS)) {
                if (!c || c.type === 'comment')
                    continue;
                if (c.type === 'list_splat' || c.type === 'spread_element')
                    items.push(unknown(c));
                else
                    items.push(await ev(c));
            }
            return { kind: 'list', items, line };
        }
        case 'dictionary':
        case 'object':
            return evaluateDict(node, scope, depth);
        case 'identifier':
        case 'shorthand_property_identifier': {
            if (node.text === 'undefined')
                return { kind: 'null', line };
            const bound = await scope.lookup(node.text, node, depth + 1);
            return bound ?? unknown(node);
        }
        case 'attribute':
        case 'member_expression': {
            // `PROMPTS.system` / `PROMPTS["system"]` on a constant dict; a parameter's field is a variable.
            const obj = node.childForFieldName('object');
            const prop = node.childForFieldName(node.type === 'attribute' ? 'attribute' : 'property');
            if (!obj || !prop)
                return unknown(node);
            if (obj.type === 'identifier' && scope.member) {
                const m = await scope.member(obj.text, prop.text, obj, depth + 1);
                if (m)
                    return m;
            }
            const base = await ev(obj);
            if (base.kind === 'dict')
                return base.entries.get(prop.text) ?? unknown(node);
            if (base.kind === 'var')
                return { kind: 'var', name: `${base.name}.${prop.text}`, line };
            return unknown(node);
        }
        case 'subscript':
        case 'subscript_expression': {
            const obj = node.childForFieldName(node.type === 'subscript' ? 'value' : 'object');
            const idx = node.childForFieldName(node.type === 'subscript' ? 'subscript' : 'index');
            const [base, key] = [await ev(obj), await ev(idx)];
            if (base.kind === 'dict' && key.kind === 'str')
                return base.entries.get(key.template) ?? unknown(node);
            if (base.kind === 'list' && key.kind === 'num')
                return base.items[key.value] ?? unknown(node);
            return unknown(node);
        }
        case 'binary_operator':
        case 'binary_expression': {
            const op = node.childForFieldName('operator')?.text;
            if (op !== '+')
                return unknown(node);
            return concat(await ev(node.childForFieldName('left')), await ev(node.childForFieldName('right')), node);
        }
        case 'parenthesized_expression':
        case 'await_expression':
        case 'as_expression':
        case 'satisfies_expression':
        case 'non_null_expression':
        case 'type_assertion':
        case 'expression_statement':
            return ev(node.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? null);
        case 'call':
        case 'call_expression':
        case 'new_expression':
            return evaluateCall(node, scope, depth);
        default:
            return unknown(node);
    }
}
/** Constants interpolated into a string, inlined; anything else stays a template variable. */
async function substitutions(node, scope, depth) {
    const exprs = interpolations(node);
    if (!exprs.length)
        return undefined;
    const known = new Map();
    for (const e of exprs) {
        const v = await evaluate(e, scope, depth + 1);
        if (v.kind === 'str')
            known.set(e.id, v.template);
        else if (v.kind === 'num')
            known.set(e.id, String(v.value));
        else if (v.kind === 'var')
            known.set(e.id, `{{${v.name}}}`);
    }
    return (e) => known.get(e.id);
}
async function evaluateDict(node, scope, depth) {
    const entries = new Map();
    let spread = false;
    for (const c of node.namedChildren.slice(0, MAX_ITEMS)) {
        if (!c || c.type === 'comment')
            continue;
        if (c.type === 'pair') {
            const keyNode = c.childForFieldName('key');
            let key = null;
            if (keyNode?.type === 'property_identifier' || (keyNode?.type === 'identifier' && scope.language !== 'python'))
                key = keyNode.text;
            else if (keyNode) {
                const k = await evaluate(keyNode, scope, depth + 1);
                key = k.kind === 'str' ? k.template : k.kind === 'num' ? String(k.value) : null;
            }
            if (key !== null)
                entries.set(key, await evaluate(c.childForFieldName('value'), scope, depth + 1));
        }
        else if (c.type === 'shorthand_property_identifier') {
            entries.set(c.text, await evaluate(c, scope, depth + 1));
        }
        else if (c.type === 'method_definition') {
            const name = c.childForFieldName('name')?.text;
            if (name)
                entries.set(name, unknown(c));
        }
        else {
            // `...rest` / `**kwargs`: keys the reader cannot see (they may set any of them).
            const inner = await evaluate(c.namedChildren[0] ?? null, scope, depth + 1);
            if (inner.kind === 'dict')
                for (const [k, v] of inner.entries)
                    entries.set(k, v);
            else
                spread = true;
        }
    }
    return { kind: 'dict', entries, line: node.startPosition.row + 1, spread };
}
async function evaluateCall(node, scope, depth) {
    const fn = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
    const argsNode = node.childForFieldName('arguments');
    const callee = fn ? (dottedName(fn) ?? fn.text) : '';
    const args = [];
    const kwargs = new Map();
    for (const a of argsNode?.namedChildren ?? []) {
        if (!a || a.type === 'comment')
            continue;
        if (a.type === 'keyword_argument') {
            const name = a.childForFieldName('name')?.text;
            if (name)
                kwargs.set(name, await evaluate(a.childForFieldName('value'), scope, depth + 1));
        }
        else if (a.type === 'dictionary_splat') {
            const inner = await evaluate(a.namedChildren[0] ?? null, scope, depth + 1);
            if (inner.kind === 'dict')
                for (const [k, v] of inner.entries)
                    kwargs.set(k, v);
            else
                kwargs.set('**', unknown(a));
        }
        else
            args.push(await evaluate(a, scope, depth + 1));
    }
    const line = node.startPosition.row + 1;
    // `"…{x}".format(x=…)` / `TEMPLATE.format(…)`: the string's fields are the template's variables.
    if (scope.language === 'python' && fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format') {
        const target = fn.childForFieldName('object');
        const s = target?.type === 'string' ? pythonString(target, true) : null;
        if (s !== null)
            return { kind: 'str', template: s, line };
        const v = await evaluate(target ?? null, scope, depth + 1);
        if (v.kind === 'str')
            return v;
    }
    // `textwrap.dedent(S)` / `inspect.cleandoc(S)` / `S.strip()` keep the text's tokens close enough.
    if (/(^|\.)(dedent|cleandoc|strip|trim|trimStart|trimEnd|lstrip|rstrip)$/.test(callee)) {
        const target = args[0] ??
            (fn && /member_expression|attribute/.test(fn.type)
                ? await evaluate(fn.childForFieldName('object'), scope, depth + 1)
                : null);
        if (target?.kind === 'str')
            return { kind: 'str', template: dedent(target.template), line };
    }
    const object = fn && /member_expression|attribute/.test(fn.type) ? fn.childForFieldName('object') : null;
    const receiver = object && /^(call|call_expression)$/.test(object.type) ? await evaluate(object, scope, depth + 1) : undefined;
    return { kind: 'call', callee, args, kwargs, line, receiver };
}
/** Removes the common leading whitespace of a text's lines and its outer blank lines (`textwrap.dedent` + strip). */
function dedent(text) {
    const lines = text.split('\n');
    const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)[0].length);
    const cut = indents.length ? Math.min(...indents) : 0;
    return lines
        .map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)[0].length)))
        .join('\n')
        .trim();
}
/** A value as JSON data (tool schemas, response formats), or undefined when part of it is not static. */
function toJson(v) {
    switch (v.kind) {
        case 'str':
            return v.template;
        case 'num':
        case 'bool':
            return v.value;
        case 'null':
            return null;
        case 'list': {
            const out = v.items.map(toJson);
            return out.includes(undefined) ? undefined : out;
        }
        case 'dict': {
            const out = {};
            for (const [k, x] of v.entries) {
                const j = toJson(x);
                if (j === undefined)
                    return undefined;
                out[k] = j;
            }
            return out;
        }
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/code/resolve.ts
/**
 * Names in a code file: its module-level constants, functions, classes and imports, and the scope
 * of one function (parameters are template variables, local assignments their values). An
 * imported name is followed one hop into a repository file (`from .prompts import SYSTEM`,
 * `import { SYSTEM } from './prompts'`); that file's own imports are not followed.
 */





const FUNCTION_TYPES = new Set([
    'function_definition',
    'function_declaration',
    'generator_function_declaration',
    'arrow_function',
    'function_expression',
    'function',
    'method_definition',
]);
function addFunctionOrValue(defs, name, value) {
    if (!value || defs.has(name))
        return;
    const kind = FUNCTION_TYPES.has(value.type) ? 'function' : 'value';
    defs.set(name, { name, kind, node: value, line: value.startPosition.row + 1 });
}
function readClass(defs, cls) {
    const name = cls.childForFieldName('name')?.text;
    const body = cls.childForFieldName('body');
    if (!name || !body)
        return;
    for (const member of body.namedChildren) {
        const m = member?.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
        if (!m)
            continue;
        if (m.type === 'function_definition' || m.type === 'method_definition') {
            const method = m.childForFieldName('name')?.text;
            if (method)
                addFunctionOrValue(defs, `${name}.${method}`, m);
        }
    }
}
/** Reads the top level of a parsed file. */
function moduleInfo(file, tree) {
    const definitions = new Map();
    const imports = new Map();
    const namespaces = new Map();
    const visit = (stmt) => {
        switch (stmt.type) {
            case 'export_statement': {
                const decl = stmt.childForFieldName('declaration') ?? stmt.namedChildren.find((c) => c?.type !== 'comment');
                if (decl && decl.type !== 'export_clause' && decl.type !== 'string')
                    visit(decl);
                return;
            }
            case 'decorated_definition': {
                const def = stmt.childForFieldName('definition');
                if (def)
                    visit(def);
                return;
            }
            case 'expression_statement': {
                const a = stmt.namedChildren[0];
                if (a?.type === 'assignment') {
                    const left = a.childForFieldName('left');
                    if (left?.type === 'identifier')
                        addFunctionOrValue(definitions, left.text, a.childForFieldName('right'));
                }
                return;
            }
            case 'lexical_declaration':
            case 'variable_declaration':
                for (const d of stmt.namedChildren) {
                    if (d?.type !== 'variable_declarator')
                        continue;
                    const n = d.childForFieldName('name');
                    if (n?.type === 'identifier')
                        addFunctionOrValue(definitions, n.text, d.childForFieldName('value'));
                }
                return;
            case 'function_definition':
            case 'function_declaration':
            case 'generator_function_declaration': {
                const n = stmt.childForFieldName('name')?.text;
                if (n)
                    addFunctionOrValue(definitions, n, stmt);
                return;
            }
            case 'class_definition':
            case 'class_declaration':
                readClass(definitions, stmt);
                return;
            case 'import_from_statement': {
                const mod = stmt.childForFieldName('module_name')?.text;
                if (!mod)
                    return;
                for (const n of stmt.childrenForFieldName('name')) {
                    if (!n)
                        continue;
                    const [orig, local] = n.type === 'aliased_import'
                        ? [n.childForFieldName('name')?.text, n.childForFieldName('alias')?.text]
                        : [n.text, n.text];
                    if (orig && local)
                        imports.set(local, { from: mod, name: orig, line: stmt.startPosition.row + 1 });
                }
                return;
            }
            case 'import_statement': {
                const source = stmt.childForFieldName('source');
                if (!source) {
                    // Python `import app.prompts as p` / `import prompts`.
                    for (const n of stmt.childrenForFieldName('name')) {
                        if (n?.type === 'aliased_import') {
                            const [mod, alias] = [n.childForFieldName('name')?.text, n.childForFieldName('alias')?.text];
                            if (mod && alias)
                                namespaces.set(alias, mod);
                        }
                        else if (n && !n.text.includes('.'))
                            namespaces.set(n.text, n.text);
                    }
                    return;
                }
                const from = source.text.slice(1, -1);
                for (const ns of stmt.descendantsOfType('namespace_import')) {
                    const local = ns?.namedChildren.find((c) => c?.type === 'identifier')?.text;
                    if (local)
                        namespaces.set(local, from);
                }
                for (const spec of stmt.descendantsOfType('import_specifier')) {
                    const orig = spec?.childForFieldName('name')?.text;
                    const local = spec?.childForFieldName('alias')?.text ?? orig;
                    if (orig && local)
                        imports.set(local, { from, name: orig, line: stmt.startPosition.row + 1 });
                }
                return;
            }
            default:
                return;
        }
    };
    for (const stmt of tree.root.namedChildren)
        if (stmt)
            visit(stmt);
    return { file, language: tree.language, tree, definitions, imports, namespaces };
}
/** Candidate repository paths of an import specifier (relative imports; Python absolute ones from the root). */
function importCandidates(file, language, from) {
    const dir = external_node_path_.posix.dirname(file);
    if (language === 'python') {
        const dots = /^\.*/.exec(from)[0].length;
        const rest = from.slice(dots).replace(/\./g, '/');
        if (!dots)
            return rest ? [`${rest}.py`, `${rest}/__init__.py`] : [];
        // `.` is the file's package, each further dot one level up; above the root stays visible as
        // `../` so the path check refuses it rather than quietly reading the root.
        const parts = dir === '.' ? [] : dir.split('/');
        const up = dots - 1;
        const base = up > parts.length ? '../'.repeat(up - parts.length) : parts.slice(0, parts.length - up).join('/');
        const stem = base && rest ? external_node_path_.posix.join(base, rest) : base || rest;
        return rest ? [`${stem}.py`, `${stem}/__init__.py`] : [`${stem}/__init__.py`];
    }
    if (!from.startsWith('.'))
        return []; // a package, not a repository file
    const stem = external_node_path_.posix.join(dir, from);
    const noJs = stem.replace(/\.(m|c)?js$/, '');
    return [
        stem,
        ...['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'].map((e) => noJs + e),
        ...['/index.ts', '/index.tsx', '/index.js', '/index.mjs'].map((e) => stem + e),
    ];
}
/** Reads, parses and indexes repository files for one artifact; each file once. */
class ModuleLoader {
    reader;
    modules = new Map();
    /** Every repository file read, in order (the artifact's own file first). */
    files = [];
    constructor(reader) {
        this.reader = reader;
    }
    /** The module at `path` (parsed; syntax errors refused at their line). */
    load(path, text) {
        let m = this.modules.get(path);
        if (!m) {
            m = (async () => {
                const language = (0,parser/* languageFor */.Od)(path);
                if (!language)
                    return null;
                const source = text ?? (await this.reader.readText(path));
                this.files.push(path);
                const tree = await (0,parser/* parseCode */.Xp)(language, source, { file: path, refuseErrors: true });
                return moduleInfo(path, tree);
            })();
            this.modules.set(path, m);
        }
        return m;
    }
    /** The module an import of `from` in `mod` names, or null (a package, or no such file). */
    async imported(mod, from) {
        for (const candidate of importCandidates(mod.file, mod.language, from)) {
            // Refuses paths outside the repository (RepoError naming the importing file).
            const path = (0,repo/* safeRelativePath */.lV)(candidate, mod.file);
            if (!(0,parser/* languageFor */.Od)(path))
                continue;
            if (!(await this.reader.exists(path))) {
                if (await this.reader.isLink?.(path)) {
                    throw new errors/* ArtifactError */.nE(`imports ${path}, which is a symbolic link (aicost does not follow links)`, {
                        location: { file: mod.file },
                        hint: 'Commit the imported module as a file in the repository.',
                    });
                }
                continue;
            }
            return this.load(path);
        }
        return null;
    }
    /** Releases the parsed trees. */
    async dispose() {
        for (const m of this.modules.values())
            (await m.catch(() => null))?.tree.delete();
    }
}
/** The scope of a module's top level; `hop` 0 follows imports one file further, 1 does not. */
function moduleScope(mod, loader, hop) {
    return {
        language: mod.language,
        async lookup(name, _at, depth) {
            const def = mod.definitions.get(name);
            if (def)
                return def.kind === 'value' ? evaluate(def.node, this, depth) : null;
            const imp = mod.imports.get(name);
            if (!imp || hop > 0)
                return null;
            const target = await loader.imported(mod, imp.from);
            const there = target?.definitions.get(imp.name);
            if (!target || !there || there.kind !== 'value')
                return null;
            return evaluate(there.node, moduleScope(target, loader, hop + 1), depth);
        },
        async member(name, prop, _at, depth) {
            if (mod.definitions.has(name) || hop > 0)
                return null;
            let spec = mod.namespaces.get(name);
            const imp = mod.imports.get(name);
            // `from . import prompts` / `from app import prompts`: the name may be a module.
            if (spec === undefined && imp && mod.language === 'python')
                spec = imp.from.endsWith('.') ? imp.from + imp.name : `${imp.from}.${imp.name}`;
            if (spec === undefined)
                return null;
            const target = await loader.imported(mod, spec);
            const there = target?.definitions.get(prop);
            if (!target || !there || there.kind !== 'value')
                return null;
            return evaluate(there.node, moduleScope(target, loader, hop + 1), depth);
        },
    };
}
/** Names a parameter pattern binds (identifiers, destructured fields, `*args`). */
function boundNames(p, out) {
    switch (p.type) {
        case 'identifier':
        case 'shorthand_property_identifier_pattern':
            out.push(p.text);
            return;
        case 'object_pattern':
        case 'array_pattern':
        case 'list_splat_pattern':
        case 'dictionary_splat_pattern':
        case 'rest_pattern':
        case 'tuple_pattern':
            for (const c of p.namedChildren)
                if (c)
                    boundNames(c, out);
            return;
        case 'pair_pattern': {
            const v = p.childForFieldName('value');
            if (v)
                boundNames(v, out);
            return;
        }
        case 'assignment_pattern':
        case 'object_assignment_pattern': {
            const l = p.childForFieldName('left');
            if (l)
                boundNames(l, out);
            return;
        }
        default: {
            // Python typed/default parameters, TS required/optional parameters: the name comes first.
            const named = p.childForFieldName('pattern') ?? p.childForFieldName('name') ?? p.namedChildren[0];
            if (named && named !== p && /identifier|pattern/.test(named.type))
                boundNames(named, out);
        }
    }
}
/** Parameter names of a function node (Python and JS/TS, destructured ones by their fields). */
function parameterNames(fn) {
    const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
    if (!params)
        return [];
    const out = [];
    if (params.type === 'identifier')
        boundNames(params, out);
    else
        for (const p of params.namedChildren)
            if (p)
                boundNames(p, out);
    return out;
}
/** Local assignments in a function body (the last one before `at` wins). */
function localBinding(fn, name, at) {
    const body = fn.childForFieldName('body');
    if (!body)
        return null;
    let found = null;
    for (const a of body.descendantsOfType(['assignment', 'variable_declarator'])) {
        if (!a || a.startIndex >= at.startIndex)
            continue;
        const left = a.childForFieldName(a.type === 'assignment' ? 'left' : 'name');
        if (left?.type === 'identifier' && left.text === name)
            found = a.childForFieldName(a.type === 'assignment' ? 'right' : 'value');
    }
    return found;
}
/** The scope inside function `fn`: locals, then parameters (as variables), then the module. */
function functionScope(fn, outer) {
    const params = new Set(parameterNames(fn));
    return {
        language: outer.language,
        async lookup(name, at, depth) {
            const local = localBinding(fn, name, at);
            if (local)
                return evaluate(local, this, depth);
            if (params.has(name))
                return { kind: 'var', name, line: at.startPosition.row + 1 };
            return outer.lookup(name, at, depth);
        },
        async member(name, prop, at, depth) {
            if (params.has(name) || localBinding(fn, name, at))
                return null;
            return outer.member?.(name, prop, at, depth) ?? null;
        },
    };
}

;// CONCATENATED MODULE: ./src/code/schema.ts
/**
 * Tool and output schemas written in code as JSON Schema: dict/object literals as they are, and
 * zod builders (`z.object({…})`, `z.string().describe(…)`, the Vercel AI SDK's usual form) read
 * into the JSON Schema they produce, so their tokens count like a prompt file's tool schema.
 */

/** Most nested zod builders read (a recursive schema ends here). */
const MAX_ZOD_DEPTH = 32;
/** The method chain of a builder call, innermost first: `z.string().min(1).describe("x")` → string, min, describe. */
function chain(call) {
    const out = [];
    for (let c = call; c?.kind === 'call' && out.length < 64; c = c.receiver)
        out.unshift(c);
    return out;
}
const method = (c) => c.callee.slice(c.callee.lastIndexOf('.') + 1);
/** A zod builder as JSON Schema, or undefined when it is not one. */
function zodSchema(v, depth) {
    if (v.kind !== 'call' || depth > MAX_ZOD_DEPTH)
        return undefined;
    const calls = chain(v);
    const head = calls[0];
    if (!/^(z|zod)\.[a-zA-Z]+$/.test(head.callee))
        return undefined;
    const kind = method(head);
    let schema;
    switch (kind) {
        case 'string':
        case 'number':
        case 'boolean':
        case 'null':
            schema = { type: kind };
            break;
        case 'bigint':
            schema = { type: 'integer' };
            break;
        case 'enum': {
            const values = head.args[0] ? toJson(head.args[0]) : undefined;
            schema = { type: 'string', enum: Array.isArray(values) ? values : [] };
            break;
        }
        case 'literal':
            schema = { const: head.args[0] ? toJson(head.args[0]) : null };
            break;
        case 'array':
            schema = { type: 'array', items: (head.args[0] && zodSchema(head.args[0], depth + 1)) ?? {} };
            break;
        case 'object': {
            const shape = head.args[0];
            const properties = {};
            const required = [];
            if (shape?.kind === 'dict') {
                for (const [k, field] of shape.entries) {
                    properties[k] = zodSchema(field, depth + 1) ?? {};
                    const optional = field.kind === 'call' && chain(field).some((c) => /^(optional|nullish|default)$/.test(method(c)));
                    if (!optional)
                        required.push(k);
                }
            }
            schema = { type: 'object', properties, required, additionalProperties: false };
            break;
        }
        case 'union':
        case 'discriminatedUnion': {
            const options = head.args[kind === 'union' ? 0 : 1];
            schema = { anyOf: options?.kind === 'list' ? options.items.map((o) => zodSchema(o, depth + 1) ?? {}) : [] };
            break;
        }
        default:
            schema = {};
    }
    for (const c of calls.slice(1)) {
        const m = method(c);
        if (m === 'describe' && c.args[0]?.kind === 'str')
            schema.description = c.args[0].template;
        else if (m === 'array')
            schema = { type: 'array', items: schema };
        else if ((m === 'nullable' || m === 'nullish') && typeof schema.type === 'string')
            schema.type = [schema.type, 'null'];
    }
    return schema;
}
/**
 * A schema value as JSON Schema: a dict literal, a zod builder, or the Vercel AI SDK's
 * `jsonSchema({…})` / `zodSchema(z…)` wrappers. Undefined when it is not statically readable.
 */
function schemaJson(v) {
    if (!v)
        return undefined;
    if (v.kind === 'call' && /(^|\.)(jsonSchema|zodSchema)$/.test(v.callee) && v.args[0])
        return schemaJson(v.args[0]);
    return zodSchema(v, 0) ?? toJson(v);
}

;// CONCATENATED MODULE: ./src/code/sdk-calls.ts


const PATTERNS = [
    [/(^|\.)chat\.completions\.(create|parse|stream)$/, 'openai-chat'],
    [/(^|\.)responses\.(create|parse|stream)$/, 'openai-responses'],
    [/(^|\.)messages\.(create|stream|parse)$/, 'anthropic'],
    [/(^|\.)models\.(generate_content|generateContent|generate_content_stream|generateContentStream)$/, 'google-genai'],
    [/^(litellm\.)?a?completion$/, 'litellm'],
    [/^(ai\.)?(generateText|streamText|generateObject|streamObject)$/, 'vercel-ai'],
    [/\.(invoke|ainvoke|stream|astream)$/, 'langchain'],
];
/** LangChain chat model classes → the model-id prefix of their provider (`null`: a deployment name). */
const LANGCHAIN_MODELS = {
    ChatOpenAI: 'openai',
    ChatAnthropic: 'anthropic',
    ChatGoogleGenerativeAI: 'google',
    ChatVertexAI: 'vertex_ai',
    ChatBedrock: 'bedrock',
    ChatBedrockConverse: 'bedrock',
    ChatMistralAI: 'mistral',
    ChatGroq: 'groq',
    AzureChatOpenAI: null,
};
/** Every call in `fn` that has the shape of a model call of one of the SDKs. */
function findSdkCalls(fn) {
    const out = [];
    for (const node of fn.descendantsOfType(['call', 'call_expression'])) {
        const target = node?.childForFieldName('function');
        if (!node || !target)
            continue;
        const callee = dottedName(target);
        if (!callee)
            continue;
        const match = PATTERNS.find(([re]) => re.test(callee));
        // OpenAI Assistants' `threads.messages.create` adds a message to a thread: no model call.
        if (!match || /threads\.messages\./.test(callee))
            continue;
        if (match[1] === 'langchain') {
            const cls = /(?:^|\.)([A-Za-z]+)\(\)\.[a-z]+$/.exec(callee)?.[1];
            // `llm.invoke(…)` counts once the receiver is found to be a chat model (in readCall).
            if (cls && !(cls in LANGCHAIN_MODELS))
                continue;
        }
        out.push({ sdk: match[1], node, callee, line: node.startPosition.row + 1 });
    }
    return out;
}
const get = (v, ...path) => {
    let cur = v;
    for (const key of path) {
        if (cur?.kind === 'call')
            cur = cur.kwargs.get(key) ?? (cur.args[0]?.kind === 'dict' ? cur.args[0].entries.get(key) : undefined);
        else if (cur?.kind === 'dict')
            cur = cur.entries.get(key);
        else
            return undefined;
    }
    return cur;
};
const str = (v) => (v?.kind === 'str' ? v.template : undefined);
const first = (...vs) => vs.find((v) => v !== undefined);
/** Options of a call: Python keyword arguments, or the first object argument of a JS call. */
function options(call) {
    if (call.kwargs.size)
        return call.kwargs;
    const obj = call.args.find((a) => a.kind === 'dict');
    return obj?.kind === 'dict' ? obj.entries : new Map();
}
/** Messages of a list value: dicts with role/content, LangChain tuples and message classes. */
function messagesOf(list) {
    if (list.kind !== 'list')
        return null;
    const out = [];
    for (const item of list.items) {
        if (item.kind === 'dict') {
            const role = str(item.entries.get('role')) ?? 'user';
            const content = item.entries.get('content') ?? item.entries.get('parts') ?? { kind: 'null', line: item.line };
            out.push({ role: role === 'model' ? 'assistant' : role, content, line: item.line });
        }
        else if (item.kind === 'list' && item.items.length === 2 && item.items[0].kind === 'str') {
            const role = item.items[0].template;
            out.push({
                role: role === 'human' ? 'user' : role === 'ai' ? 'assistant' : role,
                content: item.items[1],
                line: item.line,
            });
        }
        else if (item.kind === 'call' && /(System|Human|AI|User|Assistant)Message$/.test(item.callee)) {
            const cls = /(System|Human|AI|User|Assistant)Message$/.exec(item.callee)[1];
            const role = cls === 'System' ? 'system' : cls === 'AI' || cls === 'Assistant' ? 'assistant' : 'user';
            out.push({
                role,
                content: item.kwargs.get('content') ?? item.args[0] ?? { kind: 'null', line: item.line },
                line: item.line,
            });
        }
        else
            out.push({ role: 'user', content: item, line: item.line });
    }
    return out;
}
function toolsOf(v, facts) {
    if (!v || v.kind === 'null')
        return;
    if (v.kind === 'dict' && !v.spread) {
        // Vercel AI SDK: `tools: { name: tool({ description, parameters | inputSchema }) }`.
        for (const [name, t] of v.entries) {
            const def = t.kind === 'call' ? (t.args[0] ?? t) : t;
            facts.tools.push({
                name,
                description: str(get(def, 'description')),
                parameters: schemaJson(first(get(def, 'inputSchema'), get(def, 'parameters'))),
                line: t.line,
            });
        }
        return;
    }
    if (v.kind !== 'list') {
        facts.toolsUnread = v;
        return;
    }
    for (const t of v.items) {
        // OpenAI {type: function, function: {…}} / Responses {type, name, …} / Anthropic {name, input_schema} /
        // Google Tool(function_declarations=[…]).
        const decls = get(t, 'function_declarations') ?? get(t, 'functionDeclarations');
        if (decls?.kind === 'list') {
            toolsOf(decls, facts);
            continue;
        }
        const fn = get(t, 'function') ?? t;
        const name = str(get(fn, 'name'));
        if (!name) {
            facts.toolsUnread = t;
            continue;
        }
        facts.tools.push({
            name,
            description: str(get(fn, 'description')),
            parameters: schemaJson(first(get(fn, 'parameters'), get(fn, 'input_schema'), get(fn, 'inputSchema'))),
            line: t.line,
        });
    }
}
/** A model-choosing value (`"gpt-4o"`, `openai("gpt-4o")`, a constant) → id with its provider prefix. */
function modelId(v, prefix, line) {
    if (v?.kind === 'call') {
        // Vercel AI SDK providers: openai("…"), openai.chat("…"), anthropic("…"), google("…"), bedrock("…").
        const provider = /^(openai|anthropic|google|vertex|bedrock|mistral|groq|xai|deepseek|azure)(\.\w+)?$/.exec(v.callee)?.[1];
        const id = str(v.args[0]);
        if (provider && id && provider !== 'azure')
            return { id: id.includes('/') ? id : `${provider === 'vertex' ? 'vertex_ai' : provider}/${id}`, line: v.line };
        return { unread: `${describe(v)}${provider === 'azure' ? ' (an Azure deployment name)' : ''}`, line: v.line };
    }
    const id = str(v);
    if (id === undefined || id.includes('{{') || !id.trim())
        return { unread: v ? describe(v) : 'no model argument', line: v?.line ?? line };
    if (prefix === null)
        return { unread: `"${id}" (an Azure deployment name)`, line: v.line };
    return { id: id.includes('/') || !prefix ? id : `${prefix}/${id}`, line: v.line };
}
/** A short description of an unreadable value for notices. */
function describe(v) {
    if (v.kind === 'unknown')
        return `\`${v.text}\``;
    if (v.kind === 'var')
        return `the parameter \`${v.name}\``;
    if (v.kind === 'call')
        return `\`${v.callee}(…)\``;
    return `a ${v.kind}`;
}
/** The client a call is made on (`client = AzureOpenAI(…)`), for its provider. */
async function clientClass(call, scope) {
    let recv = call.node.childForFieldName('function');
    while (recv && /member_expression|attribute/.test(recv.type))
        recv = recv.childForFieldName('object');
    if (!recv)
        return undefined;
    const v = await evaluate(recv, scope);
    return v.kind === 'call' ? v.callee.slice(v.callee.lastIndexOf('.') + 1) : undefined;
}
/** Reads a recognised call's arguments into CallFacts. Null for an `.invoke` that is not a chat model's. */
async function readCall(call, scope) {
    const v = await evaluate(call.node, scope);
    if (v.kind !== 'call')
        return null;
    const opts = options(v);
    const o = (key) => opts.get(key);
    const facts = {
        sdk: call.sdk,
        line: call.line,
        model: { unread: 'no model argument', line: call.line },
        messages: [],
        tools: [],
    };
    const pushMessages = (list) => {
        if (!list || list.kind === 'null')
            return;
        if (list.kind === 'str' || list.kind === 'var') {
            facts.messages.push({ role: 'user', content: list, line: list.line });
            return;
        }
        const msgs = messagesOf(list);
        if (msgs)
            facts.messages.push(...msgs);
        else
            facts.messagesValue = list;
    };
    const system = (s) => {
        if (s && s.kind !== 'null')
            facts.messages.push({ role: 'system', content: s, line: s.line });
    };
    const client = await clientClass(call, scope);
    const azure = client !== undefined && /Azure/.test(client);
    switch (call.sdk) {
        case 'openai-chat':
        case 'litellm':
            facts.model = modelId(o('model'), azure ? null : call.sdk === 'litellm' ? '' : 'openai', call.line);
            pushMessages(o('messages'));
            facts.maxTokens = first(o('max_completion_tokens'), o('max_tokens'), o('maxTokens'), o('maxCompletionTokens'));
            toolsOf(o('tools'), facts);
            readFormat(first(o('response_format'), o('responseFormat')), facts);
            reasoning(first(o('reasoning_effort'), o('reasoningEffort')), 'reasoning effort', facts);
            break;
        case 'openai-responses':
            facts.model = modelId(o('model'), azure ? null : 'openai', call.line);
            system(o('instructions'));
            pushMessages(o('input'));
            facts.maxTokens = first(o('max_output_tokens'), o('maxOutputTokens'));
            toolsOf(o('tools'), facts);
            readFormat(get(o('text'), 'format'), facts);
            reasoning(get(o('reasoning'), 'effort'), 'reasoning effort', facts);
            break;
        case 'anthropic': {
            const prefix = client === 'AnthropicBedrock' ? 'bedrock' : client === 'AnthropicVertex' ? 'vertex_ai' : 'anthropic';
            facts.model = modelId(o('model'), prefix, call.line);
            system(o('system'));
            pushMessages(o('messages'));
            facts.maxTokens = first(o('max_tokens'), o('maxTokens'));
            toolsOf(o('tools'), facts);
            reasoning(first(get(o('thinking'), 'budget_tokens'), get(o('thinking'), 'budgetTokens')), 'thinking budget', facts);
            break;
        }
        case 'google-genai': {
            const config = o('config');
            facts.model = modelId(o('model'), 'google', call.line);
            system(first(get(config, 'system_instruction'), get(config, 'systemInstruction')));
            pushMessages(o('contents'));
            facts.maxTokens = first(get(config, 'max_output_tokens'), get(config, 'maxOutputTokens'));
            toolsOf(get(config, 'tools'), facts);
            const schema = first(get(config, 'response_schema'), get(config, 'responseSchema'), get(config, 'response_json_schema'));
            if (schema)
                readFormat(schema, facts, true);
            const thinking = first(get(config, 'thinking_config'), get(config, 'thinkingConfig'));
            reasoning(first(get(thinking, 'thinking_budget'), get(thinking, 'thinkingBudget')), 'thinking budget', facts);
            break;
        }
        case 'vercel-ai': {
            facts.model = modelId(o('model'), '', call.line);
            system(o('system'));
            pushMessages(o('prompt'));
            pushMessages(o('messages'));
            facts.maxTokens = first(o('maxOutputTokens'), o('maxTokens'));
            toolsOf(o('tools'), facts);
            if (o('schema'))
                readFormat(o('schema'), facts, true);
            const po = o('providerOptions');
            reasoning(first(get(po, 'anthropic', 'thinking', 'budgetTokens'), get(po, 'google', 'thinkingConfig', 'thinkingBudget')), 'thinking budget', facts);
            reasoning(get(po, 'openai', 'reasoningEffort'), 'reasoning effort', facts);
            break;
        }
        case 'langchain': {
            let recv = call.node.childForFieldName('function')?.childForFieldName('object') ?? null;
            const model = recv ? await evaluate(recv, scope) : undefined;
            recv = null;
            const cls = model?.kind === 'call' ? model.callee.slice(model.callee.lastIndexOf('.') + 1) : undefined;
            if (!cls || !(cls in LANGCHAIN_MODELS) || model?.kind !== 'call')
                return null;
            const mo = options(model);
            facts.model = modelId(first(mo.get('model'), mo.get('model_name'), mo.get('model_id'), mo.get('modelName')), LANGCHAIN_MODELS[cls], call.line);
            pushMessages(v.args[0]);
            facts.maxTokens = first(mo.get('max_tokens'), mo.get('maxTokens'), mo.get('max_output_tokens'), mo.get('max_completion_tokens'));
            reasoning(first(mo.get('reasoning_effort'), get(mo.get('thinking'), 'budget_tokens')), 'reasoning', facts);
            break;
        }
    }
    return facts;
}
function readFormat(v, facts, isSchema = false) {
    if (!v || v.kind === 'null')
        return;
    if (isSchema) {
        const s = schemaJson(v);
        if (s !== undefined)
            facts.responseSchema = s;
        facts.responseFormat = 'json_schema';
        return;
    }
    const type = str(get(v, 'type'));
    const schema = first(get(v, 'json_schema', 'schema'), get(v, 'schema'));
    if (type)
        facts.responseFormat = type;
    if (schema)
        facts.responseSchema = schemaJson(schema);
    else if (!type)
        facts.responseFormat = 'json_schema'; // a Pydantic/zod class given as the format
}
function reasoning(v, what, facts) {
    if (!v || v.kind === 'null' || facts.reasoning)
        return;
    const text = v.kind === 'num' ? String(v.value) : v.kind === 'str' ? v.template : describe(v);
    facts.reasoning = { text: `${what} ${text}`, line: v.line };
}

;// CONCATENATED MODULE: ./src/code/reading.ts
/**
 * The static reading of code: scopes and imports (resolve.ts), values (values.ts), string forms
 * (strings.ts) and SDK calls (sdk-calls.ts). Imported on first use through index.ts
 * (loadCodeReading): only a feature whose prompt lives in code needs it, and it is most of this
 * folder's code, so the bundles keep it in a chunk that other starts neither parse nor load.
 */






/***/ })

};
