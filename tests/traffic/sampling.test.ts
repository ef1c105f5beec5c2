import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { createReadStream, mkdtempSync, openSync, writeSync, closeSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readTraffic } from '../../src/traffic/read.js';
import { BottomKSampler, unitKey } from '../../src/traffic/sampler.js';
import { fnv1a64, hashKey } from '../../src/traffic/hash.js';
import type { Sample } from '../../src/types.js';

/** FNV-1a 64 with BigInt: slow, obviously right, the reference for the 32-bit version. */
function fnvBig(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(text, 'utf8')) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h;
}

const hex = ([hi, lo]: [number, number]): string => hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');

describe('fnv1a64', () => {
  it('matches the published test vectors', () => {
    expect(hex(fnv1a64(''))).toBe('cbf29ce484222325');
    expect(hex(fnv1a64('a'))).toBe('af63dc4c8601ec8c');
    expect(hex(fnv1a64('foobar'))).toBe('85944171f73967e8');
  });

  it('matches a BigInt implementation on ids, unicode and long keys', () => {
    for (const s of ['id:s1', 'trace:t-001', 'Ünïcødé 東京 🚀', 'x'.repeat(1000), 'traffic/a.jsonl:42']) {
      expect(hex(fnv1a64(s))).toBe(fnvBig(s).toString(16).padStart(16, '0'));
    }
  });
});

describe('hashKey', () => {
  it('is pinned: the same key ranks the same on every run and Node version', () => {
    expect(hashKey('id:s1')).toBe(4537500314947153);
    expect(hashKey('trace:t-001')).toBe(6026417232823218);
    expect(hashKey('')).toBe(8080266384960509);
  });

  it('spreads sequential ids: the lowest 1,000 of id:s0…s9999 fall evenly in every decile and last digit', () => {
    const lowest = Array.from({ length: 10_000 }, (_, i) => ({ i, rank: hashKey(`id:s${i}`) }))
      .sort((a, b) => a.rank - b.rank)
      .slice(0, 1000);
    const deciles = new Array<number>(10).fill(0);
    const lastDigit = new Array<number>(10).fill(0);
    for (const { i } of lowest) {
      deciles[Math.floor(i / 1000)]!++;
      lastDigit[i % 10]!++;
    }
    // 100 expected in each; plain FNV-1a's top bits would put whole runs of ids together.
    for (const n of [...deciles, ...lastDigit]) {
      expect(n).toBeGreaterThanOrEqual(70);
      expect(n).toBeLessThanOrEqual(130);
    }
  });
});

const sample = (id: string, traceId?: string, weight = 1): Sample => ({
  id,
  file: 'f',
  line: 0,
  usage: { cacheReadTokens: 0, cacheWriteTokens: 0, cacheWrite1hTokens: 0, outputTokens: 0, reasoningTokens: 0 },
  weight,
  ...(traceId ? { traceId } : {}),
});

/** The bottom-k definition, computed directly: units by (hash, key), taken while they fit in k. */
function expectedKept(samples: Sample[], k: number): Set<string> {
  const units = new Map<string, Sample[]>();
  for (const s of samples) {
    const key = unitKey(s);
    units.set(key, [...(units.get(key) ?? []), s]);
  }
  const ranked = [...units.entries()].map(([key, lines]) => ({ key, rank: hashKey(key), lines }));
  ranked.sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : 1));
  const kept = new Set<string>();
  let n = 0;
  for (const u of ranked) {
    if (n + u.lines.length > k && kept.size > 0) break;
    n += u.lines.length;
    for (const s of u.lines) kept.add(s.id);
    if (n > k) break;
  }
  return kept;
}

