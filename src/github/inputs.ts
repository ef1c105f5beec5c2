/**
 * The action's inputs, read once into a typed, frozen object. Every bad value is a UsageError
 * that names the input and the values it accepts, before any work starts.
 */
import * as core from './core.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';

/** Input names as written in action.yml. */
export const Inputs = {
  GithubToken: 'github-token',
  Config: 'config',
  WorkingDirectory: 'working-directory',
  BaseRef: 'base-ref',
  HeadRef: 'head-ref',
  Comment: 'comment',
  CommentTag: 'comment-tag',
  CommentThreshold: 'comment-threshold',
  FailOnBreach: 'fail-on-breach',
  TrafficDir: 'traffic-dir',
  Mode: 'mode',
  ReportPath: 'report-path',
  TimeBudgetMinutes: 'time-budget-minutes',
  Savings: 'savings',
} as const;

/** Default and largest `time-budget-minutes` (GitHub ends a job at 6 hours anyway). */
export const TIME_BUDGET_MINUTES = { default: 15, max: 360 } as const;

/** How the sticky comment is delivered (infracost's behaviours, plus `off`). */
export type CommentMode = 'update' | 'new' | 'hide-and-new' | 'delete-and-new' | 'off';

/** `run` prices the repository; `comment-from-report` is stage 2 of the fork recipe. */
export type ActionMode = 'run' | 'comment-from-report';

const COMMENT_MODES: readonly CommentMode[] = ['update', 'new', 'hide-and-new', 'delete-and-new', 'off'];
const ACTION_MODES: readonly ActionMode[] = ['run', 'comment-from-report'];

/** The parsed inputs. Paths are absolute and inside the workspace. */
export interface ActionInputs {
  readonly token: string;
  /** Config path relative to the project root (as the CLI's --config). */
  readonly config: string;
  /** Absolute path of `working-directory`, inside GITHUB_WORKSPACE. */
  readonly workingDirectory: string;
  /** `working-directory` relative to the workspace ('' when it is the workspace). */
  readonly workingDirectoryRelative: string;
  readonly baseRef?: string;
  readonly headRef?: string;
  readonly comment: CommentMode;
  /** The raw tag; the marker uses a sanitised form (see comment.ts). */
  readonly commentTag: string;
  /** USD; 0 comments on every change. */
  readonly commentThreshold: number;
  readonly failOnBreach: boolean;
  /** Absolute path of `traffic-dir`, inside the workspace, when given. */
  readonly trafficDir?: string;
  readonly mode: ActionMode;
  /** Absolute path of the report file read by `comment-from-report`. */
  readonly reportPath: string;
  /** Minutes after which the action stops and fails, naming the stage it was in. */
  readonly timeBudgetMinutes: number;
  /**
   * Run the savings advisor (the Savings section). It replays each feature on its candidate models,
   * which can take several times the diff itself on a large repository; `false` skips it.
   */
  readonly savings: boolean;
}

/** Reads one input; the environment is the runner's `INPUT_<NAME>` (hyphens kept). */
type InputReader = (name: string) => string;

/**
 * Only ASCII blanks are trimmed: `core.getInput` would also strip U+FEFF and U+00A0, which can
 * turn a look-alike value into a valid one (actions/checkout trims refs the same way for that
 * reason).
 */
function asciiTrim(s: string): string {
  return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

const defaultReader: InputReader = (name) => core.getInput(name, { trimWhitespace: false });

/** `core.getBooleanInput`'s accepted spellings, with the action.yml default when empty. */
function booleanInput(read: InputReader, name: string, fallback: boolean): boolean {
  const v = read(name);
  if (v === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new UsageError(`input ${name} must be true or false, not "${clipValue(v)}"`, {
    hint: `Write ${name}: true or ${name}: false (YAML 1.2 core schema: true | True | TRUE | false | False | FALSE).`,
  });
}

function enumInput<T extends string>(read: InputReader, name: string, allowed: readonly T[], fallback: T): T {
  const v = read(name);
  if (v === '') return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`input ${name} must be one of ${allowed.join(' | ')}, not "${clipValue(v)}"`, {
    hint: `Write ${name}: ${fallback} (the default) or another of the listed values.`,
  });
}

function usdInput(read: InputReader, name: string): number {
  const v = read(name);
  if (v === '') return 0;
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || n < 0) {
    throw new UsageError(`input ${name} must be a non-negative number of USD, not "${clipValue(v)}"`, {
      hint: `Write e.g. ${name}: 25 to comment only when the monthly cost moves by $25 or more (0 comments on every change).`,
    });
  }
  return n;
}

