/**
 * Lines that read well but cannot be priced once the models are known (a `tier` the model does
 * not offer) become bad lines after reading: listed with file, line and reason, counted against
 * `replay.max_bad_lines` like the lines the reader skipped, instead of stopping the whole run.
 */

import { TrafficError } from '../errors.js';
import type { BadLine, Sample, TrafficSet } from '../types.js';
import { MAX_BAD_LINES_LISTED } from './read.js';

/**
 * `traffic` without the samples `problemOf` finds a reason against (the same object when there
 * are none). Their weight leaves `totalWeight` and their lines join `badLines`, in file and line
 * order. Fails with a TrafficError, naming the file and its first bad lines, when a file's bad
 * lines now exceed the fraction it was read with, or when no sample is left.
 *
 * When the set was sampled, a file's new bad lines are estimated from the kept samples (their
 * share of the file's kept samples times its good lines): the lines not kept were never seen.
 */
export function screenSamples(traffic: TrafficSet, problemOf: (sample: Sample) => string | null): TrafficSet {
  const dropped: BadLine[] = [];
  const droppedOf = new Map<string, number>();
  const keptOf = new Map<string, number>();
  const samples: Sample[] = [];
  let droppedWeight = 0;
  for (const s of traffic.samples) {
    keptOf.set(s.file, (keptOf.get(s.file) ?? 0) + 1);
    const reason = problemOf(s);
    if (reason === null) {
      samples.push(s);
      continue;
    }
    dropped.push({ file: s.file, line: s.line, reason });
    droppedOf.set(s.file, (droppedOf.get(s.file) ?? 0) + 1);
    droppedWeight += s.weight;
  }
  if (dropped.length === 0) return traffic;

  const byPlace = (a: BadLine, b: BadLine) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
  const badLines = [...traffic.badLines, ...dropped].sort(byPlace).slice(0, MAX_BAD_LINES_LISTED);
  const counts = traffic.lineCounts;
  for (const [file, n] of droppedOf) {
    const c = counts?.files[file];
    if (!counts || !c) continue;
    const units = c.units ?? c.lines;
    const good = units - c.bad;
    const bad = c.bad + (traffic.sampled ? (good * n) / keptOf.get(file)! : n);
    if (bad / units > counts.maxBadLines) {
      const first = badLines.filter((b) => b.file === file).slice(0, 3);
      throw new TrafficError(
        `${Math.round(bad)} of ${units} ${c.units === undefined ? 'lines' : 'calls and records'} (${percent(bad / units)}) cannot be used, more than replay.max_bad_lines (${percent(counts.maxBadLines)}). ${bad > 3 ? 'First 3' : 'They are'}: ${first.map((b) => `line ${b.line}: ${b.reason}`).join('; ')}`,
        {
          location: { file, line: first[0]?.line },
          hint: 'Fix or remove these lines, or raise replay.max_bad_lines in .aicost.yml.',
        },
      );
    }
  }
  if (samples.length === 0) {
    throw new TrafficError(
      `no usable samples: every line that could be priced was skipped (first: line ${dropped[0].line}: ${dropped[0].reason})`,
      {
        location: { file: dropped[0].file, line: dropped[0].line },
        hint: 'Fix the lines, or remove traffic: to use a static estimate.',
      },
    );
  }
  const files = counts
    ? (Object.create(null) as Record<string, { lines: number; bad: number; units?: number }>)
    : undefined;
  if (counts && files) {
    for (const [file, c] of Object.entries(counts.files)) {
      const n = droppedOf.get(file) ?? 0;
      files[file] = { ...c, bad: c.bad + n };
    }
  }
  const out: TrafficSet = { ...traffic, samples, totalWeight: traffic.totalWeight - droppedWeight, badLines };
  if (counts && files) out.lineCounts = { maxBadLines: counts.maxBadLines, files };
  return out;
}

/** 0.01 → "1%", 0.0125 → "1.25%". */
function percent(fraction: number): string {
  return `${Math.round(fraction * 10000) / 100}%`;
}
