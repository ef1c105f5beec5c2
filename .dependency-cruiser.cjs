/**
 * The import rules of src/ (run by `npm run lint`; tests/lint/depcruise.test.ts proves a backward
 * import fails): no cycles, and every import points down the pipeline's layers below. A folder may
 * import its own layer's folders and any lower layer, never a higher one; cross-folder imports go
 * through the folder's index.ts (its front door).
 *
 *   leaves:  errors.ts, types.ts, bounds.ts, version.ts, text/, wasm/, workers/, generated/
 *   config → repo (I/O only) → artifacts · code · catalog · traffic · tokenize · stats · unpriced
 *   → load → estimate → diff → advisor (savings suggestions) → report (the JSON model) → policy → render → run → github · cli · main.ts
 */
/** Layer names (for the rule names a violation prints) and their folders, lowest first. */
const NAMES = [
  'leaf',
  'config',
  'repo',
  'sources',
  'load',
  'estimate',
  'diff',
  'advisor',
  'report',
  'policy',
  'render',
  'run',
  'entries',
];
const LAYERS = [
  ['errors\\.ts', 'types\\.ts', 'types/', 'bounds\\.ts', 'version\\.ts', 'text/', 'wasm/', 'workers/', 'generated/'],
  ['config/'],
  ['repo/'],
  ['artifacts/', 'code/', 'catalog/', 'traffic/', 'tokenize/', 'stats/', 'unpriced/'],
  ['load/', 'init/'],
  ['estimate/'],
  ['diff/'],
  ['advisor/'],
  ['report/'],
  ['policy/'],
  ['render/'],
  ['run/'],
  ['github/', 'cli/', 'main\\.ts'],
];

const paths = (layers) => `^src/(${layers.flat().join('|')})`;

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${NAMES[i]}`,
  comment: `${layer.join(', ')} may not import a later stage of the pipeline (${LAYERS.slice(i + 1)
    .flat()
    .join(', ')}).`.replace(/\\/g, ''),
  severity: 'error',
  from: { path: paths([layer]) },
  to: { path: paths(LAYERS.slice(i + 1)) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes the load order (and the pipeline) ambiguous.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'front-door',
      comment: 'Import another folder through its index.ts, not its internal files.',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: {
        path: '^src/[^/]+/.+',
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/generated/'],
      },
    },
    // A folder in no layer would escape the layer rules: it could import, or be imported by, any stage.
    {
      name: 'in-a-layer',
      comment: 'Every file of src/ belongs to a layer: add a new folder to LAYERS at its stage of the pipeline.',
      severity: 'error',
      from: { path: '^src/', pathNot: paths(LAYERS) },
      to: {},
    },
    {
      name: 'to-a-layer',
      comment: 'Every file of src/ belongs to a layer: add a new folder to LAYERS at its stage of the pipeline.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: paths(LAYERS) },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
