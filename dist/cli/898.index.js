export const id = 898;
export const ids = [898];
export const modules = {

/***/ 5898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDiff: () => (/* binding */ runDiff)
});

// EXTERNAL MODULE: ./src/report/index.ts + 4 modules
var src_report = __webpack_require__(6261);
// EXTERNAL MODULE: ./src/tokenize/index.ts + 39 modules
var tokenize = __webpack_require__(5419);
// EXTERNAL MODULE: ./src/advisor/index.ts + 10 modules
var advisor = __webpack_require__(8786);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/repo/index.ts + 14 modules
var src_repo = __webpack_require__(8121);
// EXTERNAL MODULE: ./src/run/advisor-inputs.ts
var advisor_inputs = __webpack_require__(5319);
;// CONCATENATED MODULE: ./src/run/diff-advice.ts




/**
 * The savings advisor inside a diff (the action's Savings section): every feature priced at base
 * replayed on its candidates, with the base revision's prompt, samples, `advisor:` config and
 * eval results (the PR cannot choose its own candidates, bar or evidence). An advisor that fails
 * costs the report a notice, never the verdict: errors come back as `error`.
 */
async function adviseDiff(loaded, features, shared, base, seed, workers) {
    try {
        const advised = [];
        for (const input of loaded.features) {
            const f = features.find((x) => x.id === input.merged.id);
            if (!f?.base || !input.baseSite || f.status === 'unpriced')
                continue;
            advised.push({
                input: {
                    feature: input.merged.entry,
                    site: input.baseSite,
                    traffic: input.traffic,
                    ...(input.baseAgent ? { agent: input.baseAgent } : {}),
                },
                estimate: f.base,
            });
        }
        const inputs = await (0,advisor_inputs/* advisorInputs */.K)(loaded.merged.config, base, src_repo/* expandPattern */.nh);
        const suggestions = await (0,advisor/* suggestFeatures */.u3)(advised, { configFile: shared.where.file, positions: shared.where.positions, date: loaded.dates.base }, shared.ctx, { ...inputs, seed, workers });
        return { suggestions, error: null };
    }
    catch (e) {
        const message = e instanceof errors/* AicostError */.GG ? e.format() : e instanceof Error ? e.message : String(e);
        return { suggestions: [], error: message.split('\n')[0] };
    }
}
/**
 * The policy `require_cheaper_model_review`'s inputs with the advisor's routing results added:
 * each routing candidate's monthly cost and eligibility, and its recorded pass rate where the
 * base's eval results have one.
 */
function withRouting(inputs, advice) {
    const passRates = { ...inputs.passRates };
    const candidates = [...inputs.candidates];
    for (const f of advice)
        for (const s of f.suggestions) {
            if (s.kind !== 'routing' || !s.candidate || !s.monthly)
                continue;
            candidates.push({ feature: f.feature, model: s.candidate, monthly: s.monthly.candidate, eligible: s.eligible });
            const rate = s.evidence?.candidate;
            if (rate && passRates[f.feature])
                passRates[f.feature] = {
                    ...passRates[f.feature],
                    [s.candidate]: { passes: rate.passes, total: rate.total, passRate: rate.pass_rate, source: rate.source },
                };
        }
    return { passRates, candidates };
}
/**
 * The advisor stage of `runDiff` (`run.advise`): runs adviseDiff at base and puts each feature's
 * suggestions on the report model (`features[].suggestions`), or a notice when it could not run.
 */
async function adviseReport(priced, loaded, features, shared, project, workers, progress) {
    progress('savings advisor: replaying each feature on its candidate models');
    const { location } = project;
    const seed = `advice:${project.baseSha}:${location.prefix}:${location.configPath}`;
    const advice = await adviseDiff(loaded, features, shared, project.base, seed, workers);
    for (const fs of advice.suggestions) {
        const f = priced.features.find((x) => x.id === fs.feature);
        if (f)
            f.suggestions = fs.suggestions;
    }
    if (advice.error)
        priced.notices.push(`The savings advisor could not run: ${advice.error}`);
    return advice;
}

;// CONCATENATED MODULE: ./src/run/diff-model.ts

/** The report model stage: the diff's JSON document before the policies grade it. */
function diffReportModel(project, loaded, found, catalog) {
    return (0,src_report/* buildDiffReport */.kE)({
        baseRev: project.baseSha,
        headRev: project.headSha,
        pricingDate: loaded.dates.head,
        merged: loaded.merged,
        features: found.features,
        bootstrap: found.bootstrap,
        unpriced: found.unpriced,
        catalog: catalog.info,
        notices: found.notices,
        prPriced: found.prPriced,
    });
}

// EXTERNAL MODULE: ./src/catalog/index.ts + 18 modules
var src_catalog = __webpack_require__(1417);
;// CONCATENATED MODULE: ./src/run/diff-notices.ts

/**
 * The diff report's notices, in report order: loading's, a nested config the PR proposes (also
 * listed as a proposed config change), the catalog's age, each side's feature notices, and the
 * symbolic links skipped at either revision.
 */
function diffNotices(loaded, features, catalog, location, nestedAtHead, readers) {
    const notices = [...loaded.notices];
    if (nestedAtHead !== null) {
        const project = location.prefix ? `${location.prefix}/${location.configPath}` : location.configPath;
        notices.unshift(`This PR adds ${nestedAtHead} (from the project root), a config nested in the project of ${project}: a proposed new project that takes effect after merge. This check uses ${project}, as the base revision has it.`);
        loaded.merged.proposed.unshift({
            path: nestedAtHead,
            base: null,
            head: 'a new project config',
            effect: `proposed: not used by this check (the project is located at base, ${project}); takes effect after merge`,
        });
    }
    const age = (0,src_catalog/* catalogAgeWarning */.BU)(catalog.info, loaded.dates.head);
    if (age)
        notices.push(age);
    for (const f of features)
        for (const n of [...(f.base?.notices ?? []), ...(f.head?.notices ?? [])])
            notices.push(n);
    const links = readers.flatMap((r) => r.skipped());
    if (links.length)
        notices.push(`Skipped ${new Set(links).size} symbolic link(s) (aicost does not follow links): ${[...new Set(links)].slice(0, 5).join(', ')}`);
    return notices;
}

// EXTERNAL MODULE: ./src/unpriced/index.ts + 18 modules
var src_unpriced = __webpack_require__(9385);
;// CONCATENATED MODULE: ./src/run/diff-unpriced.ts


/**
 * The unpriced stage: the PR's changed files scanned for AI changes no feature prices, code read
 * through its syntax tree (the grammars load only when a changed file is Python, TypeScript or
 * JavaScript), with the scan's notices (a parse that fell back to the line scan).
 */
async function scanUnpriced(loaded, catalog, head) {
    const priceRatio = (from, to) => (0,src_catalog/* inputPriceRatio */.dF)(catalog, loaded.dates.head, from, to);
    const codeFacts = await (0,src_unpriced/* readCodeFacts */.Zb)(loaded.changedFiles, { mapped: loaded.mapped, parse: src_unpriced/* parseChangedCode */.t_ });
    // Hints propose `prompt: file#function` only where the code prompt reader (at head) accepts it.
    const proposed = new Set();
    (0,src_unpriced/* findUnpricedChanges */.HO)(loaded.changedFiles, { mapped: loaded.mapped, codeFacts, proposedCodePrompts: proposed });
    const codePrompts = await (0,src_unpriced/* checkCodePrompts */.JM)(proposed, head);
    const notices = [];
    const unpriced = (0,src_unpriced/* findUnpricedChanges */.HO)(loaded.changedFiles, {
        mapped: loaded.mapped,
        priceRatio,
        codeFacts,
        codePrompts,
        notices,
    });
    return { unpriced, notices };
}

// EXTERNAL MODULE: ./src/load/index.ts
var load = __webpack_require__(5420);
;// CONCATENATED MODULE: ./src/run/diff-project.ts


