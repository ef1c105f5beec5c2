import { git } from './git.js';

/** Similarity (percent, git's score) from which a new file counts as a copy of a base file that stays. */
export const COPY_MIN_SIMILARITY = 75;

/** How a head file came from a base file. */
export type OriginKind = 'renamed' | 'copied' | 'same';

/** The base file a head file was moved or copied from (or the same path). */
export interface FileOrigin {
  basePath: string;
  how: OriginKind;
}

/**
 * For each of `headPaths` (project-relative), the base file among `basePaths` it is: the same
 * path, or one git's rename and copy detection (`-M -C --find-copies-harder`) pairs it with: a
 * move at git's default 50% similarity, a copy at COPY_MIN_SIMILARITY (identical content always).
 * The diff is limited to these paths, so copy detection stays cheap on a large repository.
 */
export async function fileOrigins(options: {
  gitRoot: string;
  prefix: string;
  baseRev: string;
  headRev: string;
  basePaths: readonly string[];
  headPaths: readonly string[];
}): Promise<Map<string, FileOrigin>> {
  const { prefix, basePaths, headPaths } = options;
  const bases = new Set(basePaths);
  const out = new Map<string, FileOrigin>();
  const ask: string[] = [];
  for (const p of headPaths) {
    if (bases.has(p)) out.set(p, { basePath: p, how: 'same' });
    else ask.push(p);
  }
  if (ask.length === 0 || bases.size === 0) return out;
  const full = (p: string) => (prefix ? `${prefix}/${p}` : p);
  const strip = (p: string) => (prefix && p.startsWith(`${prefix}/`) ? p.slice(prefix.length + 1) : p);
  const specs = [...new Set([...bases, ...ask])].map((p) => `:(literal)${full(p)}`);
  const args = [
    'diff',
    '--name-status',
    '-z',
    '-M',
    '-C',
    '--find-copies-harder',
    '--no-ext-diff',
    '--no-textconv',
    options.baseRev,
    options.headRev,
    '--',
    ...specs,
  ];
  const fields = (await git(options.gitRoot, args))
    .toString('utf8')
    .split('\0')
    .filter((x) => x !== '');
  const wanted = new Set(ask);
  for (let i = 0; i < fields.length;) {
    const code = fields[i++];
    if (code.startsWith('R') || code.startsWith('C')) {
      const from = strip(fields[i++]);
      const to = strip(fields[i++]);
      const copy = code.startsWith('C');
      // A copy leaves its source in place, so a new file that merely shares a prompt file's
      // skeleton must not pass for one: copies need more similarity than moves.
      if (copy && Number(code.slice(1)) < COPY_MIN_SIMILARITY) continue;
      if (wanted.has(to) && bases.has(from) && !out.has(to))
        out.set(to, { basePath: from, how: copy ? 'copied' : 'renamed' });
    } else {
      i++;
    }
  }
  return out;
}
