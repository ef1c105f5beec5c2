/**
 * Contracts of the unpriced-change scan (policy rule `unpriced_change`): the changed files the
 * caller read from git, and the AI changes found outside every feature.
 */

import type { CallSite, CodeFact } from './code-calls.js';
import type { CodePromptCheck } from './code-prompts.js';
import type { SyntaxNode } from './code-walk.js';

/** One file changed by the pull request, with its text on both sides. */
export interface ChangedFile {
  /** Repository-relative, `/`-separated (the head path for renames). */
  path: string;
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** Base path of a renamed file. */
  oldPath?: string;
  /** Text at base; null when added, binary or too large. */
  base: string | null;
  /** Text at head; null when deleted, binary or too large. */
  head: string | null;
  /**
   * Why a side that exists could not be read for the scan (`2,000,000 bytes, over the 1,048,576
   * the scan reads`, `binary content`). Such a file is itself an unpriced change when it could be
   * an AI artifact, env or code file: a model edit must not hide in it.
   */
  unscanned?: string;
  /**
   * The first GATEWAY_SNIFF_BYTES of a YAML head too large to read, so that a LiteLLM config
   * padded past the size limit is still recognised by its `model_list:` key.
   */
  headStart?: string;
}

/** What kind of AI change was found. */
export type UnpricedKind = 'prompt-file' | 'agent-file' | 'model-config' | 'env' | 'code';

/**
 * An AI change outside every feature. Same shape as `UnpricedChangeJson` of the JSON report
 * (`src/report/types.ts`), so it can go into the report as is.
 */
export interface UnpricedChange {
  kind: UnpricedKind;
  file: string;
  /** 1-based head line of the change; null when there is no head line (a deleted file). */
  line: number | null;
  /** One line for people, e.g. `model gpt-4o-mini → gpt-4o in src/reply.py:42 (×16.7 input price)`. */
  summary: string;
  /** New ÷ old input price of a model swap, when the caller's catalog prices both ids. */
  price_ratio: number | null;
  /** One line: the `.aicost.yml` entry (flow YAML) that would cover the change, or what to do. */
  hint: string;
}

/** Input price of `toModelId` ÷ that of `fromModelId`, or null when either is not priced. */
export type PriceRatio = (fromModelId: string, toModelId: string) => number | null;

/** Options of `findUnpricedChanges`. */
export interface UnpricedOptions {
  /** Paths that belong to a feature (prompt/agent files, traffic files, `.aicost.yml`): never reported. */
  mapped: ReadonlySet<string>;
  /** Input-price ratio through the catalog; without it no ratio is shown. */
  priceRatio?: PriceRatio;
  /**
   * Syntax-tree facts of the changed Python, TypeScript and JavaScript files by path
   * (`readCodeFacts`), so that only model ids handed to a model count; a code file without an
   * entry is scanned line by line.
   */
  codeFacts?: ReadonlyMap<string, FileFacts>;
  /** Receives notices, such as a code file read line by line because it could not be parsed. */
  notices?: string[];
  /** Receives the `file#name` code prompts the hints propose, to be checked (`checkCodePrompts`). */
  proposedCodePrompts?: Set<string>;
  /**
   * Checked code prompts (`checkCodePrompts`). A hint proposes a code prompt only when its check
   * found no problem, or when it was not checked at all.
   */
  codePrompts?: ReadonlyMap<string, CodePromptCheck>;
}

/** A parsed file: its tree's root; `delete` frees the tree (web-tree-sitter keeps it in WebAssembly memory). */
export interface ParsedCode {
  root: SyntaxNode;
  /** 1-based line of the first syntax error, or null for a clean parse. */
  firstError: { line: number } | null;
  delete(): void;
}

/**
 * Parses a source file, or gives null when its language is not one the parser reads. May throw
 * (a file too large, a grammar that failed to load): the file is then scanned line by line.
 */
export type CodeParser = (path: string, text: string) => Promise<ParsedCode | null>;

/** What the syntax-tree scan found in both sides of one file, or why it has to be read line by line. */
export type FileFacts = { base: CodeFact[]; head: CodeFact[]; calls: CallSite[] } | { fallback: string };
