/**
 * Typed errors. Inner code throws these with actionable text; only the two entries
 * (`src/main.ts`, `src/cli/`) catch them and turn them into a message and an exit code.
 */

/** Where in a file a problem sits. Lines and columns are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** What kind of input failed: decides the wording, never the exit code (always 2). */
export type ErrorKind = 'config' | 'input' | 'model' | 'usage' | 'git' | 'artifact' | 'traffic' | 'report';

/**
 * An error caused by the user's input, config or environment. The message names the file,
 * line and column when known, and ends with what to do (`hint`).
 */
export class AicostError extends Error {
  readonly kind: ErrorKind;
  readonly location?: SourceLocation;
  readonly hint?: string;

  constructor(kind: ErrorKind, message: string, options: { location?: SourceLocation; hint?: string } = {}) {
    super(message);
    this.name = 'AicostError';
    this.kind = kind;
    this.location = options.location;
    this.hint = options.hint;
  }

  /** One line (two with the hint) for stderr or `core.setFailed`: `file:line:col: message`. */
  format(): string {
    const where = formatLocation(this.location);
    const head = where ? `${where}: ${this.message}` : this.message;
    return this.hint ? `${head}\n  ${this.hint}` : head;
  }
}

/** `file:line:column`, leaving out the parts that are unknown. */
export function formatLocation(location?: SourceLocation): string {
  if (!location) return '';
  let s = location.file;
  if (location.line !== undefined) {
    s += `:${location.line}`;
    if (location.column !== undefined) s += `:${location.column}`;
  }
  return s;
}

/** The config file is malformed, has unknown keys or values out of range. */
export class ConfigError extends AicostError {
  constructor(message: string, options: { location?: SourceLocation; hint?: string } = {}) {
    super('config', message, options);
    this.name = 'ConfigError';
  }
}

/** A model id that neither the catalog, `pricing:` nor `models:` can price. Never priced as $0. */
export class UnknownModelError extends AicostError {
  readonly modelId: string;
  readonly suggestions: string[];

  constructor(modelId: string, suggestions: string[], options: { location?: SourceLocation; hint?: string } = {}) {
    const close = suggestions.length ? ` Closest known ids: ${suggestions.join(', ')}.` : '';
    super('model', `unknown model "${modelId}": no price in the catalog or in pricing:.${close}`, {
      location: options.location,
      hint:
        options.hint ??
        `Add an alias under models: (e.g. models: { "${modelId}": openai/gpt-4o }) or a price under pricing: (e.g. pricing: { "${modelId}": { input: 1.0, output: 2.0 } }, USD per 1M tokens).`,
    });
    this.name = 'UnknownModelError';
    this.modelId = modelId;
    this.suggestions = suggestions;
  }
}

/** Traffic samples that cannot be used (too many bad lines, LFS pointers, missing files). */
export class TrafficError extends AicostError {
  constructor(message: string, options: { location?: SourceLocation; hint?: string } = {}) {
    super('traffic', message, options);
    this.name = 'TrafficError';
  }
}

/** A prompt or agent file that cannot be read as its format. */
export class ArtifactError extends AicostError {
  constructor(message: string, options: { location?: SourceLocation; hint?: string } = {}) {
    super('artifact', message, options);
    this.name = 'ArtifactError';
  }
}

/** Reading files from the repository or a revision failed (missing, symlink, binary, outside). */
export class RepoError extends AicostError {
  constructor(message: string, options: { location?: SourceLocation; hint?: string } = {}) {
    super('git', message, options);
    this.name = 'RepoError';
  }
}

/** Bad command-line usage or bad action inputs. */
export class UsageError extends AicostError {
  constructor(message: string, options: { location?: SourceLocation; hint?: string } = {}) {
    super('usage', message, options);
    this.name = 'UsageError';
  }
}

/**
 * A report figure that is not a finite number, or a JSON report that does not match its own
 * schema: refused before it is written, so no Infinity ever prints as $0, ∞ or null.
 */
export class ReportError extends AicostError {
  /** The field, e.g. `features[ticket-summary].head.monthly` or `/features/0/delta/monthly`. */
  readonly field: string;

  constructor(field: string, message: string, options: { location?: SourceLocation; hint?: string } = {}) {
    super('report', message, options);
    this.name = 'ReportError';
    this.field = field;
  }
}
