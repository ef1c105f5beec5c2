/**
 * Names in a code file: its module-level constants, functions, classes and imports, and the scope
 * of one function (parameters are template variables, local assignments their values). An
 * imported name is followed one hop into a repository file (`from .prompts import SYSTEM`,
 * `import { SYSTEM } from './prompts'`); that file's own imports are not followed.
 */
import { posix } from 'node:path';
import { ArtifactError } from '../errors.js';
import { safeRelativePath } from '../repo/index.js';
import { languageFor, parseCode, type CodeLanguage, type CodeNode, type CodeTree } from './parser.js';
import { evaluate, type Scope, type Value } from './values.js';

/** What code artifacts read files through (the revision reader, confined to the repository). */
export interface CodeFileReader {
  readText(path: string): Promise<string>;
  exists(path: string): Promise<boolean>;
  /** True when the path is a symbolic link (which `exists` counts as absent). */
  isLink?(path: string): Promise<boolean>;
}

/** A top-level definition: a constant's value expression or a function (`Class.method` for methods). */
export interface Definition {
  name: string;
  kind: 'value' | 'function';
  /** The value expression (constants) or the function node. */
  node: CodeNode;
  line: number;
}

/** One file's top level: definitions and imported names. */
export interface ModuleInfo {
  file: string;
  language: CodeLanguage;
  tree: CodeTree;
  definitions: Map<string, Definition>;
  /** Local name → the module specifier and the name imported from it. */
  imports: Map<string, { from: string; name: string; line: number }>;
  /** Local name → the specifier of a module imported whole (`import app.prompts as p`, `import * as p`). */
  namespaces: Map<string, string>;
}

const FUNCTION_TYPES = new Set([
  'function_definition',
  'function_declaration',
  'generator_function_declaration',
  'arrow_function',
  'function_expression',
  'function',
  'method_definition',
]);

function addFunctionOrValue(defs: Map<string, Definition>, name: string, value: CodeNode | null): void {
  if (!value || defs.has(name)) return;
  const kind = FUNCTION_TYPES.has(value.type) ? 'function' : 'value';
  defs.set(name, { name, kind, node: value, line: value.startPosition.row + 1 });
}

function readClass(defs: Map<string, Definition>, cls: CodeNode): void {
  const name = cls.childForFieldName('name')?.text;
  const body = cls.childForFieldName('body');
  if (!name || !body) return;
  for (const member of body.namedChildren) {
    const m = member?.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
    if (!m) continue;
    if (m.type === 'function_definition' || m.type === 'method_definition') {
      const method = m.childForFieldName('name')?.text;
      if (method) addFunctionOrValue(defs, `${name}.${method}`, m);
    }
  }
}

/** Reads the top level of a parsed file. */
export function moduleInfo(file: string, tree: CodeTree): ModuleInfo {
  const definitions = new Map<string, Definition>();
  const imports = new Map<string, { from: string; name: string; line: number }>();
  const namespaces = new Map<string, string>();
  const visit = (stmt: CodeNode): void => {
    switch (stmt.type) {
      case 'export_statement': {
        const decl = stmt.childForFieldName('declaration') ?? stmt.namedChildren.find((c) => c?.type !== 'comment');
        if (decl && decl.type !== 'export_clause' && decl.type !== 'string') visit(decl);
        return;
      }
      case 'decorated_definition': {
        const def = stmt.childForFieldName('definition');
        if (def) visit(def);
        return;
      }
      case 'expression_statement': {
        const a = stmt.namedChildren[0];
        if (a?.type === 'assignment') {
          const left = a.childForFieldName('left');
          if (left?.type === 'identifier') addFunctionOrValue(definitions, left.text, a.childForFieldName('right'));
        }
        return;
      }
      case 'lexical_declaration':
      case 'variable_declaration':
        for (const d of stmt.namedChildren) {
          if (d?.type !== 'variable_declarator') continue;
          const n = d.childForFieldName('name');
          if (n?.type === 'identifier') addFunctionOrValue(definitions, n.text, d.childForFieldName('value'));
        }
        return;
      case 'function_definition':
      case 'function_declaration':
      case 'generator_function_declaration': {
        const n = stmt.childForFieldName('name')?.text;
        if (n) addFunctionOrValue(definitions, n, stmt);
        return;
      }
      case 'class_definition':
      case 'class_declaration':
        readClass(definitions, stmt);
        return;
      case 'import_from_statement': {
        const mod = stmt.childForFieldName('module_name')?.text;
        if (!mod) return;
        for (const n of stmt.childrenForFieldName('name')) {
          if (!n) continue;
          const [orig, local] =
            n.type === 'aliased_import'
              ? [n.childForFieldName('name')?.text, n.childForFieldName('alias')?.text]
              : [n.text, n.text];
          if (orig && local) imports.set(local, { from: mod, name: orig, line: stmt.startPosition.row + 1 });
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
              if (mod && alias) namespaces.set(alias, mod);
            } else if (n && !n.text.includes('.')) namespaces.set(n.text, n.text);
          }
          return;
        }
        const from = source.text.slice(1, -1);
        for (const ns of stmt.descendantsOfType('namespace_import')) {
          const local = ns?.namedChildren.find((c) => c?.type === 'identifier')?.text;
          if (local) namespaces.set(local, from);
        }
        for (const spec of stmt.descendantsOfType('import_specifier')) {
          const orig = spec?.childForFieldName('name')?.text;
          const local = spec?.childForFieldName('alias')?.text ?? orig;
          if (orig && local) imports.set(local, { from, name: orig, line: stmt.startPosition.row + 1 });
        }
        return;
      }
      default:
        return;
    }
  };
  for (const stmt of tree.root.namedChildren) if (stmt) visit(stmt);
  return { file, language: tree.language, tree, definitions, imports, namespaces };
}

