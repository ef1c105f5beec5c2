export const id = 319;
export const ids = [319];
export const modules = {

/***/ 8786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xO: () => (/* reexport */ evidenceCommand),
  HO: () => (/* reexport */ findEvidence),
  mZ: () => (/* reexport */ readEvalEvidence),
  u3: () => (/* reexport */ suggestFeatures),
  gR: () => (/* reexport */ suggestRevision)
});

// UNUSED EXPORTS: CACHE_SAMPLES, MAX_CANDIDATES, batchAdvice, batchSuggestion, cacheRule, cacheableTokens, cachingAdvice, cachingSuggestion, candidateSite, candidatesFor, familyLine, outputCapAdvice, outputCapSuggestion, routeFeature, tierSubjectOf

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/catalog/index.ts + 18 modules
var catalog = __webpack_require__(1417);
// EXTERNAL MODULE: ./src/repo/index.ts + 14 modules
var repo = __webpack_require__(8121);
;// CONCATENATED MODULE: ./src/advisor/candidates.ts
/**
 * Which models a feature's samples are replayed on (issue 18, model routing): the config's
 * `advisor.candidates` (ids and `*` globs, read from the trusted revision), else the cheaper models
 * of the same vendor and family line in the catalog (`gpt-4.1` → `gpt-4.1-mini`, `gpt-4.1-nano`;
 * `claude-sonnet-4-5` → `claude-haiku-4-5`; `gemini-2.5-pro` → `gemini-2.5-flash`, `…-flash-lite`).
 *
 * Input: the feature's current model, the catalog, the pricing date and the feature's mean input
 * and output tokens (to rank by expected price). Output: resolved candidates and notes for ids that
 * cannot be priced. Pure apart from the catalog's memo.
 */



/** At most this many candidates per feature from the catalog (default line, or a glob's matches). */
const MAX_CANDIDATES = 5;
/** Size words of a family line: the line is the id without them. */
const SIZE_WORDS = new Set([
    'mini',
    'nano',
    'lite',
    'flash',
    'pro',
    'opus',
    'sonnet',
    'haiku',
    'small',
    'medium',
    'large',
    'tiny',
    'micro',
]);
/**
 * Ids that are not a plain text model of a line: audio, realtime, speech, search, image, embedding,
 * fine-tune, preview or `latest` aliases, and dated snapshots (the undated id is the candidate).
 */
const NOT_A_CANDIDATE = /(audio|realtime|transcribe|tts|search|vision|embed|image|preview|latest|instruct|computer|deep-research|codex|(^|[-/])ft[:-]|:|\d{8}|-\d{4}-\d{2}-\d{2}|-\d{4}$)/;
/** The family line of a model id: its words without size words and date parts (`gpt-4o-mini-2024-07-18` → `gpt-4o`). */
function familyLine(canonical) {
    const id = canonical.slice(canonical.indexOf('/') + 1).toLowerCase();
    return id
        .replace(/-\d{4}-\d{2}-\d{2}$/, '')
        .replace(/-\d{8}$/, '')
        .split('-')
        .filter((w) => !SIZE_WORDS.has(w))
        .join('-');
}
/** Expected USD of a mean request on `model` at list prices, or null when the tier is not offered. */
function expectedCost(q, model) {
    if (q.catalog.tierProblem(model, q.tier))
        return null;
    const r = q.catalog.rates(model, { tier: q.tier, date: q.date, inputTokens: Math.round(q.meanInput) });
    return (q.meanInput * r.input + q.meanOutput * r.output) / 1e6;
}
function tryResolve(catalog, id) {
    try {
        return catalog.resolve(id);
    }
    catch (e) {
        if (e instanceof errors/* AicostError */.GG)
            return null;
        throw e;
    }
}
const same = (a, b) => a.canonical === b.canonical || (a.provider === b.provider && a.priceId === b.priceId);
/**
 * The models to replay a feature on. Configured ids are kept whatever their price (the replay
 * says whether they save); glob matches and the default line keep only models cheaper than the
 * current one at list prices, cheapest first, at most {@link MAX_CANDIDATES} each.
 */
function candidatesFor(q) {
    const notes = [];
    const currentCost = expectedCost(q, q.current) ?? Infinity;
    const out = [];
    const add = (m) => {
        if (!same(m, q.current) && !out.some((x) => same(x, m)))
            out.push(m);
    };
    const cheaper = (ids) => ids
        .map((id) => tryResolve(q.catalog, id))
        .filter((m) => m !== null && !same(m, q.current))
        .map((m) => ({ m, cost: expectedCost(q, m) }))
        .filter((x) => x.cost !== null && x.cost < currentCost)
        .sort((a, b) => a.cost - b.cost || (a.m.canonical < b.m.canonical ? -1 : 1))
        .slice(0, MAX_CANDIDATES)
        .map((x) => x.m);
    const configured = q.configured ?? [];
    if (configured.length > 0) {
        for (const entry of configured) {
            if (entry.includes('*')) {
                // A repository glob over `vendor/model`: `*` stays within the vendor or the model part.
                const ids = (0,catalog/* catalogModels */.eR)()
                    .filter((k) => !k.deprecated && (0,repo/* matchGlob */.sB)(k.canonical, entry.toLowerCase()) && !NOT_A_CANDIDATE.test(k.model))
                    .map((k) => k.canonical);
                const found = cheaper(ids);
                if (found.length === 0)
                    notes.push(`advisor.candidates: ${entry} matches no catalog model cheaper than ${q.current.canonical}.`);
                found.forEach(add);
            }
            else {
                const m = tryResolve(q.catalog, entry);
                if (m)
                    add(m);
                else
                    notes.push(`advisor.candidates: ${entry} is not in the price catalog (add a pricing: entry or fix the id).`);
            }
        }
        return { models: out, origin: 'configured', notes };
    }
    const line = familyLine(q.current.canonical);
    const vendor = q.current.canonical.slice(0, q.current.canonical.indexOf('/'));
    const ids = (0,catalog/* catalogModels */.eR)()
        .filter((k) => !k.deprecated &&
        k.canonical.startsWith(`${vendor}/`) &&
        !NOT_A_CANDIDATE.test(k.model) &&
        familyLine(k.canonical) === line)
        .map((k) => k.canonical);
    cheaper(ids).forEach(add);
    return { models: out, origin: 'catalog', notes };
}

// EXTERNAL MODULE: ./src/diff/index.ts + 11 modules
var diff = __webpack_require__(848);
// EXTERNAL MODULE: ./src/stats/index.ts + 6 modules
var stats = __webpack_require__(9376);
// EXTERNAL MODULE: ./src/tokenize/index.ts + 39 modules
var tokenize = __webpack_require__(5419);
;// CONCATENATED MODULE: ./src/advisor/routing.ts





/** The replay site of `model` for the same prompt: same CallSite (renders are shared), its own tokenizer and prices. */
function candidateSite(base, model, ctx, date) {
    const tokenizer = (0,tokenize/* tokenizerFor */.v5)(model.family, model.canonical, model.tokenizer);
    let fixed = 0;
    if (base.site.tools.length)
        fixed += ctx.counter.countTools(base.site.tools, tokenizer);
    if (base.site.responseSchema)
        fixed += ctx.counter.countText(base.site.responseSchema, tokenizer);
    return {
        ...base,
        model,
        tokenizer,
        fixedTokens: fixed,
        priceSource: ctx.catalog.priceSource(model, date),
        price: (usage, tier, time) => ctx.catalog.price(model, usage, { tier, date, time }),
    };
}
/** Why `model` cannot take these samples' tiers (the feature's `tier:` or a line's `tier`), or null. */
function tierProblem(catalog, model, f) {
    const problem = catalog.tierProblem(model, f.site.tier);
    if (problem)
        return problem;
    for (const s of f.traffic.samples) {
        if (s.tier === undefined || (s.feature !== undefined && s.feature !== f.id))
            continue;
        const p = catalog.tierProblem(model, s.tier);
        if (p)
            return `${p} (samples recorded on tier ${s.tier})`;
    }
    return null;
}
/** A candidate's outcome before its replay: no figures yet, its context window looked up. */
function emptyOutcome(candidate) {
    return {
        candidate,
        problem: null,
        results: null,
        monthly: 0,
        monthlyBand: null,
        inputMean: 0,
        outputMean: 0,
        tokenizer: null,
        window: (0,catalog/* contextWindow */.qq)(candidate),
        overflow: 0,
        series: null,
    };
}
/** Replay a feature's samples on each candidate. */
function routeFeature(f, candidates, ctx, date) {
    return candidates.map((candidate) => {
        const empty = emptyOutcome(candidate);
        const window = empty.window;
        const problem = tierProblem(ctx.catalog, candidate, f);
        if (problem)
            return { ...empty, problem };
        let results;
        let site;
        try {
            site = candidateSite(f.site, candidate, ctx, date);
            results = (0,diff/* replayAll */.R4)(f.site, site, f.traffic, f.estimate.results, f.id, ctx);
        }
        catch (e) {
            if (!(e instanceof errors/* AicostError */.GG))
                throw e;
            return { ...empty, problem: e.message };
        }
        let overflow = 0;
        if (window !== null)
            for (const r of results)
                if (r.usage.inputTokens + r.usage.outputTokens > window)
                    overflow++;
        return { ...empty, ...pairedOutcome(f.id, f.estimate, candidate, results), tokenizer: site.tokenizer, overflow };
    });
}
/**
 * The figures of a candidate's replay paired with the feature as priced: its monthly cost (and
 * band), mean tokens and the paired series for the bootstrap (id `feature→candidate`). `results`
 * are in the order of `estimate.results` (one per sample, or per run for an agent feature).
 */
function pairedOutcome(id, estimate, candidate, results) {
    const rpm = estimate.requestsPerMonth;
    const weights = estimate.results.map((r) => r.weight);
    const mean = (0,stats/* weightedMean */.hY)(results.map((r) => r.cost), weights);
    const banded = results.some((r) => r.costLow !== r.cost || r.costHigh !== r.cost);
    const monthlyBand = banded
        ? [
            (0,stats/* weightedMean */.hY)(results.map((r) => r.costLow), weights) * rpm,
            (0,stats/* weightedMean */.hY)(results.map((r) => r.costHigh), weights) * rpm,
        ]
        : null;
    const series = (0,diff/* seriesOf */.Lf)({
        id: `${id}→${candidate.canonical}`,
        team: id,
        status: 'changed',
        declaredInPr: false,
        base: estimate,
        head: { ...estimate, requestsPerMonth: rpm },
        pairs: estimate.results.map((b, i) => ({ base: b, head: results[i] })),
        changes: [],
        notes: [],
    });
    return {
        results,
        monthly: mean * rpm,
        monthlyBand,
        inputMean: (0,stats/* weightedMean */.hY)(results.map((r) => r.usage.inputTokens), weights),
        outputMean: (0,stats/* weightedMean */.hY)(results.map((r) => r.usage.outputTokens), weights),
        series,
    };
}

// EXTERNAL MODULE: ./src/estimate/index.ts + 13 modules
var src_estimate = __webpack_require__(5402);
// EXTERNAL MODULE: ./src/text/index.ts + 3 modules
var src_text = __webpack_require__(2526);
;// CONCATENATED MODULE: ./src/advisor/agent-routing.ts
/**
 * Model routing for agent features (issue 18): the feature's recorded runs replayed with the top
 * agent on a candidate model, paired run by run with the feature as priced. The replay is the
 * diff's own for an agent whose model changes (`replayVariantRuns`, src/diff/agent-pair.ts): each
 * call of the top agent is replayed on the candidate's side (recorded input + the change of the
 * agent's fixed part, output scaled by the tokenizer ratio when the family changes, cache reads
 * moved under the candidate's rule); sub-agents keep their models and their calls cost as recorded.
 *
 * The candidate's side shares the top agent's CallSite, so renders and counts of a candidate with
 * the feature's tokenizer come from the shared memo: nothing is counted twice.
 */




/** A call that takes the candidate: the top agent's, or one naming an agent the definition lacks (priced with the top agent's model). */
const moves = (rev, agent) => agent === null || agent === rev.spec.root;
/**
 * The runs of an agent feature as its estimate priced them, or why they cannot be paired (a
 * string for the feature's notes). Null when the feature has no traffic.
 */
function agentRoutingFeature(input, estimate, ctx, date, where) {
    const id = input.feature.id;
    const rev = (0,src_estimate/* agentRevision */.J3)(input.agent, input, ctx, date, where);
    const screened = {
        ...input,
        traffic: (0,src_estimate/* withOfferedTiers */.pG)(input.traffic, id, ctx.catalog, (s) => [(0,src_estimate/* agentModelOf */.aR)(rev, s)]),
    };
    if (!screened.traffic)
        return 'No traffic samples: routing needs recorded runs to replay.';
    const { traces } = (0,src_estimate/* runsOf */.ky)(screened);
    // In a diff the base was priced on the lines both revisions offer: pair only the same runs.
    if (traces.length !== estimate.results.length || traces.some((t, i) => estimate.results[i].unit !== t.id))
        return `The runs priced (${estimate.results.length}) are not the ${traces.length} the advisor would replay: skipped.`;
    const baseRuns = (0,src_estimate/* replayRuns */.oJ)(traces, rev.sides, rev.unknown, ctx.counter);
    return { id, input: screened, estimate, rev, traces, baseRuns };
}
/** Per-call means of the top agent's calls (weighted by run), to rank candidates by expected price. */
function movedCallMeans(f) {
    let n = 0;
    let input = 0;
    let output = 0;
    f.traces.forEach((t, i) => t.calls.forEach((c, j) => {
        const r = f.baseRuns[i][j];
        if (!r || !moves(f.rev, c.agent))
            return;
        n += t.weight;
        input += t.weight * r.usage.inputTokens;
        output += t.weight * r.usage.outputTokens;
    }));
    return n > 0 ? { input: input / n, output: output / n } : { input: 0, output: 0 };
}
/** Why `model` cannot take the top agent's calls (the feature's `tier:` or a line's `tier`), or null. */
function agent_routing_tierProblem(f, model, ctx) {
    const problem = ctx.catalog.tierProblem(model, f.input.feature.tier);
    if (problem)
        return problem;
    for (const t of f.traces)
        for (const c of t.calls) {
            if (c.sample.tier === undefined || !moves(f.rev, c.agent))
                continue;
            const p = ctx.catalog.tierProblem(model, c.sample.tier);
            if (p)
                return `${p} (calls of ${f.rev.spec.root} recorded on tier ${c.sample.tier})`;
        }
    return null;
}
/** The diff's variant of the feature with the top agent on `side`: sub-agents keep their base sides. */
function variantWith(rev, side, ctx) {
    const sides = new Map(rev.sides);
    sides.set(rev.spec.root, side);
    // As in the diff, calls of agents the definition does not name follow the top agent's model.
    return { sides, unknown: (0,src_estimate/* unknownAgentSide */.VU)(side, ctx) };
}
/** Weighted mean per run of the moved calls' output tokens. */
function movedOutput(f, runs) {
    let w = 0;
    let s = 0;
    f.traces.forEach((t, i) => {
        w += t.weight;
        t.calls.forEach((c, j) => {
            const r = runs[i][j];
            if (r && moves(f.rev, c.agent))
                s += t.weight * r.usage.outputTokens;
        });
    });
    return w > 0 ? s / w : 0;
}
/** Replay an agent feature's runs with its top agent on each candidate. */
function routeAgentFeature(f, candidates, ctx, date) {
    const root = f.rev.spec.root;
    const kept = f.rev.spec.agents
        .filter((a) => a.name !== root)
        .map((a) => ({ name: a.name, model: f.rev.sides.get(a.name).rs.model.canonical }));
    const calls = f.traces.reduce((a, t) => a + t.weight * t.calls.filter((c) => moves(f.rev, c.agent)).length, 0);
    const runWeight = f.traces.reduce((a, t) => a + t.weight, 0);
    const currentOutput = movedOutput(f, f.baseRuns);
    return candidates.map((candidate) => {
        const empty = emptyOutcome(candidate);
        const window = empty.window;
        const problem = agent_routing_tierProblem(f, candidate, ctx);
        if (problem)
            return { ...empty, problem };
        let side;
        let runs;
        try {
            side = (0,src_estimate/* sideWith */.AM)(f.rev.sides.get(root).def, candidate, ctx, date, f.input.feature);
            runs = (0,diff/* replayVariantRuns */.bv)(f.traces, f.rev, f.baseRuns, variantWith(f.rev, side, ctx), ctx.counter).runs;
        }
        catch (e) {
            if (!(e instanceof errors/* AicostError */.GG))
                throw e;
            return { ...empty, problem: e.message };
        }
        const results = f.traces.map((t, i) => (0,src_estimate/* runResult */.XS)(t, runs[i]));
        // A run is ineligible when any of its calls on the candidate overflows the candidate's window.
        let overflow = 0;
        let callsOverWindow = 0;
        if (window !== null)
            f.traces.forEach((t, i) => {
                let over = 0;
                t.calls.forEach((c, j) => {
                    const r = runs[i][j];
                    if (r && moves(f.rev, c.agent) && r.usage.inputTokens + r.usage.outputTokens > window)
                        over++;
                });
                callsOverWindow += over;
                if (over > 0)
                    overflow++;
            });
        return {
            ...empty,
            ...pairedOutcome(f.id, f.estimate, candidate, results),
            tokenizer: side.rs.tokenizer,
            overflow,
            agent: {
                root,
                kept,
                movedCallsPerRun: runWeight > 0 ? calls / runWeight : 0,
                callsOverWindow,
                movedOutput: { current: currentOutput, candidate: movedOutput(f, runs) },
            },
        };
    });
}

