export const id = 385;
export const ids = [385];
export const modules = {

/***/ 9385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M_: () => (/* reexport */ GATEWAY_SNIFF_BYTES),
  i$: () => (/* reexport */ callSitesOf),
  JM: () => (/* reexport */ checkCodePrompts),
  qK: () => (/* reexport */ classifyPath),
  bk: () => (/* reexport */ codeFeatureId),
  pr: () => (/* reexport */ featureIdFor),
  HO: () => (/* binding */ findUnpricedChanges),
  t_: () => (/* reexport */ parseChangedCode),
  Zb: () => (/* binding */ readCodeFacts)
});

// UNUSED EXPORTS: MAX_CODE_PROMPTS_CHECKED, MAX_DIFF_LINES, MAX_EDIT_DISTANCE, MAX_SCAN_LINE, checkCodePrompt, diffLines, factsOf, looksLikeModelId, splitLines, unpricedWork

// EXTERNAL MODULE: ./src/artifacts/index.ts + 29 modules
var artifacts = __webpack_require__(9335);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/config/index.ts + 11 modules
var config = __webpack_require__(8427);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/unpriced/artifact-facts.ts
/**
 * The cost-relevant settings of an artifact file, with their lines: model ids, output caps, loop
 * limits and a few other agent knobs, read from the YAML (or front matter) of each format in
 * `reference/formats.md` §3–§5. The YAML goes through aicost's one YAML reader (readYamlTree, with
 * its size, alias, alias-expansion, cycle and depth limits); a text it refuses yields no facts and
 * the reason, so the scan reports the file as "not scanned" instead of as a change without detail.
 *
 * The facts are read from the parsed nodes, so a `__proto__` key is just a string.
 */



const MAX_TOKENS_KEYS = [
    'maxTokens',
    'max_tokens',
    'maxOutputTokens',
    'max_output_tokens',
    'max_completion_tokens',
    'maxCompletionTokens',
];
/** CrewAI agent attributes that drive cost (§4.1). */
const CREW_AGENT_KEYS = [
    ['llm', 'model'],
    ['function_calling_llm', 'model'],
    ['max_iter', 'loop'],
    ['max_rpm', 'other'],
    ['max_retry_limit', 'other'],
    ['allow_delegation', 'other'],
    ['reasoning', 'other'],
    ['max_reasoning_attempts', 'other'],
];
/** Settings of `text` (the file `file`) read as `format`, or why its YAML cannot be read. */
function factsOf(format, text, file = '') {
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let yaml;
    let offset = 0;
    if (format === 'github-models' ||
        format === 'crewai-agents' ||
        format === 'crewai-tasks' ||
        format === 'litellm' ||
        format === 'promptfoo') {
        yaml = src;
    }
    else if (format === 'autogen') {
        // JSON with `//` comment lines (§4.4); blanking them keeps line numbers, and JSON is YAML.
        yaml = src.replace(/^[ \t]*\/\/.*$/gm, '');
    }
    else {
        const fm = frontMatter(src);
        if (fm === null)
            return [];
        yaml = fm;
        offset = 1;
    }
    let lines;
    let root;
    try {
        const read = (0,config/* readYamlTree */._d)(yaml, file, {
            error: (message, o) => new errors/* ArtifactError */.nE(message, o),
            lineOffset: offset,
            what: 'a file the scan reads',
            oneDocument: 'the scan reads one document',
        });
        lines = read.lineCounter;
        root = read.doc.contents;
    }
    catch (e) {
        if (!(e instanceof errors/* ArtifactError */.nE))
            throw e;
        return { line: e.location?.line ?? null, reason: e.message };
    }
    const tree = { lines, offset };
    const out = [];
    const add = (f) => {
        if (!out.some((o) => o.id === f.id))
            out.push(f);
    };
    switch (format) {
        case 'claude-agent':
            readScalar(tree, root, 'model', 'model', 'model', add);
            readScalar(tree, root, 'maxTurns', 'maxTurns', 'loop', add);
            readScalar(tree, root, 'effort', 'effort', 'other', add);
            break;
        case 'crewai-agents':
            eachEntry(root, (name, node) => {
                for (const [key, kind] of CREW_AGENT_KEYS)
                    readScalar(tree, node, key, `${name}.${key}`, kind, add);
            });
            break;
        case 'crewai-tasks':
            eachEntry(root, (name, node) => readScalar(tree, node, 'agent', `${name}.agent`, 'other', add));
            break;
        case 'litellm':
            litellmFacts(tree, root, add);
            break;
        case 'promptfoo':
            promptfooFacts(tree, root, add);
            break;
        case 'autogen':
            if ((0,dist/* isSeq */.oP)(root))
                root.items.forEach((item, i) => readScalar(tree, item, 'model', `[${i}].model`, 'model', add, 'model'));
            break;
        default:
            promptFacts(tree, root, add);
            if (format === 'github-models')
                evaluatorFacts(tree, root, add);
    }
    return out.sort((a, b) => a.line - b.line);
}
/** The YAML between a first-line `---` and the next `---` / `...` line, or null. */
function frontMatter(text) {
    const first = /^---[ \t]*\r?\n/.exec(text);
    if (!first)
        return null;
    const rest = text.slice(first[0].length);
    const close = /^(?:---|\.\.\.)[ \t]*\r?$/m.exec(rest);
    return close ? rest.slice(0, close.index) : null;
}
function pairOf(map, key) {
    if (!(0,dist/* isMap */.jh)(map))
        return undefined;
    for (const pair of map.items) {
        if ((0,dist/* isScalar */.jn)(pair.key) && String(pair.key.value) === key)
            return pair;
    }
    return undefined;
}
function artifact_facts_valueOf(map, ...path) {
    let node = map;
    for (const key of path)
        node = pairOf(node, key)?.value;
    return node;
}
/** A scalar as text (numbers and booleans as written), or null for anything else. */
function scalarText(node) {
    if (!(0,dist/* isScalar */.jn)(node))
        return null;
    const v = node.value;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}
function lineOf(tree, node) {
    return tree.lines.linePos(node?.range?.[0] ?? 0).line + tree.offset;
}
/** Adds `map[key]` as a fact when it is a scalar. */
function readScalar(tree, map, key, id, kind, add, label = id) {
    const pair = pairOf(map, key);
    const value = scalarText(pair?.value);
    if (!pair || value === null)
        return false;
    add({ id, label, kind, value, line: lineOf(tree, pair.key) });
    return true;
}
/** Calls `fn` for each `name: {mapping}` entry of a top-level map (CrewAI agents and tasks). */
function eachEntry(root, fn) {
    if (!(0,dist/* isMap */.jh)(root))
        return;
    for (const pair of root.items) {
        if ((0,dist/* isScalar */.jn)(pair.key) && (0,dist/* isMap */.jh)(pair.value))
            fn(String(pair.key.value), pair.value);
    }
}
/**
 * Model and output cap of a prompt file: GitHub Models (`model`, `modelParameters.maxTokens`),
 * Prompty v1/v2 (`model.configuration.*`, `model.id`, `model.parameters.max_tokens`,
 * `model.options.maxOutputTokens`, shorthand `model: gpt-4o`), Dotprompt (`config.maxOutputTokens`),
 * Copilot `.prompt.md` and front matter of plain prompts.
 */
