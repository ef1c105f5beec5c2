/** The top-level variables a parsed template uses. */

import type { Expr, PathExpr, TemplateNode } from './template-ast.js';

/**
 * Top-level names in order of first use. Loop variables, `loop`, `this`, `@index` and bare names
 * inside Handlebars/Mustache item blocks (fields of the item) are not top-level variables.
 */
export function collectVariables(nodes: TemplateNode[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: PathExpr, bound: ReadonlySet<string>, inItem: boolean) => {
    if (p.root === 'this' || p.root[0] === '@' || bound.has(p.root) || inItem || seen.has(p.root)) return;
    seen.add(p.root);
    out.push(p.root);
  };
  const addExpr = (e: Expr, bound: ReadonlySet<string>, inItem: boolean): void => {
    switch (e.kind) {
      case 'path':
        return add(e, bound, inItem);
      case 'lit':
        return;
      case 'not':
      case 'test':
        return addExpr(e.arg, bound, inItem);
      default:
        addExpr(e.left, bound, inItem);
        addExpr(e.right, bound, inItem);
    }
  };
  const walk = (list: TemplateNode[], bound: ReadonlySet<string>, inItem: boolean): void => {
    for (const n of list) {
      if (n.type === 'out') {
        if (n.expr.kind === 'path') add(n.expr, bound, inItem);
      } else if (n.type === 'if') {
        for (const b of n.branches) {
          addExpr(b.cond, bound, inItem);
          walk(b.body, bound, inItem);
        }
        walk(n.otherwise, bound, inItem);
      } else if (n.type === 'loop') {
        add(n.iter, bound, inItem);
        const inner = new Set(bound);
        if (n.itemName) inner.add(n.itemName);
        if (n.indexName) inner.add(n.indexName);
        if (n.style === 'jinja') inner.add('loop');
        walk(n.body, inner, inItem || n.style !== 'jinja');
        walk(n.otherwise, bound, inItem);
      }
    }
  };
  walk(nodes, new Set(), false);
  return out;
}
