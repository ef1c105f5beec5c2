/**
 * The tree the restricted template parser builds and the evaluator walks. Plain data only: no
 * node holds code, only names, literals and text, so evaluating a tree can never reach a function.
 */

/** A dotted lookup into plain data: `user.name`, `this.field`, `@index`, `loop.index`. */
export interface PathExpr {
  kind: 'path';
  /** First segment: a variable name, `this`, or a data variable such as `@index`. */
  root: string;
  /** Further own-property segments (`name` in `user.name`; digits index arrays). */
  segs: string[];
  /** The path as written, for `missing`. */
  text: string;
}

/** A string, number, boolean or null literal (`'x'`, `3`, `true`, `none`). */
export interface LitExpr {
  kind: 'lit';
  value: string | number | boolean | null;
}

/** Condition expressions of `{% if %}` / `{{#if}}`. */
export type Expr =
  | PathExpr
  | LitExpr
  | { kind: 'not'; arg: Expr }
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'cmp'; op: '==' | '!=' | '<' | '>' | '<=' | '>='; left: Expr; right: Expr }
  | { kind: 'test'; arg: Expr; test: 'defined' | 'none'; negate: boolean };

/** Jinja treats empty mappings as false; Handlebars and Mustache treat them as true. */
export type Truthiness = 'jinja' | 'hbs';

/**
 * How a loop binds its item:
 * - `jinja`: `{% for x in items %}` binds `x` and `loop`;
 * - `each`: `{{#each items}}` makes the item the context (`this`, bare names) plus `@index`/`@key`;
 * - `section`: Mustache `{{#items}}`: a list iterates like `each`, any other truthy value renders
 *   the body once with that value as the context.
 */
export type LoopStyle = 'jinja' | 'each' | 'section';

export type TemplateNode =
  | { type: 'text'; text: string }
  | { type: 'out'; expr: PathExpr | LitExpr; line: number }
  | { type: 'if'; branches: { cond: Expr; body: TemplateNode[] }[]; otherwise: TemplateNode[]; truthiness: Truthiness }
  | {
      type: 'loop';
      style: LoopStyle;
      /** Jinja loop variable, or Handlebars block parameter `as |item|`. */
      itemName?: string;
      /** Handlebars block parameter `as |item index|`. */
      indexName?: string;
      iter: PathExpr;
      body: TemplateNode[];
      /** `{% else %}` / `{{else}}`: rendered when there is nothing to iterate. */
      otherwise: TemplateNode[];
      line: number;
    };

/** Something the renderer left as static text (or a limit it hit), with its template line. */
export interface TemplateIssue {
  /** What it is, e.g. `filter "upper"`, `{% include %}`, `partial "header"`. */
  what: string;
  /** 1-based line within the template. */
  line: number;
}
