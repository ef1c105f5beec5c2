export const id = 878;
export const ids = [878];
export const modules = {

/***/ 5878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadDiff: () => (/* binding */ loadDiff)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _artifacts_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9335);
/* harmony import */ var _catalog_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1417);
/* harmony import */ var _config_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8427);
/* harmony import */ var _unpriced_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9385);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3916);
/* harmony import */ var _repo_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1458);
/* harmony import */ var _agent_pair_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3874);
/* harmony import */ var _revision_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6983);
/* harmony import */ var _models_from_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9153);
/* harmony import */ var _traffic_dir_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1387);
/* harmony import */ var _traffic_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1005);
/* harmony import */ var _text_index_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2526);













/**
 * A feature's prompt at one revision (`path#prompt` for one prompt of a promptfoo config, priced
 * with `provider`); the files it references (partials, prompt files) join `mapped`.
 */
async function readSite(reader, ref, mapped, provider) {
    const file = (0,_config_index_js__WEBPACK_IMPORTED_MODULE_3__/* .artifactFile */ .vd)(ref);
    const loaded = await (0,_artifacts_index_js__WEBPACK_IMPORTED_MODULE_1__/* .loadPromptArtifact */ .V6)(reader, (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__/* .safeRelativePath */ .lV)(file, file) + ref.slice(file.length), undefined, {
        provider,
    });
    for (const f of loaded.files)
        mapped.add(f);
    return loaded.site;
}
const MAX_DIFF_TEXT = 1024 * 1024;
/** Where a feature's samples were read when traffic-dir has none: the groups of the one notice. */
const AT_BASE = 'base';
const AT_HEAD = 'head, declared in this PR';
/**
 * Files the PR changes under the project root, with their texts at both sides (null when binary
 * or over MAX_DIFF_TEXT; `unscanned` then says why, so the scan can report the file as not read).
 */
async function changedFiles(gitRoot, prefix, base, head) {
    const read = async (reader, path, side, why) => {
        try {
            return await reader.readText(path, MAX_DIFF_TEXT);
        }
        catch (e) {
            why.push(`${side} ${unreadableReason(e, path)}`);
            return null;
        }
    };
    const files = [];
    for (const f of await (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__/* .changedPaths */ .vl)(gitRoot, prefix, base.rev, head.rev)) {
        const why = [];
        const changed = {
            ...f,
            base: f.status === 'added' ? null : await read(base, f.oldPath ?? f.path, 'at base', why),
            head: f.status === 'deleted' ? null : await read(head, f.path, 'at head', why),
        };
        if (why.length)
            changed.unscanned = why.join('; ');
        if (changed.head === null && f.status !== 'deleted' && why.length && /\.ya?ml$/i.test(f.path))
            changed.headStart = await (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__/* .readHead */ .zy)(head, f.path, _unpriced_index_js__WEBPACK_IMPORTED_MODULE_4__/* .GATEWAY_SNIFF_BYTES */ .M_);
        files.push(changed);
    }
    return files;
}
/** Why a changed file could not be read for the scan, in words for the report. */
function unreadableReason(e, path) {
    const message = e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .AicostError */ .GG ? e.message : e instanceof Error ? e.message : String(e);
    const size = /is ([\d,]+) bytes/.exec(message);
    if (size)
        return `${size[1]} bytes, over the ${(0,_text_index_js__WEBPACK_IMPORTED_MODULE_12__/* .grouped */ .zD)(MAX_DIFF_TEXT)} the scan reads`;
    if (/binary/.test(message))
        return 'binary content';
    return message.startsWith(`${path} `) ? message.slice(path.length + 1) : message;
}
/**
 * Load base and head of a project for the diff: both configs (the head's must be valid; an
 * invalid or missing base config is reported, not fatal), the trust merge, every feature's
 * artifact at both revisions and its trusted traffic, and the files the PR changes.
 * With `trafficDir`, a feature's traffic patterns are first matched in that directory of trusted
 * samples; features with no file there read the repository as without it (one notice lists them).
 */