function promptFacts(tree, root, add) {
    if (!readScalar(tree, root, 'model', 'model', 'model', add)) {
        const model = artifact_facts_valueOf(root, 'model');
        const spots = [
            [model, 'id'],
            [model, 'name'],
            [artifact_facts_valueOf(model, 'connection'), 'model'],
            [artifact_facts_valueOf(model, 'configuration'), 'model'],
            [artifact_facts_valueOf(model, 'connection'), 'azure_deployment'],
            [artifact_facts_valueOf(model, 'connection'), 'deployment'],
            [artifact_facts_valueOf(model, 'configuration'), 'azure_deployment'],
        ];
        for (const [map, key] of spots)
            if (readScalar(tree, map, key, 'model', 'model', add, /deployment$/.test(key) ? key : 'model'))
                break;
    }
    const containers = [
        artifact_facts_valueOf(root, 'modelParameters'),
        artifact_facts_valueOf(root, 'config'),
        artifact_facts_valueOf(root, 'model', 'parameters'),
        artifact_facts_valueOf(root, 'model', 'options'),
        artifact_facts_valueOf(root, 'model', 'configuration'),
        artifact_facts_valueOf(root, 'parameters'),
        root,
    ];
    for (const map of containers) {
        if (MAX_TOKENS_KEYS.some((key) => readScalar(tree, map, key, 'maxTokens', 'max-tokens', add, key)))
            break;
    }
}
/** GitHub Models judges: `evaluators[].llm.modelId`, and built-ins (`uses: github/similarity`). */
function evaluatorFacts(tree, root, add) {
    const evaluators = artifact_facts_valueOf(root, 'evaluators');
    if (!(0,dist/* isSeq */.oP)(evaluators))
        return;
    evaluators.items.forEach((item, i) => {
        const name = scalarText(artifact_facts_valueOf(item, 'name')) ?? `#${i + 1}`;
        const label = `evaluator "${name}"`;
        readScalar(tree, artifact_facts_valueOf(item, 'llm'), 'modelId', `evaluators.${name}.modelId`, 'model', add, `${label} modelId`);
        readScalar(tree, item, 'uses', `evaluators.${name}.uses`, 'other', add, `${label} uses`);
    });
}
/** LiteLLM `model_list[]`: the model behind each `model_name` route, and its `max_tokens`. */
function litellmFacts(tree, root, add) {
    const list = artifact_facts_valueOf(root, 'model_list');
    if (!(0,dist/* isSeq */.oP)(list))
        return;
    const seen = new Map();
    for (const item of list.items) {
        const name = scalarText(artifact_facts_valueOf(item, 'model_name')) ?? '(unnamed)';
        const n = (seen.get(name) ?? 0) + 1;
        seen.set(name, n);
        const route = n > 1 ? `${name} (#${n})` : name;
        const params = artifact_facts_valueOf(item, 'litellm_params');
        const pair = pairOf(params, 'model');
        const value = scalarText(pair?.value);
        if (pair && value !== null)
            add({
                id: `model_list.${name}#${n}`,
                label: `${route}:`,
                kind: 'model',
                value,
                line: lineOf(tree, pair.key),
                route: name,
            });
        readScalar(tree, params, 'max_tokens', `model_list.${name}#${n}.max_tokens`, 'max-tokens', add, `${route}: max_tokens`);
    }
}
/** promptfoo `providers` (ids, and `config.max_tokens`) and `evaluateOptions.repeat`. */
function promptfooFacts(tree, root, add) {
    const providers = pairOf(root, 'providers');
    const items = (0,dist/* isSeq */.oP)(providers?.value)
        ? providers.value.items
        : providers
            ? [providers.value]
            : [];
    items.forEach((item, i) => {
        const id = `providers[${i}]`;
        const text = scalarText(item);
        if (text !== null) {
            add({ id, label: 'provider', kind: 'model', value: text, line: lineOf(tree, item) });
            return;
        }
        const name = scalarText(artifact_facts_valueOf(item, 'id'));
        readScalar(tree, item, 'id', id, 'model', add, 'provider');
        readScalar(tree, artifact_facts_valueOf(item, 'config'), 'max_tokens', `${id}.max_tokens`, 'max-tokens', add, `provider ${name ?? `#${i + 1}`} max_tokens`);
    });
    readScalar(tree, artifact_facts_valueOf(root, 'evaluateOptions'), 'repeat', 'repeat', 'other', add);
}

;// CONCATENATED MODULE: ./src/unpriced/paths.ts
/**
 * Which changed files can change AI cost, by path (and, for LiteLLM, a look at the content):
 * prompt and agent artifacts (`reference/formats.md` §1.1), env files, and source files whose
 * hunks are scanned for model ids and limits.
 */

/** How each artifact format is named in summaries. */
const ARTIFACT_NOUN = {
    'github-models': 'prompt file',
    prompty: 'Prompty file',
    dotprompt: 'Dotprompt file',
    'vscode-prompt': 'Copilot prompt file',
    'plain-prompt': 'prompt file',
    'claude-agent': 'Claude Code agent',
    'crewai-agents': 'CrewAI agents file',
    'crewai-tasks': 'CrewAI tasks file',
    litellm: 'LiteLLM config',
    promptfoo: 'promptfoo config',
    autogen: 'AutoGen config',
};
const PLAIN_PROMPT_EXT = /\.(?:md|txt|j2|jinja2?|hbs|mustache)$/i;
const CODE_EXT = /\.(?:py|ts|tsx|js|jsx|mjs|cjs)$/i;
/** Documents that sit next to prompts without being prompts. */
const NOT_A_PROMPT = /^(?:readme|changelog|license|contributing)(?:\.|$)/i;
/**
 * Code that does not run in production: tests, fixtures, type declarations, bundles and vendored
 * packages. Model ids there are test data (aicost's own tests are full of them), not spend.
 */
const NOT_PRODUCTION_DIR = /(?:^|\/)(?:node_modules|dist|build|vendor|__tests__|__mocks__|__fixtures__|tests?|fixtures|spec)\//i;
const NOT_PRODUCTION_FILE = /(?:\.d\.[cm]?ts|\.min\.js|\.(?:test|spec)\.[cm]?[jt]sx?|^test_[^/]*\.py|_test\.py|^conftest\.py)$/i;
/** A LiteLLM proxy config has a top-level `model_list:` key. */
const LITELLM_MODEL_LIST = /^model_list[ \t]*:/m;
/** A GitHub Models prompt under any YAML name (`triage_prompt.yml`): `messages:` entries with a `role:`. */
const GITHUB_MODELS_BY_CONTENT = [/^messages[ \t]*:/m, /^[ \t]*-?[ \t]*role[ \t]*:/m];
/** Names LiteLLM's docs give its proxy config, and any YAML that says litellm in its name. */
const GATEWAY_NAME = /^(?:(?:litellm_)?config|[^/]*litellm[^/]*)\.ya?ml$/i;
/** How much of a file too large to read is looked at for `model_list:`. */
const GATEWAY_SNIFF_BYTES = 64 * 1024;
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/**
 * Classifies a path. `texts` (base and head) are looked at only to find YAML files that are
 * LiteLLM proxy configs (a top-level `model_list:`), whatever their name.
 */
function classifyPath(path, texts = []) {
    const name = basename(path);
    const lower = name.toLowerCase();
    const lowerPath = path.toLowerCase();
    if (name.startsWith('OAI_CONFIG_LIST'))
        return { type: 'artifact', format: 'autogen', kind: 'model-config' };
    if (/(?:^|\/)\.claude\/agents\//.test(path) && lower.endsWith('.md'))
        return { type: 'artifact', format: 'claude-agent', kind: 'agent-file' };
    if (lower.endsWith('.prompt.md')) {
        const dotprompt = texts.some((t) => t !== null && (0,artifacts/* looksLikeDotprompt */.xc)(t));
        return { type: 'artifact', format: dotprompt ? 'dotprompt' : 'vscode-prompt', kind: 'prompt-file' };
    }
    if (lower.endsWith('.prompt.yml') || lower.endsWith('.prompt.yaml'))
        return { type: 'artifact', format: 'github-models', kind: 'prompt-file' };
    if (lower.endsWith('.prompty'))
        return { type: 'artifact', format: 'prompty', kind: 'prompt-file' };
    if (lower.endsWith('.prompt'))
        return { type: 'artifact', format: 'dotprompt', kind: 'prompt-file' };
    if (/(?:^|\/)config\/agents\.ya?ml$/.test(lowerPath))
        return { type: 'artifact', format: 'crewai-agents', kind: 'agent-file' };
    if (/(?:^|\/)config\/tasks\.ya?ml$/.test(lowerPath))
        return { type: 'artifact', format: 'crewai-tasks', kind: 'agent-file' };
    if (/^promptfooconfig(?:\.[^/]*)?\.ya?ml$/.test(lower))
        return { type: 'artifact', format: 'promptfoo', kind: 'model-config' };
    // By content: an eval config under another name (evals/support.yaml) with prompts: and providers:.
    if (texts.some((t) => t !== null && (0,artifacts/* looksLikePromptfoo */.sI)(path, t)))
        return { type: 'artifact', format: 'promptfoo', kind: 'model-config' };
    // By content, not name: a proxy config may be called anything (aliases_config.yaml, proxy.yaml).
    if (/\.ya?ml$/.test(lower) && texts.some((t) => t !== null && LITELLM_MODEL_LIST.test(t))) {
        return { type: 'artifact', format: 'litellm', kind: 'model-config' };
    }
    if (/\.ya?ml$/.test(lower) && texts.some((t) => t !== null && GITHUB_MODELS_BY_CONTENT.every((re) => re.test(t))))
        return { type: 'artifact', format: 'github-models', kind: 'prompt-file' };
    if (/(?:^|\/)prompts\//.test(path) && PLAIN_PROMPT_EXT.test(name) && !NOT_A_PROMPT.test(name)) {
        return { type: 'artifact', format: 'plain-prompt', kind: 'prompt-file' };
    }
    if (lower.startsWith('.env') || lower.endsWith('.env.example'))
        return { type: 'env' };
    if (CODE_EXT.test(name) && !NOT_PRODUCTION_DIR.test(path) && !NOT_PRODUCTION_FILE.test(name)) {
        return { type: 'code', lang: lower.endsWith('.py') ? 'python' : 'js' };
    }
    return { type: 'none' };
}
/**
 * The class of a changed YAML file too large (or too odd) to read, whose `start` (its first
 * GATEWAY_SNIFF_BYTES, or '') is all that was looked at: a LiteLLM config when its name is one
 * LiteLLM configs use (`config.yaml`, `litellm_config.yaml`, `*litellm*.yaml`), or when `model_list:`
 * opens a line in its start; else nothing. The name alone decides for those names, because padding
 * before `model_list:` would defeat any look at the start, and a hand-written config over 1 MiB is
 * rare enough to review by hand. Other names need the key near the top, so that large YAML data
 * files (fixtures, datasets, OpenAPI specs) stay quiet.
 */
function classifyUnreadYaml(path, start) {
    const name = basename(path);
    if (!/\.ya?ml$/i.test(name))
        return { type: 'none' };
    if (GATEWAY_NAME.test(name) || LITELLM_MODEL_LIST.test(start))
        return { type: 'artifact', format: 'litellm', kind: 'model-config' };
    return { type: 'none' };
}
/** Path suffixes dropped to name a feature after its file. */
const FEATURE_SUFFIX = /(?:\.prompt\.ya?ml|\.ya?ml|\.prompt\.md|\.prompty|\.prompt|\.md|\.txt|\.j2|\.jinja2?|\.hbs|\.mustache|\.py|\.[cm]?[jt]sx?)$/i;
/** File stems that say nothing about what the code does; the folder names the feature instead. */
const GENERIC_STEM = /^(?:index|main|app|__init__|mod|server|route|page|handler|config|agents|tasks)$/i;
/** A feature id (`[a-z0-9][a-z0-9._-]*`) suggested for a file: its name, or its folder's. */
function featureIdFor(path, format) {
    const parts = path.split('/');
    let stem = parts[parts.length - 1].replace(FEATURE_SUFFIX, '').replace(/^_+/, '');
    if (format === 'crewai-agents' || format === 'crewai-tasks') {
        // src/<crew>/config/agents.yaml: the crew is named by the folder above config/.
        const above = parts[parts.length - 3];
        stem = above && above !== 'src' ? above : 'crew';
    }
    else if (GENERIC_STEM.test(stem) && parts.length > 1) {
        stem = parts[parts.length - 2];
    }
    return slug(stem);
}
function slug(s) {
    const out = s
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/_/g, '-')
        .replace(/^[^a-z0-9]+/, '')
        .replace(/-+$/, '');
    return out || 'feature';
}
/** A path as a YAML flow scalar: plain when that is safe, JSON-quoted otherwise. */
function yamlScalar(s) {
    return /^[A-Za-z0-9_./-][A-Za-z0-9_./@+:-]*$/.test(s) && !s.includes(': ') && !/^[-:]$/.test(s)
        ? s
        : JSON.stringify(s);
}

;// CONCATENATED MODULE: ./src/unpriced/format.ts
/**
 * Wording shared by the scanners: ratios (`×16.7`), the price ratio of a model swap, and the
 * `.aicost.yml` entries suggested in hints.
 */

/** Longest value quoted in a summary; longer ones are cut with `…`. */
const MAX_VALUE_CHARS = 80;
/** `16.7`, `4`, `1.25`, `0.06`: one decimal from 10 up, two below, two significant digits under 1. */
function formatRatio(r) {
    if (r >= 10)
        return String(Math.round(r * 10) / 10);
    if (r >= 1)
        return String(Math.round(r * 100) / 100);
    return String(Number(r.toPrecision(2)));
}
/** Whitespace runs and control characters as one space, trimmed. */
function oneLine(s) {
    return s.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
}
/**
 * A value for a one-line summary: whitespace runs and control characters become one space (a
 * YAML block scalar must not break the line), cut when long, `(empty)` when empty.
 */
function show(value) {
    const flat = oneLine(value);
    if (flat === '')
        return '(empty)';
    return flat.length > MAX_VALUE_CHARS ? `${flat.slice(0, MAX_VALUE_CHARS - 1)}…` : flat;
}
/** The caller's price ratio, or null when it is missing, unknown or not a positive number. */
function safeRatio(priceRatio, from, to) {
    if (!priceRatio || from === to)
        return null;
    let r;
    try {
        r = priceRatio(from, to);
    }
    catch {
        return null;
    }
    return typeof r === 'number' && Number.isFinite(r) && r > 0 ? r : null;
}
/** ` (×16.7 input price)` or nothing. */
function priceSuffix(ratio) {
    return ratio === null ? '' : ` (×${formatRatio(ratio)} input price)`;
}
/** ` (×4 output cap)` / ` (×3 loop limit)` for two numeric limits, or nothing when old is 0. */
function limitSuffix(oldValue, newValue, what) {
    if (!(oldValue > 0) || !Number.isFinite(newValue))
        return '';
    return ` (×${formatRatio(newValue / oldValue)} ${what})`;
}
/** `features: { faq: { team: <team>, prompt: prompts/faq.prompt.yml, requests_per_month: <n> } }`. */
function featureEntry(id, key, path, model, output = false) {
    const modelPart = model === undefined ? '' : `, model: ${model}`;
    // Without traces an agent is priced as static loops, which need turns and output per turn; a
    // prompt without samples or an output cap in the file needs a typical output size.
    const extra = key === 'agent' ? ', typical_turns: <turns>, typical_output_tokens: <tokens>' : '';
    const outputPart = key === 'prompt' && output ? ', typical_output_tokens: <n>' : '';
    return `features: { ${id}: { team: <team>, ${key}: ${yamlScalar(path)}${modelPart}${outputPart}, requests_per_month: <n>${extra} } }`;
}

;// CONCATENATED MODULE: ./src/unpriced/work.ts
/**
 * Work done by the unpriced-change scan so far in this process, counted where it happens: steps of
 * the line diff (one per diagonal tried plus one per line compared along it), characters of the
 * lines handed to the patterns, and syntax-tree nodes visited. Tests bound hostile input by these
 * counts instead of a clock.
 */
const work = { diffSteps: 0, scannedChars: 0, treeNodes: 0 };
/** A copy of the counts so far. */
function unpricedWork() {
    return { ...work };
}

;// CONCATENATED MODULE: ./src/unpriced/line-diff.ts
/**
 * Line diff between the base and head text of one file, grouped into change blocks and hunks the
 * way `git diff` groups them, so that an edited line's old value can be found next to its new one.
 *
 * Myers' O(ND) greedy algorithm after trimming the common prefix and suffix. Two guards keep a
 * hostile or huge file from costing minutes or gigabytes: files over MAX_DIFF_LINES lines, and
 * diffs needing more than MAX_EDIT_DISTANCE inserted + deleted lines, are compared by line sets
 * instead (a head line is "added" when the base has no unused copy of it). That fallback finds the
 * same added lines for typical edits but loses positions of removed lines: they all go into one
 * hunk, so old → new pairing in such files is by order only.
 */

/** Above this many lines on either side, files are compared by line sets. */
const MAX_DIFF_LINES = 20_000;
/** Above this many inserted + deleted lines, Myers gives up and line sets are compared. */
const MAX_EDIT_DISTANCE = 2_000;
/** Unchanged lines `git diff` shows around a change (its default `-U3`). */
const HUNK_CONTEXT = 3;
/** Splits a text into lines; a final newline does not start an extra empty line. */
function splitLines(text) {
    if (text === null || text === '')
        return [];
    const lines = text.split(/\r?\n/);
    if (lines[lines.length - 1] === '')
        lines.pop();
    return lines;
}
/** Diffs two files given as lines. */
function diffLines(base, head) {
    if (base.length > MAX_DIFF_LINES || head.length > MAX_DIFF_LINES)
        return bySets(base, head);
    const ops = myers(base, head);
    return ops ? toBlocks(ops, base, head) : bySets(base, head);
}
/** Edit script from base to head, or null when it needs more than MAX_EDIT_DISTANCE edits. */
function myers(base, head) {
    let start = 0;
    while (start < base.length && start < head.length && base[start] === head[start])
        start++;
    let endA = base.length;
    let endB = head.length;
    while (endA > start && endB > start && base[endA - 1] === head[endB - 1]) {
        endA--;
        endB--;
    }
    const ops = [];
    for (let i = 0; i < start; i++)
        ops.push(0);
    // One side empty after trimming (an added or deleted file, or one block inserted or removed):
    // every line of the other side is changed, and Myers would walk every diagonal up to the
    // edit-distance cap (~2 million steps for 2,000 lines) before giving up on an answer it knew.
    if (start === endA || start === endB) {
        for (let i = start; i < endA; i++)
            ops.push(1);
        for (let j = start; j < endB; j++)
            ops.push(2);
        for (let i = endA; i < base.length; i++)
            ops.push(0);
        return ops;
    }
    // Compare small integers instead of strings in the inner loop.
    const ids = new Map();
    const intern = (s) => {
        let id = ids.get(s);
        if (id === undefined)
            ids.set(s, (id = ids.size));
        return id;
    };
    const a = Int32Array.from(base.slice(start, endA), intern);
    const b = Int32Array.from(head.slice(start, endB), intern);
    const middle = editScript(a, b);
    if (!middle)
        return null;
    for (const op of middle)
        ops.push(op);
    for (let i = endA; i < base.length; i++)
        ops.push(0);
    return ops;
}
function editScript(a, b) {
    const n = a.length;
    const m = b.length;
    const maxD = Math.min(n + m, MAX_EDIT_DISTANCE);
    const off = maxD + 1;
    const v = new Int32Array(2 * maxD + 3);
    // trace[d] holds v[-d-1 .. d+1] as it was before step d (the furthest points after d-1 edits).
    const trace = [];
    let found = -1;
    for (let d = 0; d <= maxD && found < 0; d++) {
        trace.push(v.slice(off - d - 1, off + d + 2));
        for (let k = -d; k <= d; k += 2) {
            let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
            let y = x - k;
            const from = x;
            while (x < n && y < m && a[x] === b[y]) {
                x++;
                y++;
            }
            work.diffSteps += 1 + x - from;
            v[off + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0)
        return null;
    const rev = [];
    let x = n;
    let y = m;
    for (let d = found; d > 0; d--) {
        const prev = trace[d];
        const at = (k) => prev[k + d + 1];
        const k = x - y;
        const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
        const prevX = at(prevK);
        const prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            rev.push(0);
            x--;
            y--;
        }
        rev.push(x === prevX ? 2 : 1);
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        rev.push(0);
        x--;
        y--;
    }
    return rev.reverse();
}
function toBlocks(ops, base, head) {
    const blocks = [];
    let i = 0; // base index
    let j = 0; // head index
    let current = null;
    let equalRun = 0;
    let hunk = -1;
    for (const op of ops) {
        if (op === 0) {
            current = null;
            equalRun++;
            i++;
            j++;
            continue;
        }
        if (!current) {
            if (hunk < 0 || equalRun > 2 * HUNK_CONTEXT)
                hunk++;
            current = { removed: [], added: [], headLine: j + 1, hunk };
            blocks.push(current);
            equalRun = 0;
        }
        if (op === 1) {
            current.removed.push({ line: i + 1, text: base[i] });
            i++;
        }
        else {
            current.added.push({ line: j + 1, text: head[j] });
            j++;
        }
    }
    return { blocks, exact: true };
}
/** Coarse comparison for huge files: multiset of lines, added runs in head order, one hunk. */
function bySets(base, head) {
    const baseCount = countLines(base);
    const headCount = countLines(head);
    const blocks = [];
    let current = null;
    head.forEach((text, j) => {
        const left = baseCount.get(text) ?? 0;
        if (left > 0) {
            baseCount.set(text, left - 1);
            current = null;
            return;
        }
        if (!current) {
            current = { removed: [], added: [], headLine: j + 1, hunk: 0 };
            blocks.push(current);
        }
        current.added.push({ line: j + 1, text });
    });
    const removed = [];
    base.forEach((text, i) => {
        const left = headCount.get(text) ?? 0;
        if (left > 0)
            headCount.set(text, left - 1);
        else
            removed.push({ line: i + 1, text });
    });
    if (removed.length)
        blocks.push({ removed, added: [], headLine: 1, hunk: 0 });
    return { blocks, exact: false };
}
function countLines(lines) {
    const counts = new Map();
    for (const l of lines)
        counts.set(l, (counts.get(l) ?? 0) + 1);
    return counts;
}

// EXTERNAL MODULE: ./src/text/index.ts + 3 modules
var src_text = __webpack_require__(2526);
;// CONCATENATED MODULE: ./src/unpriced/unscanned.ts
/**
 * Changed files the scan could not read, or changed lines it does not scan, reported as unpriced
 * changes of their own (issue 12, reproduction 12): a model edit padded past the size limit or put
 * on a 300,000-character line must not pass for no edit under `unpriced_changes: fail`. Only files
 * the scanner would look at (artifacts, env and code files by path) are reported, so large data
 * files and generated bundles stay quiet.
 */

/** The unpriced-change kind of a file class the scanner reads. */
function kindOf(cls) {
    return cls.type === 'artifact' ? cls.kind : cls.type;
}
const HINT = 'review it by hand; to have aicost read it, keep AI code and config in text files under 1 MiB with lines under 2,000 characters, or map it to a feature in .aicost.yml';
/** A changed file whose text could not be read: `reason` says why, at `line` when it is known. */
function unscannedChange(file, cls, reason, line = null) {
    const where = line === null ? file.path : `${file.path}:${line}`;
    return {
        kind: kindOf(cls),
        file: file.path,
        line,
        summary: `${where} not scanned: ${reason}`,
        price_ratio: null,
        hint: HINT,
    };
}
/**
 * One entry for the added lines of a code or env file longer than `max` characters (they are not
 * scanned: minified or generated text, or an edit hidden on a long line), or none.
 */
function longLinesChange(file, kind, added, max) {
    const long = added.filter((l) => l.text.length > max);
    if (!long.length)
        return [];
    const first = long[0];
    const more = long.length > 1 ? ` and ${long.length - 1} more changed line(s)` : '';
    return [
        {
            kind,
            file: file.path,
            line: first.line,
            summary: `${file.path}:${first.line} not scanned: the changed line is ${(0,src_text/* grouped */.zD)(first.text.length)} characters${more}, over the ${(0,src_text/* grouped */.zD)(max)} the scan reads`,
            price_ratio: null,
            hint: HINT,
        },
    ];
}

;// CONCATENATED MODULE: ./src/unpriced/artifact-scan.ts
/**
 * One unpriced change per changed artifact file (prompt, agent or model config outside every
 * feature): what changed in cost terms when the settings tell it (`model a → b (×16.7 input
 * price)`, `maxTokens 256 → 1024 (×4 output cap)`), else that the file is new, changed or gone.
 */






/** At most this many setting changes are spelled out in one summary. */
const MAX_LISTED = 6;
/** Copilot bills prompt files by premium-request multipliers, not tokens (§3.7). */
const COPILOT_NOTE = ' (Copilot bills premium requests, not tokens)';
/** The cost-relevant differences between two fact lists, in head order, removals last. */
function factChanges(format, base, head, opts) {
    const texts = [];
    let line = null;
    let ratio = null;
    let model;
    // Labels come from YAML keys of the PR (agent and route names): keep them on one line.
    const byId = new Map(base.map((f) => [f.id, { ...f, label: oneLine(f.label) }]));
    for (const fact of head) {
        const now = { ...fact, label: oneLine(fact.label) };
        const was = byId.get(now.id);
        if (was && was.value === now.value)
            continue;
        line ??= now.line;
        if (now.kind === 'model')
            model ??= now;
        if (!was) {
            texts.push(`${now.label} ${show(now.value)} added`);
            continue;
        }
        const change = was.label === now.label
            ? `${now.label} ${show(was.value)} → ${show(now.value)}`
            : `${was.label} ${show(was.value)} → ${now.label} ${show(now.value)}`;
        let suffix = '';
        if (now.kind === 'model') {
            if (format === 'vscode-prompt') {
                suffix = COPILOT_NOTE;
            }
            else {
                const r = safeRatio(opts.priceRatio, was.value, now.value);
                ratio ??= r;
                suffix = priceSuffix(r);
            }
        }
        else if (now.kind === 'max-tokens' || now.kind === 'loop') {
            suffix = limitSuffix(Number(was.value), Number(now.value), now.kind === 'loop' ? 'loop limit' : 'output cap');
        }
        texts.push(change + suffix);
    }
    const inHead = new Set(head.map((f) => f.id));
    for (const was of byId.values())
        if (!inHead.has(was.id))
            texts.push(`${was.label} ${show(was.value)} removed`);
    return { texts, line, ratio, model };
}
/** ` (model openai/gpt-4o)`, ` (models a, b)` or nothing. */
function describeModels(facts) {
    const models = [...new Set(facts.filter((f) => f.kind === 'model').map((f) => show(f.value)))];
    if (!models.length)
        return '';
    if (models.length === 1)
        return ` (model ${models[0]})`;
    const listed = models.slice(0, 3).join(', ');
    return ` (models ${listed}${models.length > 3 ? `, +${models.length - 3} more` : ''})`;
}
/** First head line the line diff marks as changed, or 1. */
function firstChangedLine(base, head) {
    const headLines = splitLines(head);
    const block = diffLines(splitLines(base), headLines).blocks[0];
    if (!block)
        return 1;
    return block.added[0]?.line ?? Math.max(1, Math.min(block.headLine, headLines.length));
}
function featureKey(kind) {
    return kind === 'agent-file' ? 'agent' : 'prompt';
}
/** The `.aicost.yml` entry (or the step) that would cover a changed artifact. */
function artifactHint(file, format, kind, firstModel, hasCap = true) {
    const path = file.path;
    const id = featureIdFor(path, format);
    switch (format) {
        case 'claude-agent':
        case 'crewai-agents':
            return featureEntry(id, 'agent', path);
        case 'crewai-tasks':
            // A crew is one agent feature named by its agents file; its tasks come with it.
            return featureEntry(id, 'agent', path.replace(/tasks\.(ya?ml)$/i, 'agents.$1'));
        case 'litellm': {
            const route = firstModel?.route ?? '<model_name>';
            return `read its routes as aliases: models_from: [${yamlScalar(path)}], and price the calls that send ${yamlScalar(route)}: features: { <feature>: { team: <team>, prompt: <prompt file>, model: ${yamlScalar(route)}, requests_per_month: <n> } }`;
        }
        case 'promptfoo': {
            // The config is the prompt + model artifact: one of its prompts, priced with one of its providers.
            const choice = file.head === null ? null : (0,artifacts/* promptfooFeatureChoice */.Kb)(path, file.head);
            if (!choice)
                return `promptfoo runs are eval spend: price them as a feature with the prompt they test: features: { evals: { team: <team>, prompt: <prompt file>, model: ${firstModel ? yamlScalar(firstModel.value) : '<model id>'}, requests_per_month: <runs × tests × providers> } }`;
            const output = choice.hasCap ? '' : ', typical_output_tokens: <n>';
            return `price one prompt of it with one provider (each prompt × provider the app sends is a feature): features: { ${id}: { team: <team>, prompt: ${yamlScalar(`${path}#${choice.prompt}`)}, provider: ${yamlScalar(choice.provider)}${output}, requests_per_month: <n> } }`;
        }
        case 'autogen': {
            const model = firstModel ? yamlScalar(firstModel.value) : '<model id>';
            return `describe the AutoGen agents in an aicost agent file (agents/autogen.yaml with model: ${model}) and add ${featureEntry('autogen', 'agent', 'agents/autogen.yaml')}`;
        }
        case 'vscode-prompt':
            return `Copilot runs it on premium requests; if your app also sends it to a model API, add ${featureEntry(id, 'prompt', path)}`;
        case 'prompty':
            if (firstModel && /deployment$/.test(firstModel.label)) {
                // An Azure deployment name is the owner's: only a models: alias tells what it runs.
                const alias = yamlScalar(`azure/${firstModel.value}`);
                return `map the deployment to the model it runs, and the file to a feature: models: { ${alias}: <vendor>/<model> } and ${featureEntry(id, 'prompt', path, undefined, !hasCap)}`;
            }
            return featureEntry(id, 'prompt', path, firstModel ? undefined : '<model id>', !hasCap);
        case 'dotprompt':
            if ((0,artifacts/* isDotpromptPartial */.Ff)(path)) {
                const name = path
                    .slice(path.lastIndexOf('/') + 1)
                    .replace(/^_/, '')
                    .replace(/\.prompt$/i, '');
                return `a Dotprompt partial is priced inside the prompts that include it ({{>${name}}}): map those, e.g. features: { <feature>: { team: <team>, prompt: <the .prompt that includes it>, requests_per_month: <n> } }`;
            }
            return featureEntry(id, 'prompt', path, firstModel ? undefined : '<model id>', !hasCap);
        default:
            return featureEntry(id, featureKey(kind), path, firstModel ? undefined : '<model id>', !hasCap);
    }
}
function deletedHint(file, format, kind) {
    if (kind === 'model-config')
        return `nothing to add if nothing reads ${file.path} any more`;
    const id = featureIdFor(file.path, format);
    return `nothing to add if nothing loads ${file.path} any more; if its calls moved to another file, map that one: features: { ${id}: { team: <team>, ${featureKey(kind)}: <new file>, requests_per_month: <n> } }`;
}
/**
 * The unpriced change of one artifact file, or null when nothing changed (a mode-only change).
 * `oldMapped`: the file was renamed away from a path a feature maps.
 */
function scanArtifact(file, format, kind, opts, oldMapped = false) {
    const noun = ARTIFACT_NOUN[format];
    const baseRead = file.base === null ? [] : factsOf(format, file.base, file.oldPath ?? file.path);
    const headRead = file.head === null ? [] : factsOf(format, file.head, file.path);
    // A head the YAML reader refuses (invalid, an alias bomb, too deep) could hide any setting: it is
    // "not scanned", not "changed". An unreadable base only loses the old values.
    if (!Array.isArray(headRead) && file.status !== 'deleted')
        return unscannedChange(file, { type: 'artifact', format, kind }, headRead.reason, headRead.line);
    const base = Array.isArray(baseRead) ? baseRead : [];
    const head = Array.isArray(headRead) ? headRead : [];
    const result = (line, summary, ratio, hint) => ({
        kind,
        file: file.path,
        line,
        summary,
        price_ratio: ratio,
        hint,
    });
    if (file.status === 'deleted') {
        return result(null, `deleted ${noun} ${file.path}${describeModels(base)}`, null, deletedHint(file, format, kind));
    }
    const bothSides = file.base !== null && file.head !== null;
    if (bothSides && file.base === file.head && file.status !== 'renamed')
        return null;
    const changes = bothSides && file.status !== 'added'
        ? factChanges(format, base, head, opts)
        : { texts: [], line: null, ratio: null };
    const hint = oldMapped && file.oldPath
        ? `the feature that maps ${file.oldPath} must follow the rename: set its ${featureKey(kind)}: ${yamlScalar(file.path)}`
        : artifactHint(file, format, kind, changes.model ?? head.find((f) => f.kind === 'model'), head.some((f) => f.kind === 'max-tokens'));
    if (file.status === 'added')
        return result(1, `new ${noun} ${file.path}${describeModels(head)}`, null, hint);
    const renamed = file.status === 'renamed' && file.oldPath !== undefined && file.oldPath !== file.path;
    const subject = renamed ? `${noun} ${file.oldPath} renamed to ${file.path}` : `${noun} ${file.path}`;
    if (bothSides && file.base === file.head)
        return renamed ? result(1, `${subject}${describeModels(head)}`, null, hint) : null;
    if (changes.texts.length) {
        const listed = changes.texts.slice(0, MAX_LISTED).join(', ');
        const more = changes.texts.length > MAX_LISTED ? `, +${changes.texts.length - MAX_LISTED} more` : '';
        const line = changes.line ?? firstChangedLine(file.base, file.head);
        return result(line, `${subject}: ${listed}${more}`, changes.ratio, hint);
    }
    const line = bothSides ? firstChangedLine(file.base, file.head) : 1;
    return result(line, `${subject}${renamed ? ' and' : ''} changed${describeModels(head)}`, null, hint);
}

;// CONCATENATED MODULE: ./src/unpriced/code-keys.ts
/**
 * The names that make a value in code cost-relevant, shared by the line scan (code-scan.ts) and
 * the syntax-tree scan (code-calls.ts): keyword arguments and properties that take a model id, an
 * output cap, a loop limit or a reasoning budget, and the constant names that hold one.
 */
/** Keyword arguments and properties that take a model id. */
const MODEL_KEYS = new Set([
    'model',
    'model_name',
    'model_id',
    'modelName',
    'modelId',
    'llm',
    'function_calling_llm',
]);
/** Azure OpenAI names a deployment where others name a model; deployment names are free-form. */
const DEPLOYMENT_KEYS = new Set([
    'deployment',
    'deployment_name',
    'deployment_id',
    'azure_deployment',
    'deploymentName',
    'azureDeployment',
]);
const code_keys_MAX_TOKENS_KEYS = new Set([
    'max_tokens',
    'max_completion_tokens',
    'maxTokens',
    'maxCompletionTokens',
    'maxOutputTokens',
    'max_output_tokens',
    'max_new_tokens',
    'max_tokens_to_sample',
    'maxTokensToSample',
]);
const LOOP_KEYS = new Set([
    'maxSteps',
    'max_steps',
    'max_turns',
    'maxTurns',
    'max_iter',
    'max_iterations',
    'maxIterations',
    'recursion_limit',
    'recursionLimit',
    'request_limit',
    'requestLimit',
    'max_round',
    'max_rounds',
    'max_consecutive_auto_reply',
]);
/**
 * Reasoning budgets and efforts: Anthropic `thinking.budget_tokens`, AI SDK `budgetTokens`,
 * Gemini `thinkingBudget` / `thinking_budget`, OpenAI `reasoning_effort` / `reasoningEffort`.
 * `effort` counts only under a `reasoning` key (`reasoning={"effort": "high"}`).
 */
const REASONING_KEYS = new Set([
    'budget_tokens',
    'budgetTokens',
    'thinkingBudget',
    'thinking_budget',
    'reasoning_effort',
    'reasoningEffort',
]);
/** Parent keys shown with a reasoning key: `thinking.budget_tokens`, `reasoning.effort`. */
const REASONING_PARENTS = new Set(['thinking', 'reasoning']);
/** Effort levels OpenAI and the AI SDK accept; other strings under these keys are not efforts. */
const EFFORTS = new Set(['minimal', 'low', 'medium', 'high', 'none', 'xhigh']);
/** Constants holding a model id: `REPLY_MODEL`, `DEFAULT_MODEL_ID`, `summaryModel`, `default_model`. */
const UPPER_MODEL_NAME = /^[A-Z0-9_]*(?:^|_)(?:MODEL(?:_NAME|_ID)?|LLM)$/;
const CAMEL_MODEL_NAME = /^[a-z][A-Za-z0-9]*(?:Model|Llm|LLM)(?:Id|Name)?$/;
const SNAKE_MODEL_NAME = /^[a-z0-9_]*_(?:model|llm)(?:_name|_id)?$/;
const UPPER_MAX_TOKENS = /^[A-Z0-9_]*(?:^|_)MAX_(?:OUTPUT_|COMPLETION_|NEW_)?TOKENS$/;
const UPPER_LOOP = /^[A-Z0-9_]*(?:^|_)(?:MAX_(?:STEPS|TURNS|ITER|ITERATIONS|ROUNDS?)|RECURSION_LIMIT|REQUEST_LIMIT)$/;
const UPPER_REASONING = /^[A-Z0-9_]*(?:^|_)(?:THINKING_BUDGET|BUDGET_TOKENS|REASONING_EFFORT)$/;
/** A name that says it holds a model id. */
function isModelName(name) {
    return UPPER_MODEL_NAME.test(name) || CAMEL_MODEL_NAME.test(name) || SNAKE_MODEL_NAME.test(name);
}
/** The family of a number-or-effort setting by its key or constant name, or null. */
function settingFamily(name, parent = '') {
    if (code_keys_MAX_TOKENS_KEYS.has(name) || UPPER_MAX_TOKENS.test(name))
        return 'max-tokens';
    if (LOOP_KEYS.has(name) || UPPER_LOOP.test(name))
        return 'loop';
    if (REASONING_KEYS.has(name) || UPPER_REASONING.test(name))
        return 'reasoning';
    if (name === 'effort' && parent === 'reasoning')
        return 'reasoning';
    return null;
}
/** How a setting is named in a summary: `thinking.budget_tokens`, `reasoning.effort`, `max_tokens`. */
function settingLabel(name, parent) {
    return REASONING_PARENTS.has(parent) && settingFamily(name, parent) === 'reasoning' ? `${parent}.${name}` : name;
}

;// CONCATENATED MODULE: ./src/unpriced/code-resolve.ts
/**
 * Static values of expressions in one file: string and number literals, concatenations of them
 * (`"gpt-" + "4o"`, Python `"gpt-" "4o"`), names bound in the file (`MODEL`, `self.model`), dict and
 * object entries read by key (`CONFIG["model"]`, `CONFIG.model`), provider calls
 * (`openai(MODEL)`) and env reads with a default (`os.getenv("M", "gpt-4o")`, `process.env.M ??
 * 'gpt-4o'`). Anything else (a function argument, another module, `getattr`, an f-string with a
 * placeholder) is unresolved, and the node where resolution stopped is returned to be shown.
 */
/** How many names deep a value is followed (`A = B`, `B = C`, …); a cycle stops here too. */
const MAX_DEPTH = 8;
/** Longest concatenation built; longer values are not model ids anyway. */
const MAX_VALUE = 400;
const WRAPPERS = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);
const PROVIDER_CALL = /^(?:openai|anthropic|google|vertex|mistral|xai|groq|deepseek|cohere|perplexity|togetherai|fireworks|bedrock|azure|openrouter|ollama|gateway)(?:\.(?:chat|responses|completion|languageModel))?$/;
function kids(node) {
    return node.namedChildren.filter((c) => c !== null && c.type !== 'comment');
}
/** The text of a string literal without placeholders, or null (an f-string or template with `{x}`). */
function stringValue(node) {
    let out = '';
    for (const c of kids(node)) {
        if (c.type === 'interpolation' || c.type === 'template_substitution')
            return null;
        if (c.type === 'string_content' || c.type === 'string_fragment' || c.type === 'escape_sequence')
            out += c.text;
    }
    return out;
}
/** A dictionary or object literal that `node` names (`CONFIG`), or null. */
function container(node, bindings, depth) {
    const n = unwrapped(node);
    if (n.type === 'dictionary' || n.type === 'object')
        return n;
    if (depth > MAX_DEPTH || !/^(?:identifier|attribute|member_expression)$/.test(n.type))
        return null;
    const values = bindings.get(n.text);
    if (values?.length !== 1)
        return null;
    return container(values[0], bindings, depth + 1);
}
/** The value of `key` in a dictionary or object literal. */
function entry(obj, key) {
    for (const p of kids(obj)) {
        if (p.type !== 'pair')
            continue;
        const k = p.childForFieldName('key');
        if (!k)
            continue;
        const name = k.type === 'string' ? stringValue(k) : k.text;
        if (name === key)
            return p.childForFieldName('value');
    }
    return null;
}
function unwrapped(node) {
    let n = node;
    while (WRAPPERS.has(n.type) && n.namedChildren[0])
        n = n.namedChildren[0];
    return n;
}
/** The static value of `node` in a file with `bindings`. */
function resolveValue(node, bindings, depth = 0) {
    const n = unwrapped(node);
    const stop = { kind: 'unresolved', leaf: n };
    if (depth > MAX_DEPTH)
        return stop;
    const value = (v, via = []) => v.length > MAX_VALUE ? stop : { kind: 'value', value: v, leaf: n, via };
    switch (n.type) {
        case 'string':
        case 'template_string': {
            const s = stringValue(n);
            return s === null ? stop : value(s);
        }
        case 'integer':
        case 'number':
            return value(n.text.replace(/_/g, ''));
        case 'concatenated_string':
        case 'binary_operator':
        case 'binary_expression': {
            const parts = n.type === 'concatenated_string' ? kids(n) : [n.childForFieldName('left'), n.childForFieldName('right')];
            const op = n.childForFieldName('operator')?.text;
            if (n.type !== 'concatenated_string' && (op === '??' || op === '||'))
                return orElse(n, bindings, depth);
            if (n.type !== 'concatenated_string' && op !== '+')
                return stop;
            let out = '';
            const via = [];
            for (const p of parts) {
                if (!p)
                    return stop;
                const r = resolveValue(p, bindings, depth + 1);
                if (r.kind !== 'value')
                    return r;
                out += r.value;
                via.push(...r.via);
            }
            return value(out, via);
        }
        case 'boolean_operator':
            return n.childForFieldName('operator')?.text === 'or' ? orElse(n, bindings, depth) : stop;
        case 'identifier':
        case 'shorthand_property_identifier':
        case 'attribute':
        case 'member_expression':
        case 'subscript':
        case 'subscript_expression': {
            const named = byName(n, bindings, depth);
            if (named)
                return named;
            return keyed(n, bindings, depth) ?? stop;
        }
        case 'call':
        case 'call_expression': {
            const callee = (n.childForFieldName('function')?.text ?? '').replace(/\s+/g, '');
            const args = kids(n.childForFieldName('arguments') ?? n).filter((a) => a !== n.childForFieldName('function'));
            if (PROVIDER_CALL.test(callee) && args[0])
                return resolveValue(args[0], bindings, depth + 1);
            if (/(?:^|\.)(?:getenv|environ\.get)$/.test(callee)) {
                const kw = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default');
                const d = kw?.childForFieldName('value') ?? (args[1]?.type !== 'keyword_argument' ? args[1] : undefined);
                return d ? resolveValue(d, bindings, depth + 1) : stop;
            }
            return stop;
        }
        default:
            return stop;
    }
}
/** `a or "gpt-4o"`, `process.env.M ?? 'gpt-4o'`: the default is what the code falls back to. */
function orElse(n, bindings, depth) {
    const right = n.childForFieldName('right');
    return right ? resolveValue(right, bindings, depth + 1) : { kind: 'unresolved', leaf: n };
}
/** A name bound in the file: all its bindings must give the same value. */
function byName(n, bindings, depth) {
    const values = bindings.get(n.text);
    if (!values?.length)
        return null;
    let first = null;
    for (const v of values) {
        const r = resolveValue(v, bindings, depth + 1);
        if (r.kind !== 'value')
            return { kind: 'unresolved', leaf: n };
        if (first && first.kind === 'value' && first.value !== r.value)
            return { kind: 'unresolved', leaf: n };
        first ??= r;
    }
    return first && first.kind === 'value' ? { ...first, via: [...first.via, n.text] } : null;
}
/** `CONFIG["model"]`, `CONFIG.model`, `CONFIG['model']`: an entry of a dict or object bound in the file. */
function keyed(n, bindings, depth) {
    let objNode = null;
    let key = null;
    if (n.type === 'member_expression') {
        objNode = n.childForFieldName('object');
        key = n.childForFieldName('property')?.text ?? null;
    }
    else if (n.type === 'subscript' || n.type === 'subscript_expression') {
        objNode = n.childForFieldName('value') ?? n.childForFieldName('object');
        const k = n.childForFieldName('subscript') ?? n.childForFieldName('index');
        key = k && k.type === 'string' ? stringValue(k) : null;
    }
    if (!objNode || key === null)
        return null;
    const obj = container(objNode, bindings, depth + 1);
    const v = obj && entry(obj, key);
    if (!v)
        return null;
    const r = resolveValue(v, bindings, depth + 1);
    return r.kind === 'value' ? { ...r, via: [...r.via, n.text] } : r;
}

// EXTERNAL MODULE: ./src/catalog/index.ts + 18 modules
var catalog = __webpack_require__(1417);
;// CONCATENATED MODULE: ./src/unpriced/model-id.ts
/**
 * Does a string from code or an env file look like a model id? Code is full of `model` strings
 * that are not models (`"model": "user"`, paths to weights, template names), so a value counts
 * only when it names a known model family or carries a known provider prefix.
 */

/** Characters model ids are made of; anything with spaces, braces or `$` is not a literal id. */
const ID_CHARS = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}$/;
/**
 * Well-known model families, at the start of the id or after a provider, vendor or region
 * separator (`openai/gpt-4o`, `us.anthropic.claude-…`, `ft:gpt-4o-mini:acme::x`).
 */