/**
 * Locates the diff's project at base (src/repo `locateDiffProject`: a PR cannot choose its own
 * project) and opens both revisions. `baseRev` is the base as given, else the head's default base.
 */
async function openDiffProject(repo, config, headRev, baseRev) {
    const found = await (0,src_repo/* locateDiffProject */.xE)(repo, config, headRev, (root, head) => baseRev !== undefined ? Promise.resolve(baseRev) : (0,src_repo/* defaultBase */.px)(root, head));
    const { location, baseSha, headSha } = found;
    const base = new src_repo/* GitRevisionReader */.v$(location.gitRoot, baseSha, location.prefix);
    const head = new src_repo/* GitRevisionReader */.v$(location.gitRoot, headSha, location.prefix);
    return {
        ...found,
        base,
        head,
        close() {
            base.close();
            head.close();
        },
    };
}
/**
 * The load stage: both revisions of the project read and paired (configs merged by trust,
 * artifacts, traffic; `trafficDir` first when given). `onFeature` is told each feature as it loads.
 */
function loadDiffProject(project, trafficDir, onFeature) {
    const { location } = project;
    return (0,load/* loadDiff */.un)({
        gitRoot: location.gitRoot,
        prefix: location.prefix,
        configPath: location.configPath,
        base: project.base,
        head: project.head,
        trafficDir,
        onFeature,
    });
}

;// CONCATENATED MODULE: ./src/policy/change-rules.ts
/** One finding per unpriced AI change, at its file and line. */
function unpricedChanges(ctx) {
    return ctx.inputs.report.unpriced_changes.map((u) => {
        const ratio = u.price_ratio !== null && !/price/.test(u.summary)
            ? ` (×${u.price_ratio >= 10 ? u.price_ratio.toFixed(1) : u.price_ratio.toFixed(2)} input price)`
            : '';
        return {
            rule: 'unpriced_change',
            team: null,
            feature: null,
            file: u.file,
            line: u.line,
            message: `AI change outside every feature (${u.kind}): ${u.summary}${ratio}; map it to a feature in ${ctx.inputs.config.path} to price it`,
            notFailing: [],
        };
    });
}
/** One finding per base error: '*' for the whole base (config), else by feature id. */
function baseErrors(ctx) {
    const out = [];
    for (const [id, error] of Object.entries(ctx.inputs.baseErrors)) {
        if (id === '*') {
            out.push({
                rule: 'base_error',
                team: null,
                feature: null,
                file: null,
                line: null,
                message: `the base cannot be priced: ${error}; base figures are missing, so this PR's changes are not compared with base. Fix it on the default branch (a PR that repairs it can pass)`,
                notFailing: [],
            });
            continue;
        }
        const f = ctx.inputs.report.features.find((x) => x.id === id);
        out.push({
            rule: 'base_error',
            team: f?.team ?? ctx.inputs.config.features[id]?.team ?? null,
            feature: id,
            file: ctx.artifactOf(id),
            line: null,
            message: `the base side of ${id} cannot be priced: ${error}; its change is not charged to this PR (a PR that repairs it can pass)`,
            notFailing: [],
        });
    }
    return out;
}
/** A declared value for a message: `{input: 0, output: 0}` → `input 0, output 0`; an alias target as is. */
function declaredText(value) {
    if (value !== null && typeof value === 'object')
        return Object.entries(value)
            .map(([k, v]) => `${k} ${String(v)}`)
            .join(', ');
    return String(value);
}
/**
 * One finding per model of a feature that exists at base (or continues one: renamed, copied)
 * whose head figure only the PR's own `pricing:` / `models:` entries can price. A PR may price the
 * features it adds; a base feature's price must come from the base, or the PR grades itself.
 */
