import { describe, it, expect } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { Ajv } from 'ajv';
import schema from '../../schema/aicost.schema.json' with { type: 'json' };
import { validate as generated } from '../../src/generated/config-validator.js';

const root = new URL('../..', import.meta.url).pathname;

type Validate = ((data: unknown) => boolean) & {
  errors?: { keyword: string; instancePath: string; schemaPath: string }[] | null;
};

describe('generated sources (src/generated/, from scripts/generate.mjs)', () => {
  it('are what the schemas and gpt-tokenizer produce now (regenerate with node scripts/generate.mjs)', () => {
    // The worker scripts take an ncc build each: `node scripts/build.mjs --check` covers them.
    const r = spawnSync(process.execPath, ['scripts/generate.mjs', '--check', '--no-workers'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('give the same verdict and errors as ajv compiling the config schema at run time', () => {
    const live = new Ajv({
      allErrors: true,
      strict: true,
      strictRequired: false,
      verbose: true,
      logger: false,
    }).compile(schema);
    const gen = generated as unknown as Validate;
    const docs: unknown[] = [
      { version: 1, features: { a: { team: 't', prompt: 'p.yml', requests_per_month: 10 } }, teams: { t: {} } },
      { version: 2, feature: {}, teams: { t: { monthly_budget: '$8,000' } } },
      {
        version: 1,
        features: { 'Bad Id': { team: '', prompt: 'p', agent: 'a', tier: 'gold' } },
        teams: {},
        replay: { max_samples: 0 },
      },
    ];
    const shape = (errors: Validate['errors']) =>
      (errors ?? []).map((e) => `${e.keyword} ${e.instancePath} ${e.schemaPath}`).sort();
    const verdicts = docs.map((d) => {
      const a = live(d);
      const b = gen(d);
      expect(b).toBe(a);
      expect(shape(gen.errors)).toEqual(shape(live.errors as Validate['errors']));
      return b;
    });
    expect(verdicts).toEqual([true, false, false]);
  });
});
