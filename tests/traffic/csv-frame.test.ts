/**
 * CSV framing (src/traffic/frame.ts) on the quoting that real exports write: fields with commas,
 * newlines and doubled quotes inside quotes, a UTF-8 BOM, CRLF row ends, and the same bytes cut at
 * every position (a quote or a CRLF split across two chunks reads the same).
 */
import { describe, expect, it } from '@jest/globals';
import { forEachCsvRecord } from '../../src/traffic/csv-frame.js';
import type { RawRecord } from '../../src/traffic/frame.js';

const OPTS = { maxRecordBytes: 1 << 16, maxDocumentBytes: 1 << 20 };

async function rows(chunks: Buffer[], opts = OPTS): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  async function* gen(): AsyncIterable<Buffer> {
    yield* chunks;
  }
  await forEachCsvRecord(gen(), opts, (r) => out.push(r));
  return out;
}

const values = (rs: RawRecord[]) => rs.map((r) => ('value' in r ? { ...(r.value as object) } : r));

// BOM, CRLF, a comma and a doubled quote and a CRLF inside quoted fields, an empty quoted field.
const TEXT =
  '\uFEFFid,input,promptName\r\n' +
  'obs_1,"[{""role"":""user"",""content"":""a, b""}]",ticket-summary\r\n' +
  'obs_2,"line one\r\nline two",""\r\n' +
  '\r\n' +
  'obs_3,plain,"say ""hi"""\r\n';

const EXPECTED = [
  { id: 'obs_1', input: '[{"role":"user","content":"a, b"}]', promptName: 'ticket-summary' },
  { id: 'obs_2', input: 'line one\r\nline two', promptName: '' },
  { id: 'obs_3', input: 'plain', promptName: 'say "hi"' },
];

describe('CSV framing', () => {
  it('reads quoted commas, newlines and doubled quotes, a BOM and CRLF, with each row’s first line', async () => {
    const rs = await rows([Buffer.from(TEXT, 'utf8')]);
    expect(values(rs)).toEqual(EXPECTED);
    // Row 2 spans lines 3–4; the blank line 5 is skipped; row 3 starts on line 6.
    expect(rs.map((r) => [r.line, r.index])).toEqual([
      [2, 0],
      [3, 1],
      [6, 2],
    ]);
    // Records have no prototype: a "__proto__" or "constructor" column cannot reach Object.prototype.
    expect(Object.getPrototypeOf((rs[0] as { value: object }).value)).toBeNull();
  });

  it('reads the same rows whatever the chunk boundaries (every byte its own chunk, and every split in two)', async () => {
    const bytes = Buffer.from(TEXT, 'utf8');
    const single = [...bytes].map((b) => Buffer.from([b]));
    expect(values(await rows(single))).toEqual(EXPECTED);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(values(await rows([bytes.subarray(0, cut), bytes.subarray(cut)]))).toEqual(EXPECTED);
    }
  });

  it('a last row without a line end, a row with the wrong field count, text after a closing quote, a cut-off quote', async () => {
    const rs = await rows([Buffer.from('a,b\n1,2\n1,2,3\n"x"y,2\n3,"open\n', 'utf8')]);
    expect(rs).toEqual([
      { line: 2, index: 0, value: expect.objectContaining({ a: '1', b: '2' }) },
      { line: 3, index: 1, error: 'has 3 fields, the header row has 2' },
      {
        line: 4,
        index: 2,
        error: 'has text after a closing quote (a quote inside a quoted field is written twice: "")',
      },
      { line: 5, index: 3, error: 'ends inside a quoted field (is the file cut short?)' },
    ]);
  });

  it('a row longer than the bound is a bad record and the next row still reads', async () => {
    const long = 'x'.repeat(200);
    const rs = await rows([Buffer.from(`a,b\n"${long}",1\n2,3\n`, 'utf8')], { ...OPTS, maxRecordBytes: 100 });
    expect(rs).toEqual([
      { line: 2, index: 0, error: 'is longer than 100 bytes' },
      { line: 3, index: 1, value: expect.objectContaining({ a: '2', b: '3' }) },
    ]);
  });
});