;// CONCATENATED MODULE: ./src/advisor/count-ahead.ts
/**
 * Counting ahead of the routing replays. A candidate with another tokenizer than the feature's
 * (a Gemini model for a GPT feature) counts every text the feature sends again, in its own
 * encoding: on the main thread alone that was most of `suggest` on the benchmark. Here the texts
 * of the next feature are queued on the token counter's worker while the main thread replays the
 * current one, and the main thread joins in on what is left just before it needs them. Counts
 * are the same on either thread; a text already memoised (the feature's own encoding, counted by
 * the estimate) is not queued again.
 */


/** Queues each feature's texts in its candidates' encodings one feature ahead of its routing. */
class CandidateCountAhead {
    plans;
    ctx;
    where;
    queued = new Map();
    started;
    constructor(plans, ctx, where, workers) {
        this.plans = plans;
        this.ctx = ctx;
        this.where = where;
        const samples = plans.reduce((n, p) => n + (p.input.traffic?.samples.length ?? 0), 0);
        this.started = workers !== 0 && samples >= tokenize/* PARALLEL_MIN_SAMPLES */.de;
        if (this.started)
            ctx.counter.prepare({ workers });
    }
    /** Before routing feature `i`: the next one is queued, and `i`'s texts are counted (joined). */
    async before(i) {
        if (!this.started)
            return;
        this.queue(i);
        this.queue(i + 1);
        for (const q of this.queued.get(i) ?? [])
            await q.join();
        this.queued.delete(i);
    }
    queue(i) {
        const plan = this.plans[i];
        if (!plan || this.queued.has(i))
            return;
        const { input } = plan;
        const encodings = new Set();
        for (const m of plan.candidates())
            encodings.add((0,tokenize/* tokenizerFor */.v5)(m.family, m.canonical, m.tokenizer).encoding);
        const texts = new Set();
        if (input.traffic && encodings.size) {
            const as = {
                merged: { entry: input.feature },
                baseSite: input.agent ? null : input.site,
                headSite: null,
                traffic: input.traffic,
                ...(input.agent ? { baseAgent: input.agent } : {}),
            };
            const { date, configFile, positions } = this.where;
            for (const set of (0,diff/* featureTexts */.NP)(as, this.ctx, { base: date, head: date }, { file: configFile, positions }).values())
                for (const t of set)
                    texts.add(t);
        }
        this.queued.set(i, [...encodings].map((e) => this.ctx.counter.queue(texts, e)));
    }
}

;// CONCATENATED MODULE: ./src/advisor/batch.ts
/**
 * Batch and flex tiers for features nobody waits for (`latency: async`): the same calls at the
 * tier's price. The multipliers are the catalog's tier table (src/catalog/tiers.ts), so the advice
 * and the estimate can never disagree on what a tier costs.
 *
 * `batchAdvice(input: BatchInput): BatchAdvice` — pure.
 * - Input: `latency` (the feature's key; absent = interactive), `tier` (the tier it is billed at
 *   now), `subject` (catalog `TierSubject`: seller, entry id, model name; `tierSubjectOf` builds it
 *   from a `ResolvedModel`), and `monthly` = the feature's monthly cost at its current tier split
 *   into `input` and `output` USD (cache reads count as input).
 * - Output: `eligible`, `reason` when not, and one option per cheaper tier the seller offers for the
 *   model (`batch`, `flex`), largest saving first, each with its multipliers, monthly cost and saving
 *   and `fraction` (saving ÷ current cost, to scale an interval of the current cost).
 */

const CHEAPER = ['batch', 'flex'];
/** The catalog's tier subject for a resolved model. */
function tierSubjectOf(model) {
    const slash = model.canonical.indexOf('/');
    return {
        seller: model.provider,
        entryId: model.priceId,
        model: slash >= 0 ? model.canonical.slice(slash + 1) : model.canonical,
    };
}
/** Batch/flex savings for one feature (see the module comment). */
function batchAdvice(input) {
    if (input.latency !== 'async')
        return {
            eligible: false,
            reason: 'interactive feature: batch and flex answer minutes to hours later; declare latency: async for a feature nobody waits for',
            options: [],
        };
    if (input.tier === 'batch' || input.tier === 'flex')
        return { eligible: false, reason: `already billed at the ${input.tier} tier`, options: [] };
    const current = (0,catalog/* tierMultiplier */.YQ)(input.subject, input.tier);
    const now = input.monthly.input + input.monthly.output;
    const options = [];
    for (const tier of CHEAPER) {
        const m = (0,catalog/* tierMultiplier */.YQ)(input.subject, tier);
        if (!m || !current)
            continue;
        // The current cost is at the current tier's price: scale each direction to the new tier's.
        const monthly = (input.monthly.input * m.input) / current.input + (input.monthly.output * m.output) / current.output;
        const monthlySaving = now - monthly;
        if (monthlySaving <= 0)
            continue;
        options.push({ tier, multiplier: m, monthly, monthlySaving, fraction: now > 0 ? monthlySaving / now : 0 });
    }
    options.sort((a, b) => b.monthlySaving - a.monthlySaving);
    if (options.length === 0)
        return {
            eligible: false,
            reason: `${input.subject.seller} offers no batch or flex tier for ${input.subject.model}`,
            options,
        };
    return { eligible: true, reason: null, options };
}

;// CONCATENATED MODULE: ./src/advisor/caching.ts
/**
 * Prompt caching for one feature, from its replayed samples: how much of the rendered prompt is
 * the same in every sample (the stable prefix), what the provider's cache rule makes of it, how
 * often the recorded timestamps would hit a live cache, and what that saves per month.
 *
 * `cachingAdvice(input: CachingInput): CachingAdvice` — pure.
 * - Input: `model` (catalog id), `vendor` (`familyOf` of the model: `openai`, `anthropic`,
 *   `google`, …), `rates` (USD per 1M tokens after tier and discount: `input`, `cacheRead`,
 *   `cacheWrite` (5 min), `cacheWrite1h`), `requestsPerMonth`, and `samples[]`, each with the token
 *   ids of every message of its rendered prompt in the order sent (`messages: number[][]`), its
 *   time (`ts`, epoch ms) and the cache-read tokens its recorded usage shows (`cachedTokens`).
 * - Output: see {@link CachingAdvice}.
 *
 * Rules (reference/pricing-and-tokens.md §1.1):
 * - OpenAI: automatic, no write fee, prompts of ≥1,024 tokens, hits in 128-token steps, read at the
 *   catalog's cached-input price; entries are cleared after 5–10 min idle (5 min assumed).
 * - Anthropic: explicit `cache_control` breakpoint, minimum 1,024 tokens (Sonnet/Opus) or 2,048
 *   (Haiku); a write costs 1.25× input with a 5 min TTL or 2× with 1 h; a read 0.1× (catalog price).
 *   The TTL of the two that saves more is chosen.
 * - Gemini: implicit caching (2.5+), minimum 1,024 tokens (Flash) or 4,096 (Pro), read at the
 *   catalog's price, no write fee; the lifetime is not documented (5 min assumed).
 *
 * Hit model (an assumption, stated in every result): one cache per feature; a sample hits when the
 * feature's previous sample came within the TTL. Samples are often a subset of the traffic, so
 * real gaps are shorter and the hit rate is a lower bound.
 */
const OPENAI_TTL_MINUTES = 5;
const GEMINI_TTL_MINUTES = 5;
const PER_MILLION = 1_000_000;
/** The caching rule of `model` sold by `vendor`, or null when none is known. */
function cacheRule(vendor, model) {
    const name = model.toLowerCase();
    if (vendor === 'openai')
        return {
            vendor,
            activation: 'automatic',
            minTokens: 1024,
            step: 128,
            ttls: [{ minutes: OPENAI_TTL_MINUTES, writeMultiplier: 0 }],
        };
    if (vendor === 'anthropic')
        return {
            vendor,
            activation: 'explicit',
            minTokens: /haiku/.test(name) ? 2048 : 1024,
            step: 1,
            ttls: [
                { minutes: 5, writeMultiplier: 1.25 },
                { minutes: 60, writeMultiplier: 2 },
            ],
        };
    if (vendor === 'google')
        return {
            vendor,
            activation: 'implicit',
            minTokens: /pro/.test(name) ? 4096 : 1024,
            step: 1,
            ttls: [{ minutes: GEMINI_TTL_MINUTES, writeMultiplier: 0 }],
        };
    return null;
}
/** Tokens of a stable prefix the rule can cache: 0 below the minimum, then whole steps above it. */
function cacheableTokens(rule, stable) {
    if (stable < rule.minTokens)
        return 0;
    return rule.minTokens + Math.floor((stable - rule.minTokens) / rule.step) * rule.step;
}
/** The caching advice for one feature's samples (see the module comment). */
function cachingAdvice(input) {
    const { samples } = input;
    const rule = cacheRule(input.vendor, input.model);
    const times = samples
        .map((s) => s.ts)
        .filter((t) => t !== undefined && Number.isFinite(t))
        .sort((a, b) => a - b);
    const notes = [];
    const alreadyCached = samples.some((s) => (s.cachedTokens ?? 0) > 0);
    const stable = samples.length >= 2 ? commonPrefix(samples) : 0;
    const empty = (ttl) => ({
        stablePrefixTokens: stable,
        cacheableTokens: 0,
        ttlMinutes: ttl,
        hits: 0,
        hitRate: null,
        savingPerRequest: 0,
        monthlySaving: 0,
    });
    const advice = {
        model: input.model,
        rule,
        samples: samples.length,
        timedSamples: times.length,
        alreadyCached,
        current: empty(rule?.ttls[0].minutes ?? 0),
        reorder: null,
        notes,
    };
    if (!rule) {
        notes.push(`aicost knows no prompt-caching rule for ${input.model}; nothing is estimated.`);
        return advice;
    }
    if (samples.length < 2) {
        notes.push('A stable prefix needs at least two samples to compare; nothing is estimated.');
        return advice;
    }
    if (alreadyCached) {
        const cached = samples.filter((s) => (s.cachedTokens ?? 0) > 0).length;
        notes.push(`${cached} of ${samples.length} samples already record cache reads: caching is on, its saving is already in the recorded cost (0 more).`);
        return advice;
    }
    if (input.rates.cacheRead >= input.rates.input) {
        notes.push(`The catalog has no cached-input price below the input price for ${input.model}: caching saves nothing.`);
        return advice;
    }
    notes.push('Hit model: one cache per feature; a sample hits when the previous sample came within the TTL. Samples are a subset of the traffic when sampled, so the real hit rate is at least this.');
    if (times.length < 2)
        notes.push('Fewer than two samples have a time: the hit rate, and so the saving, is unknown.');
    if (rule.activation === 'automatic')
        notes.push(`${input.model} caches automatically: this saving needs no code change, only a stable prefix.`);
    if (rule.activation === 'explicit')
        notes.push('Anthropic caches only up to a cache_control breakpoint: put one at the end of the stable part.');
    if (rule.activation === 'implicit')
        notes.push('Gemini implicit caching is on by default for 2.5+ models but not guaranteed: the saving is an upper bound.');
    advice.current = bestPlan(rule, stable, times, input);
    if (advice.current.cacheableTokens === 0)
        notes.push(`The stable prefix (${stable} tokens) is below the ${rule.minTokens}-token minimum of ${input.model}.`);
    const movable = movableTokens(samples, stable);
    if (movable > 0) {
        const plan = bestPlan(rule, stable + movable, times, input);
        if (plan.cacheableTokens > advice.current.cacheableTokens) {
            advice.reorder = { ...plan, movableTokens: movable };
            notes.push(`${movable} tokens that are the same in every sample come after variable content; moved in front of it, ${plan.cacheableTokens} tokens would be cacheable.`);
        }
    }
    return advice;
}
/** The plan of the TTL that saves the most (ties: the first, shorter TTL). */
function bestPlan(rule, stable, times, input) {
    let best;
    for (const ttl of rule.ttls) {
        const plan = planFor(rule, ttl, stable, times, input);
        if (!best || (plan.monthlySaving ?? -Infinity) > (best.monthlySaving ?? -Infinity))
            best = plan;
    }
    return best;
}
function planFor(rule, ttl, stable, times, input) {
    const cacheable = cacheableTokens(rule, stable);
    let hits = 0;
    for (let i = 1; i < times.length; i++)
        if (times[i] - times[i - 1] <= ttl.minutes * 60_000)
            hits++;
    const hitRate = times.length >= 2 ? hits / times.length : null;
    const { input: inPrice, cacheRead } = input.rates;
    // The catalog's write price, but never below the published multiple of input: a catalog without
    // a 1 h price falls back to the 5 min one (1.25×), which would under-state a 2× write.
    const catalogWrite = ttl.minutes >= 60 ? input.rates.cacheWrite1h : input.rates.cacheWrite;
    const write = ttl.writeMultiplier === 0 ? inPrice : Math.max(catalogWrite, inPrice * ttl.writeMultiplier);
    let savingPerRequest = null;
    if (hitRate !== null)
        savingPerRequest =
            cacheable === 0
                ? 0
                : (cacheable * (hitRate * (inPrice - cacheRead) - (1 - hitRate) * (write - inPrice))) / PER_MILLION;
    return {
        stablePrefixTokens: stable,
        cacheableTokens: cacheable,
        ttlMinutes: ttl.minutes,
        hits,
        hitRate,
        savingPerRequest,
        monthlySaving: savingPerRequest === null ? null : savingPerRequest * input.requestsPerMonth,
    };
}
/** Longest run of tokens at the start of every sample's prompt (messages concatenated). */
function commonPrefix(samples) {
    const first = flatten(samples[0].messages);
    let lcp = first.length;
    for (let s = 1; s < samples.length && lcp > 0; s++) {
        let i = 0;
        outer: for (const message of samples[s].messages) {
            for (const token of message) {
                if (i >= lcp || token !== first[i])
                    break outer;
                i++;
            }
        }
        lcp = Math.min(lcp, i);
    }
    return lcp;
}
/**
 * Tokens that are the same in every sample but sit after the prefix breaks: the common tail of the
 * message where it breaks, plus every later message that is identical in all samples. Needs the
 * same number of messages in every sample (else 0: the positions do not line up).
 */