function minutesInput(read: InputReader, name: string): number {
  const v = read(name);
  if (v === '') return TIME_BUDGET_MINUTES.default;
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0 || n > TIME_BUDGET_MINUTES.max) {
    throw new UsageError(
      `input ${name} must be a number of minutes above 0 and at most ${TIME_BUDGET_MINUTES.max}, not "${clipValue(v)}"`,
      {
        hint: `Write e.g. ${name}: ${TIME_BUDGET_MINUTES.default} (the default); fractions such as 0.5 are allowed.`,
      },
    );
  }
  return n;
}

/** Values are echoed in messages; keep them short and on one line. */
function clipValue(v: string): string {
  const line = v.replace(/[\r\n]+/g, ' ');
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/**
 * A path input resolved against `root`; it must stay inside it, as actions/checkout confines
 * its `path` (a `..` or an absolute path elsewhere is refused, not followed).
 */
export function confinedPath(root: string, value: string, name: string, rootName = 'the workspace'): string {
  const abs = resolve(root, value);
  const rel = relative(root, abs);
  if (rel === '') return abs;
  if (rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    throw new UsageError(`input ${name} ("${clipValue(value)}") resolves to ${abs}, outside ${rootName} ${root}`, {
      hint: `Give ${name} relative to ${rootName}, without ..`,
    });
  }
  return abs;
}

/**
 * Parse every input once. `env` supplies GITHUB_WORKSPACE (the current directory when absent,
 * for local runs); `read` is replaceable for tests.
 */
export function readInputs(env: NodeJS.ProcessEnv = process.env, rawRead: InputReader = defaultReader): ActionInputs {
  const read: InputReader = (name) => asciiTrim(rawRead(name));
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const workingDirectory = confinedPath(
    workspace,
    read(Inputs.WorkingDirectory) || '.',
    Inputs.WorkingDirectory,
    'the workspace (GITHUB_WORKSPACE)',
  );
  const config = read(Inputs.Config) || '.aicost.yml';
  if (isAbsolute(config) || config.split(/[\\/]/).includes('..')) {
    throw new UsageError(`input config must be a path inside the project, not "${clipValue(config)}"`, {
      hint: 'Give the config path relative to working-directory, e.g. config: .aicost.yml.',
    });
  }
  const trafficDirRaw = read(Inputs.TrafficDir);
  const ref = (name: string): string | undefined => {
    const v = read(name);
    if (v === '') return undefined;
    // A ref that starts with '-' would be read by git as an option.
    if (v.startsWith('-') || /\s/.test(v)) {
      throw new UsageError(`input ${name} is not a revision: "${clipValue(v)}"`, {
        hint: `Give ${name} a branch, tag or commit SHA.`,
      });
    }
    return v;
  };
  const inputs: ActionInputs = {
    token: read(Inputs.GithubToken),
    config,
    workingDirectory,
    workingDirectoryRelative: relative(workspace, workingDirectory).split(sep).join('/'),
    baseRef: ref(Inputs.BaseRef),
    headRef: ref(Inputs.HeadRef),
    comment: enumInput(read, Inputs.Comment, COMMENT_MODES, 'update'),
    commentTag: read(Inputs.CommentTag),
    commentThreshold: usdInput(read, Inputs.CommentThreshold),
    failOnBreach: booleanInput(read, Inputs.FailOnBreach, true),
    trafficDir: trafficDirRaw ? confinedPath(workspace, trafficDirRaw, Inputs.TrafficDir) : undefined,
    mode: enumInput(read, Inputs.Mode, ACTION_MODES, 'run'),
    reportPath: confinedPath(
      workingDirectory,
      read(Inputs.ReportPath) || 'aicost-report.json',
      Inputs.ReportPath,
      'working-directory',
    ),
    timeBudgetMinutes: minutesInput(read, Inputs.TimeBudgetMinutes),
    savings: booleanInput(read, Inputs.Savings, true),
  };
  return Object.freeze(inputs);
}