/** Candidate repository paths of an import specifier (relative imports; Python absolute ones from the root). */
export function importCandidates(file: string, language: CodeLanguage, from: string): string[] {
  const dir = posix.dirname(file);
  if (language === 'python') {
    const dots = /^\.*/.exec(from)![0].length;
    const rest = from.slice(dots).replace(/\./g, '/');
    if (!dots) return rest ? [`${rest}.py`, `${rest}/__init__.py`] : [];
    // `.` is the file's package, each further dot one level up; above the root stays visible as
    // `../` so the path check refuses it rather than quietly reading the root.
    const parts = dir === '.' ? [] : dir.split('/');
    const up = dots - 1;
    const base = up > parts.length ? '../'.repeat(up - parts.length) : parts.slice(0, parts.length - up).join('/');
    const stem = base && rest ? posix.join(base, rest) : base || rest;
    return rest ? [`${stem}.py`, `${stem}/__init__.py`] : [`${stem}/__init__.py`];
  }
  if (!from.startsWith('.')) return []; // a package, not a repository file
  const stem = posix.join(dir, from);
  const noJs = stem.replace(/\.(m|c)?js$/, '');
  return [
    stem,
    ...['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'].map((e) => noJs + e),
    ...['/index.ts', '/index.tsx', '/index.js', '/index.mjs'].map((e) => stem + e),
  ];
}

/** Reads, parses and indexes repository files for one artifact; each file once. */
export class ModuleLoader {
  private readonly modules = new Map<string, Promise<ModuleInfo | null>>();
  /** Every repository file read, in order (the artifact's own file first). */
  readonly files: string[] = [];

  constructor(private readonly reader: CodeFileReader) {}

  /** The module at `path` (parsed; syntax errors refused at their line). */
  load(path: string, text?: string): Promise<ModuleInfo | null> {
    let m = this.modules.get(path);
    if (!m) {
      m = (async () => {
        const language = languageFor(path);
        if (!language) return null;
        const source = text ?? (await this.reader.readText(path));
        this.files.push(path);
        const tree = await parseCode(language, source, { file: path, refuseErrors: true });
        return moduleInfo(path, tree);
      })();
      this.modules.set(path, m);
    }
    return m;
  }

