/**
 * The advisor's counting ahead (src/advisor/count-ahead.ts): a candidate of another tokenizer
 * (Gemini, Gemma 3's SentencePiece) counts every text the feature sends; those counts are now
 * queued on the token counter's worker one feature ahead. The suggestions must be the same with
 * and without the worker, and the worker must really take part (its counts are tallied).
 */
import { describe, expect, it } from '@jest/globals';
import { estimateRevision, type EstimateContext } from '../../src/estimate/index.js';
import { withRevision } from '../../src/run/revision.js';
import { suggestWith } from '../../src/run/suggest.js';
import { TokenCounter } from '../../src/tokenize/index.js';
import { makeRepo } from '../helpers/run.js';

const WORDS = 'invoice refund order delivery the customer asks about a damaged parcel and wants it replaced soon'.split(
  ' ',
);

/** 1,300 samples per feature, each a different ticket of 60 to 260 words (so texts are distinct). */
function traffic(feature: number): string {
  const lines: string[] = [];
  for (let i = 0; i < 1300; i++) {
    const n = 60 + ((i * 37 + feature * 11) % 200);
    const words = Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * k + feature) % WORDS.length]);
    lines.push(
      JSON.stringify({
        id: `f${feature}-${i}`,
        vars: { ticket: `#${i}: ${words.join(' ')}` },
        usage: { output_tokens: 50 + (i % 90) },
      }),
    );
  }
  return lines.join('\n') + '\n';
}

function repo(): string {
  const files: Record<string, string> = {
    '.aicost.yml': `version: 1
features:
${[0, 1]
  .map(
    (f) => `  f${f}:
    team: support
    prompt: prompts/f${f}.prompt.yml
    traffic: traffic/f${f}.jsonl
    requests_per_month: 100000`,
  )
  .join('\n')}
teams:
  support: { monthly_budget: 100000 }
advisor:
  candidates: ["google/gemini-2.5-flash", "openai/gpt-4.1-mini"]
`,
  };
  for (const f of [0, 1]) {
    files[`prompts/f${f}.prompt.yml`] =
      `model: openai/gpt-4.1\nmessages:\n  - role: system\n    content: You sort support tickets for desk ${f}.\n  - role: user\n    content: "{{ticket}}"\n`;
    files[`traffic/f${f}.jsonl`] = traffic(f);
  }
  return makeRepo(files);
}

async function suggestions(dir: string, workers: 0 | 1) {
  return withRevision({ repo: dir, rev: 'main', config: '.aicost.yml' }, async (o) => {
    const counter = new TokenCounter();
    try {
      const ctx: EstimateContext = { catalog: o.catalog, counter };
      const estimate = estimateRevision(o.snapshot, ctx);
      const before = counter.stats();
      const features = await suggestWith(o.snapshot, estimate, ctx, o.reader, { seed: 's', workers });
      const after = counter.stats();
      return { features, misses: after.misses - before.misses, offloaded: after.offloaded - before.offloaded };
    } finally {
      await counter.close();
    }
  });
}

describe('advisor counting ahead', () => {
  it('counts the other tokenizer’s texts on the worker too, with the same suggestions as on one thread', async () => {
    const dir = repo();
    const one = await suggestions(dir, 0);
    const two = await suggestions(dir, 1);
    expect(two.features).toEqual(one.features);
    // Every distinct text counted once more, in Gemma 3: 2,600 tickets, 2 system texts, the roles "system" and "user".
    expect(one.misses).toBe(2604);
    expect(one.offloaded).toBe(0);
    expect(two.misses).toBe(2604);
    expect(two.offloaded).toBeGreaterThan(0);
    const gemini = two.features[0]!.suggestions.find((s) => s.candidate === 'google/gemini-2.5-flash')!;
    expect(gemini.kind).toBe('routing');
    expect(gemini.monthly!.saving).toBeGreaterThan(0);
  }, 180_000);
});
