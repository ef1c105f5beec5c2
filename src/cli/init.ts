/**
 * `aicost init`: list the repository's files, propose one feature per artifact aicost reads
 * (src/init/), write `.aicost.yml` (never over an existing one without --force), say what it
 * found and could not map, and end with the next command to run.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { loadDiscovery, PLACEHOLDER_VOLUME, type RepoFile } from '../init/index.js';
import { WorkingTreeReader } from '../repo/index.js';
import { callSitesOf, checkCodePrompts, classifyPath, parseChangedCode, type CallSite } from '../unpriced/index.js';
import type { InitArgs } from './args.js';

/** Folders never read: dependencies, builds, VCS data. */
const SKIP_DIRS = new Set(['.git', 'node_modules', 'dist', 'build', '.venv', 'venv', '__pycache__', 'vendor']);
/** Files larger than this are listed without their text. */
const MAX_FILE_BYTES = 1024 * 1024;
/** At most this many files are looked at (a monorepo's first 20,000 in path order). */
const MAX_FILES = 20_000;

/** The repository's files under `root`, relative paths with `/`, texts of files up to 1 MiB. */
export function listFiles(root: string): RepoFile[] {
  const out: RepoFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (out.length >= MAX_FILES) return;
      const full = join(dir, name);
      const st = lstatSync(full);
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(full);
      } else if (st.isFile()) {
        const path = relative(root, full).split(sep).join('/');
        out.push({ path, text: st.size <= MAX_FILE_BYTES ? readFileSync(full, 'utf8') : null });
      }
    }
  };
  walk(root);
  return out;
}

/** Code that may call a model SDK: only these files are parsed (the grammars load for the first). */
const MAY_CALL =
  /\b(?:create|stream|parse|a?completion|generate_content(?:_async)?|generateContent(?:Stream)?|generateText|streamText|generateObject|streamObject)\s*\(/;

/** The SDK call sites of the repository's source files, by path. */
async function codeCalls(files: readonly RepoFile[]): Promise<Map<string, CallSite[]>> {
  const out = new Map<string, CallSite[]>();
  for (const f of files) {
    if (f.text === null || !MAY_CALL.test(f.text) || classifyPath(f.path).type !== 'code') continue;
    const calls = await callSitesOf(f.path, f.text, parseChangedCode);
    if (calls?.length) out.set(f.path, calls);
  }
  return out;
}

/** Run init; returns the lines to print. */
export async function runInit(args: InitArgs): Promise<string[]> {
  const root = resolve(args.repo);
  const target = resolve(root, args.config);
  if (existsSync(target) && !args.force) {
    throw new UsageError(`${args.config} already exists in ${root}: init never overwrites it`, {
      hint: 'Run `aicost estimate` to price it, or `aicost init --force` to replace it.',
    });
  }
  const files = listFiles(root);
  const calls = await codeCalls(files);
  const refs = [...calls].flatMap(([path, sites]) => sites.map((c) => `${path}#${c.holder}`));
  const checks = await checkCodePrompts(new Set(refs), new WorkingTreeReader(root));
  const { discoverFeatures, initConfigText } = await loadDiscovery();
  const found = discoverFeatures(files, calls, checks);
  if (found.features.length === 0) {
    throw new UsageError(`no prompt file, agent definition or model call found under ${root}`, {
      hint: 'aicost reads prompt files (*.prompt.yml, *.prompty, *.prompt, prompts/*.md), agent definitions and SDK calls in named Python/TypeScript/JavaScript functions; add one, then run init again.',
    });
  }
  writeFileSync(target, initConfigText(found));
  const lines = [`Wrote ${args.config} with ${found.features.length} feature(s), team "default":`];
  for (const f of found.features)
    lines.push(
      `  ${f.id}: ${f.key} ${f.path}${f.placeholderModel ? `, model ${f.placeholderModel} (PLACEHOLDER: the call's model is not a literal; set it)` : ''}${f.placeholderOutput ? `, typical_output_tokens ${f.placeholderOutput} (PLACEHOLDER: the call sets no max tokens)` : ''}, ${f.traffic ? `traffic ${f.traffic}` : `requests_per_month ${PLACEHOLDER_VOLUME} (PLACEHOLDER: set the real volume)`}`,
    );
  if (found.unmapped.length) {
    lines.push('Found but not mapped:');
    for (const u of found.unmapped) lines.push(`  ${u.path}: ${u.why}`);
  }
  const counts: [number, string][] = [
    [found.features.filter((f) => !f.traffic).length, 'volume(s)'],
    [found.features.filter((f) => f.placeholderModel).length, 'model(s)'],
    [found.features.filter((f) => f.placeholderOutput).length, 'typical output size(s)'],
  ];
  const fill = counts.filter(([n]) => n > 0).map(([n, what]) => `${n} PLACEHOLDER ${what}`);
  if (fill.length) lines.push(`Fill in: ${fill.join(', ')} in ${args.config}; add teams, budgets and owners.`);
  lines.push(`Next: aicost estimate --repo ${args.repo}`);
  return lines;
}
