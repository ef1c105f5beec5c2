import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { catalogAgeWarning, CATALOG_VERSION, createCatalog } from '../../src/catalog/index.js';

/** The installed package's own package.json (its exports map hides it from import). */
function installedVersion(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@pydantic/genai-prices');
  const pkg = JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  expect(pkg.name).toBe('@pydantic/genai-prices');
  return pkg.version;
}

describe('catalog info', () => {
  const c = createCatalog({
    pricing: { 'acme/a': { input: 1, output: 1 }, 'acme/b': { input: 1, output: 1 } },
    discounts: {},
    models: {},
  });

  it('reports the installed genai-prices version', () => {
    expect(CATALOG_VERSION).toBe(installedVersion());
    expect(c.info).toEqual({
      source: '@pydantic/genai-prices',
      version: installedVersion(),
      dataDate: '2026-09-22',
      overrides: 2,
    });
  });

  it('the data date is the newest start_date that was not announced as a future change', () => {
    // 0.1.8 has 2027-01-01 prices for Gemini 3.6–3.8 Flash whose comments say "Introductory rates
    // apply through 2026-12-31": scheduled, so not data. The newest other change is 2026-09-22.
    expect(c.info.dataDate).toBe('2026-09-22');
  });

  it('warns when the data is more than 90 days older than the pricing date', () => {
    expect(catalogAgeWarning(c.info, new Date('2026-12-21T00:00:00Z'))).toBeNull(); // 90 days
    const w = catalogAgeWarning(c.info, new Date('2026-12-22T00:00:00Z')); // 91 days
    expect(w).toBe(
      'price catalog @pydantic/genai-prices 0.1.8 has data up to 2026-09-22, 91 days before the pricing date 2026-12-22: ' +
        'prices changed since then are missing. Update aicost, or put current prices of the models you use under pricing:.',
    );
    expect(catalogAgeWarning(c.info, new Date('2026-10-01T00:00:00Z'))).toBeNull();
  });
});