const FAMILY = /(?:^|[/:.@])(?:gpt-|chatgpt|o[1-9](?:-|$)|claude|gemini|gemma|llama|codellama|mistral|mixtral|codestral|ministral|pixtral|magistral|devstral|command(?:-|$)|deepseek|grok|qwen|qwq|phi-|text-embedding|embed-|sonar|jamba|nova-|titan|kimi|moonshot|glm-|dbrx|granite|nemotron|olmo|chat-bison|text-bison|davinci|babbage|whisper|dall-e|gpt-image|tts-1|computer-use|codex|starcoder|minimax|ernie|doubao|hunyuan|reka-)/i;
/** File names that are local weights or documents, never a hosted model id. */
const FILE_SUFFIX = /\.(?:gguf|bin|safetensors|onnx|pt|pth|ckpt|h5|pkl|json|ya?ml|txt|md|py|[cm]?[jt]sx?)$/i;
/** True when `value` is a model id as people write it in code and config. */
function looksLikeModelId(value) {
    if (!ID_CHARS.test(value) || value.includes('//') || FILE_SUFFIX.test(value))
        return false;
    if (FAMILY.test(value))
        return true;
    // `provider/model` or `provider:model` with a provider the catalog knows (`groq/…`, `azure/<deployment>`).
    const parsed = (0,catalog/* parseModelId */.iA)(value);
    return (parsed.model !== '' &&
        parsed.model !== value.toLowerCase() &&
        (parsed.providerId !== undefined || parsed.deployment));
}

