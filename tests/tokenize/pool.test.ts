import { describe, it, expect, afterEach } from '@jest/globals';
import { TokenCounter } from '../../src/tokenize/index.js';
import { countPlain } from '../../src/tokenize/counter.js';
import { Pcg32 } from '../../src/stats/pcg32.js';

/** ~1.5 MB of distinct texts: enough for the worker to take part (prefill splits above 512 KB). */
function texts(n: number, seed: string): string[] {
  const g = Pcg32.fromString(seed);
  const words = [
    'invoice',
    'refund',
    'Привет',
    '你好',
    'const x = 1;',
    '{"id": 7}',
    '\n',
    '  ',
    'customer',
    'ünïcödé',
    '🌍',
  ];
  return Array.from({ length: n }, (_, i) => {
    let s = `#${i} `;
    const len = 200 + g.nextBelow(1800);
    while (s.length < len) s += words[g.nextBelow(words.length)] + ' ';
    return s;
  });
}

// Each test's worker threads are stopped when it ends: kept until afterAll, five idle tokenizer
// threads (each with its own rank tables) were all torn down at the suite's very end, and the Jest
// worker process did not get through that in its exit window ("failed to exit gracefully").
const counters: TokenCounter[] = [];
afterEach(async () => {
  for (const c of counters.splice(0)) await c.close();
});

describe('prefill with the tokenizer worker (src/generated/tokenize-worker.js)', () => {
  it('counts on both threads, memoises exactly the single-thread counts, and replays them as hits', async () => {
    const batch = texts(1500, 'pool');
    const counter = new TokenCounter();
    counters.push(counter);
    counter.prepare({ workers: 1, encodings: ['o200k_base'] });
    // A first batch, awaited, so the worker is running with its tables when the measured batch is
    // posted. Without it a fast main thread can count all 1,500 texts while the worker is still
    // loading (CI saw offloaded 0): correct, but then this test would not see the worker at work.
    await counter.prefill(texts(700, 'warm-up'), 'o200k_base');
    // Both threads' shares are set by the order of the work, not by who is scheduled first. The
    // worker counts queued batches in turn: a batch queued ahead and not joined yet keeps it busy
    // while the measured batch is queued and joined at once, so the main thread takes the measured
    // batch's first texts, and the worker, done with a batch of less than half the size, takes some
    // of the rest. (Measured through prefill, which joins after a turn of the event loop, a loaded
    // machine let the worker count all 1,500 texts before the main thread joined.)
    const ahead = counter.queue(texts(600, 'ahead'), 'o200k_base');
    expect(ahead.chars).toBeGreaterThan(512 * 1024); // big enough to go to the worker
    const before = counter.stats();
    await counter.queue([...batch, ...batch.slice(0, 100), ''], 'o200k_base').join();
    const after = counter.stats();
    await ahead.join();
    const joined = counter.stats();
    expect(after.misses - before.misses).toBe(1500);
    expect(after.entries - before.entries).toBe(1500);
    expect(after.offloaded - before.offloaded).toBeGreaterThan(0);
    expect(after.offloaded - before.offloaded).toBeLessThan(1500);
    // Every memoised count equals a fresh single-thread count; reading them back is all hits.
    for (const t of batch) expect(counter.count(t, 'o200k_base')).toBe(countPlain(t, 'o200k_base'));
    const end = counter.stats();
    expect(end.misses - joined.misses).toBe(0);
    expect(end.hits - joined.hits).toBe(1500);
  });

  it('a second prefill of the same texts counts nothing; cl100k_base works in the worker too', async () => {
    const batch = texts(600, 'cl');
    const counter = new TokenCounter();
    counters.push(counter);
    counter.prepare({ workers: 1 });
    await counter.prefill(batch, 'cl100k_base');
    await counter.prefill(batch, 'cl100k_base');
    expect(counter.stats().misses).toBe(600);
    for (const t of batch.slice(0, 50)) expect(counter.count(t, 'cl100k_base')).toBe(countPlain(t, 'cl100k_base'));
  });

  it('Llama 3 (a data-file table the worker was not started with) is sent with its first batch and counted there', async () => {
    const batch = texts(1200, 'llama');
    const counter = new TokenCounter();
    counters.push(counter);
    counter.prepare({ workers: 1, encodings: ['o200k_base'] });
    await counter.prefill(batch, 'llama3');
    await counter.prefill(texts(1200, 'llama-2'), 'llama3');
    const s = counter.stats();
    expect(s.misses).toBe(2400);
    expect(s.offloaded).toBeGreaterThan(0);
    for (const t of batch) expect(counter.count(t, 'llama3')).toBe(countPlain(t, 'llama3'));
  });

  it('Gemma 3 (a byte table) is sent to the worker too and counted there as on the main thread', async () => {
    const batch = texts(700, 'gemma');
    const counter = new TokenCounter();
    counters.push(counter);
    counter.prepare({ workers: 1 });
    // Two batches, as for Llama 3: the first one carries the table, and the worker builds it while
    // the main thread may count that whole batch (a loaded CI machine did); the second finds it built.
    await counter.prefill(batch, 'gemma3');
    await counter.prefill(texts(700, 'gemma-2'), 'gemma3');
    expect(counter.stats().misses).toBe(1400);
    expect(counter.stats().offloaded).toBeGreaterThan(0);
    for (const t of batch.slice(0, 100)) expect(counter.count(t, 'gemma3')).toBe(countPlain(t, 'gemma3'));
  });

  it('queue: the worker counts batches in order while the main thread does other work; join finishes each', async () => {
    const first = texts(700, 'q1');
    const second = texts(700, 'q2');
    const counter = new TokenCounter();
    counters.push(counter);
    counter.prepare({ workers: 1, encodings: ['o200k_base'] });
    // The worker running first (as in the test above), so that its share is not left to a race.
    await counter.prefill(texts(700, 'warm-up'), 'o200k_base');
    const before = counter.stats();
    const a = counter.queue(first, 'o200k_base');
    const b = counter.queue([...second, ...first.slice(0, 10)], 'o200k_base');
    expect(a.chars).toBe(first.reduce((n, t) => n + t.length, 0));
    // Texts already queued are not queued again.
    expect(b.chars).toBe(second.reduce((n, t) => n + t.length, 0));
    // Until a batch is joined the main thread counts none of it: nothing is memoised yet.
    expect(counter.stats().misses).toBe(before.misses);
    await a.join();
    await b.join();
    const s = counter.stats();
    expect(s.misses - before.misses).toBe(1400);
    expect(s.offloaded - before.offloaded).toBeGreaterThan(0);
    for (const t of [...first, ...second]) expect(counter.count(t, 'o200k_base')).toBe(countPlain(t, 'o200k_base'));
    expect(counter.stats().hits - before.hits).toBe(1400);
  });

  it('without prepare, or with workers: 0, prefill counts on the main thread with the same result', async () => {
    const batch = texts(400, 'solo');
    const a = new TokenCounter();
    await a.prefill(batch, 'o200k_base');
    const b = new TokenCounter();
    b.prepare({ workers: 0 });
    await b.prefill(batch, 'o200k_base');
    expect(a.stats()).toMatchObject({ misses: 400, offloaded: 0 });
    expect(b.stats()).toMatchObject({ misses: 400, offloaded: 0 });
    expect(batch.map((t) => a.count(t, 'o200k_base'))).toEqual(batch.map((t) => b.count(t, 'o200k_base')));
  });
});
