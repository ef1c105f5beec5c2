export const id = 455;
export const ids = [455];
export const modules = {

/***/ 2455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   discoverFeatures: () => (/* binding */ discoverFeatures),
/* harmony export */   initConfigText: () => (/* binding */ initConfigText)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _artifacts_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9335);
/* harmony import */ var _unpriced_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9385);
/* harmony import */ var _placeholders_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82);
/**
 * `aicost init`: what a repository holds that aicost can price, as a first `.aicost.yml`. One
 * feature per artifact (a promptfoo config: its first prompt on its first priced provider), found with the same path classes as the unpriced-change scan
 * (unpriced/paths.ts: prompt files of every format it reads, agent definitions), plus aicost
 * agent YAML (`name`, `model`, `instructions`) that is not another agent's sub-agent. A traffic
 * file whose name matches the artifact's feature id gives the volume; else a placeholder volume,
 * marked in a comment, that the user must replace. Each SDK call in a named function of the code
 * (found by the unpriced scan's syntax-tree reading, unpriced/code-calls.ts) is a feature whose
 * prompt is the function (`prompt: src/reply.py#draft_reply`), with a placeholder `model:` when
 * the call's model is not a literal in its file. Pure: the entry lists the files and their calls.
 */





/** Formats a feature entry can point at with `prompt:` / `agent:`. */
const PROMPT_FORMATS = new Set(['github-models', 'prompty', 'dotprompt', 'vscode-prompt', 'plain-prompt']);
const AGENT_FORMATS = new Set(['claude-agent', 'crewai-agents']);
function yamlOf(text) {
    if (text === null)
        return null;
    try {
        const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
        return doc && typeof doc === 'object' && !Array.isArray(doc) ? doc : null;
    }
    catch {
        return null;
    }
}
/** An aicost agent definition (agents/*.yaml with name, model and instructions). */
function isAicostAgent(doc) {
    return doc !== null && typeof doc.model === 'string' && typeof doc.instructions === 'string';
}
/** Sub-agent files an agent names (`sub_agents: { refund: agents/refund.yaml }`). */
function subAgentPaths(doc) {
    const subs = doc.sub_agents;
    if (!subs || typeof subs !== 'object')
        return [];
    return Object.values(subs).filter((v) => typeof v === 'string');
}
/** `evals/promptfooconfig.yaml` → `evals`; `evals/support.yaml` → `support`. */
function promptfooFeatureId(path) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!/^promptfooconfig/i.test(name))
        return (0,_unpriced_index_js__WEBPACK_IMPORTED_MODULE_3__/* .featureIdFor */ .pr)(path);
    return path.includes('/') ? (0,_unpriced_index_js__WEBPACK_IMPORTED_MODULE_3__/* .featureIdFor */ .pr)(`${path.slice(0, path.lastIndexOf('/'))}/index.yaml`) : 'evals';
}
/** Repository paths of the `file://` references in a promptfoo config, relative to its folder. */
function fileRefs(path, text) {
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    return [...text.matchAll(/file:\/\/([^\s'"#,\]}]+)/g)].map((m) => node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(dir + m[1].replace(/^\.\//, '')));
}
/** A feature id unique among `taken`: `triage`, then `triage-2`, … */
function unique(id, taken) {
    let out = id;
    for (let n = 2; taken.has(out); n++)
        out = `${id}-${n}`;
    taken.add(out);
    return out;
}
/**
 * Discover features in the repository's files (sorted by path for a stable config). `calls` holds
 * the SDK call sites of the code files that were parsed (unpriced `callSitesOf`), by path;
 * `checks` whether each `file#function` reads as a code prompt (unpriced `checkCodePrompts`): one
 * that does not is listed as not mapped, with the reason.
 */
function discoverFeatures(files, calls = new Map(), checks = new Map()) {
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const traffic = sorted.filter((f) => /\.jsonl$/i.test(f.path)).map((f) => f.path);
    const agentDocs = new Map();
    for (const f of sorted) {
        if (!/\.ya?ml$/i.test(f.path) || /\.prompt\.ya?ml$/i.test(f.path))
            continue;
        const doc = yamlOf(f.text);
        if (isAicostAgent(doc))
            agentDocs.set(f.path, doc);
    }
    const subAgents = new Set([...agentDocs.values()].flatMap(subAgentPaths));
    // Prompt files a promptfoo config reads (`file://prompts/reply.txt`) are priced through it.
    const promptfooFiles = new Set(sorted
        .filter((f) => f.text !== null && (0,_unpriced_index_js__WEBPACK_IMPORTED_MODULE_3__/* .classifyPath */ .qK)(f.path, [f.text]).type === 'artifact' && (0,_artifacts_index_js__WEBPACK_IMPORTED_MODULE_2__/* .looksLikePromptfoo */ .sI)(f.path, f.text))
        .flatMap((f) => fileRefs(f.path, f.text)));
    const taken = new Set();
    const features = [];
    const unmapped = [];
    const trafficFor = (id, path) => {
        const stems = new Set([id, path.replace(/^.*\//, '').replace(/\..*$/, '')]);
        return traffic.find((t) => stems.has(t.replace(/^.*\//, '').replace(/\.jsonl$/i, ''))) ?? null;
    };
    for (const f of sorted) {
        const cls = (0,_unpriced_index_js__WEBPACK_IMPORTED_MODULE_3__/* .classifyPath */ .qK)(f.path, [f.text]);
        if (promptfooFiles.has(f.path))
            continue;
        if (cls.type === 'artifact' && PROMPT_FORMATS.has(cls.format)) {
            const id = unique((0,_unpriced_index_js__WEBPACK_IMPORTED_MODULE_3__/* .featureIdFor */ .pr)(f.path, cls.format), taken);
            features.push({ id, key: 'prompt', path: f.path, traffic: trafficFor(id, f.path) });
        }
        else if (cls.type === 'artifact' && AGENT_FORMATS.has(cls.format)) {
            const id = unique((0,_unpriced_index_js__WEBPACK_IMPORTED_MODULE_3__/* .featureIdFor */ .pr)(f.path, cls.format), taken);
            features.push({ id, key: 'agent', path: f.path, traffic: trafficFor(id, f.path) });
        }
        else if (agentDocs.has(f.path)) {
            if (subAgents.has(f.path))
                continue; // priced with the agent that calls it
            const id = unique((0,_unpriced_index_js__WEBPACK_IMPORTED_MODULE_3__/* .featureIdFor */ .pr)(f.path.replace(/\.ya?ml$/i, '.md')), taken);
            features.push({ id, key: 'agent', path: f.path, traffic: trafficFor(id, f.path) });
        }
        else if (cls.type === 'artifact' && cls.format === 'promptfoo') {
            // An eval config names prompts and providers: its first prompt on its first priced provider.
            const choice = f.text === null ? null : (0,_artifacts_index_js__WEBPACK_IMPORTED_MODULE_2__/* .promptfooFeatureChoice */ .Kb)(f.path, f.text);
            if (!choice) {
                unmapped.push({ path: f.path, why: 'promptfoo config aicost could not read (no prompt or provider)' });
                continue;
            }
            const id = unique(promptfooFeatureId(f.path), taken);
            const feature = {
                id,
                key: 'prompt',
                path: `${f.path}#${choice.prompt}`,
                provider: choice.provider,
                traffic: trafficFor(id, f.path),
            };
            if (!choice.hasCap && !feature.traffic)
                feature.placeholderOutput = _placeholders_js__WEBPACK_IMPORTED_MODULE_4__/* .PLACEHOLDER_OUTPUT */ .YE;
            features.push(feature);
        }
        else if (cls.type === 'artifact') {
            unmapped.push({ path: f.path, why: `${cls.format} config: models, not a feature; map its callers` });
        }
        else if (cls.type === 'code' && f.text !== null) {
            const sites = calls.get(f.path) ?? [];
            const perHolder = new Map();
            for (const c of sites)
                perHolder.set(c.holder, [...(perHolder.get(c.holder) ?? []), c]);
            for (const [holder, list] of perHolder) {
                if (list.length > 1) {
                    unmapped.push({
                        path: `${f.path}#${holder}`,
                        why: `${list.length} model calls in one function (lines ${list.map((c) => c.line).join(', ')}): a code prompt names a function holding one; move each call into a function of its own`,
                    });
                    continue;
                }
                const ref = `${f.path}#${holder}`;
                const check = checks.get(ref);
                if (check?.problem) {
                    unmapped.push({ path: ref, why: `not readable as a code prompt: ${check.problem}` });
                    continue;
                }
                const id = unique((0,_unpriced_index_js__WEBPACK_IMPORTED_MODULE_3__/* .codeFeatureId */ .bk)(holder), taken);
                const feature = { id, key: 'prompt', path: ref, traffic: trafficFor(id, f.path) };
                if (list[0].model === null)
                    feature.placeholderModel = _placeholders_js__WEBPACK_IMPORTED_MODULE_4__/* .PLACEHOLDER_MODEL */ .IJ;
                if (check?.noMaxTokens && !feature.traffic)
                    feature.placeholderOutput = _placeholders_js__WEBPACK_IMPORTED_MODULE_4__/* .PLACEHOLDER_OUTPUT */ .YE;
                features.push(feature);
            }
            if (!perHolder.size && /\b(?:gpt-|claude-|gemini-|o[134]-|model\s*=)/.test(f.text)) {
                unmapped.push({
                    path: f.path,
                    why: 'code that mentions a model but holds no SDK call in a named function aicost can read: put the call in a function and point prompt: at it (file.py#function), or map it by hand',
                });
            }
        }
    }
    return { features, unmapped };
}
/** The `.aicost.yml` text for a discovery: team `default`, volumes from traffic or placeholders. */
function initConfigText(d) {
    const lines = [
        '# Written by `aicost init`. Check every feature; replace each PLACEHOLDER value with the real one.',
        'version: 1',
        '',
        'features:',
    ];
    for (const f of d.features) {
        lines.push(`  ${f.id}:`, '    team: default', `    ${f.key}: ${f.path.includes('#') ? JSON.stringify(f.path) : f.path}`);
        if (f.provider)
            lines.push(`    provider: ${JSON.stringify(f.provider)}`);
        if (f.placeholderModel)
            lines.push(`    model: ${f.placeholderModel}     # ${_placeholders_js__WEBPACK_IMPORTED_MODULE_4__/* .PLACEHOLDER_MARK */ .M8}: the call's model is not a literal in the code; set the model it runs`);
        if (f.placeholderOutput)
            lines.push(`    typical_output_tokens: ${f.placeholderOutput}     # ${_placeholders_js__WEBPACK_IMPORTED_MODULE_4__/* .PLACEHOLDER_MARK */ .M8}: ${f.provider ? 'the provider' : 'the call'} sets no max tokens; set a typical output size`);
        if (f.traffic)
            lines.push(`    traffic: ${f.traffic}            # volume derived from the samples' time window`);
        else
            lines.push(`    requests_per_month: ${_placeholders_js__WEBPACK_IMPORTED_MODULE_4__/* .PLACEHOLDER_VOLUME */ .b$}     # ${_placeholders_js__WEBPACK_IMPORTED_MODULE_4__/* .PLACEHOLDER_MARK */ .M8}: no traffic file found; set the real monthly volume`);
        lines.push('');
    }
    lines.push('teams:', '  default: {}', '');
    return lines.join('\n');
}


/***/ })

};