/** A seeded shuffle (mulberry32 + Fisher–Yates). */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('BottomKSampler', () => {
  // 60 singletons and 10 traces of 1–5 lines: 90 lines.
  const all: Sample[] = [];
  for (let i = 0; i < 60; i++) all.push(sample(`s${i}`));
  for (let t = 0; t < 10; t++) for (let j = 0; j <= t % 5; j++) all.push(sample(`t${t}-${j}`, `t${t}`));

  it('keeps the units of lowest hash that fit, whole, for any order', () => {
    const expected = expectedKept(all, 25);
    expect(expected.size).toBeGreaterThanOrEqual(21);
    expect(expected.size).toBeLessThanOrEqual(25);
    for (let seed = 1; seed <= 20; seed++) {
      const sampler = new BottomKSampler(25);
      for (const s of shuffled(all, seed)) sampler.add(s);
      expect(new Set(sampler.result().map((s) => s.id))).toEqual(expected);
    }
  });

  it('ranks only when a line is too many: k = all lines keeps every line, k − 1 drops as ranked, in any order', () => {
    // The units are kept unranked in arrival order until line k + 1 arrives; then they are
    // ranked and heaped at once, which must drop exactly what ranking from the start drops.
    for (const k of [all.length, all.length - 1, all.length - 6, 1]) {
      const expected = expectedKept(all, k);
      if (k === all.length) expect(expected.size).toBe(all.length);
      for (let seed = 1; seed <= 10; seed++) {
        const sampler = new BottomKSampler(k);
        const order = shuffled(all, seed);
        for (const s of order) sampler.add(s);
        const kept = sampler.result().map((s) => s.id);
        expect(new Set(kept)).toEqual(expected);
        expect(kept).toEqual(order.filter((s) => expected.has(s.id)).map((s) => s.id));
      }
    }
  });

  it('returns samples in the order they were offered', () => {
    const sampler = new BottomKSampler(1000);
    const order = shuffled(all, 7);
    for (const s of order) sampler.add(s);
    expect(sampler.result().map((s) => s.id)).toEqual(order.map((s) => s.id));
  });

  it('never splits a trace: a trace bigger than k alone is the whole sample when it ranks lowest', () => {
    // The lowest-ranked of 200 trace names, and singletons ranked above it: the trace is the lowest unit.
    const name = Array.from({ length: 200 }, (_, n) => `big${n}`).reduce((a, b) =>
      hashKey(`trace:${a}`) < hashKey(`trace:${b}`) ? a : b,
    );
    const big = Array.from({ length: 8 }, (_, j) => sample(`b${j}`, name));
    const bigRank = hashKey(`trace:${name}`);
    const above = Array.from({ length: 200 }, (_, i) => sample(`x${i}`))
      .filter((s) => hashKey(unitKey(s)) > bigRank)
      .slice(0, 5);
    expect(above).toHaveLength(5);
    for (const order of [[...big, ...above], [...above, ...big], shuffled([...big, ...above], 3)]) {
      const sampler = new BottomKSampler(4);
      for (const s of order) sampler.add(s);
      expect(
        sampler
          .result()
          .map((s) => s.id)
          .sort(),
      ).toEqual(big.map((s) => s.id).sort());
    }
  });
});

