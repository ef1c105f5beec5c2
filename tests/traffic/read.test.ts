import { describe, it, expect } from '@jest/globals';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { readTraffic } from '../../src/traffic/read.js';
import type { TrafficSource } from '../../src/traffic/read.js';
import { TrafficError } from '../../src/errors.js';

const EXAMPLE = new URL('./fixtures/samples.normalized.jsonl', import.meta.url).pathname;
const OPTS = { maxBadLines: 0.01, maxSamples: 20_000 };

/** A source streaming `content` in chunks of `chunkSize` bytes (to cross line boundaries). */
function source(path: string, content: string | Buffer, chunkSize = 1 << 16): TrafficSource {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    path,
    open: async function* () {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    },
  };
}

const good = (i: number): string =>
  JSON.stringify({ id: `s${i}`, usage: { input_tokens: 100 + i, output_tokens: i % 50 } });

async function traffic(err: Promise<unknown>): Promise<TrafficError> {
  try {
    await err;
  } catch (e) {
    expect(e).toBeInstanceOf(TrafficError);
    return e as TrafficError;
  }
  throw new Error('expected a TrafficError');
}

describe('readTraffic: the reference example', () => {
  it('reads every line of samples.normalized.jsonl', async () => {
    const set = await readTraffic(
      [{ path: 'traffic/samples.normalized.jsonl', open: () => createReadStream(EXAMPLE) }],
      OPTS,
    );
    expect(set.totalLines).toBe(12);
    expect(set.badLines).toEqual([]);
    expect(set.sampled).toBe(false);
    expect(set.samples.map((s) => s.id)).toEqual([
      'oa-7f1c',
      'oa-7f1d',
      'oa-7f1e',
      'oa-9a02',
      'an-b771',
      'an-b772',
      't1-s0',
      't1-s1',
      't1-s2',
      'cc-01',
      'gg-51',
      'em-02',
    ]);
    // 250 + 40 + 3 + 12 + 1200 + 1 + 1 + 1 + 1 + 1 + 75 + 5000
    expect(set.totalWeight).toBe(6585);
    expect(set.firstTs).toBe(1748855643000); // 2025-06-02T09:14:03Z
    expect(set.lastTs).toBe(1748952300000); // 2025-06-03T12:05:00Z
    expect(set.samples[0]).toEqual({
      id: 'oa-7f1c',
      file: 'traffic/samples.normalized.jsonl',
      line: 1,
      ts: 1748855643000,
      promptRef: 'prompts/support-triage.prompt.yml',
      model: 'gpt-4.1-mini',
      responseModel: 'gpt-4.1-mini-2025-04-14',
      provider: 'openai',
      api: 'chat',
      vars: { product: 'Acme Invoicing', tier: 'pro', ticket_body: 'Export to CSV drops the VAT column.' },
      params: { maxTokens: 400, temperature: 0.2 },
      usage: {
        inputTokens: 612,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        cacheWrite1hTokens: 0,
        outputTokens: 141,
        reasoningTokens: 0,
      },
      status: 'ok',
      tier: 'batch',
      weight: 250,
      source: 'openai-batch',
    });
    // The redacted system message is kept as a message without text.
    expect(set.samples[1]!.messages).toEqual([
      { role: 'system', content: null },
      { role: 'user', content: 'Customer plan: enterprise ...' },
    ]);
    expect(set.samples[5]!.usage).toEqual({
      inputTokens: 5206,
      cacheReadTokens: 0,
      cacheWriteTokens: 1200,
      cacheWrite1hTokens: 4000,
      outputTokens: 412,
      reasoningTokens: 0,
    });
    expect(set.samples.filter((s) => s.traceId === 't-001').map((s) => s.step)).toEqual([0, 1, 2]);
    expect(set.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('readTraffic: line handling', () => {
  it('CRLF endings, a UTF-8 BOM, blank lines and a last line without newline', async () => {
    const content = `\uFEFF${good(1)}\r\n${good(2)}\r\n\r\n   \r\n${good(4)}`;
    for (const chunk of [1, 3, 64]) {
      const set = await readTraffic([source('t.jsonl', content, chunk)], OPTS);
      expect(set.samples.map((s) => [s.id, s.line])).toEqual([
        ['s1', 1],
        ['s2', 2],
        ['s4', 5],
      ]);
      expect(set.totalLines).toBe(3);
      expect(set.badLines).toEqual([]);
    }
  });

  it('hashes every byte (sha256 of the file, as sha256sum prints it)', async () => {
    const set = await readTraffic([source('t.jsonl', '{"usage":{"input_tokens":1,"output_tokens":1}}\n', 5)], OPTS);
    expect(set.sha256).toBe('b70d5dca577424f5c6d598bebdb67704fe3ef760ae887486580dc7d7d73147b1');
  });

  it('a line over maxLineBytes is a bad line and the next line reads normally', async () => {
    const long = JSON.stringify({ vars: { text: 'x'.repeat(500) }, usage: { output_tokens: 1 } });
    const content = [good(1), long, good(3)].join('\n') + '\n';
    for (const chunk of [7, 1 << 16]) {
      const set = await readTraffic([source('big.jsonl', content, chunk)], {
        maxBadLines: 0.5,
        maxSamples: 10,
        maxLineBytes: 100,
      });
      expect(set.samples.map((s) => s.id)).toEqual(['s1', 's3']);
      expect(set.badLines).toEqual([{ file: 'big.jsonl', line: 2, reason: 'is longer than 100 bytes' }]);
      expect(set.totalLines).toBe(3);
    }
  });

  it('a line that is not UTF-8 is a bad line', async () => {
    const content = Buffer.concat([
      Buffer.from(`${good(1)}\n{"id":"`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`","usage":{"input_tokens":1,"output_tokens":1}}\n${good(3)}\n`),
    ]);
    const set = await readTraffic([source('u.jsonl', content)], { maxBadLines: 0.5, maxSamples: 10 });
    expect(set.badLines).toEqual([{ file: 'u.jsonl', line: 2, reason: 'is not valid UTF-8' }]);
    expect(set.samples.map((s) => s.id)).toEqual(['s1', 's3']);
  });

  it('reads files in path order whatever order they are given in; default ids and feature', async () => {
    const a = source('traffic/a.jsonl', '{"usage":{"input_tokens":1,"output_tokens":1}}\n');
    const b = source('traffic/b.jsonl', '{"usage":{"input_tokens":2,"output_tokens":2}}\n');
    const set1 = await readTraffic([b, a], { ...OPTS, defaultFeature: 'summaries' });
    const set2 = await readTraffic([a, b], { ...OPTS, defaultFeature: 'summaries' });
    expect(set1.paths).toEqual(['traffic/a.jsonl', 'traffic/b.jsonl']);
    expect(set1.samples.map((s) => [s.id, s.feature])).toEqual([
      ['traffic/a.jsonl:1', 'summaries'],
      ['traffic/b.jsonl:1', 'summaries'],
    ]);
    expect(set1.sha256).toBe(set2.sha256);
    expect(set1.firstTs).toBeUndefined();
  });
});

describe('readTraffic: bad lines', () => {
  const thousand = (badAt: Map<number, string>): string => {
    const lines: string[] = [];
    for (let i = 1; i <= 1000; i++) lines.push(badAt.get(i) ?? good(i));
    return lines.join('\n') + '\n';
  };

  it('3 bad lines in 1,000 are skipped and reported with file and line', async () => {
    const content = thousand(
      new Map([
        [10, '{"id":"s10","usage":{"input_tokens":5}}'],
        [500, '{"id":"s500",'],
        [999, '{"id":"s999","weight":-1,"usage":{"input_tokens":5,"output_tokens":1}}'],
      ]),
    );
    const set = await readTraffic([source('traffic/support.jsonl', content, 4096)], OPTS);
    expect(set.totalLines).toBe(1000);
    expect(set.samples).toHaveLength(997);
    expect(set.badLines).toEqual([
      { file: 'traffic/support.jsonl', line: 10, reason: 'usage.output_tokens is missing' },
      { file: 'traffic/support.jsonl', line: 500, reason: 'is not valid JSON (error at character 14)' },
      { file: 'traffic/support.jsonl', line: 999, reason: 'weight must be a number above 0 (found -1)' },
    ]);
    expect(set.samples.map((s) => s.id)).not.toContain('s10');
    expect(set.totalWeight).toBe(997);
  });

  it('30 bad lines in 1,000 with max_bad_lines 1% → a TrafficError naming the file and the first lines', async () => {
    const bad = new Map<number, string>();
    for (let i = 0; i < 30; i++) bad.set(7 + i * 31, '{"usage":{"input_tokens":5}}');
    const e = await traffic(readTraffic([source('traffic/support.jsonl', thousand(bad))], OPTS));
    expect(e.format().split('\n')[0]).toBe(
      'traffic/support.jsonl:7: 30 of 1000 lines (3%) cannot be used, more than replay.max_bad_lines (1%). First 3: line 7: usage.output_tokens is missing; line 38: usage.output_tokens is missing; line 69: usage.output_tokens is missing',
    );
    expect(e.location).toEqual({ file: 'traffic/support.jsonl', line: 7 });
    expect(e.hint).toContain('raise replay.max_bad_lines');
    expect(e.kind).toBe('traffic');
  });

  it('exactly at the limit passes (10 of 1,000 at 1%)', async () => {
    const bad = new Map<number, string>();
    for (let i = 1; i <= 10; i++) bad.set(i * 90, 'nope');
    const set = await readTraffic([source('t.jsonl', thousand(bad))], OPTS);
    expect(set.badLines).toHaveLength(10);
    expect(set.samples).toHaveLength(990);
  });
});

describe('readTraffic: files that are not samples', () => {
  it('a Git LFS pointer', async () => {
    const pointer =
      'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';
    const e = await traffic(readTraffic([source('traffic/big.jsonl', pointer)], OPTS));
    expect(e.format().split('\n')[0]).toBe('traffic/big.jsonl:1: the file is a Git LFS pointer, not the samples');
    expect(e.hint).toBe('Fetch LFS objects (actions/checkout with lfs: true) or commit the samples without LFS.');
    expect(e.location).toEqual({ file: 'traffic/big.jsonl', line: 1 });
  });

  it('a binary file (NUL byte) and a gzip file', async () => {
    const e1 = await traffic(readTraffic([source('t.bin', Buffer.from([0, 1, 2, 10, 65]))], OPTS));
    expect(e1.format().split('\n')[0]).toBe('t.bin: the file is binary (it contains NUL bytes), not JSON lines');
    const e2 = await traffic(readTraffic([source('t.jsonl.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]))], OPTS));
    expect(e2.format().split('\n')[0]).toMatch(/^t\.jsonl\.gz: the file is not valid gzip: /);
  });

  it('an empty file, a blank file, a file with no good line', async () => {
    expect((await traffic(readTraffic([source('e.jsonl', '')], OPTS))).format().split('\n')[0]).toBe(
      'e.jsonl: the file is empty: no samples to replay',
    );
    expect((await traffic(readTraffic([source('e.jsonl', '\n  \r\n\n')], OPTS))).format().split('\n')[0]).toBe(
      'e.jsonl: the file is empty: no samples to replay',
    );
    const e = await traffic(
      readTraffic([source('n.jsonl', '{"usage":{"output_tokens":1}}\n')], { maxBadLines: 1, maxSamples: 10 }),
    );
    expect(e.format().split('\n')[0]).toBe('n.jsonl:1: no usable samples (1 line, all skipped)');
    expect(e.location).toEqual({ file: 'n.jsonl', line: 1 });
  });

  it('a stream that fails', async () => {
    const broken: TrafficSource = {
      path: 'gone.jsonl',
      open: () =>
        new Readable({
          read() {
            this.destroy(new Error('ENOENT: no such file or directory'));
          },
        }),
    };
    const e = await traffic(readTraffic([broken], OPTS));
    expect(e.format().split('\n')[0]).toBe('gone.jsonl: cannot read the file: ENOENT: no such file or directory');
  });

  it('no sources', async () => {
    expect((await traffic(readTraffic([], OPTS))).message).toBe('no traffic files to read');
  });
});
