#!/usr/bin/env node
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { AicostError } from '../errors.js';
import { runDiff, runEstimate } from '../run/index.js';
import { parseArgs, USAGE, type DiffArgs, type EstimateArgs } from './args.js';
import { writeReport } from './output.js';
import { VERSION } from '../version.js';
import { readTraffic, sampleToLine } from '../traffic/index.js';
import type { TrafficArgs } from './traffic.js';

/** Exit codes of the CLI (design: 0 ran, 1 a violation fails, 2 bad usage or input). */
const EXIT_OK = 0;
const EXIT_BREACHED = 1;
const EXIT_BAD_INPUT = 2;

async function estimate(args: EstimateArgs): Promise<number> {
  const { report } = await runEstimate({
    repo: args.repo,
    rev: args.rev,
    config: args.config,
    trafficDir: args.trafficDir ? resolve(args.trafficDir) : undefined,
  });
  await writeReport(args, report, (r) => ({ markdown: r.estimateMarkdown, text: r.estimateText }));
  return EXIT_OK;
}

async function diff(args: DiffArgs): Promise<number> {
  const { report } = await runDiff({
    repo: args.repo,
    base: args.base,
    head: args.head,
    config: args.config,
    override: args.override ? { applied: true } : undefined,
    trafficDir: args.trafficDir ? resolve(args.trafficDir) : undefined,
    advise: args.suggest,
  });
  await writeReport(args, report, (r) => ({ markdown: r.diffMarkdown, text: r.diffText }));
  return report.breached ? EXIT_BREACHED : EXIT_OK;
}

/** `aicost traffic convert|inspect`: the files are opened here; reading and printing are pure. */
async function traffic(args: TrafficArgs): Promise<number> {
  const { inspectText, TrafficStats } = await import('./traffic.js');
  const stats = new TrafficStats();
  const where = Object.keys(args.where).length ? args.where : undefined;
  const set = await readTraffic(
    args.inputs.map((path) => ({
      path,
      open: () => createReadStream(path),
      format: args.from,
      ...(where ? { where } : {}),
    })),
    {
      maxBadLines: args.maxBadLines,
      maxSamples: args.action === 'convert' ? args.maxSamples : 1,
      onSample: (s) => stats.add(s),
    },
  );
  if (args.action === 'inspect') {
    process.stdout.write(inspectText(set, stats));
    return EXIT_OK;
  }
  const out = set.samples.map((s) => JSON.stringify(sampleToLine(s))).join('\n');
  process.stdout.write(out ? `${out}\n` : '');
  const skipped = Object.entries(set.skipped ?? {}).map(([r, k]) => `${k} ${r}`);
  process.stderr.write(
    `aicost: wrote ${set.samples.length} of ${stats.calls} calls${set.sampled ? ' (a deterministic sample by whole traces, weights scaled to the total)' : ''}; ${set.badLines.length} unreadable records${skipped.length ? `; skipped ${skipped.join('; ')}` : ''}\n`,
  );
  return EXIT_OK;
}

/** The CLI entry: the only place (with src/main.ts) that catches errors and picks exit codes. */
async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      process.stdout.write((args.text ?? USAGE) + '\n');
      return EXIT_OK;
    }
    if (args.command === 'version') {
      process.stdout.write(`aicost ${VERSION}\n`);
      return EXIT_OK;
    }
    if (args.command === 'diff') return await diff(args);
    if (args.command === 'traffic') return await traffic(args);
    // The commands other than estimate and diff load their modules when run (separate chunks).
    if (args.command === 'suggest') return await (await import('./suggest.js')).suggest(args);
    if (args.command === 'init') {
      const { runInit } = await import('./init.js');
      process.stdout.write(`${(await runInit(args)).join('\n')}\n`);
      return EXIT_OK;
    }
    return await estimate(args);
  } catch (error) {
    if (error instanceof AicostError) {
      process.stderr.write(`aicost: ${error.format()}\n`);
      return EXIT_BAD_INPUT;
    }
    // A bug, not bad input: say so without a stack trace unless asked for one.
    const msg = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `aicost: internal error: ${msg}\n  This is a bug in aicost; rerun with AICOST_DEBUG=1 for details and report it.\n`,
    );
    if (process.env.AICOST_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return EXIT_BAD_INPUT;
  }
}

process.exitCode = await main(process.argv.slice(2));