function movableTokens(samples, stable) {
    const count = samples[0].messages.length;
    if (samples.some((s) => s.messages.length !== count))
        return 0;
    // The message where the prefix breaks, and the offset of the break inside it.
    let d = 0;
    let before = 0;
    while (d < count && before + samples[0].messages[d].length <= stable)
        before += samples[0].messages[d++].length;
    if (d >= count)
        return 0;
    const offset = stable - before;
    let tail = Infinity;
    for (const s of samples) {
        const first = samples[0].messages[d];
        const m = s.messages[d];
        let k = 0;
        const limit = Math.min(first.length, m.length) - offset;
        while (k < limit && first[first.length - 1 - k] === m[m.length - 1 - k])
            k++;
        tail = Math.min(tail, k);
    }
    let moved = Number.isFinite(tail) ? tail : 0;
    for (let k = d + 1; k < count; k++) {
        const ref = samples[0].messages[k];
        if (samples.every((s) => sameTokens(s.messages[k], ref)))
            moved += ref.length;
    }
    return moved;
}
function sameTokens(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
function flatten(messages) {
    const out = [];
    for (const m of messages)
        for (const t of m)
            out.push(t);
    return out;
}

;// CONCATENATED MODULE: ./src/advisor/output-cap.ts
/**
 * The output cap (`max_tokens`) against the recorded outputs: a cap no answer comes near saves
 * nothing; a cap answers hit truncates them, and a truncated answer costs a retry.
 *
 * `outputCapAdvice(input: OutputCapInput): OutputCapAdvice` — pure.
 * - Input: `maxTokens` (the feature's cap at the revision; undefined when none is set), `outputs`
 *   (recorded output tokens per sample), `finishReasons` (per sample when recorded: `length`,
 *   `max_tokens`, `MAX_TOKENS` mean truncated), `requestsPerMonth`, `costPerRequest` (mean USD of
 *   one request: what a retry costs) and `outputUsdPerToken` (the model's output price per token).
 * - Output: `truncated` samples and their share, the largest recorded output, and:
 *   - `retryCostMonthly` = requestsPerMonth × share × costPerRequest: what truncation costs now if
 *     every truncated answer is retried once (the assumption, stated in `notes`);
 *   - `raiseCostMonthly` = requestsPerMonth × share × maxTokens × outputUsdPerToken: the most that
 *     doubling the cap adds (each truncated answer may use up to the cap again);
 *   - `verdict`: `no-cap`, `nothing-to-save` (no sample reaches 90% of the cap) or `truncating`.
 */
/** Share of the cap from which an output counts as near it. */
const NEAR = 0.9;
const TRUNCATED = new Set(['length', 'max_tokens', 'max_output_tokens', 'MAX_TOKENS']);
/** What the output cap costs or saves (see the module comment). */
function outputCapAdvice(input) {
    const n = input.outputs.length;
    // A loop, not Math.max(...outputs): a feature can have more samples than a call has argument slots.
    let largestOutput = 0;
    for (const out of input.outputs)
        if (out > largestOutput)
            largestOutput = out;
    const advice = {
        verdict: 'no-cap',
        samples: n,
        truncated: 0,
        share: 0,
        near: 0,
        largestOutput,
        retryCostMonthly: 0,
        raiseCostMonthly: 0,
        notes: [],
    };
    const cap = input.maxTokens;
    if (cap === undefined || cap <= 0) {
        advice.notes.push('No max_tokens is set: answers are bounded only by the model, nothing to cap or raise.');
        return advice;
    }
    input.outputs.forEach((out, i) => {
        const reason = input.finishReasons?.[i];
        const cut = out >= cap || (reason !== undefined && TRUNCATED.has(reason));
        if (cut)
            advice.truncated++;
        if (cut || out >= NEAR * cap)
            advice.near++;
    });
    advice.share = n ? advice.truncated / n : 0;
    if (advice.truncated === 0) {
        advice.verdict = advice.near === 0 ? 'nothing-to-save' : 'near-cap';
        const pct = ((100 * largestOutput) / cap).toFixed(0);
        advice.notes.push(advice.near === 0
            ? `No recorded answer comes near max_tokens ${cap} (largest ${largestOutput} tokens, ${pct}%): the cap costs nothing and lowering it saves nothing.`
            : `${advice.near} of ${n} answers reach 90% of max_tokens ${cap} but none is cut: no retry cost yet.`);
        return advice;
    }
    advice.verdict = 'truncating';
    advice.retryCostMonthly = input.requestsPerMonth * advice.share * input.costPerRequest;
    advice.raiseCostMonthly = input.requestsPerMonth * advice.share * cap * input.outputUsdPerToken;
    advice.notes.push(`${advice.truncated} of ${n} answers stop at max_tokens ${cap}: assuming each is retried once, truncation costs a full request each.`, `Doubling max_tokens adds at most one cap of output tokens to each of those answers.`);
    return advice;
}

;// CONCATENATED MODULE: ./src/advisor/levers.ts
/**
 * The advisor's levers other than routing, as {@link Suggestion}s: prompt caching
 * (caching.ts), the batch/flex tier (batch.ts) and the output cap (output-cap.ts), each fed from
 * the feature's replay at the trusted revision. Pure apart from the token encoder's memo.
 */






/** Samples whose prompts are compared token by token for the stable prefix (the first ones, in sample order). */
const CACHE_SAMPLES = 1000;
const round4 = (x) => Math.round(x * 1e4) / 1e4;
/**
 * The per-sample token ids of each rendered message, identical texts encoded once. A sample that
 * carries no text (usage only, e.g. an OpenTelemetry span without captured content) still sent the
 * template's leading static messages: those, then a token no other sample has for the rest.
 */
function cacheSamples(f) {
    const memo = new Map();
    const enc = f.site.tokenizer.encoding;
    const ids = (text) => {
        let t = memo.get(text);
        if (!t)
            memo.set(text, (t = (0,tokenize/* encodeText */.wx)(text, enc)));
        return t;
    };
    // Tools and the response schema are sent first and are the same in every request.
    const fixed = new Array(f.site.fixedTokens).fill(-1);
    const samples = [];
    let unrendered = 0;
    let lead = null;
    const own = f.traffic.samples.filter((s) => s.feature === undefined || s.feature === f.id);
    for (let i = 0; i < own.length && samples.length < CACHE_SAMPLES; i++) {
        const s = own[i];
        const m = (0,src_estimate/* renderedMessages */.kP)(f.site.site, s);
        let messages;
        if (!m) {
            unrendered++;
            lead ??= (0,src_estimate/* leadingStaticMessages */.NT)(f.site.site).map((x) => ids(`${x.role}\n${x.content ?? ''}`));
            messages = [...lead, [-2 - i]];
        }
        else {
            // A redacted message is never tokenised: a token no other sample has stands for it.
            messages = m.messages.map((x) => (x.content === null ? [-2 - i] : ids(`${x.role}\n${x.content}`)));
        }
        samples.push({
            messages: fixed.length ? [fixed, ...messages] : messages,
            ts: s.ts,
            cachedTokens: s.usage.cacheReadTokens,
        });
    }
    return { samples, unrendered, lead: lead?.length ?? 0 };
}
/** Prompt caching for a feature (its stable prefix, the provider's rule, the hit rate of the sample times). */
function cachingSuggestion(f, ctx, date) {
    const model = f.estimate.model;
    const { samples, unrendered, lead } = cacheSamples(f);
    const rates = ctx.catalog.rates(model, {
        tier: f.site.tier,
        date,
        inputTokens: Math.round(f.estimate.inputTokens.mean),
    });
    const advice = cachingAdvice({
        model: model.canonical,
        vendor: model.family,
        rates,
        requestsPerMonth: f.estimate.requestsPerMonth,
        samples,
    });
    const caveats = [...advice.notes];
    if (unrendered > 0)
        caveats.push(lead === 0
            ? `${unrendered} samples carry no text (usage only) and the template's first message depends on a variable: only the tools are known to be the same in them.`
            : `${unrendered} samples carry no text (usage only): each is taken to send what the template sends before its first variable (${lead} message${lead === 1 ? '' : 's'}), then content that differs.`);
    if (f.traffic.samples.length > CACHE_SAMPLES)
        caveats.push(`The stable prefix and hit rate are measured on the first ${CACHE_SAMPLES} samples.`);
    if (f.site.tokenizer.encoding === 'gemma3')
        caveats.push('Token ids from o200k_base stand in for Gemma 3 ids.');
    if (!f.site.tokenizer.exact)
        caveats.push(`Tokens are ${f.site.tokenizer.encoding} counts, an estimate for ${model.canonical}.`);
    const plan = advice.reorder && (advice.reorder.monthlySaving ?? 0) > (advice.current.monthlySaving ?? 0)
        ? advice.reorder
        : advice.current;
    const saving = plan.monthlySaving;
    const base = f.estimate.monthly;
    let reason = null;
    if (!advice.rule)
        reason = `no known caching rule for ${model.canonical}`;
    else if (advice.alreadyCached)
        reason = 'caching is already on (recorded cache reads)';
    else if (saving === null)
        reason = 'the hit rate is unknown (samples carry no times)';
    else if (plan.cacheableTokens === 0)
        reason = `the stable prefix (${advice.current.stablePrefixTokens} tokens) is below the provider's minimum`;
    else if (saving <= 0)
        reason = 'cache writes would cost more than the hits save at this hit rate';
    const moved = plan === advice.reorder;
    return {
        kind: 'caching',
        feature: f.id,
        candidate: null,
        summary: saving !== null && saving > 0
            ? `${moved ? 'move the variable content after the stable part and ' : ''}cache ${plan.cacheableTokens} prompt tokens: saves ${(0,src_text/* usd */.dR)(saving)}/mo`
            : `prompt caching: ${reason ?? 'nothing to save'}`,
        monthly: saving === null ? null : { base, candidate: base - saving, saving, ci95: null, band: null },
        eligible: reason === null,
        ineligible_reason: reason,
        evidence: null,
        caveats,
        details: {
            samples: advice.samples,
            stable_prefix_tokens: advice.current.stablePrefixTokens,
            cacheable_tokens: plan.cacheableTokens,
            movable_tokens: advice.reorder?.movableTokens ?? 0,
            min_tokens: advice.rule?.minTokens ?? null,
            step: advice.rule?.step ?? null,
            ttl_minutes: plan.ttlMinutes,
            hits: plan.hits,
            hit_rate: plan.hitRate === null ? null : round4(plan.hitRate),
            input_price: rates.input,
            cache_read_price: rates.cacheRead,
            cache_write_price: plan.ttlMinutes >= 60 ? rates.cacheWrite1h : rates.cacheWrite,
            requests_per_month: f.estimate.requestsPerMonth,
        },
    };
}
/** Monthly USD of the feature as it is, by direction (cache reads count as input). */
function monthlySplit(f) {
    let w = 0;
    let input = 0;
    let output = 0;
    for (const r of f.estimate.results) {
        const c = f.site.price(r.usage, f.site.tier, r.ts);
        input += c.input * r.weight;
        output += c.output * r.weight;
        w += r.weight;
    }
    const rpm = f.estimate.requestsPerMonth;
    return w > 0 ? { input: (input / w) * rpm, output: (output / w) * rpm } : { input: 0, output: 0 };
}
/** The batch/flex tier for a `latency: async` feature; an ineligible suggestion says why otherwise. */
function batchSuggestion(f, latency) {
    const advice = batchAdvice({
        latency,
        tier: f.site.tier,
        subject: tierSubjectOf(f.estimate.model),
        monthly: monthlySplit(f),
    });
    const best = advice.options[0];
    const base = f.estimate.monthly;
    return {
        kind: 'batch',
        feature: f.id,
        candidate: best?.tier ?? null,
        summary: best ? `${best.tier} tier: saves ${(0,src_text/* usd */.dR)(best.monthlySaving)}/mo` : `batch/flex: ${advice.reason ?? ''}`,
        monthly: best ? { base, candidate: best.monthly, saving: best.monthlySaving, ci95: null, band: null } : null,
        eligible: advice.eligible,
        ineligible_reason: advice.reason,
        evidence: null,
        caveats: best ? ['Batch and flex answer minutes to hours later (flex may be refused under load).'] : [],
        details: Object.fromEntries(advice.options.map((o) => [`${o.tier}_monthly`, o.monthly])),
    };
}
/** The output cap: nothing to save when no answer nears it; the retry cost of truncation when many hit it. */
function outputCapSuggestion(f, ctx, date) {
    const own = f.traffic.samples.filter((s) => s.feature === undefined || s.feature === f.id);
    const rates = ctx.catalog.rates(f.estimate.model, {
        tier: f.site.tier,
        date,
        inputTokens: Math.round(f.estimate.inputTokens.mean),
    });
    const advice = outputCapAdvice({
        maxTokens: f.site.maxTokens,
        outputs: own.map((s) => s.usage.outputTokens),
        finishReasons: own.map((s) => s.finishReason),
        requestsPerMonth: f.estimate.requestsPerMonth,
        costPerRequest: f.estimate.perRequest.mean,
        outputUsdPerToken: rates.output / 1e6,
    });
    const base = f.estimate.monthly;
    const truncating = advice.verdict === 'truncating';
    return {
        kind: 'output-cap',
        feature: f.id,
        candidate: null,
        summary: truncating
            ? `max_tokens ${f.site.maxTokens}: ${advice.truncated} of ${advice.samples} answers cut; retries cost ${(0,src_text/* usd */.dR)(advice.retryCostMonthly)}/mo, raising the cap at most ${(0,src_text/* usd */.dR)(advice.raiseCostMonthly)}/mo`
            : `output cap: ${advice.notes[0] ?? 'nothing to save'}`,
        // Raising the cap trades the retry cost for the extra output: its saving is the difference.
        monthly: truncating
            ? {
                base,
                candidate: base - advice.retryCostMonthly + advice.raiseCostMonthly,
                saving: advice.retryCostMonthly - advice.raiseCostMonthly,
                ci95: null,
                band: null,
            }
            : null,
        eligible: truncating && advice.retryCostMonthly > advice.raiseCostMonthly,
        ineligible_reason: truncating
            ? advice.retryCostMonthly > advice.raiseCostMonthly
                ? null
                : 'raising the cap could cost more than the retries it avoids'
            : 'nothing to save',
        evidence: null,
        caveats: advice.notes,
        details: {
            max_tokens: f.site.maxTokens ?? null,
            samples: advice.samples,
            truncated: advice.truncated,
            near_cap: advice.near,
            largest_output: advice.largestOutput,
            retry_cost_monthly: advice.retryCostMonthly,
            raise_cost_monthly: advice.raiseCostMonthly,
        },
    };
}

;// CONCATENATED MODULE: ./src/advisor/suggest.ts
/**
 * The savings advisor over one priced revision (issue 18): for each feature, routing on candidate
 * models (with the quality evidence the repository holds), and the other levers. Plain data in
 * (the revision's loaded features, its estimate, the catalog and counter), plain data out
 * ({@link FeatureSuggestions} per feature). Suggestions never feed a verdict.
 */








const round2 = (x) => Math.round(x * 100) / 100;
/** The routing suggestion of one candidate (interval filled in after the bootstrap). */
function routingSuggestion(f, o, opts) {
    const current = f.estimate.model.canonical;
    const base = f.estimate.monthly;
    const caveats = [];
    const a = o.agent;
    if (a && !o.problem) {
        const kept = a.kept.map((k) => `${k.name} (${k.model})`).join(', ');
        caveats.push(`Agent feature: only the calls of ${a.root} (${round2(a.movedCallsPerRun)} per run) move to ${o.candidate.canonical}${kept ? `; sub-agents keep their models: ${kept}` : ''}.`);
    }
    if (o.problem) {
        return {
            kind: 'routing',
            feature: f.id,
            candidate: o.candidate.canonical,
            summary: `${current} → ${o.candidate.canonical}: cannot be replayed (${o.problem})`,
            monthly: null,
            eligible: false,
            ineligible_reason: o.problem,
            evidence: null,
            caveats,
            details: {},
        };
    }
    const saving = base - o.monthly;
    const ratio = o.candidate.family !== f.estimate.model.family;
    const outputRatio = a
        ? a.movedOutput.candidate / Math.max(1e-9, a.movedOutput.current)
        : o.outputMean / Math.max(1e-9, f.estimate.outputTokens.mean);
    if (ratio)
        caveats.push(`Output tokens${a ? ` of ${a.root}` : ''} are the recorded ones × the tokenizer ratio ${round2(outputRatio)} (${tokenizerName(f.estimate.tokenizer)} → ${o.tokenizer ? tokenizerName(o.tokenizer) : 'unknown'}): an estimate; answers on another model differ in length.`);
    if (o.window === null)
        caveats.push(`The catalog gives no context window for ${o.candidate.canonical}: not checked.`);
    const currentRate = opts.passRate(f.prompt, current);
    const candidateRate = opts.passRate(f.prompt, o.candidate.canonical);
    const evidence = {
        current: currentRate,
        candidate: candidateRate,
        command: candidateRate && currentRate
            ? null
            : opts.evidenceCommand(f.prompt, candidateRate ? current : o.candidate.canonical),
    };
    if (!candidateRate)
        caveats.push(`No eval results for ${o.candidate.canonical} on ${f.prompt}: quality not measured.`);
    let reason = null;
    if (o.overflow > 0)
        reason = a
            ? `${o.overflow} of ${o.results.length} runs have calls over the ${(0,src_text/* grouped */.zD)(o.window)}-token context window of ${o.candidate.canonical} (${a.callsOverWindow} call${a.callsOverWindow === 1 ? '' : 's'})`
            : `${o.overflow} of ${o.results.length} samples exceed the ${(0,src_text/* grouped */.zD)(o.window)}-token context window of ${o.candidate.canonical}`;
    else if (candidateRate) {
        const floor = opts.minPassRate === 'not below current' ? (currentRate?.pass_rate ?? null) : opts.minPassRate;
        if (floor !== null && candidateRate.pass_rate < floor)
            reason = `pass rate ${pct(candidateRate.pass_rate)} on ${candidateRate.source} is below ${opts.minPassRate === 'not below current'
                ? `the current model's ${pct(floor)}`
                : `advisor.min_pass_rate ${pct(floor)}`}`;
    }
    if (!reason && saving <= 0)
        reason = `costs ${(0,src_text/* usd */.dR)(-saving)}/mo more than ${current}`;
    return {
        kind: 'routing',
        feature: f.id,
        candidate: o.candidate.canonical,
        summary: `${current} → ${o.candidate.canonical}: ${saving >= 0 ? `saves ${(0,src_text/* usd */.dR)(saving)}/mo` : `costs ${(0,src_text/* usd */.dR)(-saving)}/mo more`}`,
        monthly: {
            base,
            candidate: o.monthly,
            saving,
            ci95: null,
            band: o.monthlyBand ? [base - o.monthlyBand[1], base - o.monthlyBand[0]] : null,
        },
        eligible: reason === null,
        ineligible_reason: reason,
        evidence,
        caveats,
        details: a
            ? {
                runs: o.results.length,
                agent: a.root,
                moved_calls_per_run: round2(a.movedCallsPerRun),
                input_tokens_mean: round2(o.inputMean),
                output_tokens_mean: round2(o.outputMean),
                current_output_tokens_mean: round2(f.estimate.outputTokens.mean),
                context_window: o.window,
                runs_over_window: o.overflow,
                calls_over_window: a.callsOverWindow,
            }
            : {
                samples: o.results.length,
                input_tokens_mean: round2(o.inputMean),
                output_tokens_mean: round2(o.outputMean),
                current_output_tokens_mean: round2(f.estimate.outputTokens.mean),
                context_window: o.window,
                samples_over_window: o.overflow,
            },
    };
}
/** `o200k_base`, or `o200k_base estimate` when the count stands in for the model's own tokenizer. */
function tokenizerName(t) {
    return t.exact ? t.encoding : `${t.encoding} estimate`;
}
function pct(x) {
    return `${(x * 100).toFixed(1)}%`;
}
/** Eligible first by saving (largest first), then the rest in candidate order. */
function ordered(s) {
    const saving = (x) => x.monthly?.saving ?? -Infinity;
    return [...s.filter((x) => x.eligible).sort((a, b) => saving(b) - saving(a)), ...s.filter((x) => !x.eligible)];
}
/**
 * The routing candidates of a feature (its notes added to `result`): `advisor.candidates` from
 * the trusted config, else the catalog's cheaper models of the current model's line, ranked at
 * the feature's mean tokens per call.
 */
function listFor(result, est, ctx, date, tier, means, opts) {
    const list = candidateList(est, ctx, date, tier, means, opts);
    result.notes.push(...list.notes);
    if (list.models.length === 0)
        result.notes.push(`No cheaper model of the ${est.model.canonical} line in the catalog; set advisor.candidates to compare others.`);
    return list.models;
}
/** A feature's routing candidates: `advisor.candidates`, else the cheaper models of its line. */
function candidateList(est, ctx, date, tier, means, opts) {
    return candidatesFor({
        current: est.model,
        catalog: ctx.catalog,
        date,
        tier,
        meanInput: means.input,
        meanOutput: means.output,
        configured: opts.candidates,
    });
}
/**
 * Suggestions for features priced at the trusted revision (the base in a PR: its prompt, model,
 * samples and config; DESIGN "Trust"). The advisor options come from the same revision.
 */
async function suggestFeatures(features, rev, ctx, opts) {
    const date = rev.date;
    const boot = (0,stats/* startBootstrap */.rC)({ seed: opts.seed, resamples: opts.resamples, workers: opts.workers });
    const out = [];
    const seriesOwner = new Map();
    const advised = features.filter(({ input }) => !opts.only || opts.only.has(input.feature.id));
    const ahead = new CandidateCountAhead(advised.map(({ input, estimate: est }) => ({
        input,
        // The routing's own list may differ a little (an agent's means are its moved calls'): a
        // missed encoding is counted on the main thread, an extra one only costs the worker time.
        candidates: () => candidateList(est, ctx, date, input.feature.tier ?? 'standard', { input: est.inputTokens.mean, output: est.outputTokens.mean }, opts).models,
    })), ctx, { date, configFile: rev.configFile, positions: rev.positions }, opts.workers);
    try {
        for (const [i, { input, estimate: est }] of advised.entries()) {
            const id = input.feature.id;
            await ahead.before(i);
            const result = {
                feature: id,
                team: est.team,
                model: est.model.canonical,
                monthly: est.monthly,
                suggestions: [],
                notes: [],
            };
            const levers = [];
            const prompt = input.feature.prompt ?? input.site.file;
            let outcomes = [];
            if (input.agent && input.traffic) {
                const prepared = agentRoutingFeature(input, est, ctx, date, {
                    configFile: rev.configFile,
                    positions: rev.positions,
                });
                if (typeof prepared === 'string')
                    result.notes.push(prepared);
                else {
                    const means = movedCallMeans(prepared);
                    outcomes = routeAgentFeature(prepared, listFor(result, est, ctx, date, input.feature.tier, means, opts), ctx, date);
                    result.notes.push('Agent feature: prompt caching, batch and output-cap levers are not looked at per agent yet.');
                }
            }
            else if (!input.traffic)
                result.notes.push('No traffic samples: routing needs recorded traffic to replay.');
            else {
                const site = (0,src_estimate/* replaySiteFor */.Ow)(input, ctx, date, rev.configFile, rev.positions);
                const traffic = (0,src_estimate/* withOfferedTiers */.pG)(input.traffic, id, ctx.catalog, () => [site.model]);
                const own = traffic.samples.filter((s) => s.feature === undefined || s.feature === id).length;
                if (own !== est.results.length) {
                    // The estimate dropped lines this screen keeps (a tier the PR's model lacks): no pairing.
                    result.notes.push(`The samples priced (${est.results.length}) are not the ${own} the advisor would replay: skipped.`);
                    out.push(result);
                    continue;
                }
                const means = { input: est.inputTokens.mean, output: est.outputTokens.mean };
                const feature = { id, team: est.team, site, traffic, estimate: est };
                outcomes = routeFeature(feature, listFor(result, est, ctx, date, site.tier, means, opts), ctx, date);
                levers.push(cachingSuggestion(feature, ctx, date), batchSuggestion(feature, input.feature.latency), outputCapSuggestion(feature, ctx, date));
            }
            const routed = { id, estimate: est, prompt };
            for (const o of outcomes) {
                const s = routingSuggestion(routed, o, opts);
                result.suggestions.push(s);
                if (o.series && s.monthly) {
                    boot.add(o.series);
                    seriesOwner.set(o.series.id, s);
                }
            }
            result.suggestions.push(...levers);
            out.push(result);
        }
        const intervals = await boot.finish();
        for (const [sid, s] of seriesOwner) {
            const iv = intervals.features[sid];
            // Saving is current − candidate: the negated interval of the replay's delta.
            if (iv && !iv.insufficient && s.monthly)
                s.monthly.ci95 = [-iv.monthlyDelta.hi, -iv.monthlyDelta.lo];
            else if (iv?.insufficient)
                s.caveats.push(`Fewer than 30 effective samples: no interval.`);
        }
    }
    catch (e) {
        await boot.cancel();
        throw e;
    }
    return out.map((result) => ({ ...result, suggestions: ordered(result.suggestions) }));
}
/** {@link suggestFeatures} over every feature of a loaded and priced revision. */
function suggestRevision(snapshot, estimate, ctx, opts) {
    const features = [];
    for (const input of snapshot.features) {
        const e = estimate.features.find((x) => x.id === input.feature.id);
        if (e)
            features.push({ input, estimate: e });
    }
    return suggestFeatures(features, { configFile: snapshot.config.path, positions: snapshot.config.positions, date: snapshot.pricingDate }, ctx, opts);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/advisor/evidence.ts
/**
 * Quality evidence for the advisor, read from eval result files in the repository (never
 * invented): promptfoo's `promptfoo eval --output results.json` and `gh models eval --json`.
 *
 * - `readEvalEvidence(files: { path: string; text: string }[]): EvalEvidence[]` — one entry per
 *   (file, prompt, model), in file order; throws an ArtifactError naming the file for a file that
 *   is not JSON or not one of the two shapes.
 * - `findEvidence(evidence: EvalEvidence[], prompt: string, model: string): EvalEvidence | undefined`
 *   — the entry for a feature's prompt (its path, promptfoo label or `.prompt.yml` `name:`) and a
 *   catalog model id; the one with the most test cases when several files name both.
 * - `evidenceCommand(promptPath: string, model: string, outDir?: string): string` — the shell
 *   command that produces the missing evidence for that prompt and model.
 *
 * Shapes (read from the tools' sources):
 * - promptfoo `OutputFile` (promptfoo/promptfoo src/types/index.ts): `{ evalId, results:
 *   EvaluateSummaryV3 | EvaluateSummaryV2, config, shareableUrl, metadata? }`, where
 *   `results.results[]` is `EvaluateResult`: `{ provider: { id, label? }, prompt: { raw, label },
 *   success: boolean, failureReason, gradingResult?, … }`. A result that errored (failureReason 2)
 *   counts as a failure: an answer that never came is not a pass.
 * - `gh models eval --json` `EvaluationSummary` (github/gh-models cmd/eval/eval.go): `{ name,
 *   description, model, testResults[], summary: { totalTests, passedTests, failedTests, passRate } }`
 *   with `passRate` in percent; a test passes when every evaluator passed.
 */



const SHAPES = 'aicost reads promptfoo results (`promptfoo eval --output results.json`: { results: { results: [...] } }) and `gh models eval <file>.prompt.yml --json` output ({ model, summary: { totalTests, passedTests } }).';
/** Every pass rate the files record, one entry per (file, prompt, model) in file order. */
function readEvalEvidence(files) {
    const out = [];
    for (const file of files)
        out.push(...readOne(file));
    return out;
}
function readOne(file) {
    let data;
    try {
        data = JSON.parse(file.text);
    }
    catch (error) {
        // The parser's message quotes the text; results may hold customer data, so only the line is kept.
        throw new errors/* ArtifactError */.nE('eval results are not JSON', {
            location: { file: file.path, line: jsonErrorLine(file.text, error) },
            hint: `Point advisor.evals at result files only. ${SHAPES}`,
        });
    }
    if (!isRecord(data))
        throw bad(file, 'the file is not a JSON object');
    if (isRecord(data.summary) && 'model' in data)
        return [readGhModels(file, data)];
    const summary = isRecord(data.results) ? data.results : Array.isArray(data.results) ? data : undefined;
    if (summary && Array.isArray(summary.results))
        return readPromptfoo(file, summary.results);
    throw bad(file, 'neither promptfoo results (results.results[]) nor gh models eval output (model, summary)');
}
function readGhModels(file, data) {
    const summary = data.summary;
    const total = summary.totalTests;
    const passes = summary.passedTests;
    if (typeof data.model !== 'string' || data.model.trim() === '')
        throw bad(file, 'model is not a model id');
    if (!isCount(total))
        throw bad(file, `summary.totalTests is ${describe(total)}, not a count of tests`);
    if (!isCount(passes) || passes > total)
        throw bad(file, `summary.passedTests is ${describe(passes)}, not a count between 0 and totalTests (${total})`);
    if (total === 0)
        throw bad(file, 'summary.totalTests is 0: the prompt file has no testData, so no pass rate');
    const name = typeof data.name === 'string' && data.name.trim() !== '' ? data.name.trim() : null;
    return { source: file.path, prompt: name, model: modelId(data.model), passes, total, passRate: passes / total };
}
function readPromptfoo(file, results) {
    const byKey = new Map();
    results.forEach((result, i) => {
        const where = `results.results[${i}]`;
        if (!isRecord(result))
            throw bad(file, `${where} is not an object`);
        const provider = result.provider;
        const id = isRecord(provider) ? provider.id : provider;
        if (typeof id !== 'string')
            throw bad(file, `${where}.provider has no id`);
        if (typeof result.success !== 'boolean')
            throw bad(file, `${where}.success is ${describe(result.success)}, not true/false`);
        const model = promptfooModel(id);
        // Script and HTTP providers (`file://…`, `exec:…`, `http`) name no model aicost prices.
        if (model === null)
            return;
        const prompt = promptLabel(result.prompt);
        const key = JSON.stringify([prompt, model]);
        let entry = byKey.get(key);
        if (!entry) {
            entry = { source: file.path, prompt, model, passes: 0, total: 0, passRate: 0 };
            byKey.set(key, entry);
        }
        entry.total += 1;
        if (result.success)
            entry.passes += 1;
    });
    const out = [...byKey.values()];
    for (const e of out)
        e.passRate = e.passes / e.total;
    return out;
}
function promptLabel(prompt) {
    if (!isRecord(prompt))
        return null;
    const label = typeof prompt.label === 'string' ? prompt.label : typeof prompt.raw === 'string' ? prompt.raw : null;
    if (label === null || label.trim() === '')
        return null;
    return label.trim().replace(/^file:\/\//, '');
}
/** Catalog id of a promptfoo provider id, or null when it names no hosted model. */
function promptfooModel(id) {
    const parsed = (0,catalog/* parseModelId */.iA)(id);
    if (parsed.deployment)
        return `azure/${parsed.model}`;
    if (!parsed.providerId || !/^[a-z0-9_-]+:/i.test(id.trim()))
        return null;
    return (0,catalog/* canonicalId */.iS)(parsed.providerId, parsed.model);
}
/** Catalog id of a GitHub Models id (`openai/gpt-4.1-mini`); other publishers are kept as written. */
function modelId(raw) {
    const parsed = (0,catalog/* parseModelId */.iA)(raw);
    if (parsed.deployment)
        return `azure/${parsed.model}`;
    return parsed.providerId ? (0,catalog/* canonicalId */.iS)(parsed.providerId, parsed.model) : parsed.model;
}
/**
 * The evidence for `prompt` on `model`: `prompt` is the feature's prompt path (`prompts/x.txt`),
 * a promptfoo config reference (`promptfooconfig.yaml#label`) or a `.prompt.yml` `name:`. A
 * promptfoo label `prompts/x.txt: <text>` matches its path; entries that name no prompt match any.
 */
function findEvidence(evidence, prompt, model) {
    const wanted = modelId(model);
    let best;
    for (const e of evidence) {
        if (e.model !== wanted || !promptMatches(e.prompt, prompt))
            continue;
        if (!best || e.total > best.total)
            best = e;
    }
    return best;
}
function promptMatches(label, prompt) {
    if (label === null)
        return true;
    const hash = prompt.indexOf('#');
    const candidates = hash >= 0 ? [prompt.slice(hash + 1), prompt] : [prompt];
    const head = label.split(/:\s/)[0];
    return candidates.some((p) => label === p || head === p || sameFile(head, p));
}
/** True when two relative paths name the same file seen from different folders (`../prompts/x.txt`, `prompts/x.txt`). */
function sameFile(a, b) {
    if (!a.includes('/') && !b.includes('/'))
        return false;
    const na = external_node_path_.posix.normalize(a).replace(/^(\.\.\/)+/, '');
    const nb = external_node_path_.posix.normalize(b).replace(/^(\.\.\/)+/, '');
    return na === nb || na.endsWith(`/${nb}`) || nb.endsWith(`/${na}`);
}
/**
 * The command that records `model`'s pass rate on the prompt at `promptPath`, writing a results
 * file under `outDir` that `advisor.evals` can list:
 * - `.prompt.yml`: `gh models eval` runs the model named in the file (it has no model flag), so the
 *   command evaluates a copy whose `model:` is the candidate;
 * - a promptfoo config (`promptfooconfig.yaml`, or `file#label`): its tests on the candidate;
 * - any other prompt file: promptfoo with the prompt, the candidate and a tests file to write.
 */
function evidenceCommand(promptPath, model, outDir = 'evals') {
    const hash = promptPath.indexOf('#');
    const file = hash >= 0 ? promptPath.slice(0, hash) : promptPath;
    const label = hash >= 0 ? promptPath.slice(hash + 1) : undefined;
    const stem = external_node_path_.posix.basename(file).replace(/(\.prompt)?\.[a-z0-9]+$/i, '');
    const slug = modelId(model).replace(/[^a-z0-9.-]+/gi, '-');
    const out = external_node_path_.posix.join(outDir, `${stem}.${slug}.json`);
    if (/\.prompt\.ya?ml$/i.test(file)) {
        const copy = external_node_path_.posix.join(outDir, `${stem}.${slug}.prompt.yml`);
        return `sed 's#^model: .*#model: ${ghModelsId(model)}#' ${quote(file)} > ${quote(copy)} && gh models eval ${quote(copy)} --json > ${quote(out)}`;
    }
    const provider = promptfooProvider(model);
    if (label !== undefined || /(^|\/)promptfoo[^/]*\.ya?ml$/i.test(file)) {
        const filter = label !== undefined ? ` --filter-prompts ${quote(`^${escapeRegExp(label)}$`)}` : '';
        return `npx promptfoo@latest eval -c ${quote(file)} --providers ${quote(provider)}${filter} --output ${quote(out)}`;
    }
    const tests = external_node_path_.posix.join(outDir, `${stem}.tests.yaml`);
    return `npx promptfoo@latest eval --prompts ${quote(`file://${file}`)} --providers ${quote(provider)} --tests ${quote(tests)} --output ${quote(out)}`;
}
/** promptfoo's provider id for a catalog id (`openai/gpt-4.1-mini` → `openai:gpt-4.1-mini`). */
function promptfooProvider(model) {
    const id = modelId(model);
    const slash = id.indexOf('/');
    if (slash < 0)
        return id;
    const vendor = id.slice(0, slash);
    const name = id.slice(slash + 1);
    if (vendor === 'anthropic')
        return `anthropic:messages:${name}`;
    if (vendor === 'vertex_ai')
        return `vertex:${name}`;
    if (vendor === 'azure')
        return `azure:chat:${name}`;
    return `${vendor}:${name}`;
}
/** GitHub Models writes `publisher/model`, as aicost does for OpenAI and most others. */
function ghModelsId(model) {
    return modelId(model);
}
function quote(s) {
    return /^[A-Za-z0-9_./:@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function bad(file, what) {
    return new errors/* ArtifactError */.nE(`eval results: ${what}`, { location: { file: file.path }, hint: SHAPES });
}
function jsonErrorLine(text, error) {
    const m = /position (\d+)/.exec(error.message);
    if (!m)
        return undefined;
    return text.slice(0, Number(m[1])).split('\n').length;
}
function isRecord(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function isCount(v) {
    return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
function describe(v) {
    return v === undefined ? 'missing' : JSON.stringify(v);
}

;// CONCATENATED MODULE: ./src/advisor/index.ts
/** The front door of src/advisor/: what other folders may import from it. */










/***/ }),

/***/ 848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T7: () => (/* reexport */ CountAhead),
  ys: () => (/* reexport */ diffFeature),
  NP: () => (/* reexport */ featureTexts),
  W: () => (/* reexport */ releaseFeature),
  R4: () => (/* reexport */ replayAll),
  bv: () => (/* reexport */ replayVariantRuns),
  Lf: () => (/* reexport */ seriesOf)
});

// EXTERNAL MODULE: ./src/estimate/index.ts + 13 modules
var estimate = __webpack_require__(5402);
// EXTERNAL MODULE: ./src/traffic/index.ts + 41 modules
var traffic = __webpack_require__(7820);
// EXTERNAL MODULE: ./src/artifacts/index.ts + 29 modules
var artifacts = __webpack_require__(9335);
;// CONCATENATED MODULE: ./src/diff/pair.ts




/**
 * Tokens of a revision's template rendered with empty variables, plus tools and schema: what a
 * usage-only sample (nothing to render) sends of the template. The difference between two
 * revisions is exact for static text, which is what such edits usually change.
 */
function staticTemplateTokens(rs, counter) {
    return counter.countChat((0,artifacts/* renderEmpty */.Kn)(rs.site).messages, rs.tokenizer).tokens + rs.fixedTokens;
}
/**
 * OpenAI caches exact prefixes of 1,024 tokens or more, in 128-token steps; Anthropic caches up to
 * explicit breakpoints with a 1,024-token minimum (2,048 for Haiku). Other providers: as counted.
 */
function roundCached(family, canonical, tokens) {
    if (tokens <= 0)
        return 0;
    if (family === 'openai')
        return tokens < 1024 ? 0 : 1024 + Math.floor((tokens - 1024) / 128) * 128;
    if (family === 'anthropic')
        return tokens < (/haiku/.test(canonical) ? 2048 : 1024) ? 0 : Math.floor(tokens);
    return Math.floor(tokens);
}
/**
 * Replay a sample at a variant of the revision (the head, or a hybrid used to attribute the delta
 * to single changes), relative to the base replay of the same sample (design steps 2–4):
 * recorded input + (variant count − base count); output scaled by the tokenizer ratio when the
 * family changes and clamped at the variant's cap; cache reads moved with the cacheable prefix.
 */
function replayVariant(base, variant, sample, baseResult, baseCounts, variantStatic, variantPrefix, counter) {
    try {
        return replayVariantLine(base, variant, sample, baseResult, baseCounts, variantStatic, variantPrefix, counter);
    }
    catch (e) {
        throw (0,traffic/* atTrafficLine */.X)(e, sample);
    }
}
function replayVariantLine(base, variant, sample, baseResult, baseCounts, variantStatic, variantPrefix, counter) {
    const ratio = variant.tokenizer.scale / base.tokenizer.scale;
    const vCounted = (0,estimate/* countSample */.U6)(variant, sample, counter).tokens;
    let input;
    if (baseResult.source === 'usage') {
        const rec = baseResult.recordedInput;
        if (vCounted !== null && baseCounts.counted !== null)
            input = rec + (vCounted - baseCounts.counted);
        else
            input = Math.round(rec * ratio) + (variantStatic - Math.round(baseCounts.staticTokens * ratio));
    }
    else {
        input = vCounted ?? baseResult.usage.inputTokens;
    }
    input = Math.max(0, input);
    const recordedOut = sample.usage.outputTokens;
    const scaledOut = ratio === 1 ? recordedOut : Math.round(recordedOut * ratio);
    const output = variant.maxTokens !== undefined ? Math.min(scaledOut, variant.maxTokens) : scaledOut;
    // Cache: same prefix and same provider rule → the recorded figures stand.
    const u = baseResult.usage;
    let cacheRead = u.cacheReadTokens;
    let cacheWrite = u.cacheWriteTokens;
    let cacheWrite1h = u.cacheWrite1hTokens;
    const sameRule = variant.model.family === base.model.family;
    if (!sameRule || variantPrefix !== baseCounts.prefix) {
        const move = (recorded) => {
            if (recorded <= 0)
                return 0;
            // Reads that cover the whole static prefix (and maybe history) move with the prefix;
            // partial reads keep their share h of it.
            const moved = recorded >= baseCounts.prefix && baseCounts.prefix > 0
                ? recorded + (variantPrefix - baseCounts.prefix)
                : baseCounts.prefix > 0
                    ? (recorded / baseCounts.prefix) * variantPrefix
                    : recorded;
            return roundCached(variant.model.family, variant.model.canonical, Math.round(moved * (sameRule ? 1 : ratio)));
        };
        cacheRead = move(cacheRead);
        cacheWrite = move(cacheWrite);
        cacheWrite1h = move(cacheWrite1h);
    }
    cacheRead = Math.min(cacheRead, input);
    cacheWrite = Math.min(cacheWrite, input - cacheRead);
    cacheWrite1h = Math.min(cacheWrite1h, input - cacheRead - cacheWrite);
    const tier = sample.tier ?? variant.tier;
    const usage = {
        inputTokens: input,
        cacheReadTokens: cacheRead,
        cacheWriteTokens: cacheWrite,
        cacheWrite1hTokens: cacheWrite1h,
        outputTokens: output,
    };
    const cost = variant.price(usage, tier, sample.ts).total;
    const [costLow, costHigh] = (0,estimate/* bandCosts */.o5)(variant.price, usage, tier, baseResult.source === 'replay' ? variant.tokenizer.band : null, cost, sample.ts);
    const atCap = (0,estimate/* atOutputCap */.JL)(sample.finishReason, scaledOut, variant.maxTokens);
    return { ...baseResult, counted: vCounted, cacheablePrefix: variantPrefix, usage, cost, costLow, costHigh, atCap };
}
/** Replay a head variant of every sample against the base replay. */
function replayAll(baseRs, variant, traffic, baseResults, featureId, ctx) {
    const staticBase = staticTemplateTokens(baseRs, ctx.counter);
    const prefixBase = (0,estimate/* staticPrefixTokens */.f3)(baseRs, ctx.counter);
    const staticVariant = staticTemplateTokens(variant, ctx.counter);
    const prefixVariant = (0,estimate/* staticPrefixTokens */.f3)(variant, ctx.counter);
    const samples = traffic.samples.filter((s) => s.feature === undefined || s.feature === featureId);
    return samples.map((s, i) => {
        const b = baseResults[i];
        const counts = { counted: b.counted, staticTokens: staticBase, prefix: prefixBase };
        return replayVariant(baseRs, variant, s, b, counts, staticVariant, prefixVariant, ctx.counter);
    });
}

;// CONCATENATED MODULE: ./src/diff/agent-pair.ts
/**
 * Paired replay of agent runs: each recorded call replayed at a variant of the head (the head, or
 * a hybrid used to attribute the delta to single changes) against its base replay, with the
 * prompt-call rules of pair.ts per call (recorded input + the change of the agent's fixed part;
 * cache reads moved with the cacheable prefix; output clamped at the variant's cap) and the loop
 * rules of agents: lowered max turns drop the turns beyond them, a removed sub-agent's calls go.
 */




/** True when the variant cuts this call: its agent's max turns are lower than at base and the call's turn is beyond them. */
function truncated(turn, base, variant) {
    const v = variant.maxTurns;
    if (v === undefined)
        return false;
    const b = base.maxTurns;
    return (b === undefined || v < b) && turn > v;
}
/** Replay every recorded call at `variant` against its base result. */
function replayVariantRuns(traces, base, baseRuns, variant, counter) {
    let dropped = 0;
    let w = 0;
    let cut = 0;
    const runs = traces.map((t, i) => {
        let lost = false;
        w += t.weight;
        const out = t.calls.map((c, j) => {
            const b = baseRuns[i][j];
            const bSide = (0,estimate/* sideOf */.Jh)(base.sides, c.agent, base.unknown);
            const vSide = c.agent === null ? variant.unknown : variant.sides.get(c.agent);
            if (!vSide) {
                dropped++;
                return null;
            }
            if (truncated(c.turn, bSide, vSide)) {
                dropped++;
                lost = true;
                return null;
            }
            const r = replayVariant(bSide.rs, vSide.rs, c.sample, b, { counted: b.counted, staticTokens: bSide.staticTokens, prefix: bSide.prefix }, vSide.staticTokens, vSide.prefix, counter);
            r.weight = t.weight;
            return r;
        });
        if (lost)
            cut += t.weight;
        return out;
    });
    return { runs, dropped, truncatedShare: w > 0 ? cut / w : 0 };
}
/**
 * Cost of extending one run's turns of `agent` from `turns` to `headMax`: each extra turn j costs
 * the run's last replayed call of that agent with j more outputs in the history
 * (input = last input + j × last output, cache reads as the last call's), at the head side.
 */
function extensionCost(trace, run, agent, turns, headMax, side) {
    let last = null;
    trace.calls.forEach((c, j) => {
        if (c.label === agent && run[j] !== null)
            last = run[j];
    });
    if (last === null || headMax <= turns)
        return 0;
    const u = last.usage;
    const tier = trace.calls[0].sample.tier ?? side.rs.tier;
    // Extra turn j sends last input + j × last output: summed per price bracket, not turn by turn.
    try {
        return (0,estimate/* sumOverTurns */._L)(headMax - turns, u.inputTokens + u.outputTokens, u.outputTokens, side.inputBreaks, (x) => side.rs.price({ ...u, inputTokens: x }, tier, trace.calls[0].sample.ts).total);
    }
    catch (e) {
        throw (0,traffic/* atTrafficLine */.X)(e, trace.calls[0].sample);
    }
}

// EXTERNAL MODULE: ./src/text/index.ts + 3 modules
var src_text = __webpack_require__(2526);
;// CONCATENATED MODULE: ./src/diff/agent-text.ts
/** How change summaries print their numbers (prompt and agent changes alike): counts, shares, dollars and price ratios. */

/** An integer with its sign, grouped: "+1,234", "-56". */
function signed(n) {
    return n > 0 ? `+${(0,src_text/* grouped */.zD)(n)}` : (0,src_text/* grouped */.zD)(n);
}
/** A count per run: whole from 10 up, one decimal below. */
function num(n) {
    return n >= 10 ? n.toFixed(0) : n.toFixed(1).replace(/\.0$/, '');
}
/** A share as a percentage with at most one decimal. */
function pct(x) {
    return `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
/** Dollars: cents from $1 up, two significant digits below (a run can cost $0.0029). */
function usd(x) {
    const sign = x < 0 ? '-' : '';
    const a = Math.abs(x);
    if (a >= 1 || a === 0)
        return `${sign}$${a.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    return `${sign}$${Number(a.toPrecision(2))}`;
}
/** A price ratio: "×5.0", "×1.25", "×0.125". */
function ratioText(r) {
    return `×${r >= 10 ? r.toFixed(1) : r >= 1 ? r.toFixed(2).replace(/0$/, '') : r.toFixed(3).replace(/0$/, '')}`;
}

;// CONCATENATED MODULE: ./src/diff/task-edits.ts
/** The task texts (CrewAI tasks.yaml) a PR edits, adds or removes, located at the first of them. */
function taskEdits(base, head) {
    const byTask = (spec) => new Map(spec.staticLoops.filter((l) => l.task).map((l) => [l.task, l]));
    const b = byTask(base);
    const h = byTask(head);
    const edits = [];
    for (const [task, loop] of h) {
        const old = b.get(task);
        if (!old)
            edits.push({ what: `task ${task} added`, file: loop.file, line: loop.line });
        else if (old.text !== loop.text || old.agent !== loop.agent)
            edits.push({ what: `task ${task} edited`, file: loop.file, line: loop.line });
    }
    for (const [task, loop] of b)
        if (!h.has(task))
            edits.push({ what: `task ${task} removed`, file: loop.file });
    if (!edits.length)
        return undefined;
    const first = edits.find((e) => e.file) ?? edits[0];
    return {
        file: first.file ?? head.agents[0].file,
        line: first.line ?? null,
        summary: `${edits.map((e) => e.what).join(', ')} (the task text each loop is sent)`,
    };
}

;// CONCATENATED MODULE: ./src/diff/agent-changes.ts
/**
 * An agent feature's change list with monthly effects attributed in stages on the same runs —
 * what every call sends (instructions, tools), output caps, loop limits, removed sub-agents, then
 * models — so the effects add up to the feature's delta.
 */




/** The change list with monthly effects attributed in stages (they add up to the delta). */
function agentChanges(p, base, head, cc) {
    const { ctx } = cc;
    const baseSpec = p.base.spec;
    const headSpec = p.head.spec;
    // The root agent's changes read as the feature's; a sub-agent's are prefixed with its name.
    const label = (name) => (name === baseSpec.root || name === headSpec.root ? '' : `${name}: `);
    const callsOf = (name) => base.agent.agents.find((a) => a.name === name)?.callsPerRun ?? 0;
    const perRun = (name) => `× ${num(callsOf(name))} call${callsOf(name) === 1 ? '' : 's'} per run`;
    const loc = (def, key) => ({
        file: def.where[key]?.file ?? def.file,
        line: def.where[key]?.line ?? null,
    });
    const uncached = (tokens, name, side) => (tokens *
        callsOf(name) *
        ctx.catalog.rates(side.rs.model, { tier: cc.entryTier, date: cc.date, inputTokens: 0 }).input *
        base.requestsPerMonth) /
        1e6;
    const out = [];
    const instr = [];
    const tools = [];
    const caps = [];
    const turns = [];
    const removed = [];
    const models = [];
    const free = [];
    if (cc.basePath !== cc.headPath)
        out.push({
            kind: 'config',
            file: cc.headPath,
            line: null,
            summary: `agent definition ${cc.basePath} → ${cc.headPath}`,
            monthlyEffect: 0,
        });
    for (const b of baseSpec.agents) {
        const h = p.headDef(b.name);
        const take = p.takes.get(b.name);
        const bSide = p.base.sides.get(b.name);
        if (!h) {
            const parent = baseSpec.agents.find((a) => a.subAgents.includes(b.name));
            const at = parent ? (p.headDef(parent.name) ?? parent) : headSpec.agents[0];
            removed.push({
                change: {
                    kind: 'agent',
                    ...loc(at, 'sub_agents'),
                    summary: `sub-agent ${b.name} removed: its ${num(callsOf(b.name))} call(s) per run are dropped (work it did may move to other agents, not priced)`,
                    monthlyEffect: 0,
                },
                apply: () => (take.gone = true),
            });
            continue;
        }
        if (JSON.stringify(b.site.messages.map((m) => m.template)) !== JSON.stringify(h.site.messages.map((m) => m.template))) {
            const bt = (0,estimate/* instructionsTokens */.s)(b, bSide.rs, ctx.counter);
            const ht = (0,estimate/* instructionsTokens */.s)(h, bSide.rs, ctx.counter);
            instr.push({
                change: {
                    kind: 'agent',
                    ...loc(h, 'instructions'),
                    summary: `${label(h.name)}instructions ${signed(ht - bt)} tokens (${(0,src_text/* grouped */.zD)(bt)} → ${(0,src_text/* grouped */.zD)(ht)}) ${perRun(b.name)}`,
                    monthlyEffect: 0,
                },
                apply: () => (take.instructions = true),
                uncached: uncached(ht - bt, b.name, bSide),
            });
        }
        if (JSON.stringify([b.site.tools, b.opaqueTools, b.opaqueToolTokens]) !==
            JSON.stringify([h.site.tools, h.opaqueTools, h.opaqueToolTokens])) {
            const bn = new Set([...b.site.tools.map((t) => t.name), ...b.opaqueTools]);
            const hn = new Set([...h.site.tools.map((t) => t.name), ...h.opaqueTools]);
            const added = [...hn].filter((n) => !bn.has(n));
            const gone = [...bn].filter((n) => !hn.has(n));
            const bt = (0,estimate/* agentToolTokens */.eB)(b, bSide.rs, ctx.counter);
            const ht = (0,estimate/* agentToolTokens */.eB)(h, bSide.rs, ctx.counter);
            const parts = [];
            if (added.length)
                parts.push(`added ${added.join(', ')}`);
            if (gone.length)
                parts.push(`removed ${gone.join(', ')}`);
            if (!parts.length)
                parts.push('definitions edited');
            const est = bt.estimated !== ht.estimated ? ' (tools without a schema estimated)' : '';
            tools.push({
                change: {
                    kind: 'tools',
                    ...loc(h, 'tools'),
                    summary: `${label(h.name)}tools ${parts.join('; ')}: ${signed(ht.schema + ht.estimated - bt.schema - bt.estimated)} tokens per call${est} ${perRun(b.name)}`,
                    monthlyEffect: 0,
                },
                apply: () => (take.tools = true),
                uncached: uncached(ht.schema + ht.estimated - bt.schema - bt.estimated, b.name, bSide),
            });
        }
        if (b.site.params.maxTokens !== h.site.params.maxTokens) {
            caps.push({
                change: {
                    kind: 'params',
                    ...loc(h, 'max_tokens'),
                    summary: `${label(h.name)}max output tokens ${b.site.params.maxTokens ?? 'unset'} → ${h.site.params.maxTokens ?? 'unset'}`,
                    monthlyEffect: 0,
                },
                apply: () => (take.maxTokens = true),
            });
        }
        if (b.maxTurns !== h.maxTurns) {
            let what = `${label(h.name)}max turns ${b.maxTurns ?? 'unset'} → ${h.maxTurns ?? 'unset'}`;
            const lowered = h.maxTurns !== undefined && (b.maxTurns === undefined || h.maxTurns < b.maxTurns);
            if (cc.traces.length && lowered) {
                const w = cc.traces.reduce((a, t) => a + t.weight, 0);
                const cut = cc.traces.reduce((a, t) => a + ((0,estimate/* turnsOf */.oA)(t, b.name) > h.maxTurns ? t.weight : 0), 0);
                what += `: truncates ${pct(cut / w)} of recorded runs`;
            }
            else if (cc.traces.length) {
                const cap = head.agent.turnCapIncreases.find((c) => c.agent === b.name);
                if (cap) {
                    const bound = cap.upperBoundMonthly !== null
                        ? `; up to ${usd(cap.upperBoundMonthly)}/month if they run to the new limit`
                        : '; with no limit the increase has no upper bound';
                    what += `: ${pct(cap.capShare)} of recorded runs reached the old limit, so the increase may be larger${bound}`;
                }
            }
            else if (base.agent?.staticTurns?.turnsFrom === 'max_turns') {
                what += ' (the static estimate runs every loop to max turns: an upper bound)';
            }
            turns.push({
                change: { kind: 'agent', ...loc(h, 'max_turns'), summary: what, monthlyEffect: 0 },
                apply: () => (take.maxTurns = true),
            });
        }
        const hSide = p.headSide(b.name);
        if (bSide.rs.model.canonical !== hSide.rs.model.canonical) {
            const br = ctx.catalog.rates(bSide.rs.model, { tier: cc.entryTier, date: cc.date, inputTokens: 0 });
            const hr = ctx.catalog.rates(hSide.rs.model, { tier: cc.entryTier, date: cc.date, inputTokens: 0 });
            const ri = hr.input / br.input;
            const ro = hr.output / br.output;
            const price = Math.abs(ri - ro) < 0.005 ? `${ratioText(ri)} price` : `${ratioText(ri)} input, ${ratioText(ro)} output price`;
            const family = bSide.rs.model.family !== hSide.rs.model.family ? `; ${hSide.rs.model.family} tokenizer and cache rule` : '';
            const inherited = h.inheritsModel ? ', inherited' : '';
            models.push({
                change: {
                    kind: 'model',
                    ...loc(h.inheritsModel ? (headSpec.agents.find((a) => a.subAgents.includes(h.name)) ?? h) : h, 'model'),
                    summary: `${label(h.name)}model ${bSide.rs.model.canonical} → ${hSide.rs.model.canonical} (${price}${family}${inherited})`,
                    monthlyEffect: 0,
                },
                apply: () => (take.model = true),
            });
        }
        for (const key of new Set([...Object.keys(b.settings), ...Object.keys(h.settings)])) {
            if (b.settings[key] === h.settings[key])
                continue;
            free.push({
                kind: 'agent',
                ...loc(h, key),
                summary: `${label(h.name)}${key} ${b.settings[key] ?? 'unset'} → ${h.settings[key] ?? 'unset'} (not replayable from the definition: recorded calls are kept as they are)`,
                monthlyEffect: 0,
            });
        }
    }
    for (const h of headSpec.agents) {
        const baseName = h.name === headSpec.root ? baseSpec.root : h.name;
        if (baseSpec.agents.some((a) => a.name === baseName))
            continue;
        const parent = headSpec.agents.find((a) => a.subAgents.includes(h.name));
        const side = p.head.sides.get(h.name);
        let cost = '';
        try {
            const shape = (0,estimate/* staticLoopShape */.AE)(side, p.baseIn.feature, cc.fw);
            const run = (0,estimate/* staticRun */.w1)({ ...headSpec, staticLoops: [{ agent: h.name }] }, p.head.sides, p.baseIn.feature, cc.fw, ctx.counter);
            cost = `; one invocation of ${shape.turns} turn(s) would cost ${usd(run.result.cost)}`;
        }
        catch {
            // No turns or output figure to build a static loop from: the note says it is not priced.
        }
        free.push({
            kind: 'agent',
            ...loc(parent ?? h, 'sub_agents'),
            summary: `sub-agent ${h.name} added (${side.rs.model.canonical}): no recorded calls yet, so it is not priced until traffic records it${cost}`,
            monthlyEffect: 0,
        });
    }
    let prev = base.monthly;
    const staged = [...instr, ...tools, ...caps, ...turns, ...removed, ...models];
    for (const s of staged) {
        s.apply();
        const m = p.monthly();
        s.change.monthlyEffect = m - prev;
        // Tokens that land in a cached prefix cost the cached rate: say so when that is visible.
        const u = s.uncached;
        if (u !== undefined &&
            u !== 0 &&
            Math.sign(s.change.monthlyEffect) === Math.sign(u) &&
            Math.abs(s.change.monthlyEffect) < Math.abs(u) * 0.99) {
            s.change.summary += ', partly cached';
        }
        prev = m;
        out.push(s.change);
    }
    // Pricing dates and rounding between stages land on the last priced change.
    const residual = head.monthly - prev;
    const tasks = taskEdits(baseSpec, headSpec);
    if (tasks) {
        // Task texts (CrewAI tasks.yaml) are no stage of their own: what the stages leave is theirs.
        out.push({ kind: 'agent', ...tasks, monthlyEffect: residual });
    }
    else if (Math.abs(residual) > 1e-9) {
        if (staged.length)
            staged[staged.length - 1].change.monthlyEffect += residual;
        else
            out.push({
                kind: 'agent',
                file: headSpec.agents[0].file,
                line: null,
                summary: 'other edits of the agent definition',
                monthlyEffect: residual,
            });
    }
    out.push(...free);
    return out;
}

// EXTERNAL MODULE: ./src/stats/index.ts + 6 modules
var stats = __webpack_require__(9376);
;// CONCATENATED MODULE: ./src/diff/agent-variant.ts
/**
 * Variants of an agent between base and head: which parts a variant takes from the head, the
 * definition that mixes them, and the monthly cost of a variant on the same recorded runs (or the
 * same static run). Staged change attribution walks these variants from base to head.
 */



const NONE = {
    instructions: false,
    tools: false,
    maxTokens: false,
    maxTurns: false,
    model: false,
    gone: false,
};
/** A definition with some parts from the base and some from the head. */
function hybridDef(b, h, t) {
    const ins = t.instructions ? h : b;
    const tl = t.tools ? h : b;
    const mt = t.maxTokens ? h : b;
    const turns = t.maxTurns ? h : b;
    const params = { ...b.site.params };
    if (mt.site.params.maxTokens !== undefined)
        params.maxTokens = mt.site.params.maxTokens;
    else
        delete params.maxTokens;
    const site = {
        ...b.site,
        messages: ins.site.messages,
        variables: ins.site.variables,
        unsupported: ins.site.unsupported,
        tools: tl.site.tools,
        params,
    };
    const def = { ...b, site, opaqueTools: tl.opaqueTools, opaqueToolTokens: tl.opaqueToolTokens };
    if (turns.maxTurns !== undefined)
        def.maxTurns = turns.maxTurns;
    else
        delete def.maxTurns;
    return def;
}
/** Prices variants between base and head on the same runs (or the same static run). */
class VariantPricer {
    base;
    head;
    ctx;
    dates;
    baseIn;
    takes = new Map();
    traces = null;
    baseRuns = [];
    rpm = 0;
    fw = null;
    constructor(base, head, ctx, dates, baseIn) {
        this.base = base;
        this.head = head;
        this.ctx = ctx;
        this.dates = dates;
        this.baseIn = baseIn;
        for (const def of base.spec.agents)
            this.takes.set(def.name, { ...NONE });
    }
    useTraces(traces, baseRuns, rpm) {
        this.traces = traces;
        this.baseRuns = baseRuns;
        this.rpm = rpm;
    }
    useStatic(rpm, fw) {
        this.rpm = rpm;
        this.fw = fw;
    }
    /** The head definition that matches a base agent: root to root, sub-agents by name. */
    headDef(baseName) {
        const name = baseName === this.base.spec.root ? this.head.spec.root : baseName;
        return this.head.spec.agents.find((a) => a.name === name);
    }
    headSide(baseName) {
        const name = baseName === this.base.spec.root ? this.head.spec.root : baseName;
        return this.head.sides.get(name);
    }
    /** The variant every head part is in: the head itself. */
    headVariant() {
        const sides = new Map();
        for (const def of this.base.spec.agents)
            sides.set(def.name, this.headSide(def.name) ?? null);
        return { sides, unknown: this.head.unknown };
    }
    /** The variant the current takes describe. */
    variant() {
        const sides = new Map();
        let rootSide;
        for (const def of this.base.spec.agents) {
            const t = this.takes.get(def.name);
            const baseSide = this.base.sides.get(def.name);
            const h = this.headDef(def.name);
            let side;
            if (!h)
                side = t.gone ? null : baseSide;
            else if (!t.instructions && !t.tools && !t.maxTokens && !t.maxTurns && !t.model)
                side = baseSide;
            else {
                const model = t.model ? this.headSide(def.name).rs.model : baseSide.rs.model;
                side = (0,estimate/* sideWith */.AM)(hybridDef(def, h, t), model, this.ctx, t.model ? this.dates.head : this.dates.base, this.baseIn.feature);
            }
            sides.set(def.name, side);
            if (def.name === this.base.spec.root && side)
                rootSide = side;
        }
        const unknown = rootSide && rootSide !== this.base.sides.get(this.base.spec.root)
            ? (0,estimate/* unknownAgentSide */.VU)(rootSide, this.ctx)
            : this.base.unknown;
        return { sides, unknown };
    }
    /** Monthly cost of the current variant. */
    monthly() {
        const v = this.variant();
        if (this.traces) {
            const r = replayVariantRuns(this.traces, this.base, this.baseRuns, v, this.ctx.counter);
            const costs = r.runs.map((run) => run.reduce((a, c) => a + (c?.cost ?? 0), 0));
            return ((0,stats/* weightedMean */.hY)(costs, this.traces.map((t) => t.weight)) * this.rpm);
        }
        const sides = new Map();
        for (const [n, s] of v.sides)
            if (s)
                sides.set(n, s);
        const spec = {
            ...this.base.spec,
            staticLoops: this.base.spec.staticLoops.filter((l) => sides.has(l.agent)),
        };
        if (!spec.staticLoops.length)
            return 0;
        return (0,estimate/* staticRun */.w1)(spec, sides, this.baseIn.feature, this.fw, this.ctx.counter).result.cost * this.rpm;
    }
}

;// CONCATENATED MODULE: ./src/diff/agent-diff.ts
/**
 * An agent feature priced at base and head on the same recorded runs (or the same static run),
 * with its change list: instructions ±N tokens × calls per run, tools added or removed with their
 * tokens per call, output caps, max turns (truncation, or the share of runs at the old cap with a
 * bound), sub-agents added or removed and the model per agent. Monthly effects are attributed in
 * stages on the same runs — what every call sends (instructions, tools), output caps, loop limits,
 * removed sub-agents, then models — so they add up to the feature's delta.
 */





/** The feature's input at one revision with its agent definition. */
function inputFor(entry, spec, traffic) {
    return { feature: entry, site: spec.agents[0].site, traffic, agent: spec };
}
/** Price one agent feature at base and head (the dispatch target of `diffFeature` for agent features). */
function diffAgentFeature(input, ctx, dates, where) {
    const { merged, traffic } = input;
    const baseAgent = input.baseAgent ?? null;
    const headAgent = input.headAgent ?? null;
    const entry = merged.entry;
    const notes = [];
    if (merged.droppedFromConfig && headAgent)
        notes.push(`The PR drops features.${entry.id} from the config but ${merged.headPrompt} remains: it stays priced under the base entry (unmapped after merge).`);
    const est = (spec, date) => (0,estimate/* estimateFeature */.xV)(inputFor(entry, spec, traffic), ctx, date, where.file, where.positions);
    const common = { id: merged.id, team: entry.team, declaredInPr: merged.declaredInPr };
    if (input.baseError) {
        const head = headAgent ? est(headAgent, dates.head) : null;
        return {
            ...common,
            status: 'unpriced',
            base: null,
            head,
            pairs: null,
            changes: [],
            notes: [...notes, `The base side cannot be priced: ${input.baseError}`],
            baseError: input.baseError,
        };
    }
    if (!baseAgent && headAgent)
        return {
            ...common,
            status: 'added',
            base: null,
            head: est(headAgent, dates.head),
            pairs: null,
            changes: [],
            notes,
        };
    if (baseAgent && !headAgent)
        return {
            ...common,
            status: 'removed',
            base: est(baseAgent, dates.base),
            head: null,
            pairs: null,
            changes: [],
            notes: [...notes, `${merged.basePrompt} is deleted by the PR.`],
        };
    const fw = { configFile: where.file, positions: where.positions };
    const baseRev = (0,estimate/* agentRevision */.J3)(baseAgent, inputFor(entry, baseAgent, traffic), ctx, dates.base, fw);
    const headRev = (0,estimate/* agentRevision */.J3)(headAgent, inputFor(entry, headAgent, traffic), ctx, dates.head, fw);
    // The same lines at both sides: a line whose tier its agent's model lacks at either is a bad line for both.
    const screened = (0,estimate/* withOfferedTiers */.pG)(traffic, entry.id, ctx.catalog, (s) => [
        (0,estimate/* agentModelOf */.aR)(baseRev, s),
        (0,estimate/* agentModelOf */.aR)(headRev, s),
    ]);
    const baseIn = inputFor(entry, baseAgent, screened);
    const headIn = inputFor(entry, headAgent, screened);
    const pricer = new VariantPricer(baseRev, headRev, ctx, dates, baseIn);
    let base;
    let head;
    let pairs = null;
    let traces = [];
    let baseRuns = [];
    if (traffic) {
        const r = (0,estimate/* runsOf */.ky)(baseIn);
        traces = r.traces;
        baseRuns = (0,estimate/* replayRuns */.oJ)(traces, baseRev.sides, baseRev.unknown, ctx.counter);
        base = (0,estimate/* summarizeAgentRuns */.BC)(baseIn, baseRev, traces, baseRuns, {
            date: dates.base,
            where: fw,
            ctx,
            notices: [...(0,estimate/* badLineNotices */.Jz)(entry.id, screened), ...(0,estimate/* unknownAgentNotices */.HK)(entry.id, r.unknown, baseAgent)],
            truncatedShare: null,
            droppedCalls: 0,
            turnCapIncreases: [],
        });
        pricer.useTraces(traces, baseRuns, base.requestsPerMonth);
        const full = replayVariantRuns(traces, baseRev, baseRuns, pricer.headVariant(), ctx.counter);
        const caps = turnCapIncreases(traces, baseRev, full.runs, pricer);
        const headTraces = relabelRoot(traces, baseAgent.root, headAgent.root);
        head = (0,estimate/* summarizeAgentRuns */.BC)(headIn, headRev, headTraces, full.runs, {
            date: dates.head,
            where: fw,
            ctx,
            notices: [],
            truncatedShare: full.truncatedShare,
            droppedCalls: full.dropped,
            turnCapIncreases: [],
        });
        for (const c of caps) {
            c.upperBoundPerRequest = c.upperBoundPerRequest === null ? null : head.perRequest.mean + c.upperBoundPerRequest;
            c.upperBoundMonthly = c.upperBoundPerRequest === null ? null : c.upperBoundPerRequest * head.requestsPerMonth;
        }
        head.agent.turnCapIncreases = caps;
        for (const c of caps) {
            const bound = c.upperBoundMonthly !== null
                ? `; running them on to ${c.headMaxTurns} turns could cost up to ${usd(c.upperBoundMonthly)}/month (${usd(c.upperBoundMonthly - base.monthly)} over base)`
                : '; without a limit the increase has no upper bound';
            notes.push(`unbounded_increase: max turns of agent ${c.agent} raised ${c.baseMaxTurns} → ${c.headMaxTurns ?? 'unset'} while ${pct(c.capShare)} of recorded runs reached the old limit, so the replayed delta is a lower bound${bound}.`);
        }
        // Calibration and reconciliation compare the record with the revision it was recorded at.
        head.calibration = null;
        head.reconciliation = null;
        pairs = base.results.map((b, i) => ({ base: b, head: head.results[i] }));
    }
    else {
        base = (0,estimate/* estimateAgentStatic */.AQ)(baseIn, baseRev, { date: dates.base, where: fw, ctx });
        head = (0,estimate/* estimateAgentStatic */.AQ)(headIn, headRev, { date: dates.head, where: fw, ctx });
        pricer.useStatic(base.requestsPerMonth, fw);
    }
    const changes = agentChanges(pricer, base, head, {
        basePath: merged.basePrompt,
        headPath: merged.headPrompt,
        traces,
        ctx,
        entryTier: entry.tier,
        date: dates.head,
        fw,
    });
    const changed = changes.length > 0 || head.monthly !== base.monthly;
    return { ...common, status: changed ? 'changed' : 'unchanged', base, head, pairs, changes, notes };
}
/** Trace labels of the base root renamed to the head root's name, for the head's per-agent figures. */
function relabelRoot(traces, from, to) {
    if (from === to)
        return traces;
    return traces.map((t) => ({
        ...t,
        calls: t.calls.map((c) => (c.label === from ? { ...c, label: to, agent: to } : c)),
    }));
}
/** Raised max turns over runs that reached the base limit: share at the cap and the cost of running on to the new one. */
function turnCapIncreases(traces, baseRev, headRuns, pricer) {
    const out = [];
    for (const def of baseRev.spec.agents) {
        const b = def.maxTurns;
        const hSide = pricer.headSide(def.name);
        if (b === undefined || !hSide)
            continue;
        const h = hSide.maxTurns;
        if (h !== undefined && h <= b)
            continue;
        let w = 0;
        let capped = 0;
        let extraCalls = 0;
        let extraCost = 0;
        traces.forEach((t, i) => {
            w += t.weight;
            const turns = (0,estimate/* turnsOf */.oA)(t, def.name);
            if (turns < b)
                return;
            capped += t.weight;
            if (h === undefined)
                return;
            extraCalls += t.weight * Math.max(0, h - turns);
            extraCost += t.weight * extensionCost(t, headRuns[i], def.name, turns, h, hSide);
        });
        if (!(capped > 0) || w === 0)
            continue;
        out.push({
            agent: def.name,
            baseMaxTurns: b,
            headMaxTurns: h ?? null,
            capShare: capped / w,
            extraCallsPerRun: h === undefined ? null : extraCalls / w,
            // The head's mean is added by the caller once it is known; here the extension per request.
            upperBoundPerRequest: h === undefined ? null : extraCost / w,
            upperBoundMonthly: null,
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/diff/changes.ts





/** Tokens of a template's own text (variables left as written), counted with the revision's tokenizer. */
function templateTokens(text, rs, ctx) {
    return ctx.counter.countText(text, rs.tokenizer);
}
/** A hybrid revision: `inputs` from one site (messages, tools, schema), model and caps from another. */
function hybrid(inputsFrom, modelFrom, maxTokens, ctx) {
    const site = inputsFrom.site;
    let fixed = 0;
    if (site.tools.length)
        fixed += ctx.counter.countTools(site.tools, modelFrom.tokenizer);
    if (site.responseSchema)
        fixed += ctx.counter.countText(site.responseSchema, modelFrom.tokenizer);
    return { ...modelFrom, site, fixedTokens: fixed, maxTokens };
}
/** Monthly cost of a variant of the revision, replayed against base on the same samples. */
function monthlyOf(variant, inp) {
    const { base, traffic, ctx, entry } = inp;
    if (traffic) {
        const results = replayAll(inp.baseRs, variant, traffic, base.results, entry.id, ctx);
        return ((0,stats/* weightedMean */.hY)(results.map((r) => r.cost), results.map((r) => r.weight)) * base.requestsPerMonth);
    }
    const out = entry.typicalOutputTokens ?? variant.maxTokens ?? 0;
    const rows = variant.site.testData.length ? variant.site.testData : [Object.create(null)];
    const costs = rows.map((row, i) => (0,estimate/* staticSample */.xQ)(variant, row, out, ctx.counter, String(i)).cost);
    return (costs.reduce((a, b) => a + b, 0) / costs.length) * base.requestsPerMonth;
}
/**
 * The semantic change list of a feature: model swap with its price ratio, prompt messages ±N
 * tokens, tools, response schema, max output tokens, reasoning settings and a moved prompt file.
 * Monthly effects are attributed in stages on the same samples — first what the PR sends
 * (messages, tools, schema) on the base model, then the output cap, then the model — so they add
 * up to the feature's delta; within the first stage in proportion to each change's token delta.
 */
function listChanges(inp) {
    const { baseSite: b, headSite: h, baseRs, headRs, ctx } = inp;
    const file = h.file;
    const inputChanges = [];
    const n = Math.max(b.messages.length, h.messages.length);
    for (let i = 0; i < n; i++) {
        const bm = b.messages[i];
        const hm = h.messages[i];
        if (bm && hm && bm.template === hm.template && bm.role === hm.role)
            continue;
        const bt = bm ? templateTokens(bm.template, baseRs, ctx) : 0;
        const ht = hm ? templateTokens(hm.template, baseRs, ctx) : 0;
        const role = (hm ?? bm).role;
        const what = !bm
            ? `new ${role} message (${(0,src_text/* grouped */.zD)(ht)} tokens)`
            : !hm
                ? `${role} message removed (${signed(-bt)} tokens)`
                : `${role} message ${signed(ht - bt)} tokens (${(0,src_text/* grouped */.zD)(bt)} → ${(0,src_text/* grouped */.zD)(ht)})`;
        inputChanges.push({
            change: {
                kind: 'prompt',
                file: hm ? file : b.file,
                line: hm?.line ?? bm?.line ?? null,
                summary: what,
                monthlyEffect: 0,
            },
            tokens: ht - bt + (!bm ? 3 : !hm ? -3 : 0),
        });
    }
    const bTools = new Map(b.tools.map((t) => [t.name, t]));
    const hTools = new Map(h.tools.map((t) => [t.name, t]));
    const added = [...hTools.keys()].filter((k) => !bTools.has(k));
    const removed = [...bTools.keys()].filter((k) => !hTools.has(k));
    if (added.length || removed.length || JSON.stringify(b.tools) !== JSON.stringify(h.tools)) {
        const bt = b.tools.length ? ctx.counter.countTools(b.tools, baseRs.tokenizer) : 0;
        const ht = h.tools.length ? ctx.counter.countTools(h.tools, baseRs.tokenizer) : 0;
        const parts = [];
        if (added.length)
            parts.push(`added ${added.join(', ')}`);
        if (removed.length)
            parts.push(`removed ${removed.join(', ')}`);
        if (!parts.length)
            parts.push('definitions edited');
        inputChanges.push({
            change: {
                kind: 'tools',
                file,
                line: h.lines.tools ?? null,
                summary: `tools ${parts.join('; ')}: ${signed(ht - bt)} tokens per call`,
                monthlyEffect: 0,
            },
            tokens: ht - bt,
        });
    }
    if ((b.responseSchema ?? '') !== (h.responseSchema ?? '') || b.params.responseFormat !== h.params.responseFormat) {
        const bt = b.responseSchema ? ctx.counter.countText(b.responseSchema, baseRs.tokenizer) : 0;
        const ht = h.responseSchema ? ctx.counter.countText(h.responseSchema, baseRs.tokenizer) : 0;
        const fmt = b.params.responseFormat !== h.params.responseFormat
            ? `response format ${b.params.responseFormat ?? 'text'} → ${h.params.responseFormat ?? 'text'}; `
            : '';
        inputChanges.push({
            change: {
                kind: 'params',
                file,
                line: h.lines.jsonSchema ?? h.lines.responseFormat ?? null,
                summary: `${fmt}response schema ${signed(ht - bt)} tokens`,
                monthlyEffect: 0,
            },
            tokens: ht - bt,
        });
    }
    const out = [];
    if (inp.basePrompt !== inp.headPrompt) {
        out.push({
            kind: 'config',
            file: inp.headPrompt,
            line: null,
            summary: `prompt file ${inp.basePrompt} → ${inp.headPrompt}`,
            monthlyEffect: 0,
        });
    }
    // Stage 0 → 1: what the PR sends, on the base model and cap.
    const m0 = inp.base.monthly;
    const s1 = hybrid(headRs, baseRs, baseRs.maxTokens, ctx);
    const m1 = inputChanges.length ? monthlyOf(s1, inp) : m0;
    const sumTokens = inputChanges.reduce((a, c) => a + c.tokens, 0);
    inputChanges.forEach((c, i) => {
        c.change.monthlyEffect = sumTokens !== 0 ? ((m1 - m0) * c.tokens) / sumTokens : i === 0 ? m1 - m0 : 0;
        out.push(c.change);
    });
    // Stage 1 → 2: the output cap.
    let m2 = m1;
    if (baseRs.maxTokens !== headRs.maxTokens) {
        const s2 = hybrid(headRs, baseRs, headRs.maxTokens, ctx);
        m2 = monthlyOf(s2, inp);
        const share = inp.base.outputCapShare;
        const capNote = headRs.maxTokens !== undefined && baseRs.maxTokens !== undefined && headRs.maxTokens > baseRs.maxTokens && share
            ? `; ${(share * 100).toFixed(1)}% of recorded outputs hit the old cap, so the increase may be larger`
            : '';
        out.push({
            kind: 'params',
            file,
            line: h.lines.maxTokens ?? null,
            summary: `max output tokens ${baseRs.maxTokens ?? 'unset'} → ${headRs.maxTokens ?? 'unset'}${capNote}`,
            monthlyEffect: m2 - m1,
        });
    }
    // Stage 2 → 3: the model (and with it tokenizer, prices and cache rule).
    if (baseRs.model.canonical !== headRs.model.canonical) {
        const date = inp.date;
        const br = ctx.catalog.rates(baseRs.model, { tier: inp.entry.tier, date, inputTokens: 0 });
        const hr = ctx.catalog.rates(headRs.model, { tier: inp.entry.tier, date, inputTokens: 0 });
        const ri = hr.input / br.input;
        const ro = hr.output / br.output;
        const price = Math.abs(ri - ro) < 0.005 ? `${ratioText(ri)} price` : `${ratioText(ri)} input, ${ratioText(ro)} output price`;
        const family = baseRs.model.family !== headRs.model.family ? `; ${headRs.model.family} tokenizer and cache rule` : '';
        out.push({
            kind: 'model',
            file,
            line: h.lines.model ?? null,
            summary: `model ${baseRs.model.canonical} → ${headRs.model.canonical} (${price}${family})`,
            monthlyEffect: inp.head.monthly - m2,
        });
    }
    else if (Math.abs(inp.head.monthly - m2) > 1e-9 && out.length) {
        // Rounding between stages (cache steps) lands on the last change.
        out[out.length - 1].monthlyEffect += inp.head.monthly - m2;
    }
    if (baseRs.model.canonical === headRs.model.canonical && baseRs.model.requested !== headRs.model.requested) {
        // A new name for the same priced model (an alias or a deployment name): shown as written.
        out.push({
            kind: 'model',
            file,
            line: h.lines.model ?? null,
            summary: `model id ${baseRs.model.requested} → ${headRs.model.requested} (both priced as ${headRs.model.canonical})`,
            monthlyEffect: 0,
        });
    }
    if (b.params.reasoningEffort !== h.params.reasoningEffort) {
        out.push({
            kind: 'reasoning',
            file,
            line: h.lines.reasoningEffort ?? null,
            summary: `reasoning effort ${b.params.reasoningEffort ?? 'default'} → ${h.params.reasoningEffort ?? 'default'} (not replayable from text: reasoning tokens are taken as recorded)`,
            monthlyEffect: 0,
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/diff/diff.ts





/**
 * Price one feature at base and head. Existing features replay the same trusted samples through
 * both revisions (paired); added features are estimated at head alone, removed ones at base alone.
 */
function diffFeature(input, ctx, dates, where) {
    // Agent features replay whole runs call by call (src/diff/agent-diff.ts).
    if (input.baseAgent !== undefined || input.headAgent !== undefined)
        return diffAgentFeature(input, ctx, dates, where);
    const { merged, baseSite, headSite } = input;
    let traffic = input.traffic;
    const entry = merged.entry;
    const notes = [];
    if (merged.droppedFromConfig && headSite)
        notes.push(`The PR drops features.${entry.id} from the config but ${merged.headPrompt} remains: it stays priced under the base entry (unmapped after merge).`);
    if (input.baseError) {
        const head = headSite
            ? (0,estimate/* estimateFeature */.xV)({ feature: entry, site: headSite, traffic }, ctx, dates.head, where.file, where.positions)
            : null;
        return {
            id: merged.id,
            team: entry.team,
            status: 'unpriced',
            declaredInPr: merged.declaredInPr,
            base: null,
            head,
            pairs: null,
            changes: [],
            notes: [...notes, `The base side cannot be priced: ${input.baseError}`],
            baseError: input.baseError,
        };
    }
    if (!baseSite && headSite) {
        const head = (0,estimate/* estimateFeature */.xV)({ feature: entry, site: headSite, traffic }, ctx, dates.head, where.file, where.positions);
        return {
            id: merged.id,
            team: entry.team,
            status: 'added',
            declaredInPr: merged.declaredInPr,
            base: null,
            head,
            pairs: null,
            changes: [],
            notes,
        };
    }
    if (baseSite && !headSite) {
        const base = (0,estimate/* estimateFeature */.xV)({ feature: entry, site: baseSite, traffic }, ctx, dates.base, where.file, where.positions);
        return {
            id: merged.id,
            team: entry.team,
            status: 'removed',
            declaredInPr: merged.declaredInPr,
            base,
            head: null,
            pairs: null,
            changes: [],
            notes: [...notes, `${merged.basePrompt} is deleted by the PR.`],
        };
    }
    const baseRs = (0,estimate/* replaySiteFor */.Ow)({ feature: entry, site: baseSite, traffic }, ctx, dates.base, where.file, where.positions);
    const headRs = (0,estimate/* replaySiteFor */.Ow)({ feature: entry, site: headSite, traffic }, ctx, dates.head, where.file, where.positions);
    // The same lines at both sides: a line whose tier either side's model lacks is a bad line for both.
    traffic = (0,estimate/* withOfferedTiers */.pG)(traffic, entry.id, ctx.catalog, () => [baseRs.model, headRs.model]);
    const baseInput = { feature: entry, site: baseSite, traffic };
    const headInput = { feature: entry, site: headSite, traffic };
    const base = (0,estimate/* estimateFeature */.xV)(baseInput, ctx, dates.base, where.file, where.positions);
    let head;
    let pairs = null;
    if (traffic) {
        const headResults = replayAll(baseRs, headRs, traffic, base.results, entry.id, ctx);
        head = (0,estimate/* summarizeFeature */.sB)(headInput, headRs, headResults, {
            date: dates.head,
            configFile: where.file,
            positions: where.positions,
            notices: (0,estimate/* siteNotices */.f4)(entry.id, headSite),
            upperBound: false,
        });
        // Calibration and reconciliation compare the record with the revision it was recorded at:
        // they describe the base side only.
        head.calibration = null;
        head.reconciliation = null;
        pairs = base.results.map((b, i) => ({ base: b, head: headResults[i] }));
    }
    else {
        head = (0,estimate/* estimateFeature */.xV)(headInput, ctx, dates.head, where.file, where.positions);
    }
    const changes = listChanges({
        entry,
        baseSite: baseSite,
        headSite: headSite,
        baseRs,
        headRs,
        base,
        head,
        traffic,
        ctx,
        basePrompt: merged.basePrompt,
        headPrompt: merged.headPrompt,
        date: dates.head,
    });
    const changed = changes.length > 0 || head.monthly !== base.monthly;
    return {
        id: merged.id,
        team: entry.team,
        status: changed ? 'changed' : 'unchanged',
        declaredInPr: merged.declaredInPr,
        base,
        head,
        pairs,
        changes,
        notes,
    };
}

;// CONCATENATED MODULE: ./src/diff/prefill.ts
/**
 * Counting ahead. As soon as a feature is loaded, the distinct message texts its samples send at
 * base and at head are queued on the token counter's worker thread, which counts them while the
 * main thread goes on reading the repository and replaying earlier features; before the feature
 * is replayed, the main thread joins in on whatever is left. So both cores stay busy from the
 * first feature read to the last one replayed. Counts are the same wherever they are made: the
 * replay reads the memo, or counts a text itself when it is not there.
 */




/** Adds the texts one sample sends through one site. */
function addSample(out, s, sample) {
    const m = (0,estimate/* renderedMessages */.kP)(s.site, sample);
    if (!m)
        return;
    let set = out.get(s.encoding);
    if (!set)
        out.set(s.encoding, (set = new Set()));
    for (const msg of m.messages) {
        if (msg.content)
            set.add(msg.content);
        if (msg.name)
            set.add(msg.name);
    }
}
/** A prompt feature's site at one revision; null when it cannot be resolved (the replay reports why). */
function promptSite(input, site, ctx, date, where) {
    if (!site)
        return null;
    try {
        const rs = (0,estimate/* replaySiteFor */.Ow)({ feature: input.merged.entry, site, traffic: input.traffic }, ctx, date, where.file, where.positions);
        return { site, encoding: rs.tokenizer.encoding };
    }
    catch {
        return null;
    }
}
/** An agent feature's agents at one revision, by name; empty when they cannot be resolved. */
function agentSitesOf(input, spec, ctx, date, where) {
    const out = new Map();
    if (!spec)
        return out;
    try {
        for (const [name, side] of (0,estimate/* agentSides */.GX)(spec, input.merged.entry, ctx, date, where))
            out.set(name, { site: side.rs.site, encoding: side.rs.tokenizer.encoding });
    }
    catch {
        out.clear();
    }
    return out;
}
/**
 * The distinct texts a feature's samples send at base and at head (message contents and names),
 * by encoding. Sites that cannot be resolved (unknown model, missing artifact) contribute
 * nothing: the replay itself raises or reports those.
 */
function featureTexts(input, ctx, dates, where) {
    const out = new Map();
    const traffic = input.traffic;
    if (!traffic || traffic.samples.length === 0)
        return out;
    const id = input.merged.entry.id;
    if (input.baseAgent !== undefined || input.headAgent !== undefined) {
        const fw = { configFile: where.file, positions: where.positions };
        const spec = input.headAgent ?? input.baseAgent;
        if (!spec)
            return out;
        let traces;
        try {
            traces = (0,estimate/* runsOf */.ky)({ feature: input.merged.entry, site: spec.agents[0].site, traffic, agent: spec }).traces;
        }
        catch {
            return out;
        }
        const sides = [
            agentSitesOf(input, input.baseAgent, ctx, dates.base, fw),
            agentSitesOf(input, input.headAgent, ctx, dates.head, fw),
        ];
        for (const t of traces)
            for (const c of t.calls) {
                if (c.agent === null)
                    continue;
                for (const s of sides) {
                    const site = s.get(c.agent);
                    if (site)
                        addSample(out, site, c.sample);
                }
            }
        return out;
    }
    const sites = [
        promptSite(input, input.baseSite, ctx, dates.base, where),
        promptSite(input, input.headSite, ctx, dates.head, where),
    ].filter((s) => s !== null);
    for (const sample of traffic.samples) {
        if (sample.feature !== undefined && sample.feature !== id)
            continue;
        for (const s of sites)
            addSample(out, s, sample);
    }
    return out;
}
/**
 * Queues a feature's texts for counting ahead of its replay (see the module comment): the worker
 * starts on them at once; `join` has the main thread count what is left and resolves when every
 * count is in the memo. Never rejects on a count (a worker that fails hands its share back to the
 * main thread).
 */
function queueFeature(input, ctx, dates, where) {
    const batches = [];
    for (const [encoding, texts] of featureTexts(input, ctx, dates, where))
        batches.push(ctx.counter.queue(texts, encoding));
    return {
        chars: batches.reduce((n, b) => n + b.chars, 0),
        join: async () => {
            for (const b of batches)
                await b.join();
        },
        taken: Promise.all(batches.map((b) => b.taken)).then(() => undefined),
    };
}
/** Every call site a feature's replay renders at: its artifact at both revisions, or its agents'. */
function sitesOf(input) {
    const out = [];
    if (input.baseSite)
        out.push(input.baseSite);
    if (input.headSite)
        out.push(input.headSite);
    for (const spec of [input.baseAgent, input.headAgent])
        for (const a of spec?.agents ?? [])
            out.push(a.site);
    return out;
}
/** Lets go of the renders kept for a feature's sites, once the feature is priced. */
function releaseFeature(input) {
    for (const site of sitesOf(input))
        (0,estimate/* releaseRenders */.Xm)(site);
}
/**
 * Characters of queued texts the count may run ahead of the replay: half the counter's memo
 * budget (256 MiB of UTF-16), so that the memo never drops a queued count before its feature is
 * replayed (it drops the oldest entries, which are those of features already replayed).
 */
const AHEAD_MAX_CHARS = 64 * 1024 * 1024;
/**
 * Counting ahead of the replay, in load order: features are added as they are loaded and queued
 * on the worker while their texts fit the budget ahead; the replay calls `before` (the main
 * thread joins in on the feature's count) and `after` (its budget frees up for the next ones).
 * Until `start`, features only wait: a run too small for the worker never starts one.
 */
class CountAhead {
    context;
    maxChars;
    waiting = [];
    queued = new Map();
    ahead = 0;
    started = false;
    constructor(context, maxChars = AHEAD_MAX_CHARS) {
        this.context = context;
        this.maxChars = maxChars;
    }
    /** A feature is loaded. */
    add(input) {
        this.waiting.push(input);
        this.pump();
    }
    /** Queue features from now on (the caller has started the counter's worker). */
    start() {
        this.started = true;
        this.pump();
    }
    /** Before replaying `input`: its count is queued (now, if it was waiting) and joined. */
    async before(input) {
        if (!this.started)
            return;
        while (!this.queued.has(input) && this.waiting.length)
            this.queueNext();
        await this.queued.get(input)?.join();
    }
    /**
     * Settles when the worker has taken every text queued for `input` (at once when it was not
     * queued): a replay that waits for this first leaves the worker's share to the worker.
     */
    taken(input) {
        return this.queued.get(input)?.taken ?? Promise.resolve();
    }
    /** After replaying `input`: its texts no longer count against the budget. */
    after(input) {
        const q = this.queued.get(input);
        if (q)
            this.ahead -= q.chars;
        this.queued.delete(input);
        this.pump();
    }
    pump() {
        while (this.started && this.waiting.length && this.ahead < this.maxChars)
            this.queueNext();
    }
    queueNext() {
        const input = this.waiting.shift();
        const { ctx, dates, where } = this.context();
        const q = queueFeature(input, ctx, dates, where);
        this.ahead += q.chars;
        this.queued.set(input, q);
    }
}

;// CONCATENATED MODULE: ./src/diff/series.ts
/**
 * A feature's paired results as bootstrap units: whole traces (calls of one unit summed), weighted
 * by the root line. Static figures carry no sampling error: one unit at the point estimate. Null
 * for an unpriced feature.
 */
function seriesOf(f) {
    if (f.status === 'unpriced')
        return null;
    const rpm = { base: f.base?.requestsPerMonth ?? 0, head: f.head?.requestsPerMonth ?? 0 };
    const fromResults = (pairs) => {
        const units = new Map();
        for (const p of pairs) {
            const u = units.get(p.unit);
            if (u) {
                u.base += p.base;
                u.head += p.head;
            }
            else
                units.set(p.unit, { weight: p.weight, base: p.base, head: p.head });
        }
        return [...units.values()];
    };
    const static_ = (f.base && !f.base.traffic) || (f.head && !f.head.traffic);
    if (static_ || (!f.pairs && f.base && f.head)) {
        return {
            id: f.id,
            team: f.team,
            units: [{ weight: 1, base: f.base?.perRequest.mean ?? 0, head: f.head?.perRequest.mean ?? 0 }],
            requestsPerMonth: rpm,
        };
    }
    if (f.pairs)
        return {
            id: f.id,
            team: f.team,
            units: fromResults(f.pairs.map((p) => ({ unit: p.base.unit, weight: p.base.weight, base: p.base.cost, head: p.head.cost }))),
            requestsPerMonth: rpm,
        };
    const side = (f.head ?? f.base);
    const isHead = f.head !== null;
    return {
        id: f.id,
        team: f.team,
        units: fromResults(side.results.map((r) => ({
            unit: r.unit,
            weight: r.weight,
            base: isHead ? 0 : r.cost,
            head: isHead ? r.cost : 0,
        }))),
        requestsPerMonth: rpm,
    };
}

;// CONCATENATED MODULE: ./src/diff/index.ts
/** The front door of src/diff/: what other folders may import from it. */







/***/ }),

/***/ 5319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ advisorInputs)
/* harmony export */ });
/* harmony import */ var _advisor_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8786);

/**
 * The advisor's options from a revision: its config's `advisor:` block (candidates, quality bar)
 * and the eval results files it names (`advisor.evals`, paths or globs), read from the same
 * revision. In a PR that revision is the base: the PR cannot pick its own candidates, bar or
 * evidence (DESIGN "Trust").
 */
async function advisorInputs(config, reader, expand) {
    const advisor = config.advisor;
    const patterns = advisor?.evals ?? [];
    const paths = [];
    if (patterns.length) {
        const all = await reader.list();
        for (const p of patterns)
            for (const f of expand(all, p))
                if (!paths.includes(f))
                    paths.push(f);
    }
    const files = await Promise.all(paths.map(async (path) => ({ path, text: await reader.readText(path) })));
    const evidence = (0,_advisor_index_js__WEBPACK_IMPORTED_MODULE_0__/* .readEvalEvidence */ .mZ)(files);
    // `gh models eval --json` names the prompt by the .prompt.yml's `name:`, not its path.
    const names = new Map();
    if (evidence.length)
        for (const f of Object.values(config.features)) {
            if (!f.prompt || !/\.prompt\.ya?ml$/i.test(f.prompt) || !(await reader.exists(f.prompt)))
                continue;
            const m = /^name:[ \t]*(["']?)(.+?)\1[ \t]*$/m.exec(await reader.readText(f.prompt));
            if (m)
                names.set(f.prompt, m[2]);
        }
    return {
        candidates: advisor?.candidates ?? [],
        minPassRate: advisor?.minPassRate ?? 'not below current',
        passRate: (prompt, model) => {
            const name = names.get(prompt);
            const e = (0,_advisor_index_js__WEBPACK_IMPORTED_MODULE_0__/* .findEvidence */ .HO)(evidence, prompt, model) ?? (name !== undefined ? (0,_advisor_index_js__WEBPACK_IMPORTED_MODULE_0__/* .findEvidence */ .HO)(evidence, name, model) : undefined);
            return e ? { model: e.model, passes: e.passes, total: e.total, pass_rate: e.passRate, source: e.source } : null;
        },
        evidenceCommand: (prompt, model) => (0,_advisor_index_js__WEBPACK_IMPORTED_MODULE_0__/* .evidenceCommand */ .xO)(prompt, model),
    };
}


/***/ })

};
