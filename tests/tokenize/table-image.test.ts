/**
 * Table images (src/tokenize/table-image.ts): the o200k table with its index as the build left
 * it, read straight into the table's memory. The image must be exactly what the packed table
 * builds, and any damaged image must fall back to the packed table, never count differently.
 */
import { describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode as packageEncode } from 'gpt-tokenizer/encoding/o200k_base';
import { buildTokenizer } from '../../src/tokenize/build-tokenizer.js';
import { PackedTable } from '../../src/tokenize/packed-table.js';
import { imageFileOf, packedRanks, tokenizerFromImage } from '../../src/tokenize/ranks.js';
import { readTableImage } from '../../src/tokenize/table-image.js';
import { mixedCorpus } from '../helpers/text-corpus.js';

const PLAIN = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };
const IMAGE = imageFileOf('o200k_base')!;

describe('the o200k table image', () => {
  it('is, byte for byte, the memory the packed table builds (header, index, main part)', () => {
    const built = new PackedTable(packedRanks('o200k_base'));
    const read = new PackedTable(readTableImage(IMAGE));
    expect(built.fromImage).toBe(false);
    expect(read.fromImage).toBe(true);
    expect(Buffer.from(read.imageBytes()).equals(Buffer.from(built.imageBytes()))).toBe(true);
    expect(read.widePart()).toBe(built.widePart());
  });

  it('counts as the packed table and as gpt-tokenizer do, wide tokens included', () => {
    const fromImage = tokenizerFromImage('o200k_base')!;
    expect(fromImage).toBeDefined();
    const packed = buildTokenizer('o200k_base', packedRanks('o200k_base'));
    let tokens = 0;
    for (const text of mixedCorpus(400, 'image-corpus')) {
      const n = fromImage.countTokens(text, PLAIN);
      expect(n).toBe(packed.countTokens(text, PLAIN));
      expect(n).toBe(packageEncode(text, PLAIN).length);
      tokens += n;
    }
    expect(tokens).toBeGreaterThan(10_000);
  });

  it('a damaged image is refused and the packed table is used (wrong magic, truncated, index overwritten)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aicost-image-'));
    const good = readFileSync(IMAGE);
    const magic = join(dir, 'magic.bin');
    writeFileSync(magic, Buffer.concat([Buffer.from('NOTANIMG'), good.subarray(8)]));
    const short = join(dir, 'short.bin');
    copyFileSync(IMAGE, short);
    truncateSync(short, good.length - 1000);
    const zeroed = join(dir, 'zeroed.bin');
    const z = Buffer.from(good);
    // The hash slots start 32 KB into the image (state and batch first): zero a stretch of them.
    const imageAt = good.length - good.readUInt32LE(16);
    z.fill(0, imageAt + 40_000, imageAt + 600_000);
    writeFileSync(zeroed, z);
    for (const file of [magic, short, zeroed]) expect(tokenizerFromImage('o200k_base', file)).toBeUndefined();
    // The real one passes the same checks.
    expect(tokenizerFromImage('o200k_base', IMAGE)).toBeDefined();
  });

  it('only o200k has an image; other encodings build from their packed tables', () => {
    expect(imageFileOf('cl100k_base')).toBeUndefined();
    expect(imageFileOf('gemma3')).toBeUndefined();
    expect(tokenizerFromImage('cl100k_base')).toBeUndefined();
  });
});