;// CONCATENATED MODULE: ./src/unpriced/code-walk.ts
/**
 * One walk over a Python, TypeScript or JavaScript syntax tree (tree-sitter), collecting what the
 * code scan classifies (code-calls.ts): every name bound to a value, and every candidate site of a
 * model id or setting (a keyword argument, a dict or object entry, a provider, SDK or env call) with
 * the function that holds it and whether it sits inside a log call or error text, where nothing
 * counts. The walk counts the nodes it visits and stops at a cap.
 */

/** At most this many syntax nodes are visited per file side; a larger tree falls back to the line scan. */
const MAX_TREE_NODES = 1_000_000;
/** Functions and constructors whose first argument (or `model=`) is the model. */
const PROVIDERS = new Set('openai anthropic google vertex mistral xai groq deepseek cohere perplexity togetherai fireworks bedrock azure openrouter ollama gateway Agent init_chat_model AzureOpenAI AsyncAzureOpenAI ChatOpenAI AzureChatOpenAI ChatAnthropic ChatGoogleGenerativeAI ChatMistralAI ChatGroq ChatBedrock ChatBedrockConverse ChatVertexAI ChatOllama OpenAIModel AnthropicModel GeminiModel LLM GenerativeModel'.split(' '));
/** `openai.chat('…')`, `openai.responses('…')`: a provider's model factories. */
const PROVIDER_METHODS = new Set(['chat', 'responses', 'completion', 'languageModel', 'textEmbeddingModel']);
/** Calls that send a prompt: OpenAI, Anthropic, LiteLLM, Google, AI SDK. */
const SDK_CALL = /(?:(?:^|\.)(?:chat\.completions|completions|responses|messages|beta\.messages|beta\.chat\.completions)\.(?:create|stream|parse)|(?:^|\.)a?completion|(?:^|\.)(?:generate_content(?:_async)?|generateContent(?:Stream)?)|^(?:generateText|streamText|generateObject|streamObject))$/;
/** Arguments that mark a call as a model call even when its callee is not known. */
const PROMPT_KEYS = new Set(['messages', 'prompt', 'system', 'input', 'contents', 'instructions']);
const LOG_METHODS = new Set([
    'debug',
    'info',
    'warn',
    'warning',
    'error',
    'exception',
    'critical',
    'fatal',
    'trace',
    'log',
]);
/** Free-form deployment names still have to look like a name, not a sentence or a path. */
const DEPLOYMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
/** The text of a node's identifier-like field, or ''. */
function nameOf(node) {
    if (!node)
        return '';
    if (node.type === 'string')
        return stringKey(node);
    return /^[A-Za-z_$][\w$.]*$/.test(node.text) ? node.text : '';
}
/** `"model"` / `'model'` as a key. */
function stringKey(node) {
    const t = node.text;
    return /^(["'])[A-Za-z_$][\w$]*\1$/.test(t) ? t.slice(1, -1) : '';
}
/** `client.chat.completions.create` → that text; `openai(...)` → `openai`. */
function calleeOf(call) {
    const fn = call.childForFieldName('function') ?? call.childForFieldName('constructor');
    return fn ? fn.text.replace(/\s+/g, '') : '';
}
function lastPart(path) {
    return path.slice(path.lastIndexOf('.') + 1);
}
function isProvider(callee) {
    if (PROVIDERS.has(callee) || PROVIDERS.has(lastPart(callee)))
        return true;
    const dot = callee.lastIndexOf('.');
    return dot > 0 && PROVIDER_METHODS.has(callee.slice(dot + 1)) && PROVIDERS.has(lastPart(callee.slice(0, dot)));
}
function isQuietCall(callee) {
    const last = lastPart(callee);
    if (callee === 'print' || /(?:Error|Exception|Warning)$/.test(last))
        return true;
    return (LOG_METHODS.has(last) && /(?:^|\.)(?:console|_?log(?:ger)?|logging|LOGGER|LOG|structlog)(?:\.|$)/i.test(callee));
}
/** Positional and keyword arguments of a call. */
function argsOf(call) {
    const args = call.childForFieldName('arguments');
    return args ? args.namedChildren.filter(Boolean).filter((n) => n.type !== 'comment') : [];
}
/** Keys passed to a call: Python keyword names, or the properties of an object argument. */
function argKeys(call) {
    const keys = new Set();
    for (const a of argsOf(call)) {
        if (a.type === 'keyword_argument')
            keys.add(nameOf(a.childForFieldName('name')));
        if (a.type === 'object')
            for (const p of a.namedChildren)
                if (p?.type === 'pair')
                    keys.add(nameOf(p.childForFieldName('key')));
                else if (p?.type === 'shorthand_property_identifier')
                    keys.add(p.text);
    }
    return keys;
}
/** Is `call` a call that sends a prompt (or builds the model that will)? */
function isModelCall(call) {
    if (!call)
        return false;
    const callee = calleeOf(call);
    if (SDK_CALL.test(callee) || isProvider(callee))
        return true;
    return [...argKeys(call)].some((k) => PROMPT_KEYS.has(k));
}
function bind(bindings, name, value) {
    if (!name || !value)
        return;
    const list = bindings.get(name);
    if (list)
        list.push(value);
    else
        bindings.set(name, [value]);
}
/** Name and value of a binding node, or null. */
function bindingOf(node) {
    switch (node.type) {
        case 'assignment':
        case 'assignment_expression':
        case 'assignment_pattern':
        case 'object_assignment_pattern':
            return [nameOf(node.childForFieldName('left')), node.childForFieldName('right')];
        case 'variable_declarator':
        case 'public_field_definition':
        case 'field_definition':
            return [
                nameOf(node.childForFieldName('name') ?? node.childForFieldName('property')),
                node.childForFieldName('value'),
            ];
        case 'default_parameter':
        case 'typed_default_parameter':
            return [nameOf(node.childForFieldName('name')), node.childForFieldName('value')];
        case 'required_parameter':
        case 'optional_parameter':
            return [nameOf(node.childForFieldName('pattern')), node.childForFieldName('value')];
        default:
            return null;
    }
}
/** Node types `visit` looks at; every other node only passes its context on. */
const INTERESTING = new Set([
    'function_definition',
    'function_declaration',
    'generator_function_declaration',
    'method_definition',
    'class_definition',
    'class_declaration',
    'call',
    'call_expression',
    'new_expression',
    'keyword_argument',
    'pair',
    'shorthand_property_identifier',
    'binary_expression',
    'assignment',
    'assignment_expression',
    'assignment_pattern',
    'object_assignment_pattern',
    'variable_declarator',
    'public_field_definition',
    'field_definition',
    'default_parameter',
    'typed_default_parameter',
    'required_parameter',
    'optional_parameter',
]);
const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'lambda']);
/** Walks the tree once: bindings and candidate sites with their context. Null when over `maxNodes`. */
function walk(root, maxNodes) {
    const bindings = new Map();
    const sites = [];
    // A cursor walk: nodes are made into objects only where the type matters (a few in a hundred).
    const cursor = root.walk();
    const ctxs = [{ holder: null, cls: null, quiet: false, parentKey: '', inFunction: false }];
    let visited = 0;
    try {
        for (;;) {
            work.treeNodes++;
            if (++visited > maxNodes)
                return null;
            const ctx = ctxs[ctxs.length - 1];
            const inner = cursor.nodeIsNamed && INTERESTING.has(cursor.nodeType) ? visit(cursor.currentNode, ctx, bindings, sites) : ctx;
            if (cursor.gotoFirstChild()) {
                ctxs.push(inner);
                continue;
            }
            while (!cursor.gotoNextSibling()) {
                if (!cursor.gotoParent())
                    return { bindings, sites };
                ctxs.pop();
            }
        }
    }
    finally {
        cursor.delete();
    }
}
/** The context for a node's children; records its binding and the site it is, if any. */
function visit(node, ctx, bindings, sites) {
    let inner = ctx;
    const qualified = (name) => (ctx.cls && !ctx.inFunction ? `${ctx.cls}.${name}` : name);
    switch (node.type) {
        case 'function_definition':
        case 'function_declaration':
        case 'generator_function_declaration':
        case 'method_definition': {
            // The outermost function names the call: a nested helper is not a top-level definition.
            const name = ctx.inFunction ? '' : nameOf(node.childForFieldName('name'));
            inner = { ...ctx, holder: name ? qualified(name) : ctx.holder, inFunction: true };
            break;
        }
        case 'class_definition':
        case 'class_declaration':
            if (!ctx.inFunction)
                inner = { ...ctx, cls: nameOf(node.childForFieldName('name')) || null };
            break;
        case 'call':
        case 'call_expression':
        case 'new_expression': {
            // A log call's own arguments are quiet; a model call nested in them (`print(client.create(…))`)
            // is still a call, so that wrapping one in a log line cannot hide it.
            const callee = calleeOf(node);
            if (isQuietCall(callee))
                inner = { ...ctx, quiet: true };
            else {
                inner = { ...ctx, quiet: false };
                if (isProvider(callee)) {
                    const first = argsOf(node)[0];
                    if (first && first.type !== 'keyword_argument' && first.type !== 'object')
                        sites.push({ kind: 'provider', node, key: 'model', value: first, ctx, call: node });
                }
                if (lastPart(callee) === 'stepCountIs')
                    sites.push({ kind: 'step', node, key: 'stepCountIs', value: argsOf(node)[0] ?? null, ctx, call: node });
                if (/(?:^|\.)(?:getenv|environ\.get)$/.test(callee))
                    sites.push({ kind: 'env', node, key: '', value: null, ctx, call: node });
                if (SDK_CALL.test(callee))
                    sites.push({ kind: 'sdk', node, key: '', value: null, ctx, call: node });
            }
            break;
        }
        case 'keyword_argument':
        case 'pair': {
            const key = nameOf(node.childForFieldName(node.type === 'pair' ? 'key' : 'name'));
            if (!ctx.quiet && key)
                sites.push({ kind: 'arg', node, key, value: node.childForFieldName('value'), ctx, call: callOf(node) });
            inner = { ...ctx, parentKey: key };
            break;
        }
        case 'shorthand_property_identifier':
            if (!ctx.quiet)
                sites.push({ kind: 'arg', node, key: node.text, value: node, ctx, call: callOf(node) });
            break;
        case 'binary_expression': {
            const op = node.childForFieldName('operator')?.text;
            if (!ctx.quiet &&
                (op === '??' || op === '||') &&
                /^process\.env\./.test(node.childForFieldName('left')?.text ?? ''))
                sites.push({ kind: 'env', node, key: '', value: null, ctx, call: null });
            break;
        }
    }
    const b = bindingOf(node);
    if (b) {
        bind(bindings, b[0], b[1]);
        // `const draft = async () => generateText(…)`: the constant names the function it holds.
        if (b[0] && !ctx.inFunction && b[1] && FUNCTION_VALUES.has(b[1].type))
            inner = { ...inner, holder: qualified(b[0]), inFunction: true };
    }
    return inner;
}
/**
 * The call an argument goes to: `create(model=…)` (keyword argument), `generateText({ model: … })`
 * (a property of an object argument); null for a dict or object that is not a call's argument.
 */
