import type { Readable } from 'node:stream';

/** The largest artifact or config file read as text. Traffic is streamed and has no limit. */
export const MAX_TEXT_BYTES = 1024 * 1024;

/**
 * Why `path` is not a readable file at a revision, for "… at head" messages: a committed link is
 * named as one, not as a missing file.
 */
export async function absentReason(
  reader: Pick<RevisionReader, 'isLink'>,
  path: string,
  where: string,
): Promise<string> {
  return (await reader.isLink(path))
    ? `is a symbolic link at ${where}; aicost does not follow links`
    : `does not exist at ${where}`;
}

/**
 * Files of one revision of the repository (or its working tree). Paths are relative to the
 * project root (the directory holding the config). Implementations refuse symlinks, paths
 * outside the root and binary files with a RepoError.
 */
export interface RevisionReader {
  /** `working tree` or the full commit SHA. */
  readonly label: string;
  /** The full commit SHA, or null for the working tree. */
  readonly rev: string | null;
  /** True when a regular file exists at `path`. Symlinks count as absent (see `skipped`). */
  exists(path: string): Promise<boolean>;
  /** The file as UTF-8 text; refuses files over `maxBytes` (default 1 MiB), binaries, symlinks. */
  readText(path: string, maxBytes?: number): Promise<string>;
  /** Stream a file's bytes (traffic); refuses symlinks and paths outside the root. */
  open(path: string): Promise<Readable>;
  /** Every regular file below the root, sorted; symlinks are left out and listed in `skipped`. */
  list(): Promise<string[]>;
  /** Paths that were left out because they are symlinks. */
  skipped(): string[];
  /** True when `path` is a symbolic link (which `exists` counts as absent). */
  isLink(path: string): Promise<boolean>;
  /** Committer date of the revision (for the working tree: of HEAD), or null outside git. */
  commitDate(): Promise<Date | null>;
  /** Release processes and handles. */
  close(): void;
}