function prDeclaredPrices(ctx) {
    const out = [];
    const path = ctx.inputs.config.path;
    for (const f of ctx.inputs.report.features) {
        if (f.declared_in_pr)
            continue;
        for (const p of f.priced_by_pr ?? []) {
            if (p.side !== 'head')
                continue;
            const keys = p.declared.map((d) => `${d.key}: ${declaredText(d.value)}`).join('; ');
            const what = p.declared.some((d) => d.key.startsWith('models.')) ? 'alias' : 'price';
            const head = f.head ? `$${f.head.monthly.toFixed(2)}/month` : 'its head figure';
            out.push({
                rule: 'pr_declared_price',
                team: f.team,
                feature: f.id,
                file: p.file ?? ctx.artifactOf(f.id),
                line: p.line,
                message: `priced by this PR: ${f.id} (which exists at base) calls ${p.model}, which has no price at base; ${head} rests on this PR's ${keys}. Add the ${what} to ${path} on the base branch first (a PR may price only the features it adds)`,
                notFailing: [],
            });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/text/index.ts + 3 modules
var src_text = __webpack_require__(2526);
;// CONCATENATED MODULE: ./src/policy/cheaper-model.ts
/**
 * Rule `require_cheaper_model_review` (opt-in, `policies.require_cheaper_model_review: <USD>`): a
 * PR that switches a feature to a more expensive model while a cheaper candidate passes the
 * feature's recorded evals at least as often as the new model, and would save more than the amount
 * per month, gets a warning naming both models and the figures. It never fails the check.
 *
 * `cheaperModelReview(ctx: PolicyContext): Finding[]` reads:
 * - the switch from the report: a changed feature whose base and head each use one model, the two
 *   differ, and head's monthly cost is above base's;
 * - `inputs.cheaperModels` ({@link CheaperModelInputs}): pass rates per feature and model, matched to
 *   the feature's prompt by the caller from eval results read at the BASE revision (a results file
 *   the PR adds cannot hide a warning), and routing results (each candidate's monthly cost for the
 *   feature). The base model is a candidate too, at base's monthly cost, when routing does not
 *   price it;
 * - the amount from the trusted config (base decides; a PR that lowers or removes it changes nothing).
 */

/** Findings of `require_cheaper_model_review`, one per feature at most (the largest saving). */
function cheaperModelReview(ctx) {
    const threshold = ctx.policies.requireCheaperModelReview;
    const extra = ctx.inputs.cheaperModels;
    if (threshold === undefined || !extra)
        return [];
    const findings = [];
    for (const f of ctx.changed) {
        if (!f.base || !f.head || f.base.models.length !== 1 || f.head.models.length !== 1)
            continue;
        const from = f.base.models[0];
        const to = f.head.models[0];
        if (from === to || f.head.monthly <= f.base.monthly)
            continue;
        const rates = Object.hasOwn(extra.passRates, f.id) ? extra.passRates[f.id] : {};
        const current = Object.hasOwn(rates, to) ? rates[to] : undefined;
        // Without the new model's recorded pass rate "equal or better" cannot be shown: no warning.
        if (!current)
            continue;
        const options = extra.candidates.filter((c) => c.feature === f.id && c.eligible && c.model !== to);
        if (!options.some((c) => c.model === from))
            options.push({ feature: f.id, model: from, monthly: f.base.monthly, eligible: true });
        let best;
        for (const c of options) {
            const rate = Object.hasOwn(rates, c.model) ? rates[c.model] : undefined;
            if (!rate || rate.passRate < current.passRate)
                continue;
            const saving = f.head.monthly - c.monthly;
            if (saving > threshold && (!best || saving > best.saving))
                best = { model: c.model, saving, rate };
        }
        if (!best)
            continue;
        const file = ctx.artifactOf(f.id);
        findings.push({
            rule: 'require_cheaper_model_review',
            team: f.team,
            feature: f.id,
            file,
            line: null,
            message: `${f.id} switches ${from} → ${to} (${(0,src_text/* usd */.dR)(f.base.monthly)} → ${(0,src_text/* usd */.dR)(f.head.monthly)}/month), but ${best.model} ` +
                `passes ${rateText(best.rate)} of the recorded evals against ${rateText(current)} for ${to} and would cost ` +
                `${(0,src_text/* usd */.dR)(best.saving)}/month less (more than the ${(0,src_text/* usd */.dR)(threshold)} of policies.require_cheaper_model_review); ` +
                `review the switch`,
            notFailing: [],
            figures: { unit: 'usd_month', limit: threshold, value: best.saving, ci95: null },
        });
    }
    return findings;
}
function rateText(r) {
    return `${r.passes}/${r.total} (${(0,src_text/* pct */.Oe)(r.passRate)}, ${r.source})`;
}

;// CONCATENATED MODULE: ./src/policy/context.ts
/**
 * What every rule shares: the features the PR touches, the change that caused most of an
 * increase, and the text pieces every message ends with (largest change, owners).
 */

/** Statuses that make a feature part of the change (and its team evaluated). */
const CHANGED = new Set(['changed', 'added', 'removed']);
/** True for a feature the PR changes, adds or removes. */
function isChanged(f) {
    return CHANGED.has(f.status);
}
/** A side priced from the artifact alone (no samples) or at max tokens: an estimate, not a measurement. */
function isStatic(side) {
    return side !== null && (side.source.static >= 1 - 1e-12 || side.upper_bound);
}
/** Shared lookups over the inputs. */
class PolicyContext {
    inputs;
    changed;
    constructor(inputs) {
        this.inputs = inputs;
        this.changed = inputs.report.features.filter(isChanged);
    }
    get policies() {
        return this.inputs.config.policies;
    }
    /** The feature's artifact: given by the caller, else the trusted entry's path. */
    artifactOf(id) {
        const given = this.inputs.artifacts?.[id];
        if (given !== undefined)
            return given;
        const entry = this.inputs.config.features[id];
        return entry ? (entry.prompt ?? entry.agent ?? null) : null;
    }
    /** Every change of the given features with its monthly effect, in report order. */
    causesOf(features) {
        const out = [];
        for (const f of features) {
            if (!isChanged(f))
                continue;
            if (f.status === 'added') {
                out.push({
                    feature: f.id,
                    text: `${f.id} (added)`,
                    summary: 'added',
                    effect: f.delta.monthly,
                    file: this.artifactOf(f.id),
                    line: null,
                });
            }
            else if (f.status === 'removed') {
                out.push({
                    feature: f.id,
                    text: `${f.id} (removed)`,
                    summary: 'removed',
                    effect: f.delta.monthly,
                    file: this.artifactOf(f.id),
                    line: null,
                });
            }
            else if (f.changes.length === 0) {
                out.push({
                    feature: f.id,
                    text: f.id,
                    summary: '',
                    effect: f.delta.monthly,
                    file: this.artifactOf(f.id),
                    line: null,
                });
            }
            else {
                for (const c of f.changes)
                    out.push({
                        feature: f.id,
                        text: `${f.id}, ${c.summary}`,
                        summary: c.summary,
                        effect: c.monthly_effect,
                        file: c.file,
                        line: c.line,
                    });
            }
        }
        return out;
    }
    /** The change that added the most per month (ties: the first in report order); null when none adds. */
    largestCause(features) {
        let best = null;
        for (const c of this.causesOf(features))
            if (c.effect > 1e-9 && (best === null || c.effect > best.effect))
                best = c;
        return best;
    }
    /**
     * The positive monthly deltas that rest on static figures (head side static or an upper
     * bound): removing them from a breach tells whether measured figures alone would break it.
     */
    staticIncrease(features) {
        return features
            .filter((f) => isChanged(f) && isStatic(f.head))
            .reduce((a, f) => a + Math.max(0, f.delta.monthly), 0);
    }
    /** Changed features of one team. */
    changedOfTeam(team) {
        return this.changed.filter((f) => f.team === team);
    }
    /** Owners of a team as the report lists them. */
    ownersOf(team) {
        return this.inputs.report.teams.find((t) => t.team === team)?.owners ?? [];
    }
}
/** `; largest change: ticket-summary, model a → b (×16.7 price), +$2,100/month (prompts/x.yml:1)`, or ''. */
function causeText(c) {
    if (!c)
        return '';
    const where = c.file === null ? '' : ` (${c.file}${c.line !== null ? `:${c.line}` : ''})`;
    return `; largest change: ${c.text}, ${(0,src_text/* signedUsd */.NT)(c.effect)}/month${where}`;
}
/** `; owners: @acme/support-leads`, or ''. */
function ownersText(owners) {
    return owners.length ? `; owners: ${owners.join(', ')}` : '';
}
/** `$7,900–$8,700` for an interval of money. */
function moneyRange(lo, hi) {
    return `${(0,src_text/* usd */.dR)(lo)}–${(0,src_text/* usd */.dR)(hi)}`;
}
/** The reason for a change under `min_increase_usd`, or null when it is not under. */
function underMinimum(delta, min, what) {
    return delta < min ? `${what} (${(0,src_text/* signedUsd */.NT)(delta)}/month) is under min_increase_usd (${(0,src_text/* usd */.dR)(min)})` : null;
}
/** A finding with its file and line taken from the change that caused most of it. */
function finding(rule, scope, cause, message, notFailing, figures) {
    return {
        ...(figures ? { figures } : {}),
        cause,
        rule,
        team: scope.team ?? null,
        feature: scope.feature ?? null,
        file: cause?.file ?? null,
        line: cause?.line ?? null,
        message,
        notFailing: notFailing.filter((r) => r !== null),
    };
}

;// CONCATENATED MODULE: ./src/policy/glob.ts
/**
 * `allowed_models` globs: `*` matches any run of characters (including `/`), everything else is
 * literal. Matching is a linear two-pointer walk, not a regular expression built from user text,
 * so no glob can make it backtrack exponentially (no ReDoS).
 */
/**
 * Compile one glob. Anchored at both ends and case-insensitive (canonical ids are lower-case;
 * `OpenAI/GPT-4o*` means what its author meant). Runs of `*` collapse to one.
 */
function compileGlob(glob) {
    const pattern = glob.toLowerCase().replace(/\*+/g, '*');
    return { glob, test: (id) => globMatch(pattern, id.toLowerCase()) };
}
let steps = 0;
/** Steps of the matching walk taken so far in this process: tests bound a glob's work by it. */
function globSteps() {
    return steps;
}
/**
 * Wildcard match with `*` only, worst case O(pattern × text): on a mismatch after a `*`, the
 * `*` absorbs one more character and the walk resumes, never revisiting earlier stars.
 */
function globMatch(pattern, text) {
    let p = 0;
    let t = 0;
    let star = -1;
    let resume = 0;
    while (t < text.length) {
        steps++;
        if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
            p++;
            t++;
        }
        else if (p < pattern.length && pattern[p] === '*') {
            star = p++;
            resume = t;
        }
        else if (star !== -1) {
            p = star + 1;
            t = ++resume;
        }
        else {
            return false;
        }
    }
    while (p < pattern.length && pattern[p] === '*')
        p++;
    return p === pattern.length;
}
/** The models of `ids` that match none of `globs` (in the order given). */
function disallowedModels(ids, globs) {
    return ids.filter((id) => !globs.some((g) => g.test(id)));
}

;// CONCATENATED MODULE: ./src/policy/feature-rules.ts
/**
 * Feature rules over the head side of every changed or added feature: `max_cost_per_request`,
 * `allowed_models` and `unbounded_increase` (a raised output cap while outputs hit the old one).
 */



/** Changed and added features, in report order (removed ones have no head to judge). */
function withHead(ctx) {
    return ctx.changed.filter((f) => f.head !== null && (f.status === 'changed' || f.status === 'added'));
}
/** Per-request cost (mean or p95) of each feature's head against the limit. */
function costPerRequest(ctx) {
    const rule = ctx.policies.maxCostPerRequest;
    if (!rule)
        return [];
    const out = [];
    for (const f of withHead(ctx)) {
        const value = f.head.per_request[rule.stat];
        if (!(value > rule.usd))
            continue;
        const before = f.base ? f.base.per_request[rule.stat] : null;
        const cause = ctx.largestCause([f]);
        const was = before === null ? 'new feature' : `was ${(0,src_text/* usd */.dR)(before)}`;
        const message = `${rule.stat} cost per request over the limit: ${f.id} costs ${(0,src_text/* usd */.dR)(value)} per request at head (${was}) against a limit of ${(0,src_text/* usd */.dR)(rule.usd)} (${(0,src_text/* signedUsd */.NT)(value - rule.usd)} over)${causeText(cause)}${ownersText(ctx.ownersOf(f.team))}`;
        const preExisting = before !== null && before > rule.usd && value <= before
            ? `already over the limit at base (${(0,src_text/* usd */.dR)(before)} per request) and this PR does not raise it`
            : null;
        const staticOnly = ctx.policies.staticEstimates !== 'fail' && isStatic(f.head)
            ? 'the head figure is a static estimate (static_estimates: warn)'
            : null;
        out.push(finding('max_cost_per_request', { team: f.team, feature: f.id }, cause, message, [preExisting, underMinimum(f.delta.monthly, ctx.policies.minIncreaseUsd, "the feature's change"), staticOnly], { unit: 'usd_request', limit: rule.usd, value, ci95: null }));
    }
    return out;
}
/** The change that brought a model in (the model change with the largest effect), if any. */
function modelChange(f) {
    const model = f.changes.filter((c) => c.kind === 'model');
    if (!model.length)
        return null;
    const c = model.reduce((a, b) => (Math.abs(b.monthly_effect) > Math.abs(a.monthly_effect) ? b : a));
    return {
        feature: f.id,
        text: `${f.id}, ${c.summary}`,
        summary: c.summary,
        effect: c.monthly_effect,
        file: c.file,
        line: c.line,
    };
}
/**
 * Every head model must match one glob. A compliance rule, not a cost rule: `min_increase_usd`
 * does not apply (a cheaper disallowed model is still disallowed); a model already used at base
 * and kept by the PR only warns.
 */
function allowedModels(ctx) {
    const globs = ctx.policies.allowedModels;
    if (!globs)
        return [];
    const compiled = globs.map(compileGlob);
    const out = [];
    for (const f of withHead(ctx)) {
        const bad = disallowedModels(f.head.models, compiled);
        if (bad.length === 0)
            continue;
        const swap = modelChange(f);
        const cause = swap ?? ctx.largestCause([f]) ?? ctx.causesOf([f])[0] ?? null;
        const list = globs.length
            ? `${bad.length === 1 ? 'matches' : 'match'} none of allowed_models: ${globs.join(', ')}`
            : `${bad.length === 1 ? 'is' : 'are'} not allowed: allowed_models is empty`;
        const where = swap?.file ? `; changed at ${swap.file}${swap.line !== null ? `:${swap.line}` : ''}` : '';
        const message = `model not allowed: ${f.id} uses ${bad.join(', ')} at head, which ${list}${where}${ownersText(ctx.ownersOf(f.team))}`;
        const baseModels = new Set(f.base?.models ?? []);
        const preExisting = f.base !== null && bad.every((m) => baseModels.has(m))
            ? `${bad.length === 1 ? 'the model was' : 'these models were'} already used at base`
            : null;
        out.push(finding('allowed_models', { team: f.team, feature: f.id }, cause, message, [preExisting]));
    }
    return out;
}
/**
 * A raised (or removed) output cap while recorded outputs reached the old one: the replay keeps
 * those outputs as recorded, so the delta is a lower bound. States the bound at the new cap: in
 * dollars when the caller gives the head model's output price, else in tokens.
 */
function unboundedIncrease(ctx) {
    const out = [];
    for (const f of ctx.changed) {
        if (f.status !== 'changed' || !f.base || !f.head)
            continue;
        // Agents: a raised max_turns over runs that reached the old limit.
        for (const inc of f.head.agent?.turn_cap_increases ?? []) {
            if (!(inc.cap_share > 0))
                continue;
            const turns = f.changes.find((c) => c.kind === 'agent' && /^max turns/.test(c.summary));
            const cause = turns
                ? {
                    feature: f.id,
                    text: `${f.id}, ${turns.summary}`,
                    summary: turns.summary,
                    effect: turns.monthly_effect,
                    file: turns.file,
                    line: turns.line,
                }
                : ctx.largestCause([f]);
            const limit = `${(0,src_text/* count */.U9)(inc.base_max_turns)} → ${inc.head_max_turns === null ? 'unset' : (0,src_text/* count */.U9)(inc.head_max_turns)}`;
            const boundIncrease = inc.upper_bound_monthly === null ? null : inc.upper_bound_monthly - f.base.monthly;
            const bound = inc.upper_bound_monthly === null || boundIncrease === null
                ? '; with no limit the increase has no upper bound'
                : `; runs that go to the new limit could cost up to ${(0,src_text/* usd */.dR)(inc.upper_bound_per_request ?? 0)} per run (${(0,src_text/* usd */.dR)(inc.upper_bound_monthly)}/month, ${(0,src_text/* signedUsd */.NT)(boundIncrease)}/month against base)`;
            const message = `loop limit raised while runs hit the old one: ${f.id} raises max turns of agent ${inc.agent} ${limit} and ${(0,src_text/* pct */.Oe)(inc.cap_share, 1)} of runs reached the old limit, so the replayed change (${(0,src_text/* signedUsd */.NT)(f.delta.monthly)}/month) is a lower bound${bound}${ownersText(ctx.ownersOf(f.team))}`;
            const minimum = boundIncrease === null
                ? null
                : underMinimum(boundIncrease, ctx.policies.minIncreaseUsd, 'the increase at the new limit');
            out.push(finding('unbounded_increase', { team: f.team, feature: f.id }, cause, message, [minimum]));
        }
        const oldCap = f.base.max_output_tokens;
        const newCap = f.head.max_output_tokens;
        if (oldCap === null)
            continue;
        const raised = newCap === null || newCap > oldCap;
        const share = Math.max(f.base.output_cap_share ?? 0, f.head.output_cap_share ?? 0);
        if (!raised || !(share > 0))
            continue;
        const cap = f.changes.find((c) => c.kind === 'params' && /max output tokens/.test(c.summary));
        const cause = cap
            ? {
                feature: f.id,
                text: `${f.id}, ${cap.summary}`,
                summary: cap.summary,
                effect: cap.monthly_effect,
                file: cap.file,
                line: cap.line,
            }
            : ctx.largestCause([f]);
        const capText = `${(0,src_text/* count */.U9)(oldCap)} → ${newCap === null ? 'unset' : (0,src_text/* count */.U9)(newCap)}`;
        let bound = '';
        let boundIncrease = null;
        if (newCap !== null) {
            // Outputs that hit the old cap may run to the new one: extra tokens per request on average.
            const extra = share * (newCap - oldCap);
            const price = ctx.inputs.outputUsdPerToken?.[f.id];
            if (price !== undefined) {
                const perRequest = f.head.per_request.mean + extra * price;
                const monthly = f.head.monthly + extra * price * f.head.requests_per_month;
                boundIncrease = monthly - f.base.monthly;
                bound = `; at the new cap it could cost up to ${(0,src_text/* usd */.dR)(perRequest)} per request (${(0,src_text/* usd */.dR)(monthly)}/month, ${(0,src_text/* signedUsd */.NT)(boundIncrease)}/month against base)`;
            }
            else {
                bound = `; at the new cap outputs could grow by up to ${(0,src_text/* count */.U9)(extra)} tokens per request on average`;
            }
        }
        else {
            bound = '; with no cap the increase has no upper bound';
        }
        const message = `output cap raised while outputs hit the old one: ${f.id} raises max output tokens ${capText} and ${(0,src_text/* pct */.Oe)(share, 1)} of samples reached the old cap, so the replayed change (${(0,src_text/* signedUsd */.NT)(f.delta.monthly)}/month) is a lower bound${bound}${ownersText(ctx.ownersOf(f.team))}`;
        // The replayed delta understates this rule by construction: the minimum applies to the bound.
        const minimum = boundIncrease === null
            ? null
            : underMinimum(boundIncrease, ctx.policies.minIncreaseUsd, 'the increase at the new cap');
        out.push(finding('unbounded_increase', { team: f.team, feature: f.id }, cause, message, [minimum]));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/policy/pr-rules.ts
/**
 * Whole-PR rules: `max_monthly_increase` against the total delta and
 * `max_monthly_increase_percent` against its percentage. A zero base has no percentage and never
 * fails the percent rule.
 */


/**
 * "" (plainly over) when the whole interval is over the limit, "likely " when only part of it is
 * (the point estimate is over, so more of it is), "" without an interval.
 */
function likelihood(lo, limit) {
    if (lo === null)
        return '';
    return lo > limit ? '' : 'likely ';
}
/** A limit as the config writes it: `25%`, `12.5%`. */
function plainPct(p) {
    return `${Number(p.toFixed(1))}%`;
}
/** The PR's `max_monthly_increase` (USD) and `max_monthly_increase_percent` (a fraction in config). */
function prRules(ctx) {
    const m = ctx.inputs.report.totals.monthly;
    const pol = ctx.policies;
    const cause = ctx.largestCause(ctx.changed);
    const staticUp = ctx.staticIncrease(ctx.changed);
    const minimum = underMinimum(m.delta, pol.minIncreaseUsd, "the PR's change");
    const out = { increase: [], percent: [] };
    const span = `${(0,src_text/* usd */.dR)(m.base)} → ${(0,src_text/* usd */.dR)(m.head)}`;
    if (pol.maxMonthlyIncrease !== undefined && m.delta > pol.maxMonthlyIncrease) {
        const limit = pol.maxMonthlyIncrease;
        const ci = m.delta_ci95 ? `; 95%: ${(0,src_text/* signedUsd */.NT)(m.delta_ci95[0])} to ${(0,src_text/* signedUsd */.NT)(m.delta_ci95[1])}` : '';
        const staticOnly = pol.staticEstimates !== 'fail' && staticUp > 0 && m.delta - staticUp <= limit
            ? 'the increase rests on static estimates (static_estimates: warn)'
            : null;
        const message = `${likelihood(m.delta_ci95?.[0] ?? null, limit)}over the monthly increase limit: this PR raises spend by ${(0,src_text/* signedUsd */.NT)(m.delta)}/month (${span}${ci}) against a limit of ${(0,src_text/* usd */.dR)(limit)}/month for the whole PR (${(0,src_text/* signedUsd */.NT)(m.delta - limit)} over)${causeText(cause)}`;
        out.increase.push(finding('max_monthly_increase', {}, cause, message, [minimum, staticOnly], {
            unit: 'usd_month',
            limit,
            value: m.delta,
            ci95: m.delta_ci95,
        }));
    }
    const p = m.delta_percent;
    if (pol.maxMonthlyIncreasePercent !== undefined && p !== null && m.base > 0) {
        const limit = pol.maxMonthlyIncreasePercent * 100;
        if (p > limit) {
            const toPct = (usdDelta) => (usdDelta / m.base) * 100;
            const ci = m.delta_ci95
                ? `; 95%: ${(0,src_text/* signedPct */.Mp)(toPct(m.delta_ci95[0]))} to ${(0,src_text/* signedPct */.Mp)(toPct(m.delta_ci95[1]))}`
                : '';
            const staticOnly = pol.staticEstimates !== 'fail' && staticUp > 0 && toPct(m.delta - staticUp) <= limit
                ? 'the increase rests on static estimates (static_estimates: warn)'
                : null;
            const adjective = likelihood(m.delta_ci95 ? toPct(m.delta_ci95[0]) : null, limit);
            const message = `${adjective}over the monthly increase limit in percent: this PR raises spend by ${(0,src_text/* signedPct */.Mp)(p)} (${(0,src_text/* signedUsd */.NT)(m.delta)}/month, ${span}${ci}) against a limit of ${plainPct(limit)}${causeText(cause)}`;
            out.percent.push(finding('max_monthly_increase_percent', {}, cause, message, [minimum, staticOnly], {
                unit: 'percent',
                limit,
                value: p,
                ci95: m.delta_ci95 ? [toPct(m.delta_ci95[0]), toPct(m.delta_ci95[1])] : null,
            }));
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/policy/team-rules.ts
/**
 * Team rules: `budget`, `budget_warn` and the team's `max_monthly_increase`. Only teams with a
 * changed, added or removed feature are evaluated: a PR answers for what it touches.
 */


/** Budget, warn level and increase limit of every evaluated team, in report (team) order. */
function teamRules(ctx) {
    const out = { budget: [], budgetWarn: [], increase: [] };
    for (const t of ctx.inputs.report.teams) {
        const features = ctx.changedOfTeam(t.team);
        if (features.length === 0)
            continue;
        const cause = ctx.largestCause(features);
        const staticUp = ctx.staticIncrease(features);
        const b = budget(ctx, t, cause, staticUp);
        if (b)
            (b.rule === 'budget' ? out.budget : out.budgetWarn).push(b);
        const i = teamIncrease(ctx, t, cause, staticUp);
        if (i)
            out.increase.push(i);
    }
    return out;
}
/**
 * Spend here plus spend elsewhere against the budget. The wording follows the interval: "over"
 * when its lower end is over too, "likely over" when only the point estimate is.
 */
function budget(ctx, t, cause, staticUp) {
    if (t.budget === null)
        return null;
    const other = t.other_monthly_spend;
    const spend = t.head + other;
    const range = t.head_ci95 ? [t.head_ci95[0] + other, t.head_ci95[1] + other] : null;
    const rangeText = range ? ` (95%: ${moneyRange(range[0], range[1])})` : '';
    const outside = other > 0 ? `, incl. ${(0,src_text/* usd */.dR)(other)} outside this repo` : '';
    const tail = `${causeText(cause)}${ownersText(t.owners)}`;
    const delta = t.head - t.base;
    if (spend > t.budget) {
        const adjective = range === null || range[0] > t.budget ? '' : 'likely ';
        const baseSpend = t.base + other;
        // A breach the PR causes: over at head, and not merely a base breach the PR leaves as it was.
        const caused = (head, d) => head > t.budget && !(baseSpend > t.budget && d <= 1e-9);
        const preExisting = !caused(spend, delta)
            ? `already over budget at base (${(0,src_text/* usd */.dR)(baseSpend)}/month) and this PR does not raise the team's spend`
            : null;
        // Would the measured figures alone (static increases taken out) still make it one?
        const staticOnly = ctx.policies.staticEstimates !== 'fail' && staticUp > 0 && !caused(spend - staticUp, delta - staticUp)
            ? 'the breach rests on static estimates (static_estimates: warn)'
            : null;
        const message = `${adjective}over budget: ${t.team} would spend ${(0,src_text/* usd */.dR)(spend)}/month${rangeText} against a budget of ${(0,src_text/* usd */.dR)(t.budget)} (${(0,src_text/* signedUsd */.NT)(spend - t.budget)} over${outside})${tail}`;
        return finding('budget', { team: t.team }, cause, message, [preExisting, underMinimum(delta, ctx.policies.minIncreaseUsd, "the team's change"), staticOnly], { unit: 'usd_month', limit: t.budget, value: spend, ci95: range ? [range[0], range[1]] : null });
    }
    const warnAt = ctx.inputs.config.teams[t.team]?.warnAt ?? 0.8;
    if (spend > warnAt * t.budget) {
        const message = `near budget: ${t.team} would spend ${(0,src_text/* usd */.dR)(spend)}/month${rangeText}, ${(0,src_text/* pct */.Oe)(spend / t.budget)} of a budget of ${(0,src_text/* usd */.dR)(t.budget)} (warning above ${(0,src_text/* pct */.Oe)(warnAt)}${outside})${tail}`;
        return finding('budget_warn', { team: t.team }, cause, message, [], {
            unit: 'usd_month',
            limit: t.budget,
            value: spend,
            ci95: range ? [range[0], range[1]] : null,
        });
    }
    return null;
}
/** The team's own `max_monthly_increase`: head − base of its spend here. */
function teamIncrease(ctx, t, cause, staticUp) {
    const limit = ctx.inputs.config.teams[t.team]?.maxMonthlyIncrease;
    if (limit === undefined)
        return null;
    const delta = t.head - t.base;
    if (!(delta > limit))
        return null;
    const staticOnly = ctx.policies.staticEstimates !== 'fail' && staticUp > 0 && delta - staticUp <= limit
        ? 'the increase rests on static estimates (static_estimates: warn)'
        : null;
    const message = `over the team's monthly increase limit: ${t.team}'s spend rises by ${(0,src_text/* signedUsd */.NT)(delta)}/month (${(0,src_text/* usd */.dR)(t.base)} → ${(0,src_text/* usd */.dR)(t.head)}) against a limit of ${(0,src_text/* usd */.dR)(limit)}/month (${(0,src_text/* signedUsd */.NT)(delta - limit)} over)${causeText(cause)}${ownersText(t.owners)}`;
    return finding('max_monthly_increase', { team: t.team }, cause, message, [underMinimum(delta, ctx.policies.minIncreaseUsd, "the team's change"), staticOnly], { unit: 'usd_month', limit, value: delta, ci95: null });
}

;// CONCATENATED MODULE: ./src/policy/evaluate.ts






/** The order violations are listed in (then team, then feature). */
const RULE_ORDER = [
    'budget',
    'budget_warn',
    'max_monthly_increase',
    'max_monthly_increase_percent',
    'max_cost_per_request',
    'allowed_models',
    'unpriced_change',
    'unbounded_increase',
    'base_error',
    'pr_declared_price',
    'require_cheaper_model_review',
];
/** A rule's setting written explicitly as `warn` (not the default) keeps it a warning even in `fail_on`. */
function explicitlyWarn(config, key, value) {
    return value === 'warn' && Object.hasOwn(config.positions, `policies.${key}`);
}
/**
 * Whether a rule may fail the check under this config, and why not when it may not.
 * - Without `fail_on`: the declared rules fail. `unpriced_change` and `base_error` are declared
 *   by `unpriced_changes: fail` / `on_base_error: fail`; `unbounded_increase` has no key of its
 *   own and only warns; `budget_warn` never fails.
 * - With `fail_on`: only listed rules fail; listing `unpriced_change` or `base_error` is enough
 *   unless its setting is written as `warn`.
 */
function ruleMayFail(rule, config) {
    const p = config.policies;
    if (rule === 'budget_warn' || rule === 'require_cheaper_model_review')
        return { fails: false, reason: null };
    // A PR-declared price changes the figures every other rule reads; a base `fail_on` written
    // before this rule existed must not let a PR's own $0 price pass the check.
    if (rule === 'pr_declared_price')
        return { fails: true, reason: null };
    const setting = rule === 'unpriced_change'
        ? ['unpriced_changes', p.unpricedChanges]
        : rule === 'base_error'
            ? ['on_base_error', p.onBaseError]
            : null;
    if (p.failOn === undefined) {
        if (setting)
            return { fails: setting[1] === 'fail', reason: null };
        return { fails: rule !== 'unbounded_increase', reason: null };
    }
    if (!p.failOn.includes(rule)) {
        const declared = setting ? setting[1] === 'fail' : rule !== 'unbounded_increase';
        return { fails: false, reason: declared ? `${rule} is not in policies.fail_on` : null };
    }
    if (setting && explicitlyWarn(config, setting[0], setting[1]))
        return { fails: false, reason: `policies.${setting[0]} is warn` };
    return { fails: true, reason: null };
}
function compareNullable(a, b) {
    if (a === b)
        return 0;
    if (a === null)
        return -1;
    if (b === null)
        return 1;
    return a < b ? -1 : 1;
}
function label(config) {
    return config.policies.overrideLabel ? `label "${config.policies.overrideLabel}"` : 'override';
}
/**
 * Evaluate every rule. Pure: the inputs are the priced report (violations not filled in), the
 * trusted config, base-side errors and the override state; the result is the violations in a
 * stable order, the verdict (`breached` exactly when a violation is an error) and notices.
 */
function evaluatePolicies(inputs) {
    const ctx = new PolicyContext(inputs);
    const team = teamRules(ctx);
    const pr = prRules(ctx);
    const findings = [
        ...team.budget,
        ...team.budgetWarn,
        ...pr.increase,
        ...team.increase,
        ...pr.percent,
        ...costPerRequest(ctx),
        ...allowedModels(ctx),
        ...unpricedChanges(ctx),
        ...unboundedIncrease(ctx),
        ...baseErrors(ctx),
        ...prDeclaredPrices(ctx),
        ...cheaperModelReview(ctx),
    ];
    const order = (f) => RULE_ORDER.indexOf(f.rule);
    findings.sort((a, b) => order(a) - order(b) || compareNullable(a.team, b.team) || compareNullable(a.feature, b.feature));
    const notices = [];
    if (inputs.report.policy_source === 'head (adoption)') {
        const why = '*' in inputs.baseErrors ? 'the base config could not be read' : 'the base has no config (this PR adopts aicost)';
        notices.push(`Policies come from this PR's ${inputs.config.path}: ${why}, so the PR's own budgets and rules decide this check.`);
    }
    let overridden = 0;
    const violations = findings.map((f) => {
        const may = ruleMayFail(f.rule, inputs.config);
        const reasons = [...f.notFailing, ...(may.reason ? [may.reason] : [])];
        let severity = may.fails && f.notFailing.length === 0 ? 'error' : 'warning';
        const message = reasons.length && f.rule !== 'budget_warn' ? `${f.message} — not failing: ${reasons[0]}` : f.message;
        let isOverridden = false;
        if (severity === 'error' && inputs.override.applied) {
            severity = 'warning';
            isOverridden = true;
            overridden++;
        }
        return {
            rule: f.rule,
            severity,
            overridden: isOverridden,
            team: f.team,
            feature: f.feature,
            file: f.file,
            line: f.line,
            message,
            ...(f.figures
                ? { unit: f.figures.unit, limit: f.figures.limit, value: f.figures.value, value_ci95: f.figures.ci95 }
                : {}),
            ...(f.cause !== undefined
                ? {
                    cause: f.cause && {
                        feature: f.cause.feature,
                        summary: f.cause.summary,
                        monthly_effect: f.cause.effect,
                        file: f.cause.file,
                        line: f.cause.line,
                    },
                }
                : {}),
        };
    });
    const o = inputs.override;
    if (o.applied) {
        const who = `${o.by ? ` by ${o.by}` : ''}${o.at ? ` at ${o.at}` : ''}`;
        const effect = overridden === 0
            ? 'nothing fails, so it changes nothing'
            : `${overridden} failing violation${overridden === 1 ? ' is' : 's are'} reported as ${overridden === 1 ? 'a warning' : 'warnings'} (overridden)`;
        notices.push(`Override: the ${label(inputs.config)} was applied${who}; ${effect}.`);
    }
    if (o.rejectedBy) {
        const approvers = inputs.config.policies.overrideApprovers;
        const list = approvers.length ? ` (${approvers.join(', ')})` : '';
        notices.push(`The ${label(inputs.config)} was applied by ${o.rejectedBy}, who is not in policies.override_approvers${list}: it does not count, and failing violations still fail.`);
    }
    return { violations, breached: violations.some((v) => v.severity === 'error'), notices };
}

;// CONCATENATED MODULE: ./src/policy/inputs.ts
/**
 * What the rules need beyond the report: why base-side figures are unpriced (by feature, '*' for
 * the whole base), each feature's artifact at head, and the USD per output token of its head model
 * (tier and discounts applied) at the pricing date.
 */
function policyInputsOf(merged, features, catalog, date) {
    const baseErrors = {};
    if (merged.baseError)
        baseErrors['*'] = merged.baseError;
    for (const f of features)
        if (f.baseError)
            baseErrors[f.id] = f.baseError;
    const artifacts = {};
    for (const m of merged.features)
        artifacts[m.id] = m.headPrompt;
    const outputUsdPerToken = {};
    for (const m of merged.features) {
        const f = features.find((x) => x.id === m.id);
        if (f?.head)
            outputUsdPerToken[f.id] = catalog.rates(f.head.model, { tier: m.entry.tier, date, inputTokens: 0 }).output / 1e6;
    }
    return { baseErrors, artifacts, outputUsdPerToken };
}

;// CONCATENATED MODULE: ./src/policy/index.ts
/** The policy module: rules, severities, base-breach suppression and the override (DESIGN "Policy semantics"). */




;// CONCATENATED MODULE: ./src/run/cheaper-model.ts



/**
 * What `require_cheaper_model_review` reads beyond the report: for each changed feature that
 * switches models, the recorded pass rates of its base and head models, from the eval results
 * that the TRUSTED config's `advisor.evals` names, read at the BASE revision (a results file the PR
 * adds or edits cannot hide the warning). The base model is the candidate (at base's monthly
 * cost); routing candidates are priced by `aicost suggest`, not by the diff. Unreadable results at
 * base only warn (DESIGN "Errors at base"): the rule then finds nothing, and a notice says why.
 */
async function cheaperModelInputs(config, base, report, artifacts) {
    if (config.policies.requireCheaperModelReview === undefined || !config.advisor?.evals.length)
        return {};
    const switches = report.features.filter((f) => f.status === 'changed' &&
        f.base?.models.length === 1 &&
        f.head?.models.length === 1 &&
        f.base.models[0] !== f.head.models[0]);
    if (switches.length === 0)
        return {};
    let lookup;
    try {
        lookup = (await (0,advisor_inputs/* advisorInputs */.K)(config, base, src_repo/* expandPattern */.nh)).passRate;
    }
    catch (error) {
        if (!(error instanceof errors/* AicostError */.GG))
            throw error;
        return {
            notice: `require_cheaper_model_review was not checked: the eval results at base could not be read (${error.format()}).`,
        };
    }
    const passRates = {};
    for (const f of switches) {
        const prompt = config.features[f.id]?.prompt ?? artifacts[f.id];
        if (!prompt)
            continue;
        const rates = {};
        for (const model of [f.base.models[0], f.head.models[0]]) {
            const r = lookup(prompt, model);
            if (r)
                rates[model] = { passes: r.passes, total: r.total, passRate: r.pass_rate, source: r.source };
        }
        passRates[f.id] = rates;
    }
    return { inputs: { passRates, candidates: [] } };
}

;// CONCATENATED MODULE: ./src/run/diff-verdict.ts




/**
 * The policy stage: grades the report model against the merged config's policies (the base's) and
 * returns the final report, with the violations, the breached flag, the policies' notices and the
 * override settings, checked against the report schema (`where` locates a failure). With
 * `require_cheaper_model_review`, the base's eval results (read through `base`) and the advisor's
 * routing results (`advice`, when it ran) are the policy's candidates.
 */
async function gradeDiff(priced, loaded, features, catalog, override, where, base, advice) {
    const inputs = policyInputsOf(loaded.merged, features, catalog, loaded.dates.head);
    const cheaper = await cheaperModelInputs(loaded.merged.config, base, priced, inputs.artifacts);
    // With the advisor on, its routing results (base config, base evidence) are candidates too.
    if (cheaper.inputs && advice)
        cheaper.inputs = withRouting(cheaper.inputs, advice.suggestions);
    const verdict = evaluatePolicies({
        report: priced,
        config: loaded.merged.config,
        override: override ?? { applied: false },
        ...inputs,
        ...(cheaper.inputs ? { cheaperModels: cheaper.inputs } : {}),
    });
    const report = {
        ...priced,
        violations: verdict.violations,
        breached: verdict.breached,
        notices: [...priced.notices, ...(cheaper.notice ? [cheaper.notice] : []), ...verdict.notices],
        policy: {
            override_label: loaded.merged.config.policies.overrideLabel ?? null,
            override_approvers: [...loaded.merged.config.policies.overrideApprovers],
        },
    };
    await (0,src_report/* assertValidDiffReport */.uX)(report, where);
    return report;
}

// EXTERNAL MODULE: ./src/config/index.ts + 11 modules
var config = __webpack_require__(8427);
// EXTERNAL MODULE: ./src/diff/index.ts + 11 modules
var diff = __webpack_require__(848);
;// CONCATENATED MODULE: ./src/run/feature-stream.ts
/** An asynchronous queue of loaded features: pushed by the loader, read once by the pricer. */
class FeatureStream {
    items = [];
    ended = false;
    failure = null;
    wake = null;
    settle;
    /** Settles when loading is over, ended or failed. */
    over = new Promise((resolve) => (this.settle = resolve));
    /** A feature is loaded. */
    push(item) {
        this.items.push(item);
        this.signal();
    }
    /** Loading is over: the reader stops after the last feature. */
    end() {
        this.ended = true;
        this.settle();
        this.signal();
    }
    /** Loading failed: the reader throws `error` once the features before it are read. */
    fail(error) {
        this.failure = { error };
        this.settle();
        this.signal();
    }
    async *[Symbol.asyncIterator]() {
        for (;;) {
            const next = this.items.shift();
            if (next) {
                yield next;
                continue;
            }
            if (this.failure)
                throw this.failure.error;
            if (this.ended)
                return;
            await new Promise((resolve) => (this.wake = resolve));
        }
    }
    signal() {
        const wake = this.wake;
        this.wake = null;
        wake?.();
    }
}

;// CONCATENATED MODULE: ./src/run/price-features.ts





/**
 * Loads the project and prices each feature as soon as it is loaded (see feature-stream.ts), with
 * the bootstrap fed beside. Errors come out as they did when pricing waited for the whole load:
 * a load error wins over a pricing error of an earlier feature.
 */
async function loadAndPrice(project, trafficDir, schedule, boot, progress) {
    const stream = new FeatureStream();
    const loading = loadDiffProject(project, trafficDir, (input, l) => {
        schedule.loaded(input, l);
        stream.push({ input, loaded: l });
    });
    loading.then(() => {
        try {
            schedule.loadedAll();
            stream.end();
        }
        catch (e) {
            stream.fail(e);
        }
    }, (e) => stream.fail(e));
    try {
        const priced = await priceFeatures(stream, schedule, boot, progress);
        return { loaded: await loading, priced };
    }
    catch (e) {
        await loading;
        throw e;
    }
}
/**
 * Replay every feature at both sides as it arrives (counted ahead by the schedule), hand each
 * one's units to the bootstrap as it is priced, and sort the features by id. An error on the
 * base side only (e.g. a model the base cannot price) marks the feature unpriced; the bootstrap
 * is cancelled on any other error.
 */
async function priceFeatures(stream, schedule, boot, progress) {
    const features = [];
    // Which figures rest on prices or aliases only the PR declares (rule pr_declared_price).
    const prPriced = {};
    try {
        for await (const { input, loaded } of stream) {
            const { ctx, where } = schedule.shared(loaded.merged, loaded.dates);
            const resolvesWithPr = (id) => {
                try {
                    ctx.catalog.resolve(id);
                    return true;
                }
                catch (e) {
                    if (e instanceof errors/* AicostError */.GG)
                        return false;
                    throw e;
                }
            };
            // While loading goes on, the main thread reads the next features and the worker counts this
            // one; once loading is over, the main thread joins in on what is left.
            await Promise.race([schedule.ahead.taken(input), stream.over]);
            await schedule.ahead.before(input);
            progress(`pricing feature ${input.merged.entry.id}`);
            let f;
            try {
                f = (0,diff/* diffFeature */.ys)(input, ctx, loaded.dates, where);
            }
            catch (e) {
                if (!(e instanceof errors/* AicostError */.GG) || !input.baseSite)
                    throw e;
                f = (0,diff/* diffFeature */.ys)({ ...input, baseError: e.format().split('\n')[0] }, ctx, loaded.dates, where);
            }
            const priced = (0,config/* prPricedModels */.sK)(loaded.merged, { atBase: loaded.pricedAtBase, withPr: resolvesWithPr }, {
                entry: input.merged.entry,
                base: { site: input.baseSite, agent: input.baseAgent },
                head: { site: input.headSite, agent: input.headAgent },
            });
            const shown = priced.filter((p) => (p.side === 'base' ? f.base : f.head) !== null);
            if (shown.length)
                prPriced[f.id] = shown;
            schedule.ahead.after(input);
            (0,diff/* releaseFeature */.W)(input);
            features.push(f);
            const s = (0,diff/* seriesOf */.Lf)(f);
            if (s)
                boot.add(s);
        }
    }
    catch (e) {
        await boot.cancel();
        throw e;
    }
    features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { features, prPriced };
}

// EXTERNAL MODULE: ./src/stats/index.ts + 6 modules
var stats = __webpack_require__(9376);
;// CONCATENATED MODULE: ./src/run/schedule.ts
/**
 * Worker scheduling of a diff run: the tokenizer's helper thread and the count ahead of the
 * replay start only when the run replays enough samples to pay for them; the bootstrap's follows.
 */




/**
 * Counts the samples as features load and starts the helper thread when they reach
 * PARALLEL_MIN_SAMPLES (`workers: 1` starts it at once, `0` never); from then on it counts each
 * feature's texts while the main thread reads the next ones.
 */
class DiffSchedule {
    counter;
    workers;
    ahead;
    context;
    samples = 0;
    /** Whether the run's size is known well enough to choose the bootstrap's worker setting. */
    sized = false;
    boot = null;
    constructor(counter, workers) {
        this.counter = counter;
        this.workers = workers;
        this.ahead = new diff/* CountAhead */.T7(() => this.context);
        this.sized = workers !== undefined;
        if (workers === 1)
            this.startWorker();
    }
    /**
     * The catalog and where messages point are those of the merged config, known once it is loaded
     * (before the first feature): the count ahead needs them while loading goes on.
     */
    shared(merged, dates) {
        if (this.context)
            return this.context;
        const cfg = merged.config;
        const catalog = (0,src_catalog/* createCatalog */.CE)({
            pricing: cfg.pricing,
            discounts: cfg.discounts,
            models: cfg.models,
            configFile: cfg.path,
            positions: cfg.positions,
        });
        return (this.context = {
            ctx: { catalog, counter: this.counter },
            dates,
            where: { file: cfg.path, positions: cfg.positions },
        });
    }
    /** A feature is loaded: queue it for counting ahead, and start the helper once the run is big enough. */
    loaded(input, loaded) {
        this.shared(loaded.merged, loaded.dates);
        this.ahead.add(input);
        const before = this.samples;
        this.samples += input.traffic?.samples.length ?? 0;
        if (this.workers === undefined && before < tokenize/* PARALLEL_MIN_SAMPLES */.de && this.samples >= tokenize/* PARALLEL_MIN_SAMPLES */.de)
            this.startWorker();
    }
    /** Every feature is loaded: the run's size is known. */
    loadedAll() {
        this.sized = true;
        this.startBootstrap();
    }
    /**
     * The run's bootstrap session. Its worker setting depends on the run's size, known once the
     * helper thread starts or loading ends; features priced before then wait here, and are handed
     * over in order when it starts (the result does not depend on when: each feature has its own
     * generator, and features are summed in id order).
     */
    bootstrap(seed) {
        const boot = (this.boot = { seed, session: null, waiting: [] });
        this.startBootstrap();
        return {
            add: (series) => (boot.session ? boot.session.add(series) : void boot.waiting.push(series)),
            finish: () => {
                this.sized = true;
                this.startBootstrap();
                return boot.session.finish();
            },
            cancel: async () => {
                boot.waiting = [];
                await boot.session?.cancel();
            },
        };
    }
    /** The bootstrap's worker setting: the run's, else none below PARALLEL_MIN_SAMPLES samples. */
    bootstrapWorkers() {
        return this.workers ?? (this.samples >= tokenize/* PARALLEL_MIN_SAMPLES */.de ? undefined : 0);
    }
    startWorker() {
        // One worker, or none on a single core (then counts are made on the main thread as queued).
        this.counter.prepare({ encodings: ['o200k_base'], workers: this.workers });
        this.ahead.start();
        this.sized = true;
        this.startBootstrap();
    }
    startBootstrap() {
        const boot = this.boot;
        if (!boot || boot.session || !this.sized)
            return;
        boot.session = (0,stats/* startBootstrap */.rC)({ seed: boot.seed, workers: this.bootstrapWorkers() });
        for (const series of boot.waiting)
            boot.session.add(series);
        boot.waiting = [];
    }
}

;// CONCATENATED MODULE: ./src/run/diff.ts










/**
 * The whole `diff` job: locate the project (at base), load base and head (configs merged by
 * trust), replay every feature on the same samples at both sides, bootstrap the intervals, list
 * unpriced AI changes, build the report model and grade it against the policies.
 */
async function runDiff(run) {
    const project = await openDiffProject(run.repo, run.config, run.head ?? 'HEAD', run.base);
    const { location, baseSha, headSha, nestedAtHead, base, head } = project;
    const counter = new tokenize/* TokenCounter */.WX();
    const progress = run.progress ?? (() => undefined);
    try {
        progress(`loading base ${baseSha.slice(0, 12)} and head ${headSha.slice(0, 12)} (configs, artifacts, traffic)`);
        const schedule = new DiffSchedule(counter, run.workers);
        const boot = schedule.bootstrap(`${baseSha}:${headSha}:${location.prefix}:${location.configPath}`);
        const { loaded, priced: pricing } = await loadAndPrice(project, run.trafficDir, schedule, boot, progress);
        const { features, prPriced } = pricing;
        const shared = schedule.shared(loaded.merged, loaded.dates);
        const { catalog } = shared.ctx;
        progress('bootstrapping the 95% intervals');
        const bootstrap = await boot.finish();
        progress(`scanning ${loaded.changedFiles.length} changed file(s) for unpriced AI changes`);
        const scan = await scanUnpriced(loaded, catalog, head);
        const notices = [...diffNotices(loaded, features, catalog, location, nestedAtHead, [base, head]), ...scan.notices];
        const found = { features, prPriced, bootstrap, unpriced: scan.unpriced, notices };
        const priced = diffReportModel(project, loaded, found, catalog);
        const workers = schedule.bootstrapWorkers();
        const advice = run.advise ? await adviseReport(priced, loaded, features, shared, project, workers, progress) : null;
        // Policies compare these figures: an Infinity must stop here, not pass or fail a rule.
        (0,src_report/* assertFiniteReport */.YC)(priced, shared.where);
        progress('evaluating policies');
        const report = await gradeDiff(priced, loaded, features, catalog, run.override, shared.where, base, advice);
        return { report, features, counting: counter.stats() };
    }
    finally {
        // An idle worker never keeps the process alive, but a failed run should not leave it counting.
        await counter.close();
        project.close();
    }
}


/***/ })

};