function callOf(node) {
    let args = node.parent;
    if (args && (args.type === 'object' || args.type === 'dictionary'))
        args = args.parent;
    if (!args || (args.type !== 'arguments' && args.type !== 'argument_list'))
        return null;
    const call = args.parent;
    return call && /^(?:call|call_expression|new_expression)$/.test(call.type) ? call : null;
}

;// CONCATENATED MODULE: ./src/unpriced/code-calls.ts
/**
 * Cost-relevant values in a Python, TypeScript or JavaScript syntax tree (tree-sitter): a model id
 * counts only where code hands it to a model (a `model=` / `model:` argument or property, Azure
 * `deployment`, a provider call such as `openai('…')` or `ChatOpenAI(…)`) or where a name is bound
 * to it (`MODEL = "gpt-4o"`, `{"fast": "gpt-4o"}`); strings in comments, log calls, error text and
 * templates are never looked at. Output caps, loop limits and reasoning budgets are found the same
 * way. A value passed through names (`model=CONFIG["model"]`, `openai(MODEL)`) is resolved within
 * the file; what cannot be resolved (another module, `getattr`, a function argument) is kept as an
 * unresolved fact, so that it is listed rather than dropped.
 */





function pos(node) {
    return { line: node.startPosition.row + 1, column: node.startPosition.column };
}
/** One line of an expression for a summary: `CONFIG["model"]`, `getattr(cfg, name)`. */
function exprText(node) {
    const t = node.text.replace(/\s+/g, ' ').trim();
    return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}
