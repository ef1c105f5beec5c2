export const id = 239;
export const ids = [239];
export const modules = {

/***/ 3239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInit: () => (/* binding */ runInit)
});

// UNUSED EXPORTS: listFiles

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/init/index.ts

/**
 * discover.ts (discoverFeatures, initConfigText), imported on first use: it reads code through
 * src/unpriced/, which only `aicost init` needs, while every `estimate` imports this folder for
 * the placeholders (a separate chunk of the bundles).
 */
async function loadDiscovery() {
    return __webpack_require__.e(/* import() */ 455).then(__webpack_require__.bind(__webpack_require__, 2455));
}

// EXTERNAL MODULE: ./src/init/placeholders.ts
var placeholders = __webpack_require__(82);
// EXTERNAL MODULE: ./src/repo/index.ts + 14 modules
var repo = __webpack_require__(8121);
// EXTERNAL MODULE: ./src/unpriced/index.ts + 18 modules
var unpriced = __webpack_require__(9385);
;// CONCATENATED MODULE: ./src/cli/init.ts
/**
 * `aicost init`: list the repository's files, propose one feature per artifact aicost reads
 * (src/init/), write `.aicost.yml` (never over an existing one without --force), say what it
 * found and could not map, and end with the next command to run.
 */






/** Folders never read: dependencies, builds, VCS data. */
const SKIP_DIRS = new Set(['.git', 'node_modules', 'dist', 'build', '.venv', 'venv', '__pycache__', 'vendor']);
/** Files larger than this are listed without their text. */
const MAX_FILE_BYTES = 1024 * 1024;
/** At most this many files are looked at (a monorepo's first 20,000 in path order). */
const MAX_FILES = 20_000;
/** The repository's files under `root`, relative paths with `/`, texts of files up to 1 MiB. */
function listFiles(root) {
    const out = [];
    const walk = (dir) => {
        for (const name of (0,external_node_fs_.readdirSync)(dir).sort()) {
            if (out.length >= MAX_FILES)
                return;
            const full = (0,external_node_path_.join)(dir, name);
            const st = (0,external_node_fs_.lstatSync)(full);
            if (st.isSymbolicLink())
                continue;
            if (st.isDirectory()) {
                if (!SKIP_DIRS.has(name))
                    walk(full);
            }
            else if (st.isFile()) {
                const path = (0,external_node_path_.relative)(root, full).split(external_node_path_.sep).join('/');
                out.push({ path, text: st.size <= MAX_FILE_BYTES ? (0,external_node_fs_.readFileSync)(full, 'utf8') : null });
            }
        }
    };
    walk(root);
    return out;
}
/** Code that may call a model SDK: only these files are parsed (the grammars load for the first). */
const MAY_CALL = /\b(?:create|stream|parse|a?completion|generate_content(?:_async)?|generateContent(?:Stream)?|generateText|streamText|generateObject|streamObject)\s*\(/;
/** The SDK call sites of the repository's source files, by path. */
async function codeCalls(files) {
    const out = new Map();
    for (const f of files) {
        if (f.text === null || !MAY_CALL.test(f.text) || (0,unpriced/* classifyPath */.qK)(f.path).type !== 'code')
            continue;
        const calls = await (0,unpriced/* callSitesOf */.i$)(f.path, f.text, unpriced/* parseChangedCode */.t_);
        if (calls?.length)
            out.set(f.path, calls);
    }
    return out;
}
/** Run init; returns the lines to print. */
async function runInit(args) {
    const root = (0,external_node_path_.resolve)(args.repo);
    const target = (0,external_node_path_.resolve)(root, args.config);
    if ((0,external_node_fs_.existsSync)(target) && !args.force) {
        throw new errors/* UsageError */.eb(`${args.config} already exists in ${root}: init never overwrites it`, {
            hint: 'Run `aicost estimate` to price it, or `aicost init --force` to replace it.',
        });
    }
    const files = listFiles(root);
    const calls = await codeCalls(files);
    const refs = [...calls].flatMap(([path, sites]) => sites.map((c) => `${path}#${c.holder}`));
    const checks = await (0,unpriced/* checkCodePrompts */.JM)(new Set(refs), new repo/* WorkingTreeReader */.nY(root));
    const { discoverFeatures, initConfigText } = await loadDiscovery();
    const found = discoverFeatures(files, calls, checks);
    if (found.features.length === 0) {
        throw new errors/* UsageError */.eb(`no prompt file, agent definition or model call found under ${root}`, {
            hint: 'aicost reads prompt files (*.prompt.yml, *.prompty, *.prompt, prompts/*.md), agent definitions and SDK calls in named Python/TypeScript/JavaScript functions; add one, then run init again.',
        });
    }
    (0,external_node_fs_.writeFileSync)(target, initConfigText(found));
    const lines = [`Wrote ${args.config} with ${found.features.length} feature(s), team "default":`];
    for (const f of found.features)
        lines.push(`  ${f.id}: ${f.key} ${f.path}${f.placeholderModel ? `, model ${f.placeholderModel} (PLACEHOLDER: the call's model is not a literal; set it)` : ''}${f.placeholderOutput ? `, typical_output_tokens ${f.placeholderOutput} (PLACEHOLDER: the call sets no max tokens)` : ''}, ${f.traffic ? `traffic ${f.traffic}` : `requests_per_month ${placeholders/* PLACEHOLDER_VOLUME */.b$} (PLACEHOLDER: set the real volume)`}`);
    if (found.unmapped.length) {
        lines.push('Found but not mapped:');
        for (const u of found.unmapped)
            lines.push(`  ${u.path}: ${u.why}`);
    }
    const counts = [
        [found.features.filter((f) => !f.traffic).length, 'volume(s)'],
        [found.features.filter((f) => f.placeholderModel).length, 'model(s)'],
        [found.features.filter((f) => f.placeholderOutput).length, 'typical output size(s)'],
    ];
    const fill = counts.filter(([n]) => n > 0).map(([n, what]) => `${n} PLACEHOLDER ${what}`);
    if (fill.length)
        lines.push(`Fill in: ${fill.join(', ')} in ${args.config}; add teams, budgets and owners.`);
    lines.push(`Next: aicost estimate --repo ${args.repo}`);
    return lines;
}


/***/ })

};