async function loadDiff(options) {
    const { base, head, configPath } = options;
    const now = options.now ?? new Date();
    const projectRoot = options.prefix ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(options.gitRoot, options.prefix) : options.gitRoot;
    const trafficDir = options.trafficDir
        ? await _traffic_dir_js__WEBPACK_IMPORTED_MODULE_10__/* .TrafficDir */ .Jo.open(options.trafficDir, { projectRoot, repo: { gitRoot: options.gitRoot, rev: head.rev } })
        : null;
    if (!(await head.exists(configPath))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(`no ${configPath} at head ${head.label.slice(0, 12)}`, {
            location: { file: configPath },
            hint: 'Add the config to the project root, or pass --config.',
        });
    }
    const headRead = await (0,_models_from_js__WEBPACK_IMPORTED_MODULE_9__/* .withModelsFrom */ .N)(head, (0,_config_index_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfig */ .Z9)(await head.readText(configPath), configPath), now);
    const headConfig = headRead.config;
    const baseRead = await (0,_revision_js__WEBPACK_IMPORTED_MODULE_8__/* .configAt */ .ES)(base, configPath, now);
    const baseConfig = baseRead.config;
    // The LiteLLM files the head config reads say what the PR proposes; base's are what applies.
    const notices = [...headRead.notices];
    // Ids priced without the PR's help: the catalog plus base's own prices and aliases.
    const baseCatalog = (0,_catalog_index_js__WEBPACK_IMPORTED_MODULE_2__/* .createCatalog */ .CE)({
        pricing: baseConfig?.pricing ?? {},
        discounts: {},
        models: baseConfig?.models ?? {},
    });
    const isPriced = (id) => {
        try {
            baseCatalog.resolve(id);
            return true;
        }
        catch (e) {
            if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .AicostError */ .GG)
                return false;
            throw e;
        }
    };
    // A feature the PR declares on a base feature's moved or copied artifact is that base feature.
    const origins = baseConfig
        ? await (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__/* .fileOrigins */ .o4)({
            gitRoot: options.gitRoot,
            prefix: options.prefix,
            baseRev: base.rev,
            headRev: head.rev,
            basePaths: Object.values(baseConfig.features).map((f) => (0,_config_index_js__WEBPACK_IMPORTED_MODULE_3__/* .artifactFile */ .vd)(f.prompt ?? f.agent)),
            headPaths: Object.values(headConfig.features)
                .filter((f) => !baseConfig.features[f.id])
                .map((f) => (0,_config_index_js__WEBPACK_IMPORTED_MODULE_3__/* .artifactFile */ .vd)(f.prompt ?? f.agent)),
        })
        : undefined;
    const merged = (0,_config_index_js__WEBPACK_IMPORTED_MODULE_3__/* .mergeTrusted */ .i5)(baseConfig, headConfig, isPriced, { baseError: baseRead.error, origins });
    const trusted = merged.config;
    const dates = { base: await (0,_revision_js__WEBPACK_IMPORTED_MODULE_8__/* .pricingDate */ .hQ)(base, trusted, now), head: await (0,_revision_js__WEBPACK_IMPORTED_MODULE_8__/* .pricingDate */ .hQ)(head, trusted, now) };
    const features = [];
    const mapped = new Set([configPath, ...headRead.files, ...(baseRead.files ?? [])]);
    const fromDir = new _traffic_js__WEBPACK_IMPORTED_MODULE_11__/* .TrafficDirFallback */ .Lw(trafficDir);
    let changed;
    for (const m of merged.features) {
        let baseSite = null;
        let baseError;
        // Agent features: definitions (and the files they reference) at both revisions.
        const agents = await (0,_agent_pair_js__WEBPACK_IMPORTED_MODULE_7__/* .loadAgentPair */ .g)(m, base, head, headConfig, configPath);
        if (agents) {
            ({ baseSite, baseError } = agents);
            for (const f of agents.files)
                mapped.add(f);
        }
        if (m.basePrompt && !agents) {
            mapped.add((0,_config_index_js__WEBPACK_IMPORTED_MODULE_3__/* .artifactFile */ .vd)(m.basePrompt));
            try {
                baseSite = await readSite(base, m.basePrompt, mapped, m.baseProvider);
            }
            catch (e) {
                if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .AicostError */ .GG))
                    throw e;
                baseError = e.format().split('\n')[0];
            }
        }
        const headFile = (0,_config_index_js__WEBPACK_IMPORTED_MODULE_3__/* .artifactFile */ .vd)(m.headPrompt);
        mapped.add(headFile);
        let headSite = null;
        if (agents) {
            headSite = agents.headSite;
        }
        else if (await head.exists(headFile)) {
            headSite = await readSite(head, m.headPrompt, mapped, m.headProvider);
        }
        else if (!m.droppedFromConfig) {
            const pos = headConfig.positions[`features.${m.id}.prompt`] ?? headConfig.positions[`features.${m.id}`];
            const link = await head.isLink(headFile);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(`feature "${m.id}": ${headFile} ${await (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__/* .absentReason */ .gj)(head, headFile, 'head')}`, {
                location: { file: configPath, line: pos?.line, column: pos?.column },
                hint: link
                    ? 'Point prompt: at the real file instead of the link (or commit the file in its place).'
                    : 'Fix the prompt: path, or remove the feature entry together with its file.',
            });
        }
        // Trusted traffic: traffic-dir's samples when it has some for the feature, else base's for
        // features that exist there and head's for added ones.
        const trafficReader = m.declaredInPr ? head : base;
        const trafficConfig = m.declaredInPr ? headConfig : trusted;
        let traffic = null;
        const dirTraffic = await fromDir.load(trafficConfig, m.entry.id, m.entry.traffic, notices, m.declaredInPr ? AT_HEAD : AT_BASE, m.id);
        if (dirTraffic) {
            traffic = dirTraffic;
            for (const p of await (0,_traffic_js__WEBPACK_IMPORTED_MODULE_11__/* .repoTrafficPaths */ .C$)(trafficReader, m.entry.traffic))
                mapped.add(p);
        }
        else if (m.entry.traffic.length) {
            const headPatterns = headConfig.features[m.id]?.traffic ?? [];
            let readAtHead = m.declaredInPr;
            try {
                traffic = await (0,_traffic_js__WEBPACK_IMPORTED_MODULE_11__/* .loadTraffic */ .U4)(trafficReader, trafficConfig, m.entry.id, m.entry.traffic);
                for (const p of traffic.paths)
                    mapped.add(p);
                for (const n of traffic.notices ?? [])
                    notices.push(`${m.id}: ${n}`);
            }
            catch (e) {
                if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .AicostError */ .GG) || m.declaredInPr)
                    throw e;
                // Base's samples cannot be read. That is base's fault only when the PR's own traffic: reads
                // at head (the PR repairs it): otherwise the error stands at head and the run stops there,
                // never a silent static figure or $0.
                if (headPatterns.length) {
                    readAtHead = true;
                    // Head's paths and format, read with the trusted limits (a PR cannot loosen max_bad_lines to pass).
                    traffic = await (0,_traffic_js__WEBPACK_IMPORTED_MODULE_11__/* .loadTraffic */ .U4)(head, { ...headConfig, replay: trusted.replay }, m.id, headPatterns);
                    for (const p of traffic.paths)
                        mapped.add(p);
                    notices.push(`${m.id}: the samples at base cannot be read, so the head side is priced on the PR's samples (${traffic.paths.join(', ')}); the change is not charged to this PR.`);
                }
                baseError ??= e.format().split('\n')[0];
            }
            // The PR's samples of an existing feature are not priced (base's are trusted), but a PR that
            // leaves them unreadable is bad input at head: it stops here, as `estimate` at head would,
            // rather than pass and break every later PR. Read only when the PR touches them.
            if (!readAtHead && headPatterns.length) {
                changed ??= await (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__/* .differingPaths */ .Zk)(options.gitRoot, options.prefix, base.rev, head.rev);
                // A new format or where: on the same files is a change too: the PR's reading must work.
                const headEntries = headConfig.features[m.id]?.trafficEntries;
                const moved = headPatterns.join('\0') !== m.entry.traffic.join('\0') ||
                    JSON.stringify(headEntries ?? null) !== JSON.stringify(m.entry.trafficEntries ?? null) ||
                    headConfig.features[m.id]?.trafficFormat !== m.entry.trafficFormat;
                if (moved || (await (0,_traffic_js__WEBPACK_IMPORTED_MODULE_11__/* .repoTrafficPaths */ .C$)(head, headPatterns)).some((p) => changed.has(p))) {
                    await (0,_traffic_js__WEBPACK_IMPORTED_MODULE_11__/* .loadTraffic */ .U4)(head, { ...headConfig, replay: trusted.replay }, m.id, headPatterns);
                }
            }
        }
        const input = {
            merged: m,
            baseSite,
            headSite,
            traffic,
            baseError,
            ...(agents ? { baseAgent: agents.baseAgent, headAgent: agents.headAgent } : {}),
        };
        features.push(input);
        options.onFeature?.(input, { merged, dates, pricedAtBase: isPriced });
    }
    const notice = fromDir.notice([AT_BASE, AT_HEAD]);
    if (notice)
        notices.push(notice);
    trafficDir?.close();
    const files = await changedFiles(options.gitRoot, options.prefix, base, head);
    for (const f of files) {
        if (f.path.split('/').some((p) => p === '..'))
            continue;
        if (f.head !== null && (0,_repo_index_js__WEBPACK_IMPORTED_MODULE_6__/* .looksBinary */ .Wb)(Buffer.from(f.head.slice(0, 8000))))
            f.head = null;
    }
    return { merged, features, changedFiles: files, mapped, dates, notices, pricedAtBase: isPriced };
}


/***/ })

};