/** The facts and SDK call sites of one parsed file, or null when the tree is over `maxNodes`. */
function code_calls_factsOf(root, maxNodes = MAX_TREE_NODES) {
    const walked = walk(root, maxNodes);
    if (!walked)
        return null;
    const { bindings, sites } = walked;
    const facts = [];
    const calls = [];
    const resolve = (n) => resolveValue(n, bindings);
    /** Holders of the calls that use a literal through a name (by the literal's position), for its hint. */
    const usedBy = new Map();
    const at = (n) => `${n.startPosition.row + 1}:${n.startPosition.column}`;
    const use = (r, holder) => {
        if (r.kind === 'value' && r.via.length && holder !== null && !usedBy.has(at(r.leaf)))
            usedBy.set(at(r.leaf), holder);
    };
    const push = (f, at) => {
        facts.push({ ...f, ...pos(at) });
    };
    const modelFact = (site, valueNode, deployment) => {
        const r = resolve(valueNode);
        const holder = site.ctx.holder;
        const handed = site.kind === 'provider' || isModelCall(site.call);
        if (r.kind === 'value') {
            // An Azure deployment or a gateway alias (`prod-chat`) is a model where it is handed to a model.
            const ok = looksLikeModelId(r.value) || ((deployment || handed) && DEPLOYMENT_NAME.test(r.value));
            if (!ok)
                return;
            push({ family: 'model', key: 'model', label: 'model', style: 'call', value: r.value, unresolved: false, holder }, r.via.length ? valueNode : r.leaf);
            use(r, holder);
        }
        else if (handed) {
            // Not a literal, but handed to a model: listed as not resolvable rather than dropped.
            push({
                family: 'model',
                key: 'model',
                label: 'model',
                style: 'call',
                value: exprText(r.leaf),
                unresolved: true,
                holder,
            }, valueNode);
        }
    };
    for (const site of sites) {
        const { ctx } = site;
        if (site.kind === 'provider' && site.value) {
            modelFact(site, site.value, lastPart(calleeOf(site.node)) === 'azure');
        }
        else if (site.kind === 'step' && site.value) {
            const r = resolve(site.value);
            if (r.kind === 'value' && /^\d+$/.test(r.value))
                push({
                    family: 'loop',
                    key: 'stepCountIs',
                    label: 'stepCountIs',
                    style: 'step',
                    value: r.value,
                    unresolved: false,
                    holder: ctx.holder,
                }, site.node);
        }
        else if (site.kind === 'env') {
            envDefault(site.node, facts, ctx.holder);
        }
        else if (site.kind === 'sdk') {
            const holder = ctx.holder;
            if (holder)
                calls.push({ holder, line: pos(site.node).line, model: sdkModel(site.node, resolve) });
        }
        else if (site.kind === 'arg' && site.value) {
            const v = unwrap(site.value);
            const deployment = DEPLOYMENT_KEYS.has(site.key);
            if (MODEL_KEYS.has(site.key) || deployment) {
                // `model: openai('gpt-4o')`: the provider call is its own site.
                if (/^(?:call|call_expression)$/.test(v.type) && isProvider(calleeOf(v)))
                    continue;
                modelFact(site, site.value, deployment);
                continue;
            }
            const family = settingFamily(site.key, ctx.parentKey);
            if (family) {
                const r = resolve(site.value);
                if (r.kind !== 'value' || !settingValue(family, r.value))
                    continue;
                const label = settingLabel(site.key, ctx.parentKey);
                use(r, ctx.holder);
                push({ family, key: label, label, style: 'setting', value: r.value, unresolved: false, holder: ctx.holder }, r.via.length ? site.value : r.leaf);
                if (r.via.length) {
                    const name = r.via[r.via.length - 1];
                    push({ family, key: name, label: name, style: 'setting', value: r.value, unresolved: false, holder: ctx.holder }, r.leaf);
                }
                continue;
            }
            // `MODELS = {"fast": "gpt-4o-mini"}`: a model id bound to a key is a model choice.
            if (site.node.type === 'pair' && isLiteral(v)) {
                const r = resolve(v);
                if (r.kind === 'value' && looksLikeModelId(r.value))
                    push({
                        family: 'model',
                        key: site.key,
                        label: site.key,
                        style: 'named',
                        value: r.value,
                        unresolved: false,
                        holder: ctx.holder,
                    }, r.leaf);
            }
        }
    }
    // Names bound to a literal model id or setting: `REPLY_MODEL = "gpt-4o"`, `MAX_TOKENS = 800`.
    for (const [name, values] of bindings) {
        for (const value of values) {
            if (!isLiteral(unwrap(value)))
                continue;
            const r = resolve(value);
            if (r.kind !== 'value')
                continue;
            const holder = null;
            const label = name.replace(/^(?:self|this)\./, '');
            if (looksLikeModelId(r.value)) {
                push({ family: 'model', key: name, label: name, style: 'named', value: r.value, unresolved: false, holder }, r.leaf);
            }
            else {
                const family = settingFamily(label);
                if (family && settingValue(family, r.value))
                    push({ family, key: name, label: name, style: 'setting', value: r.value, unresolved: false, holder }, r.leaf);
            }
        }
    }
    for (const f of facts)
        f.holder ??= usedBy.get(`${f.line}:${f.column}`) ?? null;
    return { facts: dedupe(facts), calls };
}
/** A number, or an effort level for reasoning settings. */
function settingValue(family, value) {
    return /^\d+$/.test(value) || (family === 'reasoning' && EFFORTS.has(value));
}
const LITERALS = new Set([
    'string',
    'concatenated_string',
    'template_string',
    'integer',
    'number',
    'binary_operator',
    'binary_expression',
]);
function isLiteral(node) {
    return LITERALS.has(node.type);
}
const code_calls_WRAPPERS = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);
/** The expression inside parentheses and TypeScript casts. */
function unwrap(node) {
    let n = node;
    while (code_calls_WRAPPERS.has(n.type) && n.namedChildren[0])
        n = n.namedChildren[0];
    return n;
}
/** `os.getenv("X_MODEL", "gpt-4o")`, `process.env.X_MODEL ?? 'gpt-4o'`: a named fact for the default. */
function envDefault(node, facts, holder) {
    let name = '';
    let value = null;
    if (node.type === 'binary_expression') {
        name = (node.childForFieldName('left')?.text ?? '').replace(/^process\.env\./, '');
        value = node.childForFieldName('right');
    }
    else {
        const args = argsOf(node);
        const kw = args.find((a) => a.type === 'keyword_argument' && nameOf(a.childForFieldName('name')) === 'default');
        name = args[0]?.type === 'string' ? stringKey(args[0]) : '';
        value = kw?.childForFieldName('value') ?? (args[1] && args[1].type !== 'keyword_argument' ? args[1] : null);
    }
    if (!name || !value || !/^(?:string|template_string)$/.test(value.type))
        return;
    const r = resolveValue(value, new Map());
    if (r.kind !== 'value' || !looksLikeModelId(r.value))
        return;
    facts.push({
        family: 'model',
        key: name,
        label: `${name} default`,
        style: 'named',
        value: r.value,
        unresolved: false,
        holder,
        ...pos(r.leaf),
    });
}
/** The literal model of an SDK call (`model=` or its object's `model:`), or null. */
function sdkModel(call, resolve) {
    for (const a of argsOf(call)) {
        const pairs = a.type === 'object' ? a.namedChildren.filter(Boolean) : [a];
        for (const p of pairs) {
            if (p.type !== 'keyword_argument' && p.type !== 'pair')
                continue;
            const key = nameOf(p.childForFieldName(p.type === 'pair' ? 'key' : 'name'));
            const value = p.childForFieldName('value');
            if (!value || !MODEL_KEYS.has(key))
                continue;
            let v = unwrap(value);
            if (/^(?:call|call_expression)$/.test(v.type) && isProvider(calleeOf(v)))
                v = argsOf(v)[0] ?? v;
            const r = resolve(v);
            return r.kind === 'value' && looksLikeModelId(r.value) ? r.value : null;
        }
    }
    return null;
}
/** One fact per value position: the first found (the call's view before the constant's). */
function dedupe(facts) {
    const seen = new Set();
    const out = [];
    for (const f of facts) {
        const k = `${f.line}:${f.column}:${f.family}`;
        if (seen.has(k))
            continue;
        seen.add(k);
        out.push(f);
    }
    return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

;// CONCATENATED MODULE: ./src/unpriced/code-facts.ts
/**
 * Reads both sides of a changed source file through the parser (asynchronous: grammars load on
 * first use) and keeps only what the scan needs, the facts and SDK call sites, so that no tree
 * outlives its file. A file the parser refuses or cannot read cleanly is marked for the line scan,
 * with the reason the notice gives: a syntax error must not hide an edit from the scan.
 */

/** The facts of `file` at base and head, or why it is read line by line; null when the parser does not read its language. */
async function factsOfFile(file, parse) {
    const sides = [];
    let calls = [];
    for (const side of ['base', 'head']) {
        const text = file[side];
        if (text === null) {
            sides.push([]);
            continue;
        }
        let tree;
        try {
            tree = await parse(file.path, text);
        }
        catch (e) {
            return { fallback: `the parser failed: ${e instanceof Error ? e.message : String(e)}` };
        }
        if (tree === null)
            return null;
        try {
            if (tree.firstError)
                return { fallback: `${side} has a syntax error at line ${tree.firstError.line}` };
            const found = code_calls_factsOf(tree.root);
            if (!found)
                return { fallback: `its ${side} syntax tree is over the node limit` };
            sides.push(found.facts);
            if (side === 'head')
                calls = found.calls;
        }
        finally {
            tree.delete();
        }
    }
    return { base: sides[0], head: sides[1], calls };
}
/**
 * The SDK calls in one source file that a `file#name` prompt can point at (each in a named
 * function), or null when the parser does not read the file's language or the file does not parse.
 */
async function callSitesOf(path, text, parse) {
    const tree = await parse(path, text).catch(() => null);
    if (tree === null)
        return null;
    try {
        if (tree.firstError)
            return null;
        return code_calls_factsOf(tree.root)?.calls ?? null;
    }
    finally {
        tree.delete();
    }
}

;// CONCATENATED MODULE: ./src/unpriced/code-lines.ts
/**
 * The line scan of source code (`reference/formats.md` §3.9): model ids, output caps, loop limits
 * and reasoning budgets written on one line, found by fixed patterns. Used for files the syntax
 * tree scan (code-calls.ts) does not read, and for those it could not parse.
 *
 * Every pattern here is fixed and linear: alternatives are literals, quantified character classes
 * never overlap with what follows them, and lines over MAX_SCAN_LINE characters are not scanned
 * (minified or generated code), so a hostile line cannot make a match backtrack for long.
 */



/** Lines longer than this are not scanned. */
const MAX_SCAN_LINE = 2_000;
/**
 * `name = "…"`, `name: '…'`, `"name": "…"`, `NAME: str = "…"`, `name=1024`. Group 1 the name,
 * 3 a string value (2 its quote), 4 a number.
 */
const ASSIGN = /\b([A-Za-z_][A-Za-z0-9_]*)["']?[ \t]*(?::[ \t]*[A-Za-z_][A-Za-z0-9_.]*[ \t]*(?==))?[:=][ \t]*(?:(["'`])([^"'`\s\\]{1,200})\2|(\d[\d_]{0,11})(?![\w.]))/g;
/** `openai('gpt-4o')`, `openai.chat('…')`, `Agent('openai:gpt-4o')`, `ChatOpenAI("…")`. */
const MODEL_CALL = /\b(openai|anthropic|google|vertex|mistral|xai|groq|deepseek|cohere|perplexity|togetherai|fireworks|bedrock|azure|openrouter|ollama|gateway|Agent|init_chat_model|ChatOpenAI|ChatAnthropic|ChatGoogleGenerativeAI|ChatMistralAI|ChatGroq|ChatBedrock|ChatVertexAI|OpenAIModel|AnthropicModel|GeminiModel|LLM)(?:\.(?:chat|responses|completion|languageModel))?\([ \t]*(["'`])([^"'`\s\\]{1,200})\2/g;
/** AI SDK v5 `stopWhen: stepCountIs(8)`. */
const STEP_COUNT = /\bstepCountIs\([ \t]*(\d{1,9})[ \t]*\)/g;
/** `os.getenv("X_MODEL", "gpt-4o")`, `os.environ.get('X_MODEL', default='…')`. */
const PY_ENV_DEFAULT = /\b(?:getenv|environ\.get)\([ \t]*(["'])([A-Za-z_][A-Za-z0-9_]{0,100})\1[ \t]*,[ \t]*(?:default[ \t]*=[ \t]*)?(["'])([^"'`\s\\]{1,200})\3/g;
/** `process.env.X_MODEL ?? 'gpt-4o'` (or `||`). */
const JS_ENV_DEFAULT = /\bprocess\.env\.([A-Za-z_][A-Za-z0-9_]{0,100})[ \t]*(?:\?\?|\|\|)[ \t]*(["'`])([^"'`\s\\]{1,200})\2/g;
/** Family, pairing key, label and style of an assigned name, or null when it is not cost-relevant. */
function nameKind(name, isNumber) {
    if (isNumber) {
        const family = settingFamily(name);
        return family ? { family, key: name, label: name, style: 'setting' } : null;
    }
    if (MODEL_KEYS.has(name))
        return { family: 'model', key: 'model', label: 'model', style: 'call' };
    if (isModelName(name))
        return { family: 'model', key: name, label: name, style: 'named' };
    return null;
}
/**
 * The code part of a line: comment-only lines give '', a trailing comment is cut. Quote-aware and
 * single pass; block comments and Python docstrings spanning lines are not tracked.
 */
function codePart(line, lang) {
    const t = line.trimStart();
    if (lang === 'python' ? t.startsWith('#') : t.startsWith('//') || t.startsWith('/*') || t.startsWith('*'))
        return '';
    let quote = '';
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quote) {
            if (c === '\\')
                i++;
            else if (c === quote)
                quote = '';
        }
        else if (c === '"' || c === "'" || c === '`') {
            quote = c;
        }
        else if (lang === 'python' ? c === '#' : c === '/' && line[i + 1] === '/') {
            return line.slice(0, i);
        }
    }
    return line;
}
/** Cost-relevant values on one line of code, left to right. */
function scanLine(raw, lang) {
    if (raw.length > MAX_SCAN_LINE)
        return [];
    const line = codePart(raw, lang);
    if (!line)
        return [];
    work.scannedChars += line.length;
    const out = [];
    const seen = new Set();
    const push = (m) => {
        if (seen.has(m.column))
            return;
        seen.add(m.column);
        out.push(m);
    };
    const model = (key, label, style, value, column) => {
        if (looksLikeModelId(value))
            push({ family: 'model', key, label, style, value, column });
    };
    for (const m of line.matchAll(ASSIGN)) {
        const isNumber = m[4] !== undefined;
        const kind = nameKind(m[1], isNumber);
        if (!kind)
            continue;
        const value = isNumber ? m[4].replace(/_/g, '') : m[3];
        const column = m.index + m[0].length - (isNumber ? m[4].length : m[3].length + 1);
        if (kind.family === 'model')
            model(kind.key, kind.label, kind.style, value, column);
        else
            push({ ...kind, value, column });
    }
    for (const m of line.matchAll(MODEL_CALL))
        model('model', 'model', 'call', m[3], m.index + m[0].length - m[3].length - 1);
    for (const m of line.matchAll(STEP_COUNT)) {
        push({ family: 'loop', key: 'stepCountIs', label: 'stepCountIs', style: 'step', value: m[1], column: m.index });
    }
    const envDefaults = lang === 'python' ? line.matchAll(PY_ENV_DEFAULT) : line.matchAll(JS_ENV_DEFAULT);
    for (const m of envDefaults) {
        const [name, value] = lang === 'python' ? [m[2], m[4]] : [m[1], m[3]];
        model(name, `${name} default`, 'named', value, m.index + m[0].length - value.length - 1);
    }
    return out.sort((a, b) => a.column - b.column);
}

;// CONCATENATED MODULE: ./src/unpriced/code-scan.ts
/**
 * Model ids, output caps, loop limits and reasoning budgets edited in source code
 * (`reference/formats.md` §3.9). Python, TypeScript and JavaScript files are read through their
 * syntax tree (code-calls.ts) when the caller gives a parser: only values handed to a model or
 * bound to a name count, so model ids in log lines, error text and comments do not. Other files,
 * and files the parser cannot read, are scanned line by line (code-lines.ts), with a notice.
 * Changed lines come from our own line diff; each edited value is paired with the old value of the
 * same key in the same change block (else the same hunk), so an edit reads `model gpt-4o-mini →
 * gpt-4o` and a new call reads `new call with model gpt-4o`.
 */






/** Changes listed per source file; the rest are counted in one last entry (generated files). */
const MAX_CODE_CHANGES_PER_FILE = 25;
function collect(blocks, side, lang) {
    const out = [];
    blocks.forEach((b, i) => {
        for (const at of b[side])
            for (const match of scanLine(at.text, lang))
                out.push({ match, at, block: i, hunk: b.hunk });
    });
    return out;
}
/** The facts of a syntax tree that sit on the changed lines of one side, as occurrences. */
function collectFacts(blocks, side, facts) {
    const where = new Map();
    blocks.forEach((b, i) => {
        for (const at of b[side])
            if (at.text.length <= MAX_SCAN_LINE)
                where.set(at.line, { at, block: i, hunk: b.hunk });
    });
    const out = [];
    for (const f of facts) {
        const w = where.get(f.line);
        if (w)
            out.push({ match: f, ...w });
    }
    return out;
}
/**
 * Pairs each added value with a removed one: same block and key, then same block and family
 * (numbers only: `maxSteps` → `stopWhen: stepCountIs(…)`), then the same within the hunk.
 * Values left over that equal a removed value of the same key anywhere in the file moved.
 * Removed values are bucketed per pass, so pairing stays linear in generated files with
 * thousands of matches.
 */
function pair(added, removed) {
    const numberFamily = (o) => (o.match.family === 'model' ? null : o.match.family);
    const passes = [
        (o) => `${o.block}\u0000${o.match.key}`,
        (o) => (numberFamily(o) === null ? null : `${o.block}\u0000${numberFamily(o)}`),
        (o) => `${o.hunk}\u0000${o.match.key}`,
        (o) => (numberFamily(o) === null ? null : `${o.hunk}\u0000${numberFamily(o)}`),
    ];
    const free = (o) => !o.partner && !o.moved;
    for (const bucketOf of passes) {
        const take = buckets(removed.filter(free), bucketOf);
        for (const a of added) {
            if (a.partner)
                continue;
            const r = take(bucketOf(a), free);
            if (r) {
                a.partner = r;
                r.partner = a;
            }
        }
    }
    const sameValue = (o) => `${o.match.key}\u0000${o.match.value}`;
    const take = buckets(removed.filter(free), sameValue);
    for (const a of added) {
        if (a.partner)
            continue;
        const r = take(sameValue(a), free);
        if (r)
            a.moved = r.moved = true;
    }
}
/** Groups `items` by `keyOf`; the returned function hands out the first still-usable item of a group. */
function buckets(items, keyOf) {
    const groups = new Map();
    for (const item of items) {
        const key = keyOf(item);
        if (key === null)
            continue;
        const g = groups.get(key);
        if (g)
            g.items.push(item);
        else
            groups.set(key, { items: [item], next: 0 });
    }
    return (key, usable) => {
        const g = key === null ? undefined : groups.get(key);
        if (!g)
            return undefined;
        while (g.next < g.items.length && !usable(g.items[g.next]))
            g.next++;
        return g.items[g.next];
    };
}
/** `maxSteps 5`, `stepCountIs(5)`. */
function showNumber(m) {
    return m.style === 'step' ? `stepCountIs(${m.value})` : `${m.label} ${m.value}`;
}
/** A model value for a summary: the id, or `not resolvable (CONFIG.pick())`. */
function showModel(m) {
    return m.unresolved ? `not resolvable (${show(m.value)})` : show(m.value);
}
const LIMIT_NOUN = { 'max-tokens': 'output cap', loop: 'loop limit', reasoning: 'reasoning budget' };
/**
 * The `.aicost.yml` entry that prices the call: its function as a code prompt
 * (`prompt: src/reply.py#reply`) when the scan knows which function holds it and the code prompt
 * reader accepts it, else a prompt file or an aicost agent. `model:` is asked for when the call's
 * model is not a literal in the file.
 */
function codeHint(file, m, opts) {
    const id = featureIdFor(file);
    const agentFile = `agents/${id}.yaml`;
    const agent = featureEntry(id, 'agent', agentFile);
    if (m.family === 'loop') {
        return `describe the loop as an aicost agent (${agentFile} with max_turns: ${m.value}) and add ${agent}`;
    }
    const ref = m.holder ? `${file}#${m.holder}` : null;
    if (ref !== null)
        opts.proposedCodePrompts?.add(ref);
    const check = ref === null ? undefined : opts.codePrompts?.get(ref);
    const problem = check?.problem;
    if (ref !== null && m.holder && !problem) {
        const model = m.unresolved ? '<model id>' : undefined;
        const entry = featureEntry(codeFeatureId(m.holder), 'prompt', ref, model, check?.noMaxTokens === true);
        return `price the call in place: add ${entry}${m.unresolved ? ' (model: names what the code passes at run time)' : ''}`;
    }
    const promptFile = `prompts/${id}.prompt.yml`;
    const inPrompt = m.family === 'model'
        ? `model: ${m.unresolved ? '<model id>' : m.value}`
        : m.family === 'reasoning'
            ? 'the reasoning setting'
            : `modelParameters: { maxTokens: ${m.value} }`;
    const why = problem ? ` (${ref} is not readable as a code prompt: ${problem})` : '';
    return `move the call into a prompt file (${promptFile} with ${inPrompt}) and add ${featureEntry(id, 'prompt', promptFile)}, or describe it as an aicost agent: ${agent}${why}`;
}
/** A feature id for a code prompt named after its function: `Bot.reply` → `bot-reply`. */
function codeFeatureId(holder) {
    const id = holder
        .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return /^[a-z0-9]/.test(id) ? id : 'feature';
}
/**
 * Unpriced changes in one changed source file (never called for deleted files). With
 * `opts.codeFacts` a Python/TS/JS file is read through its syntax tree; when parsing fails the file
 * is scanned line by line and `opts.notices` says so.
 */
function scanCode(file, lang, opts) {
    const headLines = splitLines(file.head);
    const { blocks } = diffLines(splitLines(file.base), headLines);
    const long = longLinesChange(file, 'code', blocks.flatMap((b) => b.added), MAX_SCAN_LINE);
    const changed = blocks.length > 0;
    const facts = changed ? opts.codeFacts?.get(file.path) : undefined;
    if (facts && 'fallback' in facts)
        opts.notices?.push(`${file.path}: not read as code (${facts.fallback}); its changed lines were scanned line by line`);
    const tree = facts && !('fallback' in facts) ? facts : null;
    const added = tree ? collectFacts(blocks, 'added', tree.head) : collect(blocks, 'added', lang);
    const removed = tree ? collectFacts(blocks, 'removed', tree.base) : collect(blocks, 'removed', lang);
    if (!added.length && !removed.length)
        return long;
    pair(added, removed);
    const out = [];
    const where = (line) => `${file.path}:${line}`;
    const report = (line, summary, m, priceRatio) => {
        out.push({
            kind: 'code',
            file: file.path,
            line,
            summary,
            price_ratio: priceRatio,
            hint: codeHint(file.path, m, opts),
        });
    };
    for (const a of added) {
        if (a.moved)
            continue;
        const m = a.match;
        const old = a.partner?.match;
        if (old && old.value === m.value && !old.unresolved === !m.unresolved)
            continue;
        const line = a.at.line;
        if (m.family === 'model') {
            if (old) {
                const ratio = old.unresolved || m.unresolved ? null : safeRatio(opts.priceRatio, old.value, m.value);
                report(line, `${m.label} ${showModel(old)} → ${showModel(m)} in ${where(line)}${priceSuffix(ratio)}`, m, ratio);
            }
            else if (m.style === 'call') {
                report(line, `new call with model ${showModel(m)} in ${where(line)}`, m, null);
            }
            else {
                report(line, `${m.label} ${show(m.value)} added in ${where(line)}`, m, null);
            }
            continue;
        }
        const what = LIMIT_NOUN[m.family];
        if (!old) {
            report(line, `${showNumber(m)} added in ${where(line)}`, m, null);
        }
        else {
            const change = old.label === m.label && old.style === m.style && m.style !== 'step'
                ? `${m.label} ${old.value} → ${m.value}`
                : `${showNumber(old)} → ${showNumber(m)}`;
            report(line, `${change} in ${where(line)}${limitSuffix(Number(old.value), Number(m.value), what)}`, m, null);
        }
    }
    // A cap or limit deleted without a replacement lifts it: output or turns become unbounded.
    for (const r of removed) {
        if (r.partner || r.moved || r.match.family === 'model')
            continue;
        const line = Math.max(1, Math.min(blocks[r.block].headLine, headLines.length));
        const lifted = r.match.family === 'reasoning' ? 'reasoning setting back to its default' : `${LIMIT_NOUN[r.match.family]} lifted`;
        report(line, `${showNumber(r.match)} removed in ${where(line)} (${lifted})`, r.match, null);
    }
    out.push(...long);
    out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (out.length <= MAX_CODE_CHANGES_PER_FILE)
        return out;
    const rest = out.slice(MAX_CODE_CHANGES_PER_FILE - 1);
    const first = rest[0];
    return [
        ...out.slice(0, MAX_CODE_CHANGES_PER_FILE - 1),
        {
            ...first,
            summary: `${rest.length} more model, output-cap or loop-limit changes in ${file.path} from line ${first.line}`,
            price_ratio: null,
        },
    ];
}

;// CONCATENATED MODULE: ./src/unpriced/env-scan.ts
/**
 * Model variables in `.env*` and `*.env.example` files (`reference/formats.md` §5.3):
 * `OPENAI_MODEL_NAME=gpt-4o-mini`, `AZURE_OPENAI_CHAT_DEPLOYMENT=gpt-4o`, `CONTENT_ANALYSIS_LLM=…`.
 * Variables are compared by name between base and head (the last assignment of a name wins, as
 * dotenv loaders do), so moving a line is not a change. Secrets are never read into a summary.
 */






/** `NAME=value` or `export NAME=value`; group 1 the name, 2 the raw value. */
const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(.*)$/;
/** Names that hold a model choice. */
const MODEL_VAR = /(?:^|_)(?:MODEL|MODEL_NAME|DEPLOYMENT|LLM)(?:_|$)/i;
/** Names that end in the model part, so their value is a model even when it does not look like one. */
const MODEL_VAR_END = /(?:^|_)(?:MODEL|MODEL_NAME|MODEL_ID|DEPLOYMENT|DEPLOYMENT_NAME|LLM)$/i;
/** Never quote these, whatever else their name says (`LLM_API_KEY`). */
const SECRET_VAR = /KEY|TOKEN|SECRET|PASSW|CREDENTIAL|AUTH/i;
/** The value part of an assignment: quoted (up to the closing quote) or bare (up to ` #`). */
function parseValue(raw) {
    const q = raw[0];
    if (q === '"' || q === "'") {
        const end = raw.indexOf(q, 1);
        return end > 0 ? raw.slice(1, end) : raw.slice(1);
    }
    const hash = raw.search(/[ \t]#/);
    return (hash >= 0 ? raw.slice(0, hash) : raw).trim();
}
/** Model variables of one env text, by name. */
function readVars(text) {
    const vars = new Map();
    splitLines(text).forEach((line, i) => {
        if (line.length > MAX_SCAN_LINE)
            return;
        work.scannedChars += line.length;
        const m = ASSIGNMENT.exec(line);
        if (!m || !MODEL_VAR.test(m[1]) || SECRET_VAR.test(m[1]))
            return;
        vars.set(m[1], { value: parseValue(m[2]), line: i + 1 });
    });
    return vars;
}
/** A variable whose value is a model choice (by its name's ending, or by its value). */
function isModelChoice(name, ...values) {
    return MODEL_VAR_END.test(name) || values.some((v) => v !== '' && looksLikeModelId(v));
}
function envHint(name, value) {
    const model = value !== '' && looksLikeModelId(value) ? value : '<model id>';
    return `map the calls that read ${name} to a feature: features: { <feature>: { team: <team>, prompt: <prompt file>, model: ${model}, requests_per_month: <n> } } (model: applies when the prompt file names none)`;
}
/** Unpriced changes in one env file (never called for deleted files). */
function scanEnv(file, opts) {
    const base = readVars(file.base);
    const head = readVars(file.head);
    const out = [];
    const push = (line, summary, name, value, ratio) => {
        out.push({ kind: 'env', file: file.path, line, summary, price_ratio: ratio, hint: envHint(name, value) });
    };
    for (const [name, now] of head) {
        const was = base.get(name);
        if (was && was.value === now.value)
            continue;
        if (!isModelChoice(name, now.value, was?.value ?? ''))
            continue;
        const where = `${file.path}:${now.line}`;
        if (!was) {
            push(now.line, `${name}=${show(now.value)} added in ${where}`, name, now.value, null);
            continue;
        }
        const ratio = looksLikeModelId(was.value) && looksLikeModelId(now.value)
            ? safeRatio(opts.priceRatio, was.value, now.value)
            : null;
        push(now.line, `${name} ${show(was.value)} → ${show(now.value)} in ${where}${priceSuffix(ratio)}`, name, now.value, ratio);
    }
    for (const [name, was] of base) {
        if (head.has(name) || !isModelChoice(name, was.value))
            continue;
        push(null, `${name}=${show(was.value)} removed from ${file.path}`, name, '', null);
    }
    // Lines too long to read are new when the base has no such line (their text is never quoted: secrets).
    const baseLines = new Set(splitLines(file.base).filter((l) => l.length > MAX_SCAN_LINE));
    const addedLong = splitLines(file.head).flatMap((text, i) => text.length > MAX_SCAN_LINE && !baseLines.has(text) ? [{ line: i + 1, text }] : []);
    out.push(...longLinesChange(file, 'env', addedLong, MAX_SCAN_LINE));
    return out;
}

// EXTERNAL MODULE: ./src/code/index.ts
var code = __webpack_require__(9293);
;// CONCATENATED MODULE: ./src/unpriced/code-parse.ts
/**
 * The parser the scan reads changed source files with: src/code's tree-sitter loader, whose
 * grammars load on the first parse (a pull request without a changed code file loads none).
 */

/** Parses a Python, TypeScript or JavaScript file; null for other languages. Throws over the size and node bounds. */
const parseChangedCode = async (path, text) => {
    const language = (0,code/* languageFor */.Od)(path);
    if (language === null)
        return null;
    const tree = await (0,code/* parseCode */.Xp)(language, text, { file: path });
    return { root: tree.root, firstError: tree.firstError, delete: () => tree.delete() };
};

;// CONCATENATED MODULE: ./src/unpriced/code-prompts.ts
/**
 * Which `file#name` code prompts the scan and init propose can actually be read as one (the code
 * artifact reader, src/artifacts/code.ts): a hint must lead to a config `estimate` accepts, so a
 * function the reader refuses (two model calls, a message built by a method call) is proposed the
 * old way, with the reader's reason.
 */

/** At most this many code prompts are checked per run; the rest are proposed unchecked. */
const MAX_CODE_PROMPTS_CHECKED = 50;
/** Reads `ref` (`src/reply.py#reply`) as a code prompt and says whether it can be one. */
async function checkCodePrompt(ref, reader) {
    const hash = ref.lastIndexOf('#');
    try {
        const { site } = await (0,artifacts/* loadCodeArtifact */.qb)(reader, ref.slice(0, hash), ref.slice(hash + 1));
        return { problem: null, noMaxTokens: site.params.maxTokens === undefined && site.api !== 'embedding' };
    }
    catch (e) {
        return { problem: (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim(), noMaxTokens: false };
    }
}
/** The checks of the first MAX_CODE_PROMPTS_CHECKED `refs`, by ref. */
async function checkCodePrompts(refs, reader) {
    const out = new Map();
    for (const ref of refs) {
        if (out.size >= MAX_CODE_PROMPTS_CHECKED)
            break;
        out.set(ref, await checkCodePrompt(ref, reader));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/unpriced/index.ts
/**
 * Unpriced changes (policy rule `unpriced_change`): AI changes in a pull request that belong to
 * no feature. An unmapped prompt or agent file, a model id, output cap or loop limit edited in
 * code, a gateway config or an env model variable. Pure: the caller reads the files from git.
 */















function normalise(path) {
    return path.replace(/^(?:\.\/)+/, '');
}
function mappedTest(paths) {
    const mapped = new Set([...paths].map(normalise));
    return (p) => mapped.has(normalise(p));
}
/** Is `file` a changed source file the scan reads (by path, readable, not deleted, with edits)? */
function scannedAsCode(file, isMapped) {
    return (!isMapped(file.path) &&
        file.unscanned === undefined &&
        file.status !== 'deleted' &&
        file.head !== null &&
        (file.base !== null || file.status === 'added') &&
        file.base !== file.head &&
        classifyPath(file.path, [file.head, file.base]).type === 'code');
}
/**
 * The syntax-tree facts of the changed source files `findUnpricedChanges` will scan (its
 * `codeFacts` option). `parse` is called only for those files, so a pull request without a changed
 * code file never loads a grammar.
 */
async function readCodeFacts(files, opts) {
    const isMapped = mappedTest(opts.mapped);
    const out = new Map();
    for (const file of files) {
        if (!scannedAsCode(file, isMapped))
            continue;
        const facts = await factsOfFile(file, opts.parse);
        if (facts)
            out.set(file.path, facts);
    }
    return out;
}
/**
 * The AI changes among `files` that no feature covers, ordered by file path, then line.
 * Files in `opts.mapped` are never reported; a CrewAI `tasks.yaml` is covered by a mapped
 * `agents.yaml` next to it. Deleted code and env files are not reported (removing a call does not
 * add spend); deleted prompt and agent files are. A changed artifact, env or code file that could
 * not be read (too large, binary) or that has changed lines too long to scan is reported as "not
 * scanned", under the same rule: hiding an edit there must not pass for no edit.
 */
function findUnpricedChanges(files, opts) {
    const isMapped = mappedTest(opts.mapped);
    const out = [];
    for (const file of files) {
        if (isMapped(file.path))
            continue;
        let cls = classifyPath(file.path, [file.head, file.base]);
        if (cls.type === 'none' && file.unscanned !== undefined && file.head === null)
            cls = classifyUnreadYaml(file.path, file.headStart ?? '');
        if (cls.type !== 'none' && file.unscanned !== undefined && file.status !== 'deleted') {
            out.push(unscannedChange(file, cls, file.unscanned));
            continue;
        }
        if (cls.type === 'artifact') {
            if (cls.format === 'crewai-tasks' &&
                ['agents.yaml', 'agents.yml'].some((n) => isMapped(file.path.replace(/tasks\.ya?ml$/i, n))))
                continue;
            const oldMapped = file.status === 'renamed' && file.oldPath !== undefined && isMapped(file.oldPath);
            const change = scanArtifact(file, cls.format, cls.kind, opts, oldMapped);
            if (change)
                out.push(change);
        }
        else if (file.status !== 'deleted' && file.head !== null && (file.base !== null || file.status === 'added')) {
            if (cls.type === 'env')
                out.push(...scanEnv(file, opts));
            else if (cls.type === 'code')
                out.push(...scanCode(file, cls.lang, opts));
        }
    }
    const lineKey = (c) => c.line ?? Number.MAX_SAFE_INTEGER;
    return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : lineKey(a) - lineKey(b)));
}


/***/ })

};
