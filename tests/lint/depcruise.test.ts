/**
 * The import rules of .dependency-cruiser.cjs (run by `npm run lint`) fail on a backward import,
 * a cycle and a reach into another folder's internals, and pass the real src/. Each case cruises
 * a small project of its own in a temp dir with the repository's rules, except one that adds a
 * backward import to a copy of the real src/.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
const RULES = join(ROOT, '.dependency-cruiser.cjs');

function cruise(cwd: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [BIN, 'src', '--config', RULES, '--output-type', 'err'], {
    cwd,
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Cruise a project made of `files` (path under src/ → source). */
function cruiseFiles(files: Record<string, string>): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'aicost-depcruise-'));
  try {
    copyFileSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, 'src', path)), { recursive: true });
      writeFileSync(join(dir, 'src', path), text);
    }
    return cruise(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('import rules (dependency-cruiser)', () => {
  it('passes the real src/', () => {
    const r = cruise(ROOT);
    expect(r.out).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  });

  it('passes an import down the pipeline (policy → config)', () => {
    const r = cruiseFiles({
      'config/index.ts': 'export const x = 1;\n',
      'policy/index.ts': "import { x } from '../config/index.js';\nexport const y = x;\n",
    });
    expect(r.out).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  });

  it('fails a backward import (config → policy), naming the rule and both files', () => {
    const r = cruiseFiles({
      'config/index.ts': "import { y } from '../policy/index.js';\nexport const x = y;\n",
      'policy/index.ts': 'export const y = 1;\n',
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/error layer-config: src\/config\/index\.ts → src\/policy\/index\.ts/);
  });

  it('fails a backward import from repo/ (I/O only) into load/', () => {
    const r = cruiseFiles({
      'repo/index.ts': "import { l } from '../load/index.js';\nexport const r = l;\n",
      'load/index.ts': 'export const l = 1;\n',
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/error layer-repo: src\/repo\/index\.ts → src\/load\/index\.ts/);
  });

  it('fails a cycle inside one folder', () => {
    const r = cruiseFiles({
      'diff/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'diff/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/error no-circular: src\/diff\/a\.ts →\s+src\/diff\/b\.ts →\s+src\/diff\/a\.ts/);
  });

  it("fails an import of another folder's internal file instead of its index.ts", () => {
    const r = cruiseFiles({
      'config/load.ts': 'export const x = 1;\n',
      'config/index.ts': "export { x } from './load.js';\n",
      'policy/index.ts': "import { x } from '../config/load.js';\nexport const y = x;\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/error front-door: src\/policy\/index\.ts → src\/config\/load\.ts/);
  });

  it('fails a folder that is in no layer, importing or imported (it would escape the layer rules)', () => {
    const r = cruiseFiles({
      'config/index.ts': 'export const x = 1;\n',
      'savings/index.ts': "import { x } from '../config/index.js';\nexport const s = x;\n",
      'policy/index.ts': "import { s } from '../savings/index.js';\nexport const y = s;\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/error in-a-layer: src\/savings\/index\.ts → src\/config\/index\.ts/);
    expect(r.out).toMatch(/error to-a-layer: src\/policy\/index\.ts → src\/savings\/index\.ts/);
  });

  it('fails one backward import added to a copy of the real src/ (config → run)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aicost-depcruise-'));
    try {
      copyFileSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
      cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
      appendFileSync(join(dir, 'src/config/index.ts'), "\nexport { runDiff as backward } from '../run/index.js';\n");
      const r = cruise(dir);
      expect(r.status).not.toBe(0);
      expect(r.out).toMatch(/error layer-config: src\/config\/index\.ts → src\/run\/index\.ts/);
      // The same edge closes loops through the pipeline (run → … → config → run).
      expect(r.out).toContain('error no-circular: ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
