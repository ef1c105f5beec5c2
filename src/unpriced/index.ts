/**
 * Unpriced changes (policy rule `unpriced_change`): AI changes in a pull request that belong to
 * no feature. An unmapped prompt or agent file, a model id, output cap or loop limit edited in
 * code, a gateway config or an env model variable. Pure: the caller reads the files from git.
 */

import { scanArtifact } from './artifact-scan.js';
import { factsOfFile } from './code-facts.js';
import { scanCode } from './code-scan.js';
import { scanEnv } from './env-scan.js';
import { classifyPath, classifyUnreadYaml } from './paths.js';
import { unscannedChange } from './unscanned.js';
import type { ChangedFile, CodeParser, FileFacts, UnpricedChange, UnpricedOptions } from './types.js';

export type {
  ChangedFile,
  CodeParser,
  FileFacts,
  ParsedCode,
  PriceRatio,
  UnpricedChange,
  UnpricedKind,
  UnpricedOptions,
} from './types.js';
export { looksLikeModelId } from './model-id.js';
export { classifyPath, featureIdFor, GATEWAY_SNIFF_BYTES } from './paths.js';
export type { ArtifactFormat, FileClass } from './paths.js';
export { diffLines, splitLines, MAX_DIFF_LINES, MAX_EDIT_DISTANCE } from './line-diff.js';
export type { ChangeBlock, DiffLine, LineDiff } from './line-diff.js';
export { MAX_SCAN_LINE, codeFeatureId } from './code-scan.js';
export { factsOf } from './code-calls.js';
export type { CallSite, CodeFact, SyntaxNode } from './code-calls.js';
export { unpricedWork } from './work.js';
export { parseChangedCode } from './code-parse.js';
export { callSitesOf } from './code-facts.js';
export { checkCodePrompt, checkCodePrompts, MAX_CODE_PROMPTS_CHECKED } from './code-prompts.js';
export type { CodePromptCheck } from './code-prompts.js';

function normalise(path: string): string {
  return path.replace(/^(?:\.\/)+/, '');
}

function mappedTest(paths: ReadonlySet<string>): (path: string) => boolean {
  const mapped = new Set([...paths].map(normalise));
  return (p) => mapped.has(normalise(p));
}

/** Is `file` a changed source file the scan reads (by path, readable, not deleted, with edits)? */
function scannedAsCode(file: ChangedFile, isMapped: (p: string) => boolean): boolean {
  return (
    !isMapped(file.path) &&
    file.unscanned === undefined &&
    file.status !== 'deleted' &&
    file.head !== null &&
    (file.base !== null || file.status === 'added') &&
    file.base !== file.head &&
    classifyPath(file.path, [file.head, file.base]).type === 'code'
  );
}

/**
 * The syntax-tree facts of the changed source files `findUnpricedChanges` will scan (its
 * `codeFacts` option). `parse` is called only for those files, so a pull request without a changed
 * code file never loads a grammar.
 */
export async function readCodeFacts(
  files: readonly ChangedFile[],
  opts: { mapped: ReadonlySet<string>; parse: CodeParser },
): Promise<Map<string, FileFacts>> {
  const isMapped = mappedTest(opts.mapped);
  const out = new Map<string, FileFacts>();
  for (const file of files) {
    if (!scannedAsCode(file, isMapped)) continue;
    const facts = await factsOfFile(file, opts.parse);
    if (facts) out.set(file.path, facts);
  }
  return out;
}

/**
 * The AI changes among `files` that no feature covers, ordered by file path, then line.
 * Files in `opts.mapped` are never reported; a CrewAI `tasks.yaml` is covered by a mapped
 * `agents.yaml` next to it. Deleted code and env files are not reported (removing a call does not
 * add spend); deleted prompt and agent files are. A changed artifact, env or code file that could
 * not be read (too large, binary) or that has changed lines too long to scan is reported as "not
 * scanned", under the same rule: hiding an edit there must not pass for no edit.
 */
export function findUnpricedChanges(files: readonly ChangedFile[], opts: UnpricedOptions): UnpricedChange[] {
  const isMapped = mappedTest(opts.mapped);
  const out: UnpricedChange[] = [];
  for (const file of files) {
    if (isMapped(file.path)) continue;
    let cls = classifyPath(file.path, [file.head, file.base]);
    if (cls.type === 'none' && file.unscanned !== undefined && file.head === null)
      cls = classifyUnreadYaml(file.path, file.headStart ?? '');
    if (cls.type !== 'none' && file.unscanned !== undefined && file.status !== 'deleted') {
      out.push(unscannedChange(file, cls, file.unscanned));
      continue;
    }
    if (cls.type === 'artifact') {
      if (
        cls.format === 'crewai-tasks' &&
        ['agents.yaml', 'agents.yml'].some((n) => isMapped(file.path.replace(/tasks\.ya?ml$/i, n)))
      )
        continue;
      const oldMapped = file.status === 'renamed' && file.oldPath !== undefined && isMapped(file.oldPath);
      const change = scanArtifact(file, cls.format, cls.kind, opts, oldMapped);
      if (change) out.push(change);
    } else if (file.status !== 'deleted' && file.head !== null && (file.base !== null || file.status === 'added')) {
      if (cls.type === 'env') out.push(...scanEnv(file, opts));
      else if (cls.type === 'code') out.push(...scanCode(file, cls.lang, opts));
    }
  }
  const lineKey = (c: UnpricedChange): number => c.line ?? Number.MAX_SAFE_INTEGER;
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : lineKey(a) - lineKey(b)));
}
