import { UsageError } from '../errors.js';
import { parseTrafficArgs, type TrafficArgs } from './traffic.js';

export type OutputFormat = 'text' | 'markdown' | 'json';

/** Parsed `estimate` arguments. */
export interface EstimateArgs {
  command: 'estimate';
  repo: string;
  rev?: string;
  config: string;
  format: OutputFormat;
  output?: string;
  /** Directory of trusted samples, as given (resolved against the current directory by the entry). */
  trafficDir?: string;
}

/** Parsed `diff` arguments. */
export interface DiffArgs {
  command: 'diff';
  repo: string;
  base?: string;
  head?: string;
  config: string;
  format: OutputFormat;
  output?: string;
  /** Treat the policy override label as applied by an approver. */
  override: boolean;
  /** Add the savings advisor's suggestions (the base side), as the action's Savings section does. */
  suggest: boolean;
  /** Directory of trusted samples, as given (resolved against the current directory by the entry). */
  trafficDir?: string;
}

/** Parsed `suggest` arguments: the same as `estimate` (one revision, default the working tree). */
export interface SuggestArgs extends Omit<EstimateArgs, 'command'> {
  command: 'suggest';
}

/** Parsed `init` arguments. */
export interface InitArgs {
  command: 'init';
  repo: string;
  config: string;
  /** Overwrite an existing config. */
  force: boolean;
}

export type CliArgs =
  | EstimateArgs
  | SuggestArgs
  | DiffArgs
  | TrafficArgs
  | InitArgs
  | { command: 'help'; text?: string }
  | { command: 'version' };

export const USAGE = `Usage:
  aicost diff     [--repo DIR] [--base REV] [--head REV] [--config PATH] [--format text|markdown|json] [--output FILE] [--override]
                  [--traffic-dir DIR] [--suggest]
  aicost estimate [--repo DIR] [--rev REV] [--config PATH] [--format text|markdown|json] [--output FILE] [--traffic-dir DIR]
  aicost suggest  [--repo DIR] [--rev REV] [--config PATH] [--format text|markdown|json] [--output FILE] [--traffic-dir DIR]
  aicost traffic  convert|inspect [--from FORMAT] [--where FIELD=VALUE …] [--max-samples N] IN…
  aicost init     [--repo DIR] [--config PATH] [--force]

  diff       What a change costs: every feature priced at base and head on the same samples.
  estimate   Price every feature of .aicost.yml at one revision (default: the working tree).
  suggest    Where to save: each feature replayed on cheaper models (with eval evidence), caching,
             batch and output caps; never fails a check.
  traffic    Convert an export (OpenTelemetry …) to traffic JSONL, or inspect it (aicost traffic --help).
  init       Write a first .aicost.yml: one feature per prompt file or agent definition found.

Options:
  --repo DIR        a directory inside the project (default: the current directory)
  --base REV        diff: the revision to compare with (default: merge-base with origin/HEAD,
                    origin/main or origin/master)
  --head REV        diff: the revision of the change (default: HEAD)
  --rev REV         estimate, suggest: read a commit from git objects instead of the working tree
  --config PATH     config file, relative to the project root (default: .aicost.yml)
  --format FORMAT   text (default), markdown or json
  --output FILE     write the report to FILE instead of stdout
  --override        diff: failing policies become warnings, as the override label does
  --suggest         diff: add the savings advisor's suggestions (Savings section, never the verdict)
  --force           init: overwrite an existing config
  --traffic-dir DIR trusted samples on disk: each feature's traffic: paths are looked up in DIR
                    first; features with no file there read the repository's samples
  -h, --help        show this help
  --version         print the version

Exit codes: 0 ran; 1 a policy fails; 2 bad usage, config or input.`;

const FLAGS: Record<string, readonly string[]> = {
  estimate: ['--repo', '--rev', '--config', '--format', '--output', '--traffic-dir'],
  suggest: ['--repo', '--rev', '--config', '--format', '--output', '--traffic-dir'],
  diff: ['--repo', '--base', '--head', '--config', '--format', '--output', '--override', '--traffic-dir', '--suggest'],
  init: ['--repo', '--config', '--force'],
};

const BOOLEAN_FLAGS = new Set(['--override', '--force', '--suggest']);

/** Parse argv (without node and script). Throws UsageError with the usage text as hint. */
export function parseArgs(argv: string[]): CliArgs {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version') return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === 'traffic') return parseTrafficArgs(rest);
  if (!(command in FLAGS)) {
    throw new UsageError(`unknown command "${command}"`, { hint: 'Run `aicost --help` for the commands.' });
  }
  const values: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '-h' || a === '--help') return { command: 'help' };
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (BOOLEAN_FLAGS.has(flag) && FLAGS[command].includes(flag)) {
      if (eq > 0) throw new UsageError(`option ${flag} takes no value`);
      if (flag in values) throw new UsageError(`option ${flag} is given twice`);
      values[flag] = 'true';
      continue;
    }
    if (!FLAGS[command].includes(flag)) {
      throw new UsageError(`unknown option "${flag}" for ${command}`, {
        hint: `Options of ${command}: ${FLAGS[command].join(', ')}.`,
      });
    }
    let value: string | undefined = eq > 0 ? a.slice(eq + 1) : rest[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`option ${flag} needs a value`);
    value = value.trim();
    // An empty value is never meant: `--rev ""` would otherwise read the working tree, `--repo ""`
    // the current directory and `--output ""` stdout, each without a word.
    if (value === '')
      throw new UsageError(`option ${flag} is given an empty value`, {
        hint: `Give ${flag} a value, or leave the option out for its default.`,
      });
    if (flag in values) throw new UsageError(`option ${flag} is given twice`);
    values[flag] = value;
  }
  const format = (values['--format'] ?? 'text') as OutputFormat;
  if (!['text', 'markdown', 'json'].includes(format)) {
    throw new UsageError(`--format must be text, markdown or json, not "${format}"`);
  }
  if (command === 'init') {
    return {
      command: 'init',
      repo: values['--repo'] ?? '.',
      config: values['--config'] ?? '.aicost.yml',
      force: values['--force'] === 'true',
    };
  }
  if (command === 'diff') {
    return {
      command: 'diff',
      repo: values['--repo'] ?? '.',
      base: values['--base'],
      head: values['--head'],
      config: values['--config'] ?? '.aicost.yml',
      format,
      output: values['--output'],
      override: values['--override'] === 'true',
      suggest: values['--suggest'] === 'true',
      trafficDir: values['--traffic-dir'],
    };
  }
  return {
    command: command === 'suggest' ? 'suggest' : 'estimate',
    repo: values['--repo'] ?? '.',
    rev: values['--rev'],
    config: values['--config'] ?? '.aicost.yml',
    format,
    output: values['--output'],
    trafficDir: values['--traffic-dir'],
  };
}
