/**
 * The workflow commands the action uses, built on @actions/core's own modules (command,
 * file-command, utils, summary) instead of its index. The index also loads the OIDC client and
 * with it @actions/http-client and undici: ~40 ms of every start of the action (BENCHMARKS.md,
 * cold start), for tokens the action never asks for. The parts that keep untrusted text from
 * becoming a workflow command — escaping of messages and annotation properties, the random
 * delimiter of GITHUB_OUTPUT — stay the library's; what is written here are the index's few lines
 * around them (same names and behaviour, so call sites read as `core.x`).
 *
 * The package's `exports` map (3.0.1) exposes only its index (".": types and import), so no resolver
 * that honours it reaches `@actions/core/lib/*`: tsconfig.json "paths" maps those specifiers to the
 * package's lib/ for tsc and ncc, jest.config.js to the directory Node resolves the package to.
 * tests/github/core-internals.test.ts fails, naming the module, if a version moves one of them,
 * and checks that the action bundle's main chunk holds no undici.
 */
import { EOL } from 'node:os';
import type { AnnotationProperties } from '@actions/core/lib/core.js';
import { issueCommand } from '@actions/core/lib/command.js';
import { issueFileCommand, prepareKeyValueMessage } from '@actions/core/lib/file-command.js';
import { toCommandProperties, toCommandValue } from '@actions/core/lib/utils.js';

export { summary } from '@actions/core/lib/summary.js';
export type { AnnotationProperties };

/** An input's value (`INPUT_<NAME>`), empty when unset; trimmed unless `trimWhitespace: false`. */
export function getInput(name: string, options: { trimWhitespace?: boolean } = {}): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  return options.trimWhitespace === false ? value : value.trim();
}

/** Sets a step output (the GITHUB_OUTPUT file; the old `set-output` command without it). */
export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

/** Registers a secret: the runner masks it in every later log line. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

/** A line of the log. */
export function info(message: string): void {
  process.stdout.write(message + EOL);
}

/** A debug line (shown when the workflow runs with step debug logging). */
export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

/** An error annotation. */
export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}

/** A warning annotation. */
export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}

/** A notice annotation. */
export function notice(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}

/** Fails the step: exit code 1 and the message as an error annotation. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}