  /** The module an import of `from` in `mod` names, or null (a package, or no such file). */
  async imported(mod: ModuleInfo, from: string): Promise<ModuleInfo | null> {
    for (const candidate of importCandidates(mod.file, mod.language, from)) {
      // Refuses paths outside the repository (RepoError naming the importing file).
      const path = safeRelativePath(candidate, mod.file);
      if (!languageFor(path)) continue;
      if (!(await this.reader.exists(path))) {
        if (await this.reader.isLink?.(path)) {
          throw new ArtifactError(`imports ${path}, which is a symbolic link (aicost does not follow links)`, {
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
  async dispose(): Promise<void> {
    for (const m of this.modules.values()) (await m.catch(() => null))?.tree.delete();
  }
}

/** The scope of a module's top level; `hop` 0 follows imports one file further, 1 does not. */
export function moduleScope(mod: ModuleInfo, loader: ModuleLoader, hop: number): Scope {
  return {
    language: mod.language,
    async lookup(name, _at, depth) {
      const def = mod.definitions.get(name);
      if (def) return def.kind === 'value' ? evaluate(def.node, this, depth) : null;
      const imp = mod.imports.get(name);
      if (!imp || hop > 0) return null;
      const target = await loader.imported(mod, imp.from);
      const there = target?.definitions.get(imp.name);
      if (!target || !there || there.kind !== 'value') return null;
      return evaluate(there.node, moduleScope(target, loader, hop + 1), depth);
    },
    async member(name, prop, _at, depth) {
      if (mod.definitions.has(name) || hop > 0) return null;
      let spec = mod.namespaces.get(name);
      const imp = mod.imports.get(name);
      // `from . import prompts` / `from app import prompts`: the name may be a module.
      if (spec === undefined && imp && mod.language === 'python')
        spec = imp.from.endsWith('.') ? imp.from + imp.name : `${imp.from}.${imp.name}`;
      if (spec === undefined) return null;
      const target = await loader.imported(mod, spec);
      const there = target?.definitions.get(prop);
      if (!target || !there || there.kind !== 'value') return null;
      return evaluate(there.node, moduleScope(target, loader, hop + 1), depth);
    },
  };
}

/** Names a parameter pattern binds (identifiers, destructured fields, `*args`). */
function boundNames(p: CodeNode, out: string[]): void {
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
      for (const c of p.namedChildren) if (c) boundNames(c, out);
      return;
    case 'pair_pattern': {
      const v = p.childForFieldName('value');
      if (v) boundNames(v, out);
      return;
    }
    case 'assignment_pattern':
    case 'object_assignment_pattern': {
      const l = p.childForFieldName('left');
      if (l) boundNames(l, out);
      return;
    }
    default: {
      // Python typed/default parameters, TS required/optional parameters: the name comes first.
      const named = p.childForFieldName('pattern') ?? p.childForFieldName('name') ?? p.namedChildren[0];
      if (named && named !== p && /identifier|pattern/.test(named.type)) boundNames(named, out);
    }
  }
}

/** Parameter names of a function node (Python and JS/TS, destructured ones by their fields). */
export function parameterNames(fn: CodeNode): string[] {
  const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  if (!params) return [];
  const out: string[] = [];
  if (params.type === 'identifier') boundNames(params, out);
  else for (const p of params.namedChildren) if (p) boundNames(p, out);
  return out;
}

/** Local assignments in a function body (the last one before `at` wins). */
function localBinding(fn: CodeNode, name: string, at: CodeNode): CodeNode | null {
  const body = fn.childForFieldName('body');
  if (!body) return null;
  let found: CodeNode | null = null;
  for (const a of body.descendantsOfType(['assignment', 'variable_declarator'])) {
    if (!a || a.startIndex >= at.startIndex) continue;
    const left = a.childForFieldName(a.type === 'assignment' ? 'left' : 'name');
    if (left?.type === 'identifier' && left.text === name)
      found = a.childForFieldName(a.type === 'assignment' ? 'right' : 'value');
  }
  return found;
}

/** The scope inside function `fn`: locals, then parameters (as variables), then the module. */
export function functionScope(fn: CodeNode, outer: Scope): Scope {
  const params = new Set(parameterNames(fn));
  return {
    language: outer.language,
    async lookup(name, at, depth): Promise<Value | null> {
      const local = localBinding(fn, name, at);
      if (local) return evaluate(local, this, depth);
      if (params.has(name)) return { kind: 'var', name, line: at.startPosition.row + 1 };
      return outer.lookup(name, at, depth);
    },
    async member(name, prop, at, depth) {
      if (params.has(name) || localBinding(fn, name, at)) return null;
      return outer.member?.(name, prop, at, depth) ?? null;
    },
  };
}
