/**
 * zstd-compressed traffic (the collector file exporter's `compression: zstd`, `.jsonl.zst`): read
 * on a Node that has zstd in node:zlib (22.15+, 23.8+; the tests and the action run on 24) with
 * the same bound as gzip, refused on Node 20 with the Node version it needs.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as zlib from 'node:zlib';
import { TrafficError } from '../../src/errors.js';
import { readTraffic } from '../../src/traffic/index.js';
import { makeRepo, runCli } from '../helpers/run.js';

const zstdCompressSync = (zlib as unknown as { zstdCompressSync: (b: Buffer) => Buffer }).zstdCompressSync;

const line = (i: number) =>
  JSON.stringify({
    v: 1,
    id: `c${i}`,
    model: 'gpt-4o-mini',
    usage: { input_tokens: 1000 + i, cache_read_tokens: 512, output_tokens: 50 + i },
  });
const TEXT = Array.from({ length: 40 }, (_, i) => line(i)).join('\n') + '\n';

const source = (path: string, bytes: Buffer) => ({
  path,
  open: () =>
    (async function* () {
      // Several chunks, as a file stream hands them on.
      for (let i = 0; i < bytes.length; i += 97) yield bytes.subarray(i, i + 97);
    })(),
});
const opts = { maxBadLines: 0, maxSamples: 1000 };

describe('zstd traffic files', () => {
  it('runs on a Node with zstd in node:zlib (the action runs on 24)', () => {
    expect(typeof (zlib as { createZstdDecompress?: unknown }).createZstdDecompress).toBe('function');
  });

  it('reads the same samples from a .zst as from the plain file', async () => {
    const plain = await readTraffic([source('t.jsonl', Buffer.from(TEXT))], opts);
    const zst = await readTraffic([source('t.jsonl.zst', zstdCompressSync(Buffer.from(TEXT)))], opts);
    expect(zst.samples).toHaveLength(40);
    expect(zst.samples).toEqual(plain.samples.map((s) => ({ ...s, file: 't.jsonl.zst' })));
    expect(zst.samples[39]!.usage).toMatchObject({ inputTokens: 1039, cacheReadTokens: 512, outputTokens: 89 });
  });

  it('stops a zstd bomb at the decompressed bound (hostile: 64 KiB of zeros behind a tiny file)', async () => {
    const bomb = zstdCompressSync(Buffer.concat([Buffer.from(TEXT), Buffer.alloc(64 * 1024, 0x20)]));
    expect(bomb.length).toBeLessThan(2048);
    const read = readTraffic([source('bomb.jsonl.zst', bomb)], { ...opts, maxDecompressedBytes: 16 * 1024 });
    await expect(read).rejects.toThrow(TrafficError);
    await expect(read).rejects.toThrow('the file decompresses to more than 16,384 bytes');
  });

  it('names a broken zstd file, and a file compressed twice', async () => {
    const good = zstdCompressSync(Buffer.from(TEXT));
    const broken = good.subarray(0, good.length - 8);
    await expect(readTraffic([source('cut.jsonl.zst', broken)], opts)).rejects.toThrow(
      'the file is not valid zstd: no bytes came out (the file is cut short or corrupt)',
    );
    const twice = zlib.gzipSync(good);
    await expect(readTraffic([source('t.jsonl.zst.gz', twice)], opts)).rejects.toThrow(
      'the file is compressed twice (gzip or zstd inside gzip or zstd)',
    );
  });
});

describe('zstd through the CLI', () => {
  const repo = makeRepo({ 'traffic/calls.jsonl.zst': '' });
  const file = join(repo, 'traffic', 'calls.jsonl.zst');
  writeFileSync(file, zstdCompressSync(Buffer.from(TEXT)));

  it('inspect reads it on Node 24', () => {
    const r = runCli(['traffic', 'inspect', file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Σ(1000 + i) and Σ(50 + i) for i < 40: 40,780 and 2,780.
    expect(r.stdout).toContain('calls: 40\n');
    expect(r.stdout).toContain('tokens: input 40,780 (cache read 20,480, cache write 0), output 2,780');
  });

  it('is refused on Node 20 with the Node version it needs (exit 2, no stack)', () => {
    // tools/node20 (installed by npm ci), else a system Node 20.
    const candidates = [resolve('tools/node20/node_modules/node/bin/node'), '/usr/bin/node', '/usr/local/bin/node'];
    const node20 = candidates.find(
      (p) => existsSync(p) && execFileSync(p, ['--version'], { encoding: 'utf8' }).startsWith('v20.'),
    );
    if (!node20) throw new Error(`no Node 20 at ${candidates.join(', ')}: run npm ci (it installs tools/node20)`);
    const r = runCli(['traffic', 'inspect', file], { node: node20 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `${file}: the file is zstd-compressed, which needs Node 22.15 or later to read (this is Node 20.`,
    );
    expect(r.stderr).toContain('zstd -d FILE');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
