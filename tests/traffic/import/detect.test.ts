/**
 * Detectors are specific: each accepts its source's example records from traffic-sources.md and
 * refuses every other source's, the OTel example (OTLP/JSON and the Python console exporter's
 * object) and a plain aicost JSONL line, so auto-detection never finds two candidates.
 */
import { describe, expect, it } from '@jest/globals';
import { importers } from '../../../src/traffic/import/sources/index.js';
import { AICOST_LINE, EXAMPLES, OTEL_CONSOLE, OTEL_EXAMPLE } from './examples.js';

// The OTel importer's own examples join the other sources' (it lives in the same list).
const BY_FORMAT: Record<string, readonly unknown[]> = { ...EXAMPLES, otel: [OTEL_EXAMPLE, OTEL_CONSOLE] };
const all = Object.entries(BY_FORMAT).flatMap(([format, recs]) => recs.map((r) => ({ format, record: r })));

describe('source detectors', () => {
  it('cover every source of this module with examples', () => {
    expect(new Set(importers.map((i) => i.format))).toEqual(new Set(Object.keys(BY_FORMAT)));
  });

  for (const imp of importers) {
    it(`${imp.label}: accepts its own examples and no one else's`, () => {
      for (const { format, record } of all)
        expect([format, imp.detect(record)]).toEqual([format, format === imp.format]);
      expect(imp.detect(AICOST_LINE)).toBe(false);
      expect(imp.detect(null)).toBe(false);
      expect(imp.detect('text')).toBe(false);
    });
  }

  it('every example record maps without error', () => {
    for (const { format, record } of all) {
      const imp = importers.find((i) => i.format === format && i.framing === 'json')!;
      const r = imp.map(record, { file: 'x.jsonl', line: 1, index: 0 });
      expect([format, r.ok]).toEqual([format, true]);
    }
  });
});