describe('readTraffic on 200,000 lines (streamed, sampled to 20,000)', () => {
  const N = 200_000;
  const K = 20_000;
  let dir: string;
  let straight: string;
  let mixed: string;
  let lineOf: (i: number) => string;

  /** Lines i % 10 ∈ {0, 1, 2} form 3-line traces; weight 1 + i % 7; ~300 bytes of ignored padding. */
  const isTrace = (i: number): boolean => i % 10 < 3;
  const idOf = (i: number): string => `s${i}`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'aicost-traffic-'));
    const pad = 'lorem ipsum dolor sit amet '.repeat(11);
    lineOf = (i) =>
      JSON.stringify({
        id: idOf(i),
        ts: 1748855643000 + i * 1000,
        ...(isTrace(i) ? { trace_id: `t${Math.floor(i / 10)}`, step: i % 10 } : {}),
        model: 'gpt-4o-mini',
        vars: { question: `question number ${i}` },
        usage: { input_tokens: 500 + (i % 300), output_tokens: 20 + (i % 90) },
        weight: 1 + (i % 7),
        exporter_padding: pad,
      });
    const write = (path: string, order: number[]): void => {
      const fd = openSync(path, 'w');
      for (let start = 0; start < order.length; start += 5000) {
        writeSync(
          fd,
          order
            .slice(start, start + 5000)
            .map((i) => lineOf(i) + '\n')
            .join(''),
        );
      }
      closeSync(fd);
    };
    const indices = Array.from({ length: N }, (_, i) => i);
    straight = join(dir, 'straight.jsonl');
    mixed = join(dir, 'shuffled.jsonl');
    write(straight, indices);
    write(mixed, shuffled(indices, 2024));
  }, 120_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads every line, keeps whole traces, bounded memory, unbiased total weight, same ids every time', async () => {
    const fileSize = statSync(straight).size;
    expect(fileSize).toBeGreaterThan(60_000_000);

    // Live heap, not garbage awaiting collection: evicted samples are promoted to old space and
    // freed only by a full GC, so heapUsed without one measures V8's GC pacing, not the reader.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const measure = (): void => {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    };
    const tracked = async function* (): AsyncGenerator<Buffer> {
      let n = 0;
      for await (const chunk of createReadStream(straight)) {
        if (++n % 100 === 0) measure();
        yield chunk as Buffer;
      }
    };
    const first = await readTraffic([{ path: 'traffic/straight.jsonl', open: tracked }], {
      maxBadLines: 0.01,
      maxSamples: K,
    });
    measure();

    // Measured at about 22 MB live at most for a 98 MB file (20,000 samples of ~560 bytes, plus the heap).
    expect(peak - baseline).toBeLessThan(fileSize / 2);
    expect(first.totalLines).toBe(N);
    expect(first.badLines).toEqual([]);
    expect(first.sampled).toBe(true);
    // Whole traces of 3: at most 2 slots short of 20,000.
    expect(first.samples.length).toBeLessThanOrEqual(K);
    expect(first.samples.length).toBeGreaterThanOrEqual(K - 2);

    // Every kept trace is complete.
    const byTrace = new Map<string, number>();
    for (const s of first.samples) if (s.traceId) byTrace.set(s.traceId, (byTrace.get(s.traceId) ?? 0) + 1);
    expect(byTrace.size).toBeGreaterThan(1000);
    for (const n of byTrace.values()) expect(n).toBe(3);

    // Σ (1 + i mod 7) for i < 200,000 = 200,000 + 28,571 × 21 + (0 + 1 + 2) = 799,994.
    expect(first.totalWeight).toBe(799_994);
    const kept = first.samples.reduce((sum, s) => sum + s.weight, 0);
    expect(kept).toBeCloseTo(799_994, 4);
    expect(first.firstTs).toBe(1748855643000);
    expect(first.lastTs).toBe(1748855643000 + (N - 1) * 1000);

    // The kept ids are exactly the bottom-k units by hash.
    const all: Sample[] = [];
    for (let i = 0; i < N; i++) all.push(sample(idOf(i), isTrace(i) ? `t${Math.floor(i / 10)}` : undefined));
    const expected = expectedKept(all, K);
    const ids = new Set(first.samples.map((s) => s.id));
    expect(ids).toEqual(expected);

    const again = await readTraffic([{ path: 'traffic/straight.jsonl', open: () => createReadStream(straight) }], {
      maxBadLines: 0.01,
      maxSamples: K,
    });
    expect(new Set(again.samples.map((s) => s.id))).toEqual(ids);
    expect(again.sha256).toBe(first.sha256);

    const fromShuffled = await readTraffic([{ path: 'traffic/shuffled.jsonl', open: () => createReadStream(mixed) }], {
      maxBadLines: 0.01,
      maxSamples: K,
    });
    expect(fromShuffled.totalLines).toBe(N);
    expect(new Set(fromShuffled.samples.map((s) => s.id))).toEqual(ids);
    expect(fromShuffled.sha256).not.toBe(first.sha256);

    // A kept sample keeps its fields; only the weight is scaled by totalWeight ÷ keptWeight.
    const s = first.samples.find((x) => x.id === 's1234') ?? first.samples[0]!;
    const i = Number(s.id.slice(1));
    expect(s.usage.inputTokens).toBe(500 + (i % 300));
    expect(s.weight / (1 + (i % 7))).toBeCloseTo(
      799_994 / first.samples.reduce((sum, x) => sum + (1 + (Number(x.id.slice(1)) % 7)), 0),
      9,
    );
  }, 240_000);
});
