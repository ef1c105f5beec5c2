export const id = 942;
export const ids = [942];
export const modules = {

/***/ 6942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportSchema: () => (/* binding */ reportSchema),
  validateReport: () => (/* binding */ validateReport)
});

;// CONCATENATED MODULE: ./schema/report.schema.json
const report_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","title":"aicost diff report, schema version 1","description":"The JSON report of `aicost diff` (--format json) and of the action\'s `report` output: the monthly and per-request cost of every AI feature at the base and the head of a pull request, the changes behind the difference, team budgets, policy violations and notices. Money is plain USD; percentages are percentage points (25 means 25%) and null when the base is 0.","type":"object","additionalProperties":false,"required":["schema_version","currency","base","head","pricing_date","catalog","policy_source","totals","features","teams","violations","unpriced_changes","proposed_config","notices","breached"],"properties":{"schema_version":{"description":"Version of this report format; always 1.","const":1},"currency":{"description":"Currency of every amount; always USD.","const":"USD"},"base":{"description":"The revision compared against.","$ref":"#/definitions/revision"},"head":{"description":"The revision of the pull request (on GitHub, the test-merge commit).","$ref":"#/definitions/revision"},"pricing_date":{"description":"Date prices are taken at (YYYY-MM-DD).","$ref":"#/definitions/date"},"catalog":{"description":"The price catalog used.","type":"object","additionalProperties":false,"required":["source","version","data_date","overrides"],"properties":{"source":{"description":"Catalog package, e.g. @pydantic/genai-prices.","type":"string","minLength":1},"version":{"description":"Catalog package version.","type":"string"},"data_date":{"description":"Date of the newest price data in the catalog (YYYY-MM-DD), or empty when unknown.","type":"string","pattern":"^(\\\\d{4}-\\\\d{2}-\\\\d{2})?$"},"overrides":{"description":"Number of `pricing:` entries of .aicost.yml in force.","type":"integer","minimum":0}}},"policy_source":{"description":"Where teams, budgets and policies were read: the base revision, or the head when the base has no config (the PR that adopts aicost).","enum":["base","head (adoption)"]},"totals":{"description":"The whole repository\'s monthly AI spend.","type":"object","additionalProperties":false,"required":["monthly"],"properties":{"monthly":{"type":"object","additionalProperties":false,"required":["base","head","delta","delta_percent","delta_ci95"],"properties":{"base":{"description":"USD per month at base.","$ref":"#/definitions/money"},"head":{"description":"USD per month at head.","$ref":"#/definitions/money"},"delta":{"description":"head − base, USD per month.","type":"number"},"delta_percent":{"description":"delta as percentage points of base; null when base is 0.","$ref":"#/definitions/percentOrNull"},"delta_ci95":{"description":"95% interval of delta from the paired bootstrap; null when it cannot be computed.","$ref":"#/definitions/intervalOrNull"}}}}},"features":{"description":"Every feature of base and head.","type":"array","items":{"$ref":"#/definitions/feature"}},"teams":{"description":"Every team of the policy config.","type":"array","items":{"$ref":"#/definitions/team"}},"violations":{"description":"Policy violations, errors and warnings.","type":"array","items":{"$ref":"#/definitions/violation"}},"unpriced_changes":{"description":"AI changes outside every feature (rule unpriced_change).","type":"array","items":{"$ref":"#/definitions/unpricedChange"}},"proposed_config":{"description":"Changes the PR makes to trusted config keys; they apply after merge.","type":"array","items":{"$ref":"#/definitions/proposedConfig"}},"notices":{"description":"Remarks for people: stale catalog data, skipped files, adoption.","type":"array","items":{"type":"string"}},"breached":{"description":"True exactly when a violation has severity error.","type":"boolean"},"policy":{"description":"How a failing check can be overridden, from the trusted config.","type":"object","additionalProperties":false,"required":["override_label","override_approvers"],"properties":{"override_label":{"type":["string","null"]},"override_approvers":{"type":"array","items":{"type":"string"}}}}},"if":{"type":"object","required":["violations"],"properties":{"violations":{"type":"array","contains":{"type":"object","required":["severity"],"properties":{"severity":{"const":"error"}}}}}},"then":{"type":"object","properties":{"breached":{"const":true}}},"else":{"type":"object","properties":{"breached":{"const":false}}},"definitions":{"passRate":{"description":"A pass rate read from eval results in the repository.","type":"object","additionalProperties":false,"required":["model","passes","total","pass_rate","source"],"properties":{"model":{"description":"Catalog id, e.g. openai/gpt-4.1-mini.","type":"string","minLength":1},"passes":{"$ref":"#/definitions/count"},"total":{"$ref":"#/definitions/count"},"pass_rate":{"$ref":"#/definitions/share"},"source":{"description":"Repository path of the eval results file.","type":"string","minLength":1}}},"suggestion":{"description":"One savings suggestion of the advisor (aicost suggest).","type":"object","additionalProperties":false,"required":["kind","feature","candidate","summary","monthly","eligible","ineligible_reason","evidence","caveats","details"],"properties":{"kind":{"enum":["routing","caching","batch","output-cap"]},"feature":{"$ref":"#/definitions/featureId"},"candidate":{"description":"Routing: the candidate model; batch: the tier; else null.","type":["string","null"]},"summary":{"type":"string"},"monthly":{"description":"USD per month: the feature as it is, with the suggestion, and the saving (base − candidate) with its 95% interval and tokenizer band; null when there is nothing to price.","oneOf":[{"type":"null"},{"type":"object","additionalProperties":false,"required":["base","candidate","saving","ci95","band"],"properties":{"base":{"$ref":"#/definitions/money"},"candidate":{"$ref":"#/definitions/money"},"saving":{"type":"number"},"ci95":{"$ref":"#/definitions/intervalOrNull"},"band":{"$ref":"#/definitions/intervalOrNull"}}}]},"eligible":{"type":"boolean"},"ineligible_reason":{"type":["string","null"]},"evidence":{"description":"Routing: the current and candidate pass rates from eval results in the repository, and the command that produces missing ones.","oneOf":[{"type":"null"},{"type":"object","additionalProperties":false,"required":["current","candidate","command"],"properties":{"current":{"oneOf":[{"type":"null"},{"$ref":"#/definitions/passRate"}]},"candidate":{"oneOf":[{"type":"null"},{"$ref":"#/definitions/passRate"}]},"command":{"type":["string","null"]}}}]},"caveats":{"type":"array","items":{"type":"string"}},"details":{"description":"Figures behind the saving (tokens, hit rate, samples over the context window …).","type":"object","additionalProperties":{"anyOf":[{"type":"number"},{"type":"string"},{"type":"null"}]}}}},"money":{"description":"USD, not negative.","type":"number","minimum":0},"share":{"description":"A fraction from 0 to 1.","type":"number","minimum":0,"maximum":1},"count":{"description":"A whole number, not negative.","type":"integer","minimum":0},"line":{"description":"1-based line number, or null when the change has no single line.","type":["integer","null"],"minimum":1},"date":{"type":"string","pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$"},"featureId":{"description":"Feature id as in .aicost.yml.","type":"string","pattern":"^[a-z0-9][a-z0-9._-]*$"},"percentOrNull":{"type":["number","null"]},"interval":{"description":"[low, high].","type":"array","items":[{"type":"number"},{"type":"number"}],"minItems":2,"maxItems":2,"additionalItems":false},"intervalOrNull":{"oneOf":[{"$ref":"#/definitions/interval"},{"type":"null"}]},"revision":{"type":"object","additionalProperties":false,"required":["rev"],"properties":{"rev":{"description":"Commit SHA.","type":"string","minLength":1}}},"agentSide":{"description":"An agent feature at one revision: one request is one run (trace).","type":"object","additionalProperties":false,"required":["root","calls","calls_per_run","agents","truncated_share","dropped_calls","turn_cap_increases","static_turns"],"properties":{"root":{"description":"Name of the root agent.","type":"string"},"calls":{"description":"Model calls replayed.","type":"integer","minimum":0},"calls_per_run":{"description":"Weighted mean calls per run.","type":"number","minimum":0},"agents":{"description":"Each agent of the run.","type":"array","items":{"type":"object","additionalProperties":false,"required":["name","root","model","inherits_model","max_turns","instructions_tokens","tool_tokens","estimated_tool_tokens","tools_without_schema","calls_per_run","turn_cap_share"],"properties":{"name":{"description":"Agent name.","type":"string"},"root":{"description":"The root agent.","type":"boolean"},"model":{"description":"Canonical model id.","type":"string"},"inherits_model":{"description":"Model inherited from the parent.","type":"boolean"},"max_turns":{"description":"Loop limit, null when unset.","type":["integer","null"]},"instructions_tokens":{"description":"Tokens of the instructions.","type":"number","minimum":0},"tool_tokens":{"description":"Tokens of tool definitions per call.","type":"number","minimum":0},"estimated_tool_tokens":{"description":"Part of tool_tokens estimated for tools without a schema.","type":"number","minimum":0},"tools_without_schema":{"description":"Tools counted as an estimate.","type":"array","items":{"type":"string"}},"calls_per_run":{"description":"Weighted mean calls of this agent per run.","type":"number","minimum":0},"turn_cap_share":{"description":"Share of runs whose calls of this agent reached max_turns.","type":["number","null"]}}}},"truncated_share":{"description":"Share of runs cut by a lower max_turns.","type":["number","null"]},"dropped_calls":{"description":"Calls dropped by a lower max_turns.","type":"integer","minimum":0},"turn_cap_increases":{"description":"Raised loop limits over runs that reached the old one (rule unbounded_increase).","type":"array","items":{"type":"object","additionalProperties":false,"required":["agent","base_max_turns","head_max_turns","cap_share","extra_calls_per_run","upper_bound_per_request","upper_bound_monthly"],"properties":{"agent":{"description":"Agent name.","type":"string"},"base_max_turns":{"description":"Limit at base.","type":"integer"},"head_max_turns":{"description":"Limit at head; null when removed.","type":["integer","null"]},"cap_share":{"description":"Share of runs at the old limit.","type":"number","minimum":0,"maximum":1},"extra_calls_per_run":{"description":"Extra calls per run at the new limit.","type":["number","null"]},"upper_bound_per_request":{"description":"USD per run if capped runs go to the new limit.","type":["number","null"]},"upper_bound_monthly":{"description":"USD per month if capped runs go to the new limit.","type":["number","null"]}}}},"static_turns":{"description":"How a static run was modelled; null with traces.","oneOf":[{"type":"object","additionalProperties":false,"required":["turns","turns_from","output_tokens","output_from"],"properties":{"turns":{"description":"Turns per run.","type":"number"},"turns_from":{"description":"Where the turns come from.","enum":["typical_turns","max_turns"]},"output_tokens":{"description":"Output tokens per turn.","type":"number"},"output_from":{"description":"Where the output comes from.","enum":["typical_output_tokens","max_tokens"]}}},{"type":"null"}]}}},"side":{"description":"A feature at one revision.","type":"object","additionalProperties":false,"required":["models","requests_per_month","volume_source","samples","effective_samples","traffic","source","tokenizer","exact","band","per_request","input_tokens","output_tokens","monthly","monthly_band","calibration","reconciliation","max_output_tokens","output_cap_share","upper_bound","insufficient_samples","agent"],"properties":{"models":{"description":"Canonical model ids the feature calls.","type":"array","items":{"type":"string"}},"requests_per_month":{"description":"Requests (agent runs) per month.","type":"number","minimum":0},"volume_source":{"description":"Volume from .aicost.yml or derived from the samples\' window.","enum":["config","traffic"]},"samples":{"description":"Samples replayed (0 for a static estimate).","$ref":"#/definitions/count"},"effective_samples":{"description":"Kish effective sample size of the weighted samples.","type":"number","minimum":0},"traffic":{"description":"The samples\' source; null for a static estimate.","oneOf":[{"type":"object","additionalProperties":false,"required":["paths","sha256","window_days","age_days","lines","bad_lines","sampled"],"properties":{"paths":{"type":"array","items":{"type":"string"}},"sha256":{"description":"Hash of the sample set.","type":"string"},"window_days":{"description":"Days the samples span; null without timestamps.","type":["number","null"],"minimum":0},"age_days":{"description":"Days since the newest sample; null without timestamps.","type":["number","null"]},"lines":{"description":"Lines read.","$ref":"#/definitions/count"},"bad_lines":{"description":"Lines skipped as malformed.","$ref":"#/definitions/count"},"sampled":{"description":"True when the source was larger than replay.max_samples and was sampled.","type":"boolean"}}},{"type":"null"}]},"source":{"description":"Shares (by weight) of the input figure\'s origin.","type":"object","additionalProperties":false,"required":["usage","replay","static"],"properties":{"usage":{"$ref":"#/definitions/share"},"replay":{"$ref":"#/definitions/share"},"static":{"$ref":"#/definitions/share"}}},"tokenizer":{"description":"The exact tokenizer (o200k_base, cl100k_base, llama3, gemma3), or for an estimate: estimate (<encoding> ×<factor per content kind>; band ×<lo>–<hi>; basis: <where the numbers come from>).","type":"string"},"exact":{"description":"Token counts are the model\'s own.","type":"boolean"},"band":{"description":"Relative band of estimated counts, e.g. [0.9, 1.25]; null when exact.","$ref":"#/definitions/intervalOrNull"},"per_request":{"type":"object","additionalProperties":false,"required":["mean","p50","p95"],"properties":{"mean":{"$ref":"#/definitions/money"},"p50":{"$ref":"#/definitions/money"},"p95":{"$ref":"#/definitions/money"}}},"input_tokens":{"$ref":"#/definitions/meanTokens"},"output_tokens":{"$ref":"#/definitions/meanTokens"},"monthly":{"description":"USD per month.","$ref":"#/definitions/money"},"monthly_band":{"description":"Monthly cost at the ends of the tokenizer band; null when exact.","$ref":"#/definitions/intervalOrNull"},"calibration":{"description":"Recorded ÷ counted input tokens over the samples that have both.","oneOf":[{"type":"object","additionalProperties":false,"required":["ratio","samples"],"properties":{"ratio":{"type":"number","minimum":0},"samples":{"$ref":"#/definitions/count"}}},{"type":"null"}]},"reconciliation":{"description":"Replayed vs recorded vs source-reported cost per request.","oneOf":[{"type":"object","additionalProperties":false,"required":["samples","replayed","recorded","reported"],"properties":{"samples":{"$ref":"#/definitions/count"},"replayed":{"type":["number","null"],"minimum":0},"recorded":{"$ref":"#/definitions/money"},"reported":{"type":["number","null"],"minimum":0}}},{"type":"null"}]},"max_output_tokens":{"type":["integer","null"],"minimum":0},"output_cap_share":{"description":"Share of samples whose output hit max_output_tokens.","type":["number","null"],"minimum":0,"maximum":1},"upper_bound":{"description":"The figure is an upper bound (max output tokens taken as the output).","type":"boolean"},"insufficient_samples":{"description":"Fewer than ~30 effective samples.","type":"boolean"},"agent":{"description":"Agent features: the run as a chain of calls; null for prompt features.","oneOf":[{"$ref":"#/definitions/agentSide"},{"type":"null"}]},"per_user":{"description":"Cost per active user per month, when the samples carry user ids: users seen in the samples, and the mean and p95 across them of each user\'s share of the monthly cost.","type":"object","additionalProperties":false,"required":["users","mean","p95"],"properties":{"users":{"$ref":"#/definitions/count"},"mean":{"$ref":"#/definitions/money"},"p95":{"$ref":"#/definitions/money"}}},"prices":{"description":"Where the price of each model comes from, in the order of models (absent in reports of aicost before it was added).","type":"array","items":{"$ref":"#/definitions/priceSource"}}}},"priceSource":{"description":"The source of one model\'s price: a pinned catalog (primary, or the fallback for ids the primary does not know) or pricing: in the base config.","type":"object","additionalProperties":false,"required":["model","kind","source","version","entry","time_of_day"],"properties":{"model":{"description":"Canonical model id.","type":"string"},"kind":{"description":"catalog: the primary catalog; fallback: the second catalog (the primary does not know the id); pricing: the config\'s pricing:.","enum":["catalog","fallback","pricing"]},"source":{"description":"Catalog package, or pricing: with the config file.","type":"string"},"version":{"description":"Catalog version; null for pricing:.","type":["string","null"]},"entry":{"description":"The entry priced: provider:model in a catalog, the pricing: key.","type":"string"},"time_of_day":{"description":"The price varies by UTC time of day: its windows, the day-weighted mean, and how the samples met it; null when the price is the same all day.","oneOf":[{"type":"object","additionalProperties":false,"required":["basis","windows","mean"],"properties":{"basis":{"description":"sample time: each sample at its own ts; day-weighted mean: no sample time (or a static estimate); mixed: both.","enum":["sample time","day-weighted mean","mixed"]},"windows":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["window","input","output"],"properties":{"window":{"description":"e.g. 00:30–16:30 UTC.","type":"string"},"input":{"description":"USD per 1M input tokens (standard tier).","type":"number","minimum":0},"output":{"description":"USD per 1M output tokens (standard tier).","type":"number","minimum":0}}}},"mean":{"type":"object","additionalProperties":false,"required":["input","output"],"properties":{"input":{"type":"number","minimum":0},"output":{"type":"number","minimum":0}}}}},{"type":"null"}]}}},"sideOrNull":{"oneOf":[{"$ref":"#/definitions/side"},{"type":"null"}]},"meanTokens":{"type":"object","additionalProperties":false,"required":["mean"],"properties":{"mean":{"type":"number","minimum":0}}},"change":{"description":"One semantic change of a feature.","type":"object","additionalProperties":false,"required":["kind","file","line","summary","monthly_effect"],"properties":{"kind":{"enum":["model","prompt","params","tools","agent","traffic","config","reasoning"]},"file":{"description":"Path from the repository root.","type":"string"},"line":{"$ref":"#/definitions/line"},"summary":{"description":"One line for people.","type":"string"},"monthly_effect":{"description":"USD per month attributed to this change.","type":"number"}}},"feature":{"type":"object","additionalProperties":false,"required":["id","team","status","declared_in_pr","base","head","delta","changes","notes"],"properties":{"id":{"$ref":"#/definitions/featureId"},"team":{"type":"string"},"status":{"enum":["changed","unchanged","added","removed","unpriced"]},"declared_in_pr":{"description":"The feature\'s entry comes from the PR\'s config (added by the PR, or adoption).","type":"boolean"},"base":{"description":"null for an added feature.","$ref":"#/definitions/sideOrNull"},"head":{"description":"null for a removed feature.","$ref":"#/definitions/sideOrNull"},"delta":{"type":"object","additionalProperties":false,"required":["per_request","monthly","monthly_percent","monthly_ci95"],"properties":{"per_request":{"type":"object","additionalProperties":false,"required":["mean","p95"],"properties":{"mean":{"type":"number"},"p95":{"type":"number"}}},"monthly":{"type":"number"},"monthly_percent":{"$ref":"#/definitions/percentOrNull"},"monthly_ci95":{"$ref":"#/definitions/intervalOrNull"}}},"changes":{"type":"array","items":{"$ref":"#/definitions/change"}},"notes":{"description":"Why a feature is unpriced, or other remarks.","type":"array","items":{"type":"string"}},"renamed_from":{"description":"The base feature this one continues under a new id (its artifact moved, or the base entry renamed): priced with the base entry\'s team, volume and traffic.","$ref":"#/definitions/featureId"},"copied_from":{"description":"The base feature whose artifact this added feature copies: priced with that base entry\'s team, volume and traffic, not the PR\'s.","$ref":"#/definitions/featureId"},"volume_declared_in_pr":{"description":"Added by the PR with a volume (requests per month, or the samples it is derived from) that only the PR declares.","type":"boolean"},"artifact":{"description":"An added feature\'s prompt or agent file at head.","type":"string"},"suggestions":{"description":"The savings advisor\'s suggestions for this feature (model routing, caching, batch tier, output cap), computed from the base revision\'s prompt, samples and config; never part of the verdict. Absent when the advisor did not run.","type":"array","items":{"$ref":"#/definitions/suggestion"}},"priced_by_pr":{"description":"Models of a side that only a price or alias declared in the PR\'s config can price (\\"priced by this PR\\"); for a feature that exists at base, rule pr_declared_price.","type":"array","items":{"type":"object","additionalProperties":false,"required":["side","model","file","line","declared"],"properties":{"side":{"enum":["base","head"]},"model":{"description":"The model id as written.","type":"string"},"file":{"description":"Where the model is written; null for the feature\'s model: in .aicost.yml.","type":["string","null"]},"line":{"$ref":"#/definitions/line"},"declared":{"description":"The PR\'s pricing.<id> and models.<alias> entries the figure rests on, with their values.","type":"array","items":{"type":"object","additionalProperties":false,"required":["key","value"],"properties":{"key":{"type":"string"},"value":{"description":"The declared price (USD per 1M tokens) or alias target."}}}}}}}},"allOf":[{"if":{"type":"object","required":["status"],"properties":{"status":{"const":"added"}}},"then":{"type":"object","properties":{"base":{"type":"null"}}}},{"if":{"type":"object","required":["status"],"properties":{"status":{"const":"removed"}}},"then":{"type":"object","properties":{"head":{"type":"null"}}}}]},"team":{"type":"object","additionalProperties":false,"required":["team","budget","base","head","other_monthly_spend","head_ci95","status","owners"],"properties":{"team":{"type":"string"},"budget":{"description":"Monthly budget in USD; null when none is set.","type":["number","null"],"minimum":0},"base":{"description":"This repository\'s monthly spend of the team at base.","$ref":"#/definitions/money"},"head":{"description":"This repository\'s monthly spend of the team at head.","$ref":"#/definitions/money"},"other_monthly_spend":{"description":"Spend outside this repository counted against the budget.","$ref":"#/definitions/money"},"head_ci95":{"description":"95% interval of head.","$ref":"#/definitions/intervalOrNull"},"status":{"enum":["ok","warn","breach"]},"owners":{"description":"Owners as written in .aicost.yml, e.g. @acme/support-leads.","type":"array","items":{"type":"string"}}}},"violation":{"type":"object","additionalProperties":false,"required":["rule","severity","overridden","team","feature","file","line","message"],"properties":{"rule":{"enum":["budget","budget_warn","max_monthly_increase","max_monthly_increase_percent","max_cost_per_request","allowed_models","unpriced_change","unbounded_increase","base_error","pr_declared_price","require_cheaper_model_review"]},"severity":{"enum":["error","warning"]},"overridden":{"description":"An override label turned this error into a warning.","type":"boolean"},"team":{"type":["string","null"]},"feature":{"oneOf":[{"$ref":"#/definitions/featureId"},{"type":"null"}]},"file":{"type":["string","null"]},"line":{"$ref":"#/definitions/line"},"message":{"type":"string"},"unit":{"description":"Unit of limit and value: USD per month, percent of the base, USD per request.","enum":["usd_month","percent","usd_request"]},"limit":{"description":"The rule\'s limit, in unit.","type":"number"},"value":{"description":"This PR\'s figure compared with the limit, in unit.","type":"number"},"value_ci95":{"description":"95% interval of value, when there is one.","$ref":"#/definitions/intervalOrNull"},"cause":{"description":"The change that caused most of it; summary is \'added\' or \'removed\' for a whole feature.","oneOf":[{"type":"null"},{"type":"object","additionalProperties":false,"required":["feature","summary","monthly_effect","file","line"],"properties":{"feature":{"type":"string"},"summary":{"type":"string"},"monthly_effect":{"type":"number"},"file":{"type":["string","null"]},"line":{"$ref":"#/definitions/line"}}}]}}},"proposedConfig":{"type":"object","additionalProperties":false,"required":["path","base","head","effect"],"properties":{"path":{"description":"Dotted key path, e.g. teams.support.monthly_budget.","type":"string"},"base":{"description":"Value at base (any JSON value; null when absent)."},"head":{"description":"Value at head (any JSON value; null when removed)."},"effect":{"description":"What the change does, e.g. takes effect after merge.","type":"string"}}},"unpricedChange":{"type":"object","additionalProperties":false,"required":["kind","file","line","summary","price_ratio","hint"],"properties":{"kind":{"enum":["prompt-file","agent-file","model-config","env","code"]},"file":{"type":"string"},"line":{"$ref":"#/definitions/line"},"summary":{"type":"string"},"price_ratio":{"description":"New ÷ old input price of a model swap, when both are priced.","type":["number","null"],"minimum":0},"hint":{"description":"The .aicost.yml entry that would cover the change.","type":"string"}}}}}');
;// CONCATENATED MODULE: ./src/generated/report-validator.ts
/* eslint-disable */
// @ts-nocheck
// Generated by scripts/generate.mjs from schema/report.schema.json with ajv {"allErrors":true,"strict":true,"logger":false}. Do not edit:
// run `node scripts/generate.mjs` after changing the schema.

function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++;
        }
    }
    return length;
}
const validate = validate10;
/* harmony default export */ const report_validator = ((/* unused pure expression or super */ null && (validate10)));
const schema11 = report_schema_namespaceObject;
const schema12 = report_schema_namespaceObject.definitions.revision;
const schema14 = report_schema_namespaceObject.definitions.date;
const schema15 = report_schema_namespaceObject.definitions.money;
const schema17 = report_schema_namespaceObject.definitions.percentOrNull;
const schema68 = report_schema_namespaceObject.definitions.proposedConfig;
const func2 = Object.prototype.hasOwnProperty;
const func3 = ucs2length;
const pattern0 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");
const pattern1 = new RegExp("^(\\d{4}-\\d{2}-\\d{2})?$", "u");
const schema18 = report_schema_namespaceObject.definitions.intervalOrNull;
const schema19 = report_schema_namespaceObject.definitions.interval;
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; const _errs0 = errors; let valid0 = false; let passing0 = null; const _errs1 = errors; if (Array.isArray(data)) {
    if (data.length > 2) {
        const err0 = { instancePath, schemaPath: "#/definitions/interval/maxItems", keyword: "maxItems", params: { limit: 2 }, message: "must NOT have more than 2 items" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.length < 2) {
        const err1 = { instancePath, schemaPath: "#/definitions/interval/minItems", keyword: "minItems", params: { limit: 2 }, message: "must NOT have fewer than 2 items" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    const len0 = data.length;
    if (!(len0 <= 2)) {
        const err2 = { instancePath, schemaPath: "#/definitions/interval/additionalItems", keyword: "additionalItems", params: { limit: 2 }, message: "must NOT have more than 2 items" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    const len1 = data.length;
    if (len1 > 0) {
        let data0 = data[0];
        if (!((typeof data0 == "number") && (isFinite(data0)))) {
            const err3 = { instancePath: instancePath + "/0", schemaPath: "#/definitions/interval/items/0/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
    }
    if (len1 > 1) {
        let data1 = data[1];
        if (!((typeof data1 == "number") && (isFinite(data1)))) {
            const err4 = { instancePath: instancePath + "/1", schemaPath: "#/definitions/interval/items/1/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
                vErrors = [err4];
            }
            else {
                vErrors.push(err4);
            }
            errors++;
        }
    }
}
else {
    const err5 = { instancePath, schemaPath: "#/definitions/interval/type", keyword: "type", params: { type: "array" }, message: "must be array" };
    if (vErrors === null) {
        vErrors = [err5];
    }
    else {
        vErrors.push(err5);
    }
    errors++;
} var _valid0 = _errs1 === errors; if (_valid0) {
    valid0 = true;
    passing0 = 0;
} const _errs8 = errors; if (data !== null) {
    const err6 = { instancePath, schemaPath: "#/oneOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
    if (vErrors === null) {
        vErrors = [err6];
    }
    else {
        vErrors.push(err6);
    }
    errors++;
} var _valid0 = _errs8 === errors; if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
}
else {
    if (_valid0) {
        valid0 = true;
        passing0 = 1;
    }
} if (!valid0) {
    const err7 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
    if (vErrors === null) {
        vErrors = [err7];
    }
    else {
        vErrors.push(err7);
    }
    errors++;
}
else {
    errors = _errs0;
    if (vErrors !== null) {
        if (_errs0) {
            vErrors.length = _errs0;
        }
        else {
            vErrors = null;
        }
    }
} validate11.errors = vErrors; return errors === 0; }
const schema20 = report_schema_namespaceObject.definitions.feature;
const schema21 = report_schema_namespaceObject.definitions.featureId;
const schema46 = report_schema_namespaceObject.definitions.line;
const pattern2 = new RegExp("^[a-z0-9][a-z0-9._-]*$", "u");
const schema22 = report_schema_namespaceObject.definitions.sideOrNull;
const schema23 = report_schema_namespaceObject.definitions.side;
const schema24 = report_schema_namespaceObject.definitions.count;
const schema27 = report_schema_namespaceObject.definitions.share;
const schema33 = report_schema_namespaceObject.definitions.meanTokens;
const schema39 = report_schema_namespaceObject.definitions.agentSide;
const schema43 = report_schema_namespaceObject.definitions.priceSource;
function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.models === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "models" }, message: "must have required property '" + "models" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.requests_per_month === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "requests_per_month" }, message: "must have required property '" + "requests_per_month" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.volume_source === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "volume_source" }, message: "must have required property '" + "volume_source" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.samples === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "samples" }, message: "must have required property '" + "samples" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.effective_samples === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "effective_samples" }, message: "must have required property '" + "effective_samples" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    if (data.traffic === undefined) {
        const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "traffic" }, message: "must have required property '" + "traffic" + "'" };
        if (vErrors === null) {
            vErrors = [err5];
        }
        else {
            vErrors.push(err5);
        }
        errors++;
    }
    if (data.source === undefined) {
        const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "source" }, message: "must have required property '" + "source" + "'" };
        if (vErrors === null) {
            vErrors = [err6];
        }
        else {
            vErrors.push(err6);
        }
        errors++;
    }
    if (data.tokenizer === undefined) {
        const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tokenizer" }, message: "must have required property '" + "tokenizer" + "'" };
        if (vErrors === null) {
            vErrors = [err7];
        }
        else {
            vErrors.push(err7);
        }
        errors++;
    }
    if (data.exact === undefined) {
        const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "exact" }, message: "must have required property '" + "exact" + "'" };
        if (vErrors === null) {
            vErrors = [err8];
        }
        else {
            vErrors.push(err8);
        }
        errors++;
    }
    if (data.band === undefined) {
        const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "band" }, message: "must have required property '" + "band" + "'" };
        if (vErrors === null) {
            vErrors = [err9];
        }
        else {
            vErrors.push(err9);
        }
        errors++;
    }
    if (data.per_request === undefined) {
        const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "per_request" }, message: "must have required property '" + "per_request" + "'" };
        if (vErrors === null) {
            vErrors = [err10];
        }
        else {
            vErrors.push(err10);
        }
        errors++;
    }
    if (data.input_tokens === undefined) {
        const err11 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "input_tokens" }, message: "must have required property '" + "input_tokens" + "'" };
        if (vErrors === null) {
            vErrors = [err11];
        }
        else {
            vErrors.push(err11);
        }
        errors++;
    }
    if (data.output_tokens === undefined) {
        const err12 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "output_tokens" }, message: "must have required property '" + "output_tokens" + "'" };
        if (vErrors === null) {
            vErrors = [err12];
        }
        else {
            vErrors.push(err12);
        }
        errors++;
    }
    if (data.monthly === undefined) {
        const err13 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "monthly" }, message: "must have required property '" + "monthly" + "'" };
        if (vErrors === null) {
            vErrors = [err13];
        }
        else {
            vErrors.push(err13);
        }
        errors++;
    }
    if (data.monthly_band === undefined) {
        const err14 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "monthly_band" }, message: "must have required property '" + "monthly_band" + "'" };
        if (vErrors === null) {
            vErrors = [err14];
        }
        else {
            vErrors.push(err14);
        }
        errors++;
    }
    if (data.calibration === undefined) {
        const err15 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "calibration" }, message: "must have required property '" + "calibration" + "'" };
        if (vErrors === null) {
            vErrors = [err15];
        }
        else {
            vErrors.push(err15);
        }
        errors++;
    }
    if (data.reconciliation === undefined) {
        const err16 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reconciliation" }, message: "must have required property '" + "reconciliation" + "'" };
        if (vErrors === null) {
            vErrors = [err16];
        }
        else {
            vErrors.push(err16);
        }
        errors++;
    }
    if (data.max_output_tokens === undefined) {
        const err17 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "max_output_tokens" }, message: "must have required property '" + "max_output_tokens" + "'" };
        if (vErrors === null) {
            vErrors = [err17];
        }
        else {
            vErrors.push(err17);
        }
        errors++;
    }
    if (data.output_cap_share === undefined) {
        const err18 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "output_cap_share" }, message: "must have required property '" + "output_cap_share" + "'" };
        if (vErrors === null) {
            vErrors = [err18];
        }
        else {
            vErrors.push(err18);
        }
        errors++;
    }
    if (data.upper_bound === undefined) {
        const err19 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "upper_bound" }, message: "must have required property '" + "upper_bound" + "'" };
        if (vErrors === null) {
            vErrors = [err19];
        }
        else {
            vErrors.push(err19);
        }
        errors++;
    }
    if (data.insufficient_samples === undefined) {
        const err20 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "insufficient_samples" }, message: "must have required property '" + "insufficient_samples" + "'" };
        if (vErrors === null) {
            vErrors = [err20];
        }
        else {
            vErrors.push(err20);
        }
        errors++;
    }
    if (data.agent === undefined) {
        const err21 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "agent" }, message: "must have required property '" + "agent" + "'" };
        if (vErrors === null) {
            vErrors = [err21];
        }
        else {
            vErrors.push(err21);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema23.properties, key0))) {
            const err22 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err22];
            }
            else {
                vErrors.push(err22);
            }
            errors++;
        }
    }
    if (data.models !== undefined) {
        let data0 = data.models;
        if (Array.isArray(data0)) {
            const len0 = data0.length;
            for (let i0 = 0; i0 < len0; i0++) {
                if (typeof data0[i0] !== "string") {
                    const err23 = { instancePath: instancePath + "/models/" + i0, schemaPath: "#/properties/models/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err23];
                    }
                    else {
                        vErrors.push(err23);
                    }
                    errors++;
                }
            }
        }
        else {
            const err24 = { instancePath: instancePath + "/models", schemaPath: "#/properties/models/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err24];
            }
            else {
                vErrors.push(err24);
            }
            errors++;
        }
    }
    if (data.requests_per_month !== undefined) {
        let data2 = data.requests_per_month;
        if ((typeof data2 == "number") && (isFinite(data2))) {
            if (data2 < 0 || isNaN(data2)) {
                const err25 = { instancePath: instancePath + "/requests_per_month", schemaPath: "#/properties/requests_per_month/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err25];
                }
                else {
                    vErrors.push(err25);
                }
                errors++;
            }
        }
        else {
            const err26 = { instancePath: instancePath + "/requests_per_month", schemaPath: "#/properties/requests_per_month/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
                vErrors = [err26];
            }
            else {
                vErrors.push(err26);
            }
            errors++;
        }
    }
    if (data.volume_source !== undefined) {
        let data3 = data.volume_source;
        if (!((data3 === "config") || (data3 === "traffic"))) {
            const err27 = { instancePath: instancePath + "/volume_source", schemaPath: "#/properties/volume_source/enum", keyword: "enum", params: { allowedValues: schema23.properties.volume_source.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err27];
            }
            else {
                vErrors.push(err27);
            }
            errors++;
        }
    }
    if (data.samples !== undefined) {
        let data4 = data.samples;
        if (!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) {
            const err28 = { instancePath: instancePath + "/samples", schemaPath: "#/definitions/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
                vErrors = [err28];
            }
            else {
                vErrors.push(err28);
            }
            errors++;
        }
        if ((typeof data4 == "number") && (isFinite(data4))) {
            if (data4 < 0 || isNaN(data4)) {
                const err29 = { instancePath: instancePath + "/samples", schemaPath: "#/definitions/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err29];
                }
                else {
                    vErrors.push(err29);
                }
                errors++;
            }
        }
    }
    if (data.effective_samples !== undefined) {
        let data5 = data.effective_samples;
        if ((typeof data5 == "number") && (isFinite(data5))) {
            if (data5 < 0 || isNaN(data5)) {
                const err30 = { instancePath: instancePath + "/effective_samples", schemaPath: "#/properties/effective_samples/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err30];
                }
                else {
                    vErrors.push(err30);
                }
                errors++;
            }
        }
        else {
            const err31 = { instancePath: instancePath + "/effective_samples", schemaPath: "#/properties/effective_samples/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
                vErrors = [err31];
            }
            else {
                vErrors.push(err31);
            }
            errors++;
        }
    }
    if (data.traffic !== undefined) {
        let data6 = data.traffic;
        const _errs15 = errors;
        let valid4 = false;
        let passing0 = null;
        const _errs16 = errors;
        if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            if (data6.paths === undefined) {
                const err32 = { instancePath: instancePath + "/traffic", schemaPath: "#/properties/traffic/oneOf/0/required", keyword: "required", params: { missingProperty: "paths" }, message: "must have required property '" + "paths" + "'" };
                if (vErrors === null) {
                    vErrors = [err32];
                }
                else {
                    vErrors.push(err32);
                }
                errors++;
            }
            if (data6.sha256 === undefined) {
                const err33 = { instancePath: instancePath + "/traffic", schemaPath: "#/properties/traffic/oneOf/0/required", keyword: "required", params: { missingProperty: "sha256" }, message: "must have required property '" + "sha256" + "'" };
                if (vErrors === null) {
                    vErrors = [err33];
                }
                else {
                    vErrors.push(err33);
                }
                errors++;
            }
            if (data6.window_days === undefined) {
                const err34 = { instancePath: instancePath + "/traffic", schemaPath: "#/properties/traffic/oneOf/0/required", keyword: "required", params: { missingProperty: "window_days" }, message: "must have required property '" + "window_days" + "'" };
                if (vErrors === null) {
                    vErrors = [err34];
                }
                else {
                    vErrors.push(err34);
                }
                errors++;
            }
            if (data6.age_days === undefined) {
                const err35 = { instancePath: instancePath + "/traffic", schemaPath: "#/properties/traffic/oneOf/0/required", keyword: "required", params: { missingProperty: "age_days" }, message: "must have required property '" + "age_days" + "'" };
                if (vErrors === null) {
                    vErrors = [err35];
                }
                else {
                    vErrors.push(err35);
                }
                errors++;
            }
            if (data6.lines === undefined) {
                const err36 = { instancePath: instancePath + "/traffic", schemaPath: "#/properties/traffic/oneOf/0/required", keyword: "required", params: { missingProperty: "lines" }, message: "must have required property '" + "lines" + "'" };
                if (vErrors === null) {
                    vErrors = [err36];
                }
                else {
                    vErrors.push(err36);
                }
                errors++;
            }
            if (data6.bad_lines === undefined) {
                const err37 = { instancePath: instancePath + "/traffic", schemaPath: "#/properties/traffic/oneOf/0/required", keyword: "required", params: { missingProperty: "bad_lines" }, message: "must have required property '" + "bad_lines" + "'" };
                if (vErrors === null) {
                    vErrors = [err37];
                }
                else {
                    vErrors.push(err37);
                }
                errors++;
            }
            if (data6.sampled === undefined) {
                const err38 = { instancePath: instancePath + "/traffic", schemaPath: "#/properties/traffic/oneOf/0/required", keyword: "required", params: { missingProperty: "sampled" }, message: "must have required property '" + "sampled" + "'" };
                if (vErrors === null) {
                    vErrors = [err38];
                }
                else {
                    vErrors.push(err38);
                }
                errors++;
            }
            for (const key1 in data6) {
                if (!(((((((key1 === "paths") || (key1 === "sha256")) || (key1 === "window_days")) || (key1 === "age_days")) || (key1 === "lines")) || (key1 === "bad_lines")) || (key1 === "sampled"))) {
                    const err39 = { instancePath: instancePath + "/traffic", schemaPath: "#/properties/traffic/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err39];
                    }
                    else {
                        vErrors.push(err39);
                    }
                    errors++;
                }
            }
            if (data6.paths !== undefined) {
                let data7 = data6.paths;
                if (Array.isArray(data7)) {
                    const len1 = data7.length;
                    for (let i1 = 0; i1 < len1; i1++) {
                        if (typeof data7[i1] !== "string") {
                            const err40 = { instancePath: instancePath + "/traffic/paths/" + i1, schemaPath: "#/properties/traffic/oneOf/0/properties/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err40];
                            }
                            else {
                                vErrors.push(err40);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err41 = { instancePath: instancePath + "/traffic/paths", schemaPath: "#/properties/traffic/oneOf/0/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err41];
                    }
                    else {
                        vErrors.push(err41);
                    }
                    errors++;
                }
            }
            if (data6.sha256 !== undefined) {
                if (typeof data6.sha256 !== "string") {
                    const err42 = { instancePath: instancePath + "/traffic/sha256", schemaPath: "#/properties/traffic/oneOf/0/properties/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err42];
                    }
                    else {
                        vErrors.push(err42);
                    }
                    errors++;
                }
            }
            if (data6.window_days !== undefined) {
                let data10 = data6.window_days;
                if ((!((typeof data10 == "number") && (isFinite(data10)))) && (data10 !== null)) {
                    const err43 = { instancePath: instancePath + "/traffic/window_days", schemaPath: "#/properties/traffic/oneOf/0/properties/window_days/type", keyword: "type", params: { type: schema23.properties.traffic.oneOf[0].properties.window_days.type }, message: "must be number,null" };
                    if (vErrors === null) {
                        vErrors = [err43];
                    }
                    else {
                        vErrors.push(err43);
                    }
                    errors++;
                }
                if ((typeof data10 == "number") && (isFinite(data10))) {
                    if (data10 < 0 || isNaN(data10)) {
                        const err44 = { instancePath: instancePath + "/traffic/window_days", schemaPath: "#/properties/traffic/oneOf/0/properties/window_days/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err44];
                        }
                        else {
                            vErrors.push(err44);
                        }
                        errors++;
                    }
                }
            }
            if (data6.age_days !== undefined) {
                let data11 = data6.age_days;
                if ((!((typeof data11 == "number") && (isFinite(data11)))) && (data11 !== null)) {
                    const err45 = { instancePath: instancePath + "/traffic/age_days", schemaPath: "#/properties/traffic/oneOf/0/properties/age_days/type", keyword: "type", params: { type: schema23.properties.traffic.oneOf[0].properties.age_days.type }, message: "must be number,null" };
                    if (vErrors === null) {
                        vErrors = [err45];
                    }
                    else {
                        vErrors.push(err45);
                    }
                    errors++;
                }
            }
            if (data6.lines !== undefined) {
                let data12 = data6.lines;
                if (!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))) {
                    const err46 = { instancePath: instancePath + "/traffic/lines", schemaPath: "#/definitions/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err46];
                    }
                    else {
                        vErrors.push(err46);
                    }
                    errors++;
                }
                if ((typeof data12 == "number") && (isFinite(data12))) {
                    if (data12 < 0 || isNaN(data12)) {
                        const err47 = { instancePath: instancePath + "/traffic/lines", schemaPath: "#/definitions/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err47];
                        }
                        else {
                            vErrors.push(err47);
                        }
                        errors++;
                    }
                }
            }
            if (data6.bad_lines !== undefined) {
                let data13 = data6.bad_lines;
                if (!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))) {
                    const err48 = { instancePath: instancePath + "/traffic/bad_lines", schemaPath: "#/definitions/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err48];
                    }
                    else {
                        vErrors.push(err48);
                    }
                    errors++;
                }
                if ((typeof data13 == "number") && (isFinite(data13))) {
                    if (data13 < 0 || isNaN(data13)) {
                        const err49 = { instancePath: instancePath + "/traffic/bad_lines", schemaPath: "#/definitions/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err49];
                        }
                        else {
                            vErrors.push(err49);
                        }
                        errors++;
                    }
                }
            }
            if (data6.sampled !== undefined) {
                if (typeof data6.sampled !== "boolean") {
                    const err50 = { instancePath: instancePath + "/traffic/sampled", schemaPath: "#/properties/traffic/oneOf/0/properties/sampled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                        vErrors = [err50];
                    }
                    else {
                        vErrors.push(err50);
                    }
                    errors++;
                }
            }
        }
        else {
            const err51 = { instancePath: instancePath + "/traffic", schemaPath: "#/properties/traffic/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err51];
            }
            else {
                vErrors.push(err51);
            }
            errors++;
        }
        var _valid0 = _errs16 === errors;
        if (_valid0) {
            valid4 = true;
            passing0 = 0;
        }
        const _errs37 = errors;
        if (data6 !== null) {
            const err52 = { instancePath: instancePath + "/traffic", schemaPath: "#/properties/traffic/oneOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
            if (vErrors === null) {
                vErrors = [err52];
            }
            else {
                vErrors.push(err52);
            }
            errors++;
        }
        var _valid0 = _errs37 === errors;
        if (_valid0 && valid4) {
            valid4 = false;
            passing0 = [passing0, 1];
        }
        else {
            if (_valid0) {
                valid4 = true;
                passing0 = 1;
            }
        }
        if (!valid4) {
            const err53 = { instancePath: instancePath + "/traffic", schemaPath: "#/properties/traffic/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
                vErrors = [err53];
            }
            else {
                vErrors.push(err53);
            }
            errors++;
        }
        else {
            errors = _errs15;
            if (vErrors !== null) {
                if (_errs15) {
                    vErrors.length = _errs15;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
    if (data.source !== undefined) {
        let data15 = data.source;
        if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
            if (data15.usage === undefined) {
                const err54 = { instancePath: instancePath + "/source", schemaPath: "#/properties/source/required", keyword: "required", params: { missingProperty: "usage" }, message: "must have required property '" + "usage" + "'" };
                if (vErrors === null) {
                    vErrors = [err54];
                }
                else {
                    vErrors.push(err54);
                }
                errors++;
            }
            if (data15.replay === undefined) {
                const err55 = { instancePath: instancePath + "/source", schemaPath: "#/properties/source/required", keyword: "required", params: { missingProperty: "replay" }, message: "must have required property '" + "replay" + "'" };
                if (vErrors === null) {
                    vErrors = [err55];
                }
                else {
                    vErrors.push(err55);
                }
                errors++;
            }
            if (data15.static === undefined) {
                const err56 = { instancePath: instancePath + "/source", schemaPath: "#/properties/source/required", keyword: "required", params: { missingProperty: "static" }, message: "must have required property '" + "static" + "'" };
                if (vErrors === null) {
                    vErrors = [err56];
                }
                else {
                    vErrors.push(err56);
                }
                errors++;
            }
            for (const key2 in data15) {
                if (!(((key2 === "usage") || (key2 === "replay")) || (key2 === "static"))) {
                    const err57 = { instancePath: instancePath + "/source", schemaPath: "#/properties/source/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err57];
                    }
                    else {
                        vErrors.push(err57);
                    }
                    errors++;
                }
            }
            if (data15.usage !== undefined) {
                let data16 = data15.usage;
                if ((typeof data16 == "number") && (isFinite(data16))) {
                    if (data16 > 1 || isNaN(data16)) {
                        const err58 = { instancePath: instancePath + "/source/usage", schemaPath: "#/definitions/share/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1" };
                        if (vErrors === null) {
                            vErrors = [err58];
                        }
                        else {
                            vErrors.push(err58);
                        }
                        errors++;
                    }
                    if (data16 < 0 || isNaN(data16)) {
                        const err59 = { instancePath: instancePath + "/source/usage", schemaPath: "#/definitions/share/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err59];
                        }
                        else {
                            vErrors.push(err59);
                        }
                        errors++;
                    }
                }
                else {
                    const err60 = { instancePath: instancePath + "/source/usage", schemaPath: "#/definitions/share/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err60];
                    }
                    else {
                        vErrors.push(err60);
                    }
                    errors++;
                }
            }
            if (data15.replay !== undefined) {
                let data17 = data15.replay;
                if ((typeof data17 == "number") && (isFinite(data17))) {
                    if (data17 > 1 || isNaN(data17)) {
                        const err61 = { instancePath: instancePath + "/source/replay", schemaPath: "#/definitions/share/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1" };
                        if (vErrors === null) {
                            vErrors = [err61];
                        }
                        else {
                            vErrors.push(err61);
                        }
                        errors++;
                    }
                    if (data17 < 0 || isNaN(data17)) {
                        const err62 = { instancePath: instancePath + "/source/replay", schemaPath: "#/definitions/share/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err62];
                        }
                        else {
                            vErrors.push(err62);
                        }
                        errors++;
                    }
                }
                else {
                    const err63 = { instancePath: instancePath + "/source/replay", schemaPath: "#/definitions/share/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err63];
                    }
                    else {
                        vErrors.push(err63);
                    }
                    errors++;
                }
            }
            if (data15.static !== undefined) {
                let data18 = data15.static;
                if ((typeof data18 == "number") && (isFinite(data18))) {
                    if (data18 > 1 || isNaN(data18)) {
                        const err64 = { instancePath: instancePath + "/source/static", schemaPath: "#/definitions/share/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1" };
                        if (vErrors === null) {
                            vErrors = [err64];
                        }
                        else {
                            vErrors.push(err64);
                        }
                        errors++;
                    }
                    if (data18 < 0 || isNaN(data18)) {
                        const err65 = { instancePath: instancePath + "/source/static", schemaPath: "#/definitions/share/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err65];
                        }
                        else {
                            vErrors.push(err65);
                        }
                        errors++;
                    }
                }
                else {
                    const err66 = { instancePath: instancePath + "/source/static", schemaPath: "#/definitions/share/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err66];
                    }
                    else {
                        vErrors.push(err66);
                    }
                    errors++;
                }
            }
        }
        else {
            const err67 = { instancePath: instancePath + "/source", schemaPath: "#/properties/source/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err67];
            }
            else {
                vErrors.push(err67);
            }
            errors++;
        }
    }
    if (data.tokenizer !== undefined) {
        if (typeof data.tokenizer !== "string") {
            const err68 = { instancePath: instancePath + "/tokenizer", schemaPath: "#/properties/tokenizer/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err68];
            }
            else {
                vErrors.push(err68);
            }
            errors++;
        }
    }
    if (data.exact !== undefined) {
        if (typeof data.exact !== "boolean") {
            const err69 = { instancePath: instancePath + "/exact", schemaPath: "#/properties/exact/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err69];
            }
            else {
                vErrors.push(err69);
            }
            errors++;
        }
    }
    if (data.band !== undefined) {
        if (!(validate11(data.band, { instancePath: instancePath + "/band", parentData: data, parentDataProperty: "band", rootData }))) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
        }
    }
    if (data.per_request !== undefined) {
        let data22 = data.per_request;
        if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
            if (data22.mean === undefined) {
                const err70 = { instancePath: instancePath + "/per_request", schemaPath: "#/properties/per_request/required", keyword: "required", params: { missingProperty: "mean" }, message: "must have required property '" + "mean" + "'" };
                if (vErrors === null) {
                    vErrors = [err70];
                }
                else {
                    vErrors.push(err70);
                }
                errors++;
            }
            if (data22.p50 === undefined) {
                const err71 = { instancePath: instancePath + "/per_request", schemaPath: "#/properties/per_request/required", keyword: "required", params: { missingProperty: "p50" }, message: "must have required property '" + "p50" + "'" };
                if (vErrors === null) {
                    vErrors = [err71];
                }
                else {
                    vErrors.push(err71);
                }
                errors++;
            }
            if (data22.p95 === undefined) {
                const err72 = { instancePath: instancePath + "/per_request", schemaPath: "#/properties/per_request/required", keyword: "required", params: { missingProperty: "p95" }, message: "must have required property '" + "p95" + "'" };
                if (vErrors === null) {
                    vErrors = [err72];
                }
                else {
                    vErrors.push(err72);
                }
                errors++;
            }
            for (const key3 in data22) {
                if (!(((key3 === "mean") || (key3 === "p50")) || (key3 === "p95"))) {
                    const err73 = { instancePath: instancePath + "/per_request", schemaPath: "#/properties/per_request/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err73];
                    }
                    else {
                        vErrors.push(err73);
                    }
                    errors++;
                }
            }
            if (data22.mean !== undefined) {
                let data23 = data22.mean;
                if ((typeof data23 == "number") && (isFinite(data23))) {
                    if (data23 < 0 || isNaN(data23)) {
                        const err74 = { instancePath: instancePath + "/per_request/mean", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err74];
                        }
                        else {
                            vErrors.push(err74);
                        }
                        errors++;
                    }
                }
                else {
                    const err75 = { instancePath: instancePath + "/per_request/mean", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err75];
                    }
                    else {
                        vErrors.push(err75);
                    }
                    errors++;
                }
            }
            if (data22.p50 !== undefined) {
                let data24 = data22.p50;
                if ((typeof data24 == "number") && (isFinite(data24))) {
                    if (data24 < 0 || isNaN(data24)) {
                        const err76 = { instancePath: instancePath + "/per_request/p50", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err76];
                        }
                        else {
                            vErrors.push(err76);
                        }
                        errors++;
                    }
                }
                else {
                    const err77 = { instancePath: instancePath + "/per_request/p50", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err77];
                    }
                    else {
                        vErrors.push(err77);
                    }
                    errors++;
                }
            }
            if (data22.p95 !== undefined) {
                let data25 = data22.p95;
                if ((typeof data25 == "number") && (isFinite(data25))) {
                    if (data25 < 0 || isNaN(data25)) {
                        const err78 = { instancePath: instancePath + "/per_request/p95", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err78];
                        }
                        else {
                            vErrors.push(err78);
                        }
                        errors++;
                    }
                }
                else {
                    const err79 = { instancePath: instancePath + "/per_request/p95", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err79];
                    }
                    else {
                        vErrors.push(err79);
                    }
                    errors++;
                }
            }
        }
        else {
            const err80 = { instancePath: instancePath + "/per_request", schemaPath: "#/properties/per_request/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err80];
            }
            else {
                vErrors.push(err80);
            }
            errors++;
        }
    }
    if (data.input_tokens !== undefined) {
        let data26 = data.input_tokens;
        if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
            if (data26.mean === undefined) {
                const err81 = { instancePath: instancePath + "/input_tokens", schemaPath: "#/definitions/meanTokens/required", keyword: "required", params: { missingProperty: "mean" }, message: "must have required property '" + "mean" + "'" };
                if (vErrors === null) {
                    vErrors = [err81];
                }
                else {
                    vErrors.push(err81);
                }
                errors++;
            }
            for (const key4 in data26) {
                if (!(key4 === "mean")) {
                    const err82 = { instancePath: instancePath + "/input_tokens", schemaPath: "#/definitions/meanTokens/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err82];
                    }
                    else {
                        vErrors.push(err82);
                    }
                    errors++;
                }
            }
            if (data26.mean !== undefined) {
                let data27 = data26.mean;
                if ((typeof data27 == "number") && (isFinite(data27))) {
                    if (data27 < 0 || isNaN(data27)) {
                        const err83 = { instancePath: instancePath + "/input_tokens/mean", schemaPath: "#/definitions/meanTokens/properties/mean/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err83];
                        }
                        else {
                            vErrors.push(err83);
                        }
                        errors++;
                    }
                }
                else {
                    const err84 = { instancePath: instancePath + "/input_tokens/mean", schemaPath: "#/definitions/meanTokens/properties/mean/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err84];
                    }
                    else {
                        vErrors.push(err84);
                    }
                    errors++;
                }
            }
        }
        else {
            const err85 = { instancePath: instancePath + "/input_tokens", schemaPath: "#/definitions/meanTokens/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err85];
            }
            else {
                vErrors.push(err85);
            }
            errors++;
        }
    }
    if (data.output_tokens !== undefined) {
        let data28 = data.output_tokens;
        if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
            if (data28.mean === undefined) {
                const err86 = { instancePath: instancePath + "/output_tokens", schemaPath: "#/definitions/meanTokens/required", keyword: "required", params: { missingProperty: "mean" }, message: "must have required property '" + "mean" + "'" };
                if (vErrors === null) {
                    vErrors = [err86];
                }
                else {
                    vErrors.push(err86);
                }
                errors++;
            }
            for (const key5 in data28) {
                if (!(key5 === "mean")) {
                    const err87 = { instancePath: instancePath + "/output_tokens", schemaPath: "#/definitions/meanTokens/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err87];
                    }
                    else {
                        vErrors.push(err87);
                    }
                    errors++;
                }
            }
            if (data28.mean !== undefined) {
                let data29 = data28.mean;
                if ((typeof data29 == "number") && (isFinite(data29))) {
                    if (data29 < 0 || isNaN(data29)) {
                        const err88 = { instancePath: instancePath + "/output_tokens/mean", schemaPath: "#/definitions/meanTokens/properties/mean/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err88];
                        }
                        else {
                            vErrors.push(err88);
                        }
                        errors++;
                    }
                }
                else {
                    const err89 = { instancePath: instancePath + "/output_tokens/mean", schemaPath: "#/definitions/meanTokens/properties/mean/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err89];
                    }
                    else {
                        vErrors.push(err89);
                    }
                    errors++;
                }
            }
        }
        else {
            const err90 = { instancePath: instancePath + "/output_tokens", schemaPath: "#/definitions/meanTokens/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err90];
            }
            else {
                vErrors.push(err90);
            }
            errors++;
        }
    }
    if (data.monthly !== undefined) {
        let data30 = data.monthly;
        if ((typeof data30 == "number") && (isFinite(data30))) {
            if (data30 < 0 || isNaN(data30)) {
                const err91 = { instancePath: instancePath + "/monthly", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err91];
                }
                else {
                    vErrors.push(err91);
                }
                errors++;
            }
        }
        else {
            const err92 = { instancePath: instancePath + "/monthly", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
                vErrors = [err92];
            }
            else {
                vErrors.push(err92);
            }
            errors++;
        }
    }
    if (data.monthly_band !== undefined) {
        if (!(validate11(data.monthly_band, { instancePath: instancePath + "/monthly_band", parentData: data, parentDataProperty: "monthly_band", rootData }))) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
        }
    }
    if (data.calibration !== undefined) {
        let data32 = data.calibration;
        const _errs85 = errors;
        let valid23 = false;
        let passing1 = null;
        const _errs86 = errors;
        if (data32 && typeof data32 == "object" && !Array.isArray(data32)) {
            if (data32.ratio === undefined) {
                const err93 = { instancePath: instancePath + "/calibration", schemaPath: "#/properties/calibration/oneOf/0/required", keyword: "required", params: { missingProperty: "ratio" }, message: "must have required property '" + "ratio" + "'" };
                if (vErrors === null) {
                    vErrors = [err93];
                }
                else {
                    vErrors.push(err93);
                }
                errors++;
            }
            if (data32.samples === undefined) {
                const err94 = { instancePath: instancePath + "/calibration", schemaPath: "#/properties/calibration/oneOf/0/required", keyword: "required", params: { missingProperty: "samples" }, message: "must have required property '" + "samples" + "'" };
                if (vErrors === null) {
                    vErrors = [err94];
                }
                else {
                    vErrors.push(err94);
                }
                errors++;
            }
            for (const key6 in data32) {
                if (!((key6 === "ratio") || (key6 === "samples"))) {
                    const err95 = { instancePath: instancePath + "/calibration", schemaPath: "#/properties/calibration/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err95];
                    }
                    else {
                        vErrors.push(err95);
                    }
                    errors++;
                }
            }
            if (data32.ratio !== undefined) {
                let data33 = data32.ratio;
                if ((typeof data33 == "number") && (isFinite(data33))) {
                    if (data33 < 0 || isNaN(data33)) {
                        const err96 = { instancePath: instancePath + "/calibration/ratio", schemaPath: "#/properties/calibration/oneOf/0/properties/ratio/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err96];
                        }
                        else {
                            vErrors.push(err96);
                        }
                        errors++;
                    }
                }
                else {
                    const err97 = { instancePath: instancePath + "/calibration/ratio", schemaPath: "#/properties/calibration/oneOf/0/properties/ratio/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err97];
                    }
                    else {
                        vErrors.push(err97);
                    }
                    errors++;
                }
            }
            if (data32.samples !== undefined) {
                let data34 = data32.samples;
                if (!(((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34))) && (isFinite(data34)))) {
                    const err98 = { instancePath: instancePath + "/calibration/samples", schemaPath: "#/definitions/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err98];
                    }
                    else {
                        vErrors.push(err98);
                    }
                    errors++;
                }
                if ((typeof data34 == "number") && (isFinite(data34))) {
                    if (data34 < 0 || isNaN(data34)) {
                        const err99 = { instancePath: instancePath + "/calibration/samples", schemaPath: "#/definitions/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err99];
                        }
                        else {
                            vErrors.push(err99);
                        }
                        errors++;
                    }
                }
            }
        }
        else {
            const err100 = { instancePath: instancePath + "/calibration", schemaPath: "#/properties/calibration/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err100];
            }
            else {
                vErrors.push(err100);
            }
            errors++;
        }
        var _valid1 = _errs86 === errors;
        if (_valid1) {
            valid23 = true;
            passing1 = 0;
        }
        const _errs94 = errors;
        if (data32 !== null) {
            const err101 = { instancePath: instancePath + "/calibration", schemaPath: "#/properties/calibration/oneOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
            if (vErrors === null) {
                vErrors = [err101];
            }
            else {
                vErrors.push(err101);
            }
            errors++;
        }
        var _valid1 = _errs94 === errors;
        if (_valid1 && valid23) {
            valid23 = false;
            passing1 = [passing1, 1];
        }
        else {
            if (_valid1) {
                valid23 = true;
                passing1 = 1;
            }
        }
        if (!valid23) {
            const err102 = { instancePath: instancePath + "/calibration", schemaPath: "#/properties/calibration/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
                vErrors = [err102];
            }
            else {
                vErrors.push(err102);
            }
            errors++;
        }
        else {
            errors = _errs85;
            if (vErrors !== null) {
                if (_errs85) {
                    vErrors.length = _errs85;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
    if (data.reconciliation !== undefined) {
        let data35 = data.reconciliation;
        const _errs97 = errors;
        let valid26 = false;
        let passing2 = null;
        const _errs98 = errors;
        if (data35 && typeof data35 == "object" && !Array.isArray(data35)) {
            if (data35.samples === undefined) {
                const err103 = { instancePath: instancePath + "/reconciliation", schemaPath: "#/properties/reconciliation/oneOf/0/required", keyword: "required", params: { missingProperty: "samples" }, message: "must have required property '" + "samples" + "'" };
                if (vErrors === null) {
                    vErrors = [err103];
                }
                else {
                    vErrors.push(err103);
                }
                errors++;
            }
            if (data35.replayed === undefined) {
                const err104 = { instancePath: instancePath + "/reconciliation", schemaPath: "#/properties/reconciliation/oneOf/0/required", keyword: "required", params: { missingProperty: "replayed" }, message: "must have required property '" + "replayed" + "'" };
                if (vErrors === null) {
                    vErrors = [err104];
                }
                else {
                    vErrors.push(err104);
                }
                errors++;
            }
            if (data35.recorded === undefined) {
                const err105 = { instancePath: instancePath + "/reconciliation", schemaPath: "#/properties/reconciliation/oneOf/0/required", keyword: "required", params: { missingProperty: "recorded" }, message: "must have required property '" + "recorded" + "'" };
                if (vErrors === null) {
                    vErrors = [err105];
                }
                else {
                    vErrors.push(err105);
                }
                errors++;
            }
            if (data35.reported === undefined) {
                const err106 = { instancePath: instancePath + "/reconciliation", schemaPath: "#/properties/reconciliation/oneOf/0/required", keyword: "required", params: { missingProperty: "reported" }, message: "must have required property '" + "reported" + "'" };
                if (vErrors === null) {
                    vErrors = [err106];
                }
                else {
                    vErrors.push(err106);
                }
                errors++;
            }
            for (const key7 in data35) {
                if (!((((key7 === "samples") || (key7 === "replayed")) || (key7 === "recorded")) || (key7 === "reported"))) {
                    const err107 = { instancePath: instancePath + "/reconciliation", schemaPath: "#/properties/reconciliation/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err107];
                    }
                    else {
                        vErrors.push(err107);
                    }
                    errors++;
                }
            }
            if (data35.samples !== undefined) {
                let data36 = data35.samples;
                if (!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))) {
                    const err108 = { instancePath: instancePath + "/reconciliation/samples", schemaPath: "#/definitions/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err108];
                    }
                    else {
                        vErrors.push(err108);
                    }
                    errors++;
                }
                if ((typeof data36 == "number") && (isFinite(data36))) {
                    if (data36 < 0 || isNaN(data36)) {
                        const err109 = { instancePath: instancePath + "/reconciliation/samples", schemaPath: "#/definitions/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err109];
                        }
                        else {
                            vErrors.push(err109);
                        }
                        errors++;
                    }
                }
            }
            if (data35.replayed !== undefined) {
                let data37 = data35.replayed;
                if ((!((typeof data37 == "number") && (isFinite(data37)))) && (data37 !== null)) {
                    const err110 = { instancePath: instancePath + "/reconciliation/replayed", schemaPath: "#/properties/reconciliation/oneOf/0/properties/replayed/type", keyword: "type", params: { type: schema23.properties.reconciliation.oneOf[0].properties.replayed.type }, message: "must be number,null" };
                    if (vErrors === null) {
                        vErrors = [err110];
                    }
                    else {
                        vErrors.push(err110);
                    }
                    errors++;
                }
                if ((typeof data37 == "number") && (isFinite(data37))) {
                    if (data37 < 0 || isNaN(data37)) {
                        const err111 = { instancePath: instancePath + "/reconciliation/replayed", schemaPath: "#/properties/reconciliation/oneOf/0/properties/replayed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err111];
                        }
                        else {
                            vErrors.push(err111);
                        }
                        errors++;
                    }
                }
            }
            if (data35.recorded !== undefined) {
                let data38 = data35.recorded;
                if ((typeof data38 == "number") && (isFinite(data38))) {
                    if (data38 < 0 || isNaN(data38)) {
                        const err112 = { instancePath: instancePath + "/reconciliation/recorded", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err112];
                        }
                        else {
                            vErrors.push(err112);
                        }
                        errors++;
                    }
                }
                else {
                    const err113 = { instancePath: instancePath + "/reconciliation/recorded", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err113];
                    }
                    else {
                        vErrors.push(err113);
                    }
                    errors++;
                }
            }
            if (data35.reported !== undefined) {
                let data39 = data35.reported;
                if ((!((typeof data39 == "number") && (isFinite(data39)))) && (data39 !== null)) {
                    const err114 = { instancePath: instancePath + "/reconciliation/reported", schemaPath: "#/properties/reconciliation/oneOf/0/properties/reported/type", keyword: "type", params: { type: schema23.properties.reconciliation.oneOf[0].properties.reported.type }, message: "must be number,null" };
                    if (vErrors === null) {
                        vErrors = [err114];
                    }
                    else {
                        vErrors.push(err114);
                    }
                    errors++;
                }
                if ((typeof data39 == "number") && (isFinite(data39))) {
                    if (data39 < 0 || isNaN(data39)) {
                        const err115 = { instancePath: instancePath + "/reconciliation/reported", schemaPath: "#/properties/reconciliation/oneOf/0/properties/reported/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err115];
                        }
                        else {
                            vErrors.push(err115);
                        }
                        errors++;
                    }
                }
            }
        }
        else {
            const err116 = { instancePath: instancePath + "/reconciliation", schemaPath: "#/properties/reconciliation/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err116];
            }
            else {
                vErrors.push(err116);
            }
            errors++;
        }
        var _valid2 = _errs98 === errors;
        if (_valid2) {
            valid26 = true;
            passing2 = 0;
        }
        const _errs111 = errors;
        if (data35 !== null) {
            const err117 = { instancePath: instancePath + "/reconciliation", schemaPath: "#/properties/reconciliation/oneOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
            if (vErrors === null) {
                vErrors = [err117];
            }
            else {
                vErrors.push(err117);
            }
            errors++;
        }
        var _valid2 = _errs111 === errors;
        if (_valid2 && valid26) {
            valid26 = false;
            passing2 = [passing2, 1];
        }
        else {
            if (_valid2) {
                valid26 = true;
                passing2 = 1;
            }
        }
        if (!valid26) {
            const err118 = { instancePath: instancePath + "/reconciliation", schemaPath: "#/properties/reconciliation/oneOf", keyword: "oneOf", params: { passingSchemas: passing2 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
                vErrors = [err118];
            }
            else {
                vErrors.push(err118);
            }
            errors++;
        }
        else {
            errors = _errs97;
            if (vErrors !== null) {
                if (_errs97) {
                    vErrors.length = _errs97;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
    if (data.max_output_tokens !== undefined) {
        let data40 = data.max_output_tokens;
        if ((!(((typeof data40 == "number") && (!(data40 % 1) && !isNaN(data40))) && (isFinite(data40)))) && (data40 !== null)) {
            const err119 = { instancePath: instancePath + "/max_output_tokens", schemaPath: "#/properties/max_output_tokens/type", keyword: "type", params: { type: schema23.properties.max_output_tokens.type }, message: "must be integer,null" };
            if (vErrors === null) {
                vErrors = [err119];
            }
            else {
                vErrors.push(err119);
            }
            errors++;
        }
        if ((typeof data40 == "number") && (isFinite(data40))) {
            if (data40 < 0 || isNaN(data40)) {
                const err120 = { instancePath: instancePath + "/max_output_tokens", schemaPath: "#/properties/max_output_tokens/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err120];
                }
                else {
                    vErrors.push(err120);
                }
                errors++;
            }
        }
    }
    if (data.output_cap_share !== undefined) {
        let data41 = data.output_cap_share;
        if ((!((typeof data41 == "number") && (isFinite(data41)))) && (data41 !== null)) {
            const err121 = { instancePath: instancePath + "/output_cap_share", schemaPath: "#/properties/output_cap_share/type", keyword: "type", params: { type: schema23.properties.output_cap_share.type }, message: "must be number,null" };
            if (vErrors === null) {
                vErrors = [err121];
            }
            else {
                vErrors.push(err121);
            }
            errors++;
        }
        if ((typeof data41 == "number") && (isFinite(data41))) {
            if (data41 > 1 || isNaN(data41)) {
                const err122 = { instancePath: instancePath + "/output_cap_share", schemaPath: "#/properties/output_cap_share/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1" };
                if (vErrors === null) {
                    vErrors = [err122];
                }
                else {
                    vErrors.push(err122);
                }
                errors++;
            }
            if (data41 < 0 || isNaN(data41)) {
                const err123 = { instancePath: instancePath + "/output_cap_share", schemaPath: "#/properties/output_cap_share/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err123];
                }
                else {
                    vErrors.push(err123);
                }
                errors++;
            }
        }
    }
    if (data.upper_bound !== undefined) {
        if (typeof data.upper_bound !== "boolean") {
            const err124 = { instancePath: instancePath + "/upper_bound", schemaPath: "#/properties/upper_bound/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err124];
            }
            else {
                vErrors.push(err124);
            }
            errors++;
        }
    }
    if (data.insufficient_samples !== undefined) {
        if (typeof data.insufficient_samples !== "boolean") {
            const err125 = { instancePath: instancePath + "/insufficient_samples", schemaPath: "#/properties/insufficient_samples/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err125];
            }
            else {
                vErrors.push(err125);
            }
            errors++;
        }
    }
    if (data.agent !== undefined) {
        let data44 = data.agent;
        const _errs122 = errors;
        let valid30 = false;
        let passing3 = null;
        const _errs123 = errors;
        if (data44 && typeof data44 == "object" && !Array.isArray(data44)) {
            if (data44.root === undefined) {
                const err126 = { instancePath: instancePath + "/agent", schemaPath: "#/definitions/agentSide/required", keyword: "required", params: { missingProperty: "root" }, message: "must have required property '" + "root" + "'" };
                if (vErrors === null) {
                    vErrors = [err126];
                }
                else {
                    vErrors.push(err126);
                }
                errors++;
            }
            if (data44.calls === undefined) {
                const err127 = { instancePath: instancePath + "/agent", schemaPath: "#/definitions/agentSide/required", keyword: "required", params: { missingProperty: "calls" }, message: "must have required property '" + "calls" + "'" };
                if (vErrors === null) {
                    vErrors = [err127];
                }
                else {
                    vErrors.push(err127);
                }
                errors++;
            }
            if (data44.calls_per_run === undefined) {
                const err128 = { instancePath: instancePath + "/agent", schemaPath: "#/definitions/agentSide/required", keyword: "required", params: { missingProperty: "calls_per_run" }, message: "must have required property '" + "calls_per_run" + "'" };
                if (vErrors === null) {
                    vErrors = [err128];
                }
                else {
                    vErrors.push(err128);
                }
                errors++;
            }
            if (data44.agents === undefined) {
                const err129 = { instancePath: instancePath + "/agent", schemaPath: "#/definitions/agentSide/required", keyword: "required", params: { missingProperty: "agents" }, message: "must have required property '" + "agents" + "'" };
                if (vErrors === null) {
                    vErrors = [err129];
                }
                else {
                    vErrors.push(err129);
                }
                errors++;
            }
            if (data44.truncated_share === undefined) {
                const err130 = { instancePath: instancePath + "/agent", schemaPath: "#/definitions/agentSide/required", keyword: "required", params: { missingProperty: "truncated_share" }, message: "must have required property '" + "truncated_share" + "'" };
                if (vErrors === null) {
                    vErrors = [err130];
                }
                else {
                    vErrors.push(err130);
                }
                errors++;
            }
            if (data44.dropped_calls === undefined) {
                const err131 = { instancePath: instancePath + "/agent", schemaPath: "#/definitions/agentSide/required", keyword: "required", params: { missingProperty: "dropped_calls" }, message: "must have required property '" + "dropped_calls" + "'" };
                if (vErrors === null) {
                    vErrors = [err131];
                }
                else {
                    vErrors.push(err131);
                }
                errors++;
            }
            if (data44.turn_cap_increases === undefined) {
                const err132 = { instancePath: instancePath + "/agent", schemaPath: "#/definitions/agentSide/required", keyword: "required", params: { missingProperty: "turn_cap_increases" }, message: "must have required property '" + "turn_cap_increases" + "'" };
                if (vErrors === null) {
                    vErrors = [err132];
                }
                else {
                    vErrors.push(err132);
                }
                errors++;
            }
            if (data44.static_turns === undefined) {
                const err133 = { instancePath: instancePath + "/agent", schemaPath: "#/definitions/agentSide/required", keyword: "required", params: { missingProperty: "static_turns" }, message: "must have required property '" + "static_turns" + "'" };
                if (vErrors === null) {
                    vErrors = [err133];
                }
                else {
                    vErrors.push(err133);
                }
                errors++;
            }
            for (const key8 in data44) {
                if (!((((((((key8 === "root") || (key8 === "calls")) || (key8 === "calls_per_run")) || (key8 === "agents")) || (key8 === "truncated_share")) || (key8 === "dropped_calls")) || (key8 === "turn_cap_increases")) || (key8 === "static_turns"))) {
                    const err134 = { instancePath: instancePath + "/agent", schemaPath: "#/definitions/agentSide/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err134];
                    }
                    else {
                        vErrors.push(err134);
                    }
                    errors++;
                }
            }
            if (data44.root !== undefined) {
                if (typeof data44.root !== "string") {
                    const err135 = { instancePath: instancePath + "/agent/root", schemaPath: "#/definitions/agentSide/properties/root/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err135];
                    }
                    else {
                        vErrors.push(err135);
                    }
                    errors++;
                }
            }
            if (data44.calls !== undefined) {
                let data46 = data44.calls;
                if (!(((typeof data46 == "number") && (!(data46 % 1) && !isNaN(data46))) && (isFinite(data46)))) {
                    const err136 = { instancePath: instancePath + "/agent/calls", schemaPath: "#/definitions/agentSide/properties/calls/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err136];
                    }
                    else {
                        vErrors.push(err136);
                    }
                    errors++;
                }
                if ((typeof data46 == "number") && (isFinite(data46))) {
                    if (data46 < 0 || isNaN(data46)) {
                        const err137 = { instancePath: instancePath + "/agent/calls", schemaPath: "#/definitions/agentSide/properties/calls/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err137];
                        }
                        else {
                            vErrors.push(err137);
                        }
                        errors++;
                    }
                }
            }
            if (data44.calls_per_run !== undefined) {
                let data47 = data44.calls_per_run;
                if ((typeof data47 == "number") && (isFinite(data47))) {
                    if (data47 < 0 || isNaN(data47)) {
                        const err138 = { instancePath: instancePath + "/agent/calls_per_run", schemaPath: "#/definitions/agentSide/properties/calls_per_run/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err138];
                        }
                        else {
                            vErrors.push(err138);
                        }
                        errors++;
                    }
                }
                else {
                    const err139 = { instancePath: instancePath + "/agent/calls_per_run", schemaPath: "#/definitions/agentSide/properties/calls_per_run/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err139];
                    }
                    else {
                        vErrors.push(err139);
                    }
                    errors++;
                }
            }
            if (data44.agents !== undefined) {
                let data48 = data44.agents;
                if (Array.isArray(data48)) {
                    const len2 = data48.length;
                    for (let i2 = 0; i2 < len2; i2++) {
                        let data49 = data48[i2];
                        if (data49 && typeof data49 == "object" && !Array.isArray(data49)) {
                            if (data49.name === undefined) {
                                const err140 = { instancePath: instancePath + "/agent/agents/" + i2, schemaPath: "#/definitions/agentSide/properties/agents/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err140];
                                }
                                else {
                                    vErrors.push(err140);
                                }
                                errors++;
                            }
                            if (data49.root === undefined) {
                                const err141 = { instancePath: instancePath + "/agent/agents/" + i2, schemaPath: "#/definitions/agentSide/properties/agents/items/required", keyword: "required", params: { missingProperty: "root" }, message: "must have required property '" + "root" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err141];
                                }
                                else {
                                    vErrors.push(err141);
                                }
                                errors++;
                            }
                            if (data49.model === undefined) {
                                const err142 = { instancePath: instancePath + "/agent/agents/" + i2, schemaPath: "#/definitions/agentSide/properties/agents/items/required", keyword: "required", params: { missingProperty: "model" }, message: "must have required property '" + "model" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err142];
                                }
                                else {
                                    vErrors.push(err142);
                                }
                                errors++;
                            }
                            if (data49.inherits_model === undefined) {
                                const err143 = { instancePath: instancePath + "/agent/agents/" + i2, schemaPath: "#/definitions/agentSide/properties/agents/items/required", keyword: "required", params: { missingProperty: "inherits_model" }, message: "must have required property '" + "inherits_model" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err143];
                                }
                                else {
                                    vErrors.push(err143);
                                }
                                errors++;
                            }
                            if (data49.max_turns === undefined) {
                                const err144 = { instancePath: instancePath + "/agent/agents/" + i2, schemaPath: "#/definitions/agentSide/properties/agents/items/required", keyword: "required", params: { missingProperty: "max_turns" }, message: "must have required property '" + "max_turns" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err144];
                                }
                                else {
                                    vErrors.push(err144);
                                }
                                errors++;
                            }
                            if (data49.instructions_tokens === undefined) {
                                const err145 = { instancePath: instancePath + "/agent/agents/" + i2, schemaPath: "#/definitions/agentSide/properties/agents/items/required", keyword: "required", params: { missingProperty: "instructions_tokens" }, message: "must have required property '" + "instructions_tokens" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err145];
                                }
                                else {
                                    vErrors.push(err145);
                                }
                                errors++;
                            }
                            if (data49.tool_tokens === undefined) {
                                const err146 = { instancePath: instancePath + "/agent/agents/" + i2, schemaPath: "#/definitions/agentSide/properties/agents/items/required", keyword: "required", params: { missingProperty: "tool_tokens" }, message: "must have required property '" + "tool_tokens" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err146];
                                }
                                else {
                                    vErrors.push(err146);
                                }
                                errors++;
                            }
                            if (data49.estimated_tool_tokens === undefined) {
                                const err147 = { instancePath: instancePath + "/agent/agents/" + i2, schemaPath: "#/definitions/agentSide/properties/agents/items/required", keyword: "required", params: { missingProperty: "estimated_tool_tokens" }, message: "must have required property '" + "estimated_tool_tokens" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err147];
                                }
                                else {
                                    vErrors.push(err147);
                                }
                                errors++;
                            }
                            if (data49.tools_without_schema === undefined) {
                                const err148 = { instancePath: instancePath + "/agent/agents/" + i2, schemaPath: "#/definitions/agentSide/properties/agents/items/required", keyword: "required", params: { missingProperty: "tools_without_schema" }, message: "must have required property '" + "tools_without_schema" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err148];
                                }
                                else {
                                    vErrors.push(err148);
                                }
                                errors++;
                            }
                            if (data49.calls_per_run === undefined) {
                                const err149 = { instancePath: instancePath + "/agent/agents/" + i2, schemaPath: "#/definitions/agentSide/properties/agents/items/required", keyword: "required", params: { missingProperty: "calls_per_run" }, message: "must have required property '" + "calls_per_run" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err149];
                                }
                                else {
                                    vErrors.push(err149);
                                }
                                errors++;
                            }
                            if (data49.turn_cap_share === undefined) {
                                const err150 = { instancePath: instancePath + "/agent/agents/" + i2, schemaPath: "#/definitions/agentSide/properties/agents/items/required", keyword: "required", params: { missingProperty: "turn_cap_share" }, message: "must have required property '" + "turn_cap_share" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err150];
                                }
                                else {
                                    vErrors.push(err150);
                                }
                                errors++;
                            }
                            for (const key9 in data49) {
                                if (!(func2.call(schema39.properties.agents.items.properties, key9))) {
                                    const err151 = { instancePath: instancePath + "/agent/agents/" + i2, schemaPath: "#/definitions/agentSide/properties/agents/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err151];
                                    }
                                    else {
                                        vErrors.push(err151);
                                    }
                                    errors++;
                                }
                            }
                            if (data49.name !== undefined) {
                                if (typeof data49.name !== "string") {
                                    const err152 = { instancePath: instancePath + "/agent/agents/" + i2 + "/name", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err152];
                                    }
                                    else {
                                        vErrors.push(err152);
                                    }
                                    errors++;
                                }
                            }
                            if (data49.root !== undefined) {
                                if (typeof data49.root !== "boolean") {
                                    const err153 = { instancePath: instancePath + "/agent/agents/" + i2 + "/root", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/root/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                    if (vErrors === null) {
                                        vErrors = [err153];
                                    }
                                    else {
                                        vErrors.push(err153);
                                    }
                                    errors++;
                                }
                            }
                            if (data49.model !== undefined) {
                                if (typeof data49.model !== "string") {
                                    const err154 = { instancePath: instancePath + "/agent/agents/" + i2 + "/model", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/model/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err154];
                                    }
                                    else {
                                        vErrors.push(err154);
                                    }
                                    errors++;
                                }
                            }
                            if (data49.inherits_model !== undefined) {
                                if (typeof data49.inherits_model !== "boolean") {
                                    const err155 = { instancePath: instancePath + "/agent/agents/" + i2 + "/inherits_model", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/inherits_model/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                    if (vErrors === null) {
                                        vErrors = [err155];
                                    }
                                    else {
                                        vErrors.push(err155);
                                    }
                                    errors++;
                                }
                            }
                            if (data49.max_turns !== undefined) {
                                let data54 = data49.max_turns;
                                if ((!(((typeof data54 == "number") && (!(data54 % 1) && !isNaN(data54))) && (isFinite(data54)))) && (data54 !== null)) {
                                    const err156 = { instancePath: instancePath + "/agent/agents/" + i2 + "/max_turns", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/max_turns/type", keyword: "type", params: { type: schema39.properties.agents.items.properties.max_turns.type }, message: "must be integer,null" };
                                    if (vErrors === null) {
                                        vErrors = [err156];
                                    }
                                    else {
                                        vErrors.push(err156);
                                    }
                                    errors++;
                                }
                            }
                            if (data49.instructions_tokens !== undefined) {
                                let data55 = data49.instructions_tokens;
                                if ((typeof data55 == "number") && (isFinite(data55))) {
                                    if (data55 < 0 || isNaN(data55)) {
                                        const err157 = { instancePath: instancePath + "/agent/agents/" + i2 + "/instructions_tokens", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/instructions_tokens/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                        if (vErrors === null) {
                                            vErrors = [err157];
                                        }
                                        else {
                                            vErrors.push(err157);
                                        }
                                        errors++;
                                    }
                                }
                                else {
                                    const err158 = { instancePath: instancePath + "/agent/agents/" + i2 + "/instructions_tokens", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/instructions_tokens/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                                    if (vErrors === null) {
                                        vErrors = [err158];
                                    }
                                    else {
                                        vErrors.push(err158);
                                    }
                                    errors++;
                                }
                            }
                            if (data49.tool_tokens !== undefined) {
                                let data56 = data49.tool_tokens;
                                if ((typeof data56 == "number") && (isFinite(data56))) {
                                    if (data56 < 0 || isNaN(data56)) {
                                        const err159 = { instancePath: instancePath + "/agent/agents/" + i2 + "/tool_tokens", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/tool_tokens/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                        if (vErrors === null) {
                                            vErrors = [err159];
                                        }
                                        else {
                                            vErrors.push(err159);
                                        }
                                        errors++;
                                    }
                                }
                                else {
                                    const err160 = { instancePath: instancePath + "/agent/agents/" + i2 + "/tool_tokens", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/tool_tokens/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                                    if (vErrors === null) {
                                        vErrors = [err160];
                                    }
                                    else {
                                        vErrors.push(err160);
                                    }
                                    errors++;
                                }
                            }
                            if (data49.estimated_tool_tokens !== undefined) {
                                let data57 = data49.estimated_tool_tokens;
                                if ((typeof data57 == "number") && (isFinite(data57))) {
                                    if (data57 < 0 || isNaN(data57)) {
                                        const err161 = { instancePath: instancePath + "/agent/agents/" + i2 + "/estimated_tool_tokens", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/estimated_tool_tokens/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                        if (vErrors === null) {
                                            vErrors = [err161];
                                        }
                                        else {
                                            vErrors.push(err161);
                                        }
                                        errors++;
                                    }
                                }
                                else {
                                    const err162 = { instancePath: instancePath + "/agent/agents/" + i2 + "/estimated_tool_tokens", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/estimated_tool_tokens/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                                    if (vErrors === null) {
                                        vErrors = [err162];
                                    }
                                    else {
                                        vErrors.push(err162);
                                    }
                                    errors++;
                                }
                            }
                            if (data49.tools_without_schema !== undefined) {
                                let data58 = data49.tools_without_schema;
                                if (Array.isArray(data58)) {
                                    const len3 = data58.length;
                                    for (let i3 = 0; i3 < len3; i3++) {
                                        if (typeof data58[i3] !== "string") {
                                            const err163 = { instancePath: instancePath + "/agent/agents/" + i2 + "/tools_without_schema/" + i3, schemaPath: "#/definitions/agentSide/properties/agents/items/properties/tools_without_schema/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err163];
                                            }
                                            else {
                                                vErrors.push(err163);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err164 = { instancePath: instancePath + "/agent/agents/" + i2 + "/tools_without_schema", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/tools_without_schema/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                    if (vErrors === null) {
                                        vErrors = [err164];
                                    }
                                    else {
                                        vErrors.push(err164);
                                    }
                                    errors++;
                                }
                            }
                            if (data49.calls_per_run !== undefined) {
                                let data60 = data49.calls_per_run;
                                if ((typeof data60 == "number") && (isFinite(data60))) {
                                    if (data60 < 0 || isNaN(data60)) {
                                        const err165 = { instancePath: instancePath + "/agent/agents/" + i2 + "/calls_per_run", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/calls_per_run/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                        if (vErrors === null) {
                                            vErrors = [err165];
                                        }
                                        else {
                                            vErrors.push(err165);
                                        }
                                        errors++;
                                    }
                                }
                                else {
                                    const err166 = { instancePath: instancePath + "/agent/agents/" + i2 + "/calls_per_run", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/calls_per_run/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                                    if (vErrors === null) {
                                        vErrors = [err166];
                                    }
                                    else {
                                        vErrors.push(err166);
                                    }
                                    errors++;
                                }
                            }
                            if (data49.turn_cap_share !== undefined) {
                                let data61 = data49.turn_cap_share;
                                if ((!((typeof data61 == "number") && (isFinite(data61)))) && (data61 !== null)) {
                                    const err167 = { instancePath: instancePath + "/agent/agents/" + i2 + "/turn_cap_share", schemaPath: "#/definitions/agentSide/properties/agents/items/properties/turn_cap_share/type", keyword: "type", params: { type: schema39.properties.agents.items.properties.turn_cap_share.type }, message: "must be number,null" };
                                    if (vErrors === null) {
                                        vErrors = [err167];
                                    }
                                    else {
                                        vErrors.push(err167);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err168 = { instancePath: instancePath + "/agent/agents/" + i2, schemaPath: "#/definitions/agentSide/properties/agents/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err168];
                            }
                            else {
                                vErrors.push(err168);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err169 = { instancePath: instancePath + "/agent/agents", schemaPath: "#/definitions/agentSide/properties/agents/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err169];
                    }
                    else {
                        vErrors.push(err169);
                    }
                    errors++;
                }
            }
            if (data44.truncated_share !== undefined) {
                let data62 = data44.truncated_share;
                if ((!((typeof data62 == "number") && (isFinite(data62)))) && (data62 !== null)) {
                    const err170 = { instancePath: instancePath + "/agent/truncated_share", schemaPath: "#/definitions/agentSide/properties/truncated_share/type", keyword: "type", params: { type: schema39.properties.truncated_share.type }, message: "must be number,null" };
                    if (vErrors === null) {
                        vErrors = [err170];
                    }
                    else {
                        vErrors.push(err170);
                    }
                    errors++;
                }
            }
            if (data44.dropped_calls !== undefined) {
                let data63 = data44.dropped_calls;
                if (!(((typeof data63 == "number") && (!(data63 % 1) && !isNaN(data63))) && (isFinite(data63)))) {
                    const err171 = { instancePath: instancePath + "/agent/dropped_calls", schemaPath: "#/definitions/agentSide/properties/dropped_calls/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err171];
                    }
                    else {
                        vErrors.push(err171);
                    }
                    errors++;
                }
                if ((typeof data63 == "number") && (isFinite(data63))) {
                    if (data63 < 0 || isNaN(data63)) {
                        const err172 = { instancePath: instancePath + "/agent/dropped_calls", schemaPath: "#/definitions/agentSide/properties/dropped_calls/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err172];
                        }
                        else {
                            vErrors.push(err172);
                        }
                        errors++;
                    }
                }
            }
            if (data44.turn_cap_increases !== undefined) {
                let data64 = data44.turn_cap_increases;
                if (Array.isArray(data64)) {
                    const len4 = data64.length;
                    for (let i4 = 0; i4 < len4; i4++) {
                        let data65 = data64[i4];
                        if (data65 && typeof data65 == "object" && !Array.isArray(data65)) {
                            if (data65.agent === undefined) {
                                const err173 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4, schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/required", keyword: "required", params: { missingProperty: "agent" }, message: "must have required property '" + "agent" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err173];
                                }
                                else {
                                    vErrors.push(err173);
                                }
                                errors++;
                            }
                            if (data65.base_max_turns === undefined) {
                                const err174 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4, schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/required", keyword: "required", params: { missingProperty: "base_max_turns" }, message: "must have required property '" + "base_max_turns" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err174];
                                }
                                else {
                                    vErrors.push(err174);
                                }
                                errors++;
                            }
                            if (data65.head_max_turns === undefined) {
                                const err175 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4, schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/required", keyword: "required", params: { missingProperty: "head_max_turns" }, message: "must have required property '" + "head_max_turns" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err175];
                                }
                                else {
                                    vErrors.push(err175);
                                }
                                errors++;
                            }
                            if (data65.cap_share === undefined) {
                                const err176 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4, schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/required", keyword: "required", params: { missingProperty: "cap_share" }, message: "must have required property '" + "cap_share" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err176];
                                }
                                else {
                                    vErrors.push(err176);
                                }
                                errors++;
                            }
                            if (data65.extra_calls_per_run === undefined) {
                                const err177 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4, schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/required", keyword: "required", params: { missingProperty: "extra_calls_per_run" }, message: "must have required property '" + "extra_calls_per_run" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err177];
                                }
                                else {
                                    vErrors.push(err177);
                                }
                                errors++;
                            }
                            if (data65.upper_bound_per_request === undefined) {
                                const err178 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4, schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/required", keyword: "required", params: { missingProperty: "upper_bound_per_request" }, message: "must have required property '" + "upper_bound_per_request" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err178];
                                }
                                else {
                                    vErrors.push(err178);
                                }
                                errors++;
                            }
                            if (data65.upper_bound_monthly === undefined) {
                                const err179 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4, schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/required", keyword: "required", params: { missingProperty: "upper_bound_monthly" }, message: "must have required property '" + "upper_bound_monthly" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err179];
                                }
                                else {
                                    vErrors.push(err179);
                                }
                                errors++;
                            }
                            for (const key10 in data65) {
                                if (!(((((((key10 === "agent") || (key10 === "base_max_turns")) || (key10 === "head_max_turns")) || (key10 === "cap_share")) || (key10 === "extra_calls_per_run")) || (key10 === "upper_bound_per_request")) || (key10 === "upper_bound_monthly"))) {
                                    const err180 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4, schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err180];
                                    }
                                    else {
                                        vErrors.push(err180);
                                    }
                                    errors++;
                                }
                            }
                            if (data65.agent !== undefined) {
                                if (typeof data65.agent !== "string") {
                                    const err181 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4 + "/agent", schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/properties/agent/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err181];
                                    }
                                    else {
                                        vErrors.push(err181);
                                    }
                                    errors++;
                                }
                            }
                            if (data65.base_max_turns !== undefined) {
                                let data67 = data65.base_max_turns;
                                if (!(((typeof data67 == "number") && (!(data67 % 1) && !isNaN(data67))) && (isFinite(data67)))) {
                                    const err182 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4 + "/base_max_turns", schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/properties/base_max_turns/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                    if (vErrors === null) {
                                        vErrors = [err182];
                                    }
                                    else {
                                        vErrors.push(err182);
                                    }
                                    errors++;
                                }
                            }
                            if (data65.head_max_turns !== undefined) {
                                let data68 = data65.head_max_turns;
                                if ((!(((typeof data68 == "number") && (!(data68 % 1) && !isNaN(data68))) && (isFinite(data68)))) && (data68 !== null)) {
                                    const err183 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4 + "/head_max_turns", schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/properties/head_max_turns/type", keyword: "type", params: { type: schema39.properties.turn_cap_increases.items.properties.head_max_turns.type }, message: "must be integer,null" };
                                    if (vErrors === null) {
                                        vErrors = [err183];
                                    }
                                    else {
                                        vErrors.push(err183);
                                    }
                                    errors++;
                                }
                            }
                            if (data65.cap_share !== undefined) {
                                let data69 = data65.cap_share;
                                if ((typeof data69 == "number") && (isFinite(data69))) {
                                    if (data69 > 1 || isNaN(data69)) {
                                        const err184 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4 + "/cap_share", schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/properties/cap_share/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1" };
                                        if (vErrors === null) {
                                            vErrors = [err184];
                                        }
                                        else {
                                            vErrors.push(err184);
                                        }
                                        errors++;
                                    }
                                    if (data69 < 0 || isNaN(data69)) {
                                        const err185 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4 + "/cap_share", schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/properties/cap_share/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                        if (vErrors === null) {
                                            vErrors = [err185];
                                        }
                                        else {
                                            vErrors.push(err185);
                                        }
                                        errors++;
                                    }
                                }
                                else {
                                    const err186 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4 + "/cap_share", schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/properties/cap_share/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                                    if (vErrors === null) {
                                        vErrors = [err186];
                                    }
                                    else {
                                        vErrors.push(err186);
                                    }
                                    errors++;
                                }
                            }
                            if (data65.extra_calls_per_run !== undefined) {
                                let data70 = data65.extra_calls_per_run;
                                if ((!((typeof data70 == "number") && (isFinite(data70)))) && (data70 !== null)) {
                                    const err187 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4 + "/extra_calls_per_run", schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/properties/extra_calls_per_run/type", keyword: "type", params: { type: schema39.properties.turn_cap_increases.items.properties.extra_calls_per_run.type }, message: "must be number,null" };
                                    if (vErrors === null) {
                                        vErrors = [err187];
                                    }
                                    else {
                                        vErrors.push(err187);
                                    }
                                    errors++;
                                }
                            }
                            if (data65.upper_bound_per_request !== undefined) {
                                let data71 = data65.upper_bound_per_request;
                                if ((!((typeof data71 == "number") && (isFinite(data71)))) && (data71 !== null)) {
                                    const err188 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4 + "/upper_bound_per_request", schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/properties/upper_bound_per_request/type", keyword: "type", params: { type: schema39.properties.turn_cap_increases.items.properties.upper_bound_per_request.type }, message: "must be number,null" };
                                    if (vErrors === null) {
                                        vErrors = [err188];
                                    }
                                    else {
                                        vErrors.push(err188);
                                    }
                                    errors++;
                                }
                            }
                            if (data65.upper_bound_monthly !== undefined) {
                                let data72 = data65.upper_bound_monthly;
                                if ((!((typeof data72 == "number") && (isFinite(data72)))) && (data72 !== null)) {
                                    const err189 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4 + "/upper_bound_monthly", schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/properties/upper_bound_monthly/type", keyword: "type", params: { type: schema39.properties.turn_cap_increases.items.properties.upper_bound_monthly.type }, message: "must be number,null" };
                                    if (vErrors === null) {
                                        vErrors = [err189];
                                    }
                                    else {
                                        vErrors.push(err189);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err190 = { instancePath: instancePath + "/agent/turn_cap_increases/" + i4, schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err190];
                            }
                            else {
                                vErrors.push(err190);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err191 = { instancePath: instancePath + "/agent/turn_cap_increases", schemaPath: "#/definitions/agentSide/properties/turn_cap_increases/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err191];
                    }
                    else {
                        vErrors.push(err191);
                    }
                    errors++;
                }
            }
            if (data44.static_turns !== undefined) {
                let data73 = data44.static_turns;
                const _errs186 = errors;
                let valid41 = false;
                let passing4 = null;
                const _errs187 = errors;
                if (data73 && typeof data73 == "object" && !Array.isArray(data73)) {
                    if (data73.turns === undefined) {
                        const err192 = { instancePath: instancePath + "/agent/static_turns", schemaPath: "#/definitions/agentSide/properties/static_turns/oneOf/0/required", keyword: "required", params: { missingProperty: "turns" }, message: "must have required property '" + "turns" + "'" };
                        if (vErrors === null) {
                            vErrors = [err192];
                        }
                        else {
                            vErrors.push(err192);
                        }
                        errors++;
                    }
                    if (data73.turns_from === undefined) {
                        const err193 = { instancePath: instancePath + "/agent/static_turns", schemaPath: "#/definitions/agentSide/properties/static_turns/oneOf/0/required", keyword: "required", params: { missingProperty: "turns_from" }, message: "must have required property '" + "turns_from" + "'" };
                        if (vErrors === null) {
                            vErrors = [err193];
                        }
                        else {
                            vErrors.push(err193);
                        }
                        errors++;
                    }
                    if (data73.output_tokens === undefined) {
                        const err194 = { instancePath: instancePath + "/agent/static_turns", schemaPath: "#/definitions/agentSide/properties/static_turns/oneOf/0/required", keyword: "required", params: { missingProperty: "output_tokens" }, message: "must have required property '" + "output_tokens" + "'" };
                        if (vErrors === null) {
                            vErrors = [err194];
                        }
                        else {
                            vErrors.push(err194);
                        }
                        errors++;
                    }
                    if (data73.output_from === undefined) {
                        const err195 = { instancePath: instancePath + "/agent/static_turns", schemaPath: "#/definitions/agentSide/properties/static_turns/oneOf/0/required", keyword: "required", params: { missingProperty: "output_from" }, message: "must have required property '" + "output_from" + "'" };
                        if (vErrors === null) {
                            vErrors = [err195];
                        }
                        else {
                            vErrors.push(err195);
                        }
                        errors++;
                    }
                    for (const key11 in data73) {
                        if (!((((key11 === "turns") || (key11 === "turns_from")) || (key11 === "output_tokens")) || (key11 === "output_from"))) {
                            const err196 = { instancePath: instancePath + "/agent/static_turns", schemaPath: "#/definitions/agentSide/properties/static_turns/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err196];
                            }
                            else {
                                vErrors.push(err196);
                            }
                            errors++;
                        }
                    }
                    if (data73.turns !== undefined) {
                        let data74 = data73.turns;
                        if (!((typeof data74 == "number") && (isFinite(data74)))) {
                            const err197 = { instancePath: instancePath + "/agent/static_turns/turns", schemaPath: "#/definitions/agentSide/properties/static_turns/oneOf/0/properties/turns/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                            if (vErrors === null) {
                                vErrors = [err197];
                            }
                            else {
                                vErrors.push(err197);
                            }
                            errors++;
                        }
                    }
                    if (data73.turns_from !== undefined) {
                        let data75 = data73.turns_from;
                        if (!((data75 === "typical_turns") || (data75 === "max_turns"))) {
                            const err198 = { instancePath: instancePath + "/agent/static_turns/turns_from", schemaPath: "#/definitions/agentSide/properties/static_turns/oneOf/0/properties/turns_from/enum", keyword: "enum", params: { allowedValues: schema39.properties.static_turns.oneOf[0].properties.turns_from.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err198];
                            }
                            else {
                                vErrors.push(err198);
                            }
                            errors++;
                        }
                    }
                    if (data73.output_tokens !== undefined) {
                        let data76 = data73.output_tokens;
                        if (!((typeof data76 == "number") && (isFinite(data76)))) {
                            const err199 = { instancePath: instancePath + "/agent/static_turns/output_tokens", schemaPath: "#/definitions/agentSide/properties/static_turns/oneOf/0/properties/output_tokens/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                            if (vErrors === null) {
                                vErrors = [err199];
                            }
                            else {
                                vErrors.push(err199);
                            }
                            errors++;
                        }
                    }
                    if (data73.output_from !== undefined) {
                        let data77 = data73.output_from;
                        if (!((data77 === "typical_output_tokens") || (data77 === "max_tokens"))) {
                            const err200 = { instancePath: instancePath + "/agent/static_turns/output_from", schemaPath: "#/definitions/agentSide/properties/static_turns/oneOf/0/properties/output_from/enum", keyword: "enum", params: { allowedValues: schema39.properties.static_turns.oneOf[0].properties.output_from.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err200];
                            }
                            else {
                                vErrors.push(err200);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err201 = { instancePath: instancePath + "/agent/static_turns", schemaPath: "#/definitions/agentSide/properties/static_turns/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err201];
                    }
                    else {
                        vErrors.push(err201);
                    }
                    errors++;
                }
                var _valid4 = _errs187 === errors;
                if (_valid4) {
                    valid41 = true;
                    passing4 = 0;
                }
                const _errs196 = errors;
                if (data73 !== null) {
                    const err202 = { instancePath: instancePath + "/agent/static_turns", schemaPath: "#/definitions/agentSide/properties/static_turns/oneOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                    if (vErrors === null) {
                        vErrors = [err202];
                    }
                    else {
                        vErrors.push(err202);
                    }
                    errors++;
                }
                var _valid4 = _errs196 === errors;
                if (_valid4 && valid41) {
                    valid41 = false;
                    passing4 = [passing4, 1];
                }
                else {
                    if (_valid4) {
                        valid41 = true;
                        passing4 = 1;
                    }
                }
                if (!valid41) {
                    const err203 = { instancePath: instancePath + "/agent/static_turns", schemaPath: "#/definitions/agentSide/properties/static_turns/oneOf", keyword: "oneOf", params: { passingSchemas: passing4 }, message: "must match exactly one schema in oneOf" };
                    if (vErrors === null) {
                        vErrors = [err203];
                    }
                    else {
                        vErrors.push(err203);
                    }
                    errors++;
                }
                else {
                    errors = _errs186;
                    if (vErrors !== null) {
                        if (_errs186) {
                            vErrors.length = _errs186;
                        }
                        else {
                            vErrors = null;
                        }
                    }
                }
            }
        }
        else {
            const err204 = { instancePath: instancePath + "/agent", schemaPath: "#/definitions/agentSide/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err204];
            }
            else {
                vErrors.push(err204);
            }
            errors++;
        }
        var _valid3 = _errs123 === errors;
        if (_valid3) {
            valid30 = true;
            passing3 = 0;
        }
        const _errs198 = errors;
        if (data44 !== null) {
            const err205 = { instancePath: instancePath + "/agent", schemaPath: "#/properties/agent/oneOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
            if (vErrors === null) {
                vErrors = [err205];
            }
            else {
                vErrors.push(err205);
            }
            errors++;
        }
        var _valid3 = _errs198 === errors;
        if (_valid3 && valid30) {
            valid30 = false;
            passing3 = [passing3, 1];
        }
        else {
            if (_valid3) {
                valid30 = true;
                passing3 = 1;
            }
        }
        if (!valid30) {
            const err206 = { instancePath: instancePath + "/agent", schemaPath: "#/properties/agent/oneOf", keyword: "oneOf", params: { passingSchemas: passing3 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
                vErrors = [err206];
            }
            else {
                vErrors.push(err206);
            }
            errors++;
        }
        else {
            errors = _errs122;
            if (vErrors !== null) {
                if (_errs122) {
                    vErrors.length = _errs122;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
    if (data.per_user !== undefined) {
        let data78 = data.per_user;
        if (data78 && typeof data78 == "object" && !Array.isArray(data78)) {
            if (data78.users === undefined) {
                const err207 = { instancePath: instancePath + "/per_user", schemaPath: "#/properties/per_user/required", keyword: "required", params: { missingProperty: "users" }, message: "must have required property '" + "users" + "'" };
                if (vErrors === null) {
                    vErrors = [err207];
                }
                else {
                    vErrors.push(err207);
                }
                errors++;
            }
            if (data78.mean === undefined) {
                const err208 = { instancePath: instancePath + "/per_user", schemaPath: "#/properties/per_user/required", keyword: "required", params: { missingProperty: "mean" }, message: "must have required property '" + "mean" + "'" };
                if (vErrors === null) {
                    vErrors = [err208];
                }
                else {
                    vErrors.push(err208);
                }
                errors++;
            }
            if (data78.p95 === undefined) {
                const err209 = { instancePath: instancePath + "/per_user", schemaPath: "#/properties/per_user/required", keyword: "required", params: { missingProperty: "p95" }, message: "must have required property '" + "p95" + "'" };
                if (vErrors === null) {
                    vErrors = [err209];
                }
                else {
                    vErrors.push(err209);
                }
                errors++;
            }
            for (const key12 in data78) {
                if (!(((key12 === "users") || (key12 === "mean")) || (key12 === "p95"))) {
                    const err210 = { instancePath: instancePath + "/per_user", schemaPath: "#/properties/per_user/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err210];
                    }
                    else {
                        vErrors.push(err210);
                    }
                    errors++;
                }
            }
            if (data78.users !== undefined) {
                let data79 = data78.users;
                if (!(((typeof data79 == "number") && (!(data79 % 1) && !isNaN(data79))) && (isFinite(data79)))) {
                    const err211 = { instancePath: instancePath + "/per_user/users", schemaPath: "#/definitions/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err211];
                    }
                    else {
                        vErrors.push(err211);
                    }
                    errors++;
                }
                if ((typeof data79 == "number") && (isFinite(data79))) {
                    if (data79 < 0 || isNaN(data79)) {
                        const err212 = { instancePath: instancePath + "/per_user/users", schemaPath: "#/definitions/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err212];
                        }
                        else {
                            vErrors.push(err212);
                        }
                        errors++;
                    }
                }
            }
            if (data78.mean !== undefined) {
                let data80 = data78.mean;
                if ((typeof data80 == "number") && (isFinite(data80))) {
                    if (data80 < 0 || isNaN(data80)) {
                        const err213 = { instancePath: instancePath + "/per_user/mean", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err213];
                        }
                        else {
                            vErrors.push(err213);
                        }
                        errors++;
                    }
                }
                else {
                    const err214 = { instancePath: instancePath + "/per_user/mean", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err214];
                    }
                    else {
                        vErrors.push(err214);
                    }
                    errors++;
                }
            }
            if (data78.p95 !== undefined) {
                let data81 = data78.p95;
                if ((typeof data81 == "number") && (isFinite(data81))) {
                    if (data81 < 0 || isNaN(data81)) {
                        const err215 = { instancePath: instancePath + "/per_user/p95", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err215];
                        }
                        else {
                            vErrors.push(err215);
                        }
                        errors++;
                    }
                }
                else {
                    const err216 = { instancePath: instancePath + "/per_user/p95", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err216];
                    }
                    else {
                        vErrors.push(err216);
                    }
                    errors++;
                }
            }
        }
        else {
            const err217 = { instancePath: instancePath + "/per_user", schemaPath: "#/properties/per_user/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err217];
            }
            else {
                vErrors.push(err217);
            }
            errors++;
        }
    }
    if (data.prices !== undefined) {
        let data82 = data.prices;
        if (Array.isArray(data82)) {
            const len5 = data82.length;
            for (let i5 = 0; i5 < len5; i5++) {
                let data83 = data82[i5];
                if (data83 && typeof data83 == "object" && !Array.isArray(data83)) {
                    if (data83.model === undefined) {
                        const err218 = { instancePath: instancePath + "/prices/" + i5, schemaPath: "#/definitions/priceSource/required", keyword: "required", params: { missingProperty: "model" }, message: "must have required property '" + "model" + "'" };
                        if (vErrors === null) {
                            vErrors = [err218];
                        }
                        else {
                            vErrors.push(err218);
                        }
                        errors++;
                    }
                    if (data83.kind === undefined) {
                        const err219 = { instancePath: instancePath + "/prices/" + i5, schemaPath: "#/definitions/priceSource/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property '" + "kind" + "'" };
                        if (vErrors === null) {
                            vErrors = [err219];
                        }
                        else {
                            vErrors.push(err219);
                        }
                        errors++;
                    }
                    if (data83.source === undefined) {
                        const err220 = { instancePath: instancePath + "/prices/" + i5, schemaPath: "#/definitions/priceSource/required", keyword: "required", params: { missingProperty: "source" }, message: "must have required property '" + "source" + "'" };
                        if (vErrors === null) {
                            vErrors = [err220];
                        }
                        else {
                            vErrors.push(err220);
                        }
                        errors++;
                    }
                    if (data83.version === undefined) {
                        const err221 = { instancePath: instancePath + "/prices/" + i5, schemaPath: "#/definitions/priceSource/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property '" + "version" + "'" };
                        if (vErrors === null) {
                            vErrors = [err221];
                        }
                        else {
                            vErrors.push(err221);
                        }
                        errors++;
                    }
                    if (data83.entry === undefined) {
                        const err222 = { instancePath: instancePath + "/prices/" + i5, schemaPath: "#/definitions/priceSource/required", keyword: "required", params: { missingProperty: "entry" }, message: "must have required property '" + "entry" + "'" };
                        if (vErrors === null) {
                            vErrors = [err222];
                        }
                        else {
                            vErrors.push(err222);
                        }
                        errors++;
                    }
                    if (data83.time_of_day === undefined) {
                        const err223 = { instancePath: instancePath + "/prices/" + i5, schemaPath: "#/definitions/priceSource/required", keyword: "required", params: { missingProperty: "time_of_day" }, message: "must have required property '" + "time_of_day" + "'" };
                        if (vErrors === null) {
                            vErrors = [err223];
                        }
                        else {
                            vErrors.push(err223);
                        }
                        errors++;
                    }
                    for (const key13 in data83) {
                        if (!((((((key13 === "model") || (key13 === "kind")) || (key13 === "source")) || (key13 === "version")) || (key13 === "entry")) || (key13 === "time_of_day"))) {
                            const err224 = { instancePath: instancePath + "/prices/" + i5, schemaPath: "#/definitions/priceSource/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key13 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err224];
                            }
                            else {
                                vErrors.push(err224);
                            }
                            errors++;
                        }
                    }
                    if (data83.model !== undefined) {
                        if (typeof data83.model !== "string") {
                            const err225 = { instancePath: instancePath + "/prices/" + i5 + "/model", schemaPath: "#/definitions/priceSource/properties/model/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err225];
                            }
                            else {
                                vErrors.push(err225);
                            }
                            errors++;
                        }
                    }
                    if (data83.kind !== undefined) {
                        let data85 = data83.kind;
                        if (!(((data85 === "catalog") || (data85 === "fallback")) || (data85 === "pricing"))) {
                            const err226 = { instancePath: instancePath + "/prices/" + i5 + "/kind", schemaPath: "#/definitions/priceSource/properties/kind/enum", keyword: "enum", params: { allowedValues: schema43.properties.kind.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err226];
                            }
                            else {
                                vErrors.push(err226);
                            }
                            errors++;
                        }
                    }
                    if (data83.source !== undefined) {
                        if (typeof data83.source !== "string") {
                            const err227 = { instancePath: instancePath + "/prices/" + i5 + "/source", schemaPath: "#/definitions/priceSource/properties/source/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err227];
                            }
                            else {
                                vErrors.push(err227);
                            }
                            errors++;
                        }
                    }
                    if (data83.version !== undefined) {
                        let data87 = data83.version;
                        if ((typeof data87 !== "string") && (data87 !== null)) {
                            const err228 = { instancePath: instancePath + "/prices/" + i5 + "/version", schemaPath: "#/definitions/priceSource/properties/version/type", keyword: "type", params: { type: schema43.properties.version.type }, message: "must be string,null" };
                            if (vErrors === null) {
                                vErrors = [err228];
                            }
                            else {
                                vErrors.push(err228);
                            }
                            errors++;
                        }
                    }
                    if (data83.entry !== undefined) {
                        if (typeof data83.entry !== "string") {
                            const err229 = { instancePath: instancePath + "/prices/" + i5 + "/entry", schemaPath: "#/definitions/priceSource/properties/entry/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err229];
                            }
                            else {
                                vErrors.push(err229);
                            }
                            errors++;
                        }
                    }
                    if (data83.time_of_day !== undefined) {
                        let data89 = data83.time_of_day;
                        const _errs228 = errors;
                        let valid51 = false;
                        let passing5 = null;
                        const _errs229 = errors;
                        if (data89 && typeof data89 == "object" && !Array.isArray(data89)) {
                            if (data89.basis === undefined) {
                                const err230 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/required", keyword: "required", params: { missingProperty: "basis" }, message: "must have required property '" + "basis" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err230];
                                }
                                else {
                                    vErrors.push(err230);
                                }
                                errors++;
                            }
                            if (data89.windows === undefined) {
                                const err231 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/required", keyword: "required", params: { missingProperty: "windows" }, message: "must have required property '" + "windows" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err231];
                                }
                                else {
                                    vErrors.push(err231);
                                }
                                errors++;
                            }
                            if (data89.mean === undefined) {
                                const err232 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/required", keyword: "required", params: { missingProperty: "mean" }, message: "must have required property '" + "mean" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err232];
                                }
                                else {
                                    vErrors.push(err232);
                                }
                                errors++;
                            }
                            for (const key14 in data89) {
                                if (!(((key14 === "basis") || (key14 === "windows")) || (key14 === "mean"))) {
                                    const err233 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key14 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err233];
                                    }
                                    else {
                                        vErrors.push(err233);
                                    }
                                    errors++;
                                }
                            }
                            if (data89.basis !== undefined) {
                                let data90 = data89.basis;
                                if (!(((data90 === "sample time") || (data90 === "day-weighted mean")) || (data90 === "mixed"))) {
                                    const err234 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/basis", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/basis/enum", keyword: "enum", params: { allowedValues: schema43.properties.time_of_day.oneOf[0].properties.basis.enum }, message: "must be equal to one of the allowed values" };
                                    if (vErrors === null) {
                                        vErrors = [err234];
                                    }
                                    else {
                                        vErrors.push(err234);
                                    }
                                    errors++;
                                }
                            }
                            if (data89.windows !== undefined) {
                                let data91 = data89.windows;
                                if (Array.isArray(data91)) {
                                    const len6 = data91.length;
                                    for (let i6 = 0; i6 < len6; i6++) {
                                        let data92 = data91[i6];
                                        if (data92 && typeof data92 == "object" && !Array.isArray(data92)) {
                                            if (data92.window === undefined) {
                                                const err235 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/windows/" + i6, schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/windows/items/required", keyword: "required", params: { missingProperty: "window" }, message: "must have required property '" + "window" + "'" };
                                                if (vErrors === null) {
                                                    vErrors = [err235];
                                                }
                                                else {
                                                    vErrors.push(err235);
                                                }
                                                errors++;
                                            }
                                            if (data92.input === undefined) {
                                                const err236 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/windows/" + i6, schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/windows/items/required", keyword: "required", params: { missingProperty: "input" }, message: "must have required property '" + "input" + "'" };
                                                if (vErrors === null) {
                                                    vErrors = [err236];
                                                }
                                                else {
                                                    vErrors.push(err236);
                                                }
                                                errors++;
                                            }
                                            if (data92.output === undefined) {
                                                const err237 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/windows/" + i6, schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/windows/items/required", keyword: "required", params: { missingProperty: "output" }, message: "must have required property '" + "output" + "'" };
                                                if (vErrors === null) {
                                                    vErrors = [err237];
                                                }
                                                else {
                                                    vErrors.push(err237);
                                                }
                                                errors++;
                                            }
                                            for (const key15 in data92) {
                                                if (!(((key15 === "window") || (key15 === "input")) || (key15 === "output"))) {
                                                    const err238 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/windows/" + i6, schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/windows/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key15 }, message: "must NOT have additional properties" };
                                                    if (vErrors === null) {
                                                        vErrors = [err238];
                                                    }
                                                    else {
                                                        vErrors.push(err238);
                                                    }
                                                    errors++;
                                                }
                                            }
                                            if (data92.window !== undefined) {
                                                if (typeof data92.window !== "string") {
                                                    const err239 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/windows/" + i6 + "/window", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/windows/items/properties/window/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                    if (vErrors === null) {
                                                        vErrors = [err239];
                                                    }
                                                    else {
                                                        vErrors.push(err239);
                                                    }
                                                    errors++;
                                                }
                                            }
                                            if (data92.input !== undefined) {
                                                let data94 = data92.input;
                                                if ((typeof data94 == "number") && (isFinite(data94))) {
                                                    if (data94 < 0 || isNaN(data94)) {
                                                        const err240 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/windows/" + i6 + "/input", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/windows/items/properties/input/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                                        if (vErrors === null) {
                                                            vErrors = [err240];
                                                        }
                                                        else {
                                                            vErrors.push(err240);
                                                        }
                                                        errors++;
                                                    }
                                                }
                                                else {
                                                    const err241 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/windows/" + i6 + "/input", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/windows/items/properties/input/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                                                    if (vErrors === null) {
                                                        vErrors = [err241];
                                                    }
                                                    else {
                                                        vErrors.push(err241);
                                                    }
                                                    errors++;
                                                }
                                            }
                                            if (data92.output !== undefined) {
                                                let data95 = data92.output;
                                                if ((typeof data95 == "number") && (isFinite(data95))) {
                                                    if (data95 < 0 || isNaN(data95)) {
                                                        const err242 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/windows/" + i6 + "/output", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/windows/items/properties/output/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                                        if (vErrors === null) {
                                                            vErrors = [err242];
                                                        }
                                                        else {
                                                            vErrors.push(err242);
                                                        }
                                                        errors++;
                                                    }
                                                }
                                                else {
                                                    const err243 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/windows/" + i6 + "/output", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/windows/items/properties/output/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                                                    if (vErrors === null) {
                                                        vErrors = [err243];
                                                    }
                                                    else {
                                                        vErrors.push(err243);
                                                    }
                                                    errors++;
                                                }
                                            }
                                        }
                                        else {
                                            const err244 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/windows/" + i6, schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/windows/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                            if (vErrors === null) {
                                                vErrors = [err244];
                                            }
                                            else {
                                                vErrors.push(err244);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err245 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/windows", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/windows/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                    if (vErrors === null) {
                                        vErrors = [err245];
                                    }
                                    else {
                                        vErrors.push(err245);
                                    }
                                    errors++;
                                }
                            }
                            if (data89.mean !== undefined) {
                                let data96 = data89.mean;
                                if (data96 && typeof data96 == "object" && !Array.isArray(data96)) {
                                    if (data96.input === undefined) {
                                        const err246 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/mean", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/mean/required", keyword: "required", params: { missingProperty: "input" }, message: "must have required property '" + "input" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err246];
                                        }
                                        else {
                                            vErrors.push(err246);
                                        }
                                        errors++;
                                    }
                                    if (data96.output === undefined) {
                                        const err247 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/mean", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/mean/required", keyword: "required", params: { missingProperty: "output" }, message: "must have required property '" + "output" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err247];
                                        }
                                        else {
                                            vErrors.push(err247);
                                        }
                                        errors++;
                                    }
                                    for (const key16 in data96) {
                                        if (!((key16 === "input") || (key16 === "output"))) {
                                            const err248 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/mean", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/mean/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key16 }, message: "must NOT have additional properties" };
                                            if (vErrors === null) {
                                                vErrors = [err248];
                                            }
                                            else {
                                                vErrors.push(err248);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data96.input !== undefined) {
                                        let data97 = data96.input;
                                        if ((typeof data97 == "number") && (isFinite(data97))) {
                                            if (data97 < 0 || isNaN(data97)) {
                                                const err249 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/mean/input", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/mean/properties/input/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                                if (vErrors === null) {
                                                    vErrors = [err249];
                                                }
                                                else {
                                                    vErrors.push(err249);
                                                }
                                                errors++;
                                            }
                                        }
                                        else {
                                            const err250 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/mean/input", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/mean/properties/input/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                                            if (vErrors === null) {
                                                vErrors = [err250];
                                            }
                                            else {
                                                vErrors.push(err250);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data96.output !== undefined) {
                                        let data98 = data96.output;
                                        if ((typeof data98 == "number") && (isFinite(data98))) {
                                            if (data98 < 0 || isNaN(data98)) {
                                                const err251 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/mean/output", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/mean/properties/output/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                                if (vErrors === null) {
                                                    vErrors = [err251];
                                                }
                                                else {
                                                    vErrors.push(err251);
                                                }
                                                errors++;
                                            }
                                        }
                                        else {
                                            const err252 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/mean/output", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/mean/properties/output/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                                            if (vErrors === null) {
                                                vErrors = [err252];
                                            }
                                            else {
                                                vErrors.push(err252);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err253 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day/mean", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/properties/mean/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                    if (vErrors === null) {
                                        vErrors = [err253];
                                    }
                                    else {
                                        vErrors.push(err253);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err254 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err254];
                            }
                            else {
                                vErrors.push(err254);
                            }
                            errors++;
                        }
                        var _valid5 = _errs229 === errors;
                        if (_valid5) {
                            valid51 = true;
                            passing5 = 0;
                        }
                        const _errs251 = errors;
                        if (data89 !== null) {
                            const err255 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                            if (vErrors === null) {
                                vErrors = [err255];
                            }
                            else {
                                vErrors.push(err255);
                            }
                            errors++;
                        }
                        var _valid5 = _errs251 === errors;
                        if (_valid5 && valid51) {
                            valid51 = false;
                            passing5 = [passing5, 1];
                        }
                        else {
                            if (_valid5) {
                                valid51 = true;
                                passing5 = 1;
                            }
                        }
                        if (!valid51) {
                            const err256 = { instancePath: instancePath + "/prices/" + i5 + "/time_of_day", schemaPath: "#/definitions/priceSource/properties/time_of_day/oneOf", keyword: "oneOf", params: { passingSchemas: passing5 }, message: "must match exactly one schema in oneOf" };
                            if (vErrors === null) {
                                vErrors = [err256];
                            }
                            else {
                                vErrors.push(err256);
                            }
                            errors++;
                        }
                        else {
                            errors = _errs228;
                            if (vErrors !== null) {
                                if (_errs228) {
                                    vErrors.length = _errs228;
                                }
                                else {
                                    vErrors = null;
                                }
                            }
                        }
                    }
                }
                else {
                    const err257 = { instancePath: instancePath + "/prices/" + i5, schemaPath: "#/definitions/priceSource/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err257];
                    }
                    else {
                        vErrors.push(err257);
                    }
                    errors++;
                }
            }
        }
        else {
            const err258 = { instancePath: instancePath + "/prices", schemaPath: "#/properties/prices/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err258];
            }
            else {
                vErrors.push(err258);
            }
            errors++;
        }
    }
}
else {
    const err259 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err259];
    }
    else {
        vErrors.push(err259);
    }
    errors++;
} validate15.errors = vErrors; return errors === 0; }
function validate14(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; const _errs0 = errors; let valid0 = false; let passing0 = null; const _errs1 = errors; if (!(validate15(data, { instancePath, parentData, parentDataProperty, rootData }))) {
    vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
    errors = vErrors.length;
} var _valid0 = _errs1 === errors; if (_valid0) {
    valid0 = true;
    passing0 = 0;
} const _errs2 = errors; if (data !== null) {
    const err0 = { instancePath, schemaPath: "#/oneOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} var _valid0 = _errs2 === errors; if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
}
else {
    if (_valid0) {
        valid0 = true;
        passing0 = 1;
    }
} if (!valid0) {
    const err1 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
    if (vErrors === null) {
        vErrors = [err1];
    }
    else {
        vErrors.push(err1);
    }
    errors++;
}
else {
    errors = _errs0;
    if (vErrors !== null) {
        if (_errs0) {
            vErrors.length = _errs0;
        }
        else {
            vErrors = null;
        }
    }
} validate14.errors = vErrors; return errors === 0; }
const schema45 = report_schema_namespaceObject.definitions.change;
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property '" + "kind" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.file === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property '" + "file" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.line === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "line" }, message: "must have required property '" + "line" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.summary === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "summary" }, message: "must have required property '" + "summary" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.monthly_effect === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "monthly_effect" }, message: "must have required property '" + "monthly_effect" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(((((key0 === "kind") || (key0 === "file")) || (key0 === "line")) || (key0 === "summary")) || (key0 === "monthly_effect"))) {
            const err5 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err5];
            }
            else {
                vErrors.push(err5);
            }
            errors++;
        }
    }
    if (data.kind !== undefined) {
        let data0 = data.kind;
        if (!((((((((data0 === "model") || (data0 === "prompt")) || (data0 === "params")) || (data0 === "tools")) || (data0 === "agent")) || (data0 === "traffic")) || (data0 === "config")) || (data0 === "reasoning"))) {
            const err6 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/enum", keyword: "enum", params: { allowedValues: schema45.properties.kind.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err6];
            }
            else {
                vErrors.push(err6);
            }
            errors++;
        }
    }
    if (data.file !== undefined) {
        if (typeof data.file !== "string") {
            const err7 = { instancePath: instancePath + "/file", schemaPath: "#/properties/file/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err7];
            }
            else {
                vErrors.push(err7);
            }
            errors++;
        }
    }
    if (data.line !== undefined) {
        let data2 = data.line;
        if ((!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))) && (data2 !== null)) {
            const err8 = { instancePath: instancePath + "/line", schemaPath: "#/definitions/line/type", keyword: "type", params: { type: schema46.type }, message: "must be integer,null" };
            if (vErrors === null) {
                vErrors = [err8];
            }
            else {
                vErrors.push(err8);
            }
            errors++;
        }
        if ((typeof data2 == "number") && (isFinite(data2))) {
            if (data2 < 1 || isNaN(data2)) {
                const err9 = { instancePath: instancePath + "/line", schemaPath: "#/definitions/line/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
        }
    }
    if (data.summary !== undefined) {
        if (typeof data.summary !== "string") {
            const err10 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err10];
            }
            else {
                vErrors.push(err10);
            }
            errors++;
        }
    }
    if (data.monthly_effect !== undefined) {
        let data4 = data.monthly_effect;
        if (!((typeof data4 == "number") && (isFinite(data4)))) {
            const err11 = { instancePath: instancePath + "/monthly_effect", schemaPath: "#/properties/monthly_effect/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
                vErrors = [err11];
            }
            else {
                vErrors.push(err11);
            }
            errors++;
        }
    }
}
else {
    const err12 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err12];
    }
    else {
        vErrors.push(err12);
    }
    errors++;
} validate22.errors = vErrors; return errors === 0; }
const schema49 = report_schema_namespaceObject.definitions.suggestion;
const schema53 = report_schema_namespaceObject.definitions.passRate;
function validate27(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.model === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "model" }, message: "must have required property '" + "model" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.passes === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "passes" }, message: "must have required property '" + "passes" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.total === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "total" }, message: "must have required property '" + "total" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.pass_rate === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "pass_rate" }, message: "must have required property '" + "pass_rate" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.source === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "source" }, message: "must have required property '" + "source" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(((((key0 === "model") || (key0 === "passes")) || (key0 === "total")) || (key0 === "pass_rate")) || (key0 === "source"))) {
            const err5 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err5];
            }
            else {
                vErrors.push(err5);
            }
            errors++;
        }
    }
    if (data.model !== undefined) {
        let data0 = data.model;
        if (typeof data0 === "string") {
            if (func3(data0) < 1) {
                const err6 = { instancePath: instancePath + "/model", schemaPath: "#/properties/model/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                    vErrors = [err6];
                }
                else {
                    vErrors.push(err6);
                }
                errors++;
            }
        }
        else {
            const err7 = { instancePath: instancePath + "/model", schemaPath: "#/properties/model/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err7];
            }
            else {
                vErrors.push(err7);
            }
            errors++;
        }
    }
    if (data.passes !== undefined) {
        let data1 = data.passes;
        if (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))) {
            const err8 = { instancePath: instancePath + "/passes", schemaPath: "#/definitions/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
                vErrors = [err8];
            }
            else {
                vErrors.push(err8);
            }
            errors++;
        }
        if ((typeof data1 == "number") && (isFinite(data1))) {
            if (data1 < 0 || isNaN(data1)) {
                const err9 = { instancePath: instancePath + "/passes", schemaPath: "#/definitions/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
        }
    }
    if (data.total !== undefined) {
        let data2 = data.total;
        if (!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))) {
            const err10 = { instancePath: instancePath + "/total", schemaPath: "#/definitions/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
                vErrors = [err10];
            }
            else {
                vErrors.push(err10);
            }
            errors++;
        }
        if ((typeof data2 == "number") && (isFinite(data2))) {
            if (data2 < 0 || isNaN(data2)) {
                const err11 = { instancePath: instancePath + "/total", schemaPath: "#/definitions/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err11];
                }
                else {
                    vErrors.push(err11);
                }
                errors++;
            }
        }
    }
    if (data.pass_rate !== undefined) {
        let data3 = data.pass_rate;
        if ((typeof data3 == "number") && (isFinite(data3))) {
            if (data3 > 1 || isNaN(data3)) {
                const err12 = { instancePath: instancePath + "/pass_rate", schemaPath: "#/definitions/share/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1" };
                if (vErrors === null) {
                    vErrors = [err12];
                }
                else {
                    vErrors.push(err12);
                }
                errors++;
            }
            if (data3 < 0 || isNaN(data3)) {
                const err13 = { instancePath: instancePath + "/pass_rate", schemaPath: "#/definitions/share/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err13];
                }
                else {
                    vErrors.push(err13);
                }
                errors++;
            }
        }
        else {
            const err14 = { instancePath: instancePath + "/pass_rate", schemaPath: "#/definitions/share/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
                vErrors = [err14];
            }
            else {
                vErrors.push(err14);
            }
            errors++;
        }
    }
    if (data.source !== undefined) {
        let data4 = data.source;
        if (typeof data4 === "string") {
            if (func3(data4) < 1) {
                const err15 = { instancePath: instancePath + "/source", schemaPath: "#/properties/source/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                    vErrors = [err15];
                }
                else {
                    vErrors.push(err15);
                }
                errors++;
            }
        }
        else {
            const err16 = { instancePath: instancePath + "/source", schemaPath: "#/properties/source/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
    }
}
else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err17];
    }
    else {
        vErrors.push(err17);
    }
    errors++;
} validate27.errors = vErrors; return errors === 0; }
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property '" + "kind" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.feature === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "feature" }, message: "must have required property '" + "feature" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.candidate === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "candidate" }, message: "must have required property '" + "candidate" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.summary === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "summary" }, message: "must have required property '" + "summary" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.monthly === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "monthly" }, message: "must have required property '" + "monthly" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    if (data.eligible === undefined) {
        const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "eligible" }, message: "must have required property '" + "eligible" + "'" };
        if (vErrors === null) {
            vErrors = [err5];
        }
        else {
            vErrors.push(err5);
        }
        errors++;
    }
    if (data.ineligible_reason === undefined) {
        const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "ineligible_reason" }, message: "must have required property '" + "ineligible_reason" + "'" };
        if (vErrors === null) {
            vErrors = [err6];
        }
        else {
            vErrors.push(err6);
        }
        errors++;
    }
    if (data.evidence === undefined) {
        const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "evidence" }, message: "must have required property '" + "evidence" + "'" };
        if (vErrors === null) {
            vErrors = [err7];
        }
        else {
            vErrors.push(err7);
        }
        errors++;
    }
    if (data.caveats === undefined) {
        const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "caveats" }, message: "must have required property '" + "caveats" + "'" };
        if (vErrors === null) {
            vErrors = [err8];
        }
        else {
            vErrors.push(err8);
        }
        errors++;
    }
    if (data.details === undefined) {
        const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "details" }, message: "must have required property '" + "details" + "'" };
        if (vErrors === null) {
            vErrors = [err9];
        }
        else {
            vErrors.push(err9);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema49.properties, key0))) {
            const err10 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err10];
            }
            else {
                vErrors.push(err10);
            }
            errors++;
        }
    }
    if (data.kind !== undefined) {
        let data0 = data.kind;
        if (!((((data0 === "routing") || (data0 === "caching")) || (data0 === "batch")) || (data0 === "output-cap"))) {
            const err11 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/enum", keyword: "enum", params: { allowedValues: schema49.properties.kind.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err11];
            }
            else {
                vErrors.push(err11);
            }
            errors++;
        }
    }
    if (data.feature !== undefined) {
        let data1 = data.feature;
        if (typeof data1 === "string") {
            if (!pattern2.test(data1)) {
                const err12 = { instancePath: instancePath + "/feature", schemaPath: "#/definitions/featureId/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]*$" }, message: "must match pattern \"" + "^[a-z0-9][a-z0-9._-]*$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err12];
                }
                else {
                    vErrors.push(err12);
                }
                errors++;
            }
        }
        else {
            const err13 = { instancePath: instancePath + "/feature", schemaPath: "#/definitions/featureId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err13];
            }
            else {
                vErrors.push(err13);
            }
            errors++;
        }
    }
    if (data.candidate !== undefined) {
        let data2 = data.candidate;
        if ((typeof data2 !== "string") && (data2 !== null)) {
            const err14 = { instancePath: instancePath + "/candidate", schemaPath: "#/properties/candidate/type", keyword: "type", params: { type: schema49.properties.candidate.type }, message: "must be string,null" };
            if (vErrors === null) {
                vErrors = [err14];
            }
            else {
                vErrors.push(err14);
            }
            errors++;
        }
    }
    if (data.summary !== undefined) {
        if (typeof data.summary !== "string") {
            const err15 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err15];
            }
            else {
                vErrors.push(err15);
            }
            errors++;
        }
    }
    if (data.monthly !== undefined) {
        let data4 = data.monthly;
        const _errs11 = errors;
        let valid2 = false;
        let passing0 = null;
        const _errs12 = errors;
        if (data4 !== null) {
            const err16 = { instancePath: instancePath + "/monthly", schemaPath: "#/properties/monthly/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
        var _valid0 = _errs12 === errors;
        if (_valid0) {
            valid2 = true;
            passing0 = 0;
        }
        const _errs14 = errors;
        if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            if (data4.base === undefined) {
                const err17 = { instancePath: instancePath + "/monthly", schemaPath: "#/properties/monthly/oneOf/1/required", keyword: "required", params: { missingProperty: "base" }, message: "must have required property '" + "base" + "'" };
                if (vErrors === null) {
                    vErrors = [err17];
                }
                else {
                    vErrors.push(err17);
                }
                errors++;
            }
            if (data4.candidate === undefined) {
                const err18 = { instancePath: instancePath + "/monthly", schemaPath: "#/properties/monthly/oneOf/1/required", keyword: "required", params: { missingProperty: "candidate" }, message: "must have required property '" + "candidate" + "'" };
                if (vErrors === null) {
                    vErrors = [err18];
                }
                else {
                    vErrors.push(err18);
                }
                errors++;
            }
            if (data4.saving === undefined) {
                const err19 = { instancePath: instancePath + "/monthly", schemaPath: "#/properties/monthly/oneOf/1/required", keyword: "required", params: { missingProperty: "saving" }, message: "must have required property '" + "saving" + "'" };
                if (vErrors === null) {
                    vErrors = [err19];
                }
                else {
                    vErrors.push(err19);
                }
                errors++;
            }
            if (data4.ci95 === undefined) {
                const err20 = { instancePath: instancePath + "/monthly", schemaPath: "#/properties/monthly/oneOf/1/required", keyword: "required", params: { missingProperty: "ci95" }, message: "must have required property '" + "ci95" + "'" };
                if (vErrors === null) {
                    vErrors = [err20];
                }
                else {
                    vErrors.push(err20);
                }
                errors++;
            }
            if (data4.band === undefined) {
                const err21 = { instancePath: instancePath + "/monthly", schemaPath: "#/properties/monthly/oneOf/1/required", keyword: "required", params: { missingProperty: "band" }, message: "must have required property '" + "band" + "'" };
                if (vErrors === null) {
                    vErrors = [err21];
                }
                else {
                    vErrors.push(err21);
                }
                errors++;
            }
            for (const key1 in data4) {
                if (!(((((key1 === "base") || (key1 === "candidate")) || (key1 === "saving")) || (key1 === "ci95")) || (key1 === "band"))) {
                    const err22 = { instancePath: instancePath + "/monthly", schemaPath: "#/properties/monthly/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err22];
                    }
                    else {
                        vErrors.push(err22);
                    }
                    errors++;
                }
            }
            if (data4.base !== undefined) {
                let data5 = data4.base;
                if ((typeof data5 == "number") && (isFinite(data5))) {
                    if (data5 < 0 || isNaN(data5)) {
                        const err23 = { instancePath: instancePath + "/monthly/base", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err23];
                        }
                        else {
                            vErrors.push(err23);
                        }
                        errors++;
                    }
                }
                else {
                    const err24 = { instancePath: instancePath + "/monthly/base", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err24];
                    }
                    else {
                        vErrors.push(err24);
                    }
                    errors++;
                }
            }
            if (data4.candidate !== undefined) {
                let data6 = data4.candidate;
                if ((typeof data6 == "number") && (isFinite(data6))) {
                    if (data6 < 0 || isNaN(data6)) {
                        const err25 = { instancePath: instancePath + "/monthly/candidate", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err25];
                        }
                        else {
                            vErrors.push(err25);
                        }
                        errors++;
                    }
                }
                else {
                    const err26 = { instancePath: instancePath + "/monthly/candidate", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err26];
                    }
                    else {
                        vErrors.push(err26);
                    }
                    errors++;
                }
            }
            if (data4.saving !== undefined) {
                let data7 = data4.saving;
                if (!((typeof data7 == "number") && (isFinite(data7)))) {
                    const err27 = { instancePath: instancePath + "/monthly/saving", schemaPath: "#/properties/monthly/oneOf/1/properties/saving/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err27];
                    }
                    else {
                        vErrors.push(err27);
                    }
                    errors++;
                }
            }
            if (data4.ci95 !== undefined) {
                if (!(validate11(data4.ci95, { instancePath: instancePath + "/monthly/ci95", parentData: data4, parentDataProperty: "ci95", rootData }))) {
                    vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                    errors = vErrors.length;
                }
            }
            if (data4.band !== undefined) {
                if (!(validate11(data4.band, { instancePath: instancePath + "/monthly/band", parentData: data4, parentDataProperty: "band", rootData }))) {
                    vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err28 = { instancePath: instancePath + "/monthly", schemaPath: "#/properties/monthly/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err28];
            }
            else {
                vErrors.push(err28);
            }
            errors++;
        }
        var _valid0 = _errs14 === errors;
        if (_valid0 && valid2) {
            valid2 = false;
            passing0 = [passing0, 1];
        }
        else {
            if (_valid0) {
                valid2 = true;
                passing0 = 1;
            }
        }
        if (!valid2) {
            const err29 = { instancePath: instancePath + "/monthly", schemaPath: "#/properties/monthly/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
                vErrors = [err29];
            }
            else {
                vErrors.push(err29);
            }
            errors++;
        }
        else {
            errors = _errs11;
            if (vErrors !== null) {
                if (_errs11) {
                    vErrors.length = _errs11;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
    if (data.eligible !== undefined) {
        if (typeof data.eligible !== "boolean") {
            const err30 = { instancePath: instancePath + "/eligible", schemaPath: "#/properties/eligible/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err30];
            }
            else {
                vErrors.push(err30);
            }
            errors++;
        }
    }
    if (data.ineligible_reason !== undefined) {
        let data11 = data.ineligible_reason;
        if ((typeof data11 !== "string") && (data11 !== null)) {
            const err31 = { instancePath: instancePath + "/ineligible_reason", schemaPath: "#/properties/ineligible_reason/type", keyword: "type", params: { type: schema49.properties.ineligible_reason.type }, message: "must be string,null" };
            if (vErrors === null) {
                vErrors = [err31];
            }
            else {
                vErrors.push(err31);
            }
            errors++;
        }
    }
    if (data.evidence !== undefined) {
        let data12 = data.evidence;
        const _errs32 = errors;
        let valid6 = false;
        let passing1 = null;
        const _errs33 = errors;
        if (data12 !== null) {
            const err32 = { instancePath: instancePath + "/evidence", schemaPath: "#/properties/evidence/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
            if (vErrors === null) {
                vErrors = [err32];
            }
            else {
                vErrors.push(err32);
            }
            errors++;
        }
        var _valid1 = _errs33 === errors;
        if (_valid1) {
            valid6 = true;
            passing1 = 0;
        }
        const _errs35 = errors;
        if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            if (data12.current === undefined) {
                const err33 = { instancePath: instancePath + "/evidence", schemaPath: "#/properties/evidence/oneOf/1/required", keyword: "required", params: { missingProperty: "current" }, message: "must have required property '" + "current" + "'" };
                if (vErrors === null) {
                    vErrors = [err33];
                }
                else {
                    vErrors.push(err33);
                }
                errors++;
            }
            if (data12.candidate === undefined) {
                const err34 = { instancePath: instancePath + "/evidence", schemaPath: "#/properties/evidence/oneOf/1/required", keyword: "required", params: { missingProperty: "candidate" }, message: "must have required property '" + "candidate" + "'" };
                if (vErrors === null) {
                    vErrors = [err34];
                }
                else {
                    vErrors.push(err34);
                }
                errors++;
            }
            if (data12.command === undefined) {
                const err35 = { instancePath: instancePath + "/evidence", schemaPath: "#/properties/evidence/oneOf/1/required", keyword: "required", params: { missingProperty: "command" }, message: "must have required property '" + "command" + "'" };
                if (vErrors === null) {
                    vErrors = [err35];
                }
                else {
                    vErrors.push(err35);
                }
                errors++;
            }
            for (const key2 in data12) {
                if (!(((key2 === "current") || (key2 === "candidate")) || (key2 === "command"))) {
                    const err36 = { instancePath: instancePath + "/evidence", schemaPath: "#/properties/evidence/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err36];
                    }
                    else {
                        vErrors.push(err36);
                    }
                    errors++;
                }
            }
            if (data12.current !== undefined) {
                let data13 = data12.current;
                const _errs39 = errors;
                let valid8 = false;
                let passing2 = null;
                const _errs40 = errors;
                if (data13 !== null) {
                    const err37 = { instancePath: instancePath + "/evidence/current", schemaPath: "#/properties/evidence/oneOf/1/properties/current/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                    if (vErrors === null) {
                        vErrors = [err37];
                    }
                    else {
                        vErrors.push(err37);
                    }
                    errors++;
                }
                var _valid2 = _errs40 === errors;
                if (_valid2) {
                    valid8 = true;
                    passing2 = 0;
                }
                const _errs42 = errors;
                if (!(validate27(data13, { instancePath: instancePath + "/evidence/current", parentData: data12, parentDataProperty: "current", rootData }))) {
                    vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
                    errors = vErrors.length;
                }
                var _valid2 = _errs42 === errors;
                if (_valid2 && valid8) {
                    valid8 = false;
                    passing2 = [passing2, 1];
                }
                else {
                    if (_valid2) {
                        valid8 = true;
                        passing2 = 1;
                    }
                }
                if (!valid8) {
                    const err38 = { instancePath: instancePath + "/evidence/current", schemaPath: "#/properties/evidence/oneOf/1/properties/current/oneOf", keyword: "oneOf", params: { passingSchemas: passing2 }, message: "must match exactly one schema in oneOf" };
                    if (vErrors === null) {
                        vErrors = [err38];
                    }
                    else {
                        vErrors.push(err38);
                    }
                    errors++;
                }
                else {
                    errors = _errs39;
                    if (vErrors !== null) {
                        if (_errs39) {
                            vErrors.length = _errs39;
                        }
                        else {
                            vErrors = null;
                        }
                    }
                }
            }
            if (data12.candidate !== undefined) {
                let data14 = data12.candidate;
                const _errs44 = errors;
                let valid9 = false;
                let passing3 = null;
                const _errs45 = errors;
                if (data14 !== null) {
                    const err39 = { instancePath: instancePath + "/evidence/candidate", schemaPath: "#/properties/evidence/oneOf/1/properties/candidate/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                    if (vErrors === null) {
                        vErrors = [err39];
                    }
                    else {
                        vErrors.push(err39);
                    }
                    errors++;
                }
                var _valid3 = _errs45 === errors;
                if (_valid3) {
                    valid9 = true;
                    passing3 = 0;
                }
                const _errs47 = errors;
                if (!(validate27(data14, { instancePath: instancePath + "/evidence/candidate", parentData: data12, parentDataProperty: "candidate", rootData }))) {
                    vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
                    errors = vErrors.length;
                }
                var _valid3 = _errs47 === errors;
                if (_valid3 && valid9) {
                    valid9 = false;
                    passing3 = [passing3, 1];
                }
                else {
                    if (_valid3) {
                        valid9 = true;
                        passing3 = 1;
                    }
                }
                if (!valid9) {
                    const err40 = { instancePath: instancePath + "/evidence/candidate", schemaPath: "#/properties/evidence/oneOf/1/properties/candidate/oneOf", keyword: "oneOf", params: { passingSchemas: passing3 }, message: "must match exactly one schema in oneOf" };
                    if (vErrors === null) {
                        vErrors = [err40];
                    }
                    else {
                        vErrors.push(err40);
                    }
                    errors++;
                }
                else {
                    errors = _errs44;
                    if (vErrors !== null) {
                        if (_errs44) {
                            vErrors.length = _errs44;
                        }
                        else {
                            vErrors = null;
                        }
                    }
                }
            }
            if (data12.command !== undefined) {
                let data15 = data12.command;
                if ((typeof data15 !== "string") && (data15 !== null)) {
                    const err41 = { instancePath: instancePath + "/evidence/command", schemaPath: "#/properties/evidence/oneOf/1/properties/command/type", keyword: "type", params: { type: schema49.properties.evidence.oneOf[1].properties.command.type }, message: "must be string,null" };
                    if (vErrors === null) {
                        vErrors = [err41];
                    }
                    else {
                        vErrors.push(err41);
                    }
                    errors++;
                }
            }
        }
        else {
            const err42 = { instancePath: instancePath + "/evidence", schemaPath: "#/properties/evidence/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err42];
            }
            else {
                vErrors.push(err42);
            }
            errors++;
        }
        var _valid1 = _errs35 === errors;
        if (_valid1 && valid6) {
            valid6 = false;
            passing1 = [passing1, 1];
        }
        else {
            if (_valid1) {
                valid6 = true;
                passing1 = 1;
            }
        }
        if (!valid6) {
            const err43 = { instancePath: instancePath + "/evidence", schemaPath: "#/properties/evidence/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
                vErrors = [err43];
            }
            else {
                vErrors.push(err43);
            }
            errors++;
        }
        else {
            errors = _errs32;
            if (vErrors !== null) {
                if (_errs32) {
                    vErrors.length = _errs32;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
    if (data.caveats !== undefined) {
        let data16 = data.caveats;
        if (Array.isArray(data16)) {
            const len0 = data16.length;
            for (let i0 = 0; i0 < len0; i0++) {
                if (typeof data16[i0] !== "string") {
                    const err44 = { instancePath: instancePath + "/caveats/" + i0, schemaPath: "#/properties/caveats/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err44];
                    }
                    else {
                        vErrors.push(err44);
                    }
                    errors++;
                }
            }
        }
        else {
            const err45 = { instancePath: instancePath + "/caveats", schemaPath: "#/properties/caveats/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err45];
            }
            else {
                vErrors.push(err45);
            }
            errors++;
        }
    }
    if (data.details !== undefined) {
        let data18 = data.details;
        if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
            for (const key3 in data18) {
                let data19 = data18[key3];
                const _errs58 = errors;
                let valid13 = false;
                const _errs59 = errors;
                if (!((typeof data19 == "number") && (isFinite(data19)))) {
                    const err46 = { instancePath: instancePath + "/details/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/details/additionalProperties/anyOf/0/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err46];
                    }
                    else {
                        vErrors.push(err46);
                    }
                    errors++;
                }
                var _valid4 = _errs59 === errors;
                valid13 = valid13 || _valid4;
                if (!valid13) {
                    const _errs61 = errors;
                    if (typeof data19 !== "string") {
                        const err47 = { instancePath: instancePath + "/details/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/details/additionalProperties/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err47];
                        }
                        else {
                            vErrors.push(err47);
                        }
                        errors++;
                    }
                    var _valid4 = _errs61 === errors;
                    valid13 = valid13 || _valid4;
                    if (!valid13) {
                        const _errs63 = errors;
                        if (data19 !== null) {
                            const err48 = { instancePath: instancePath + "/details/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/details/additionalProperties/anyOf/2/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                            if (vErrors === null) {
                                vErrors = [err48];
                            }
                            else {
                                vErrors.push(err48);
                            }
                            errors++;
                        }
                        var _valid4 = _errs63 === errors;
                        valid13 = valid13 || _valid4;
                    }
                }
                if (!valid13) {
                    const err49 = { instancePath: instancePath + "/details/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/details/additionalProperties/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                    if (vErrors === null) {
                        vErrors = [err49];
                    }
                    else {
                        vErrors.push(err49);
                    }
                    errors++;
                }
                else {
                    errors = _errs58;
                    if (vErrors !== null) {
                        if (_errs58) {
                            vErrors.length = _errs58;
                        }
                        else {
                            vErrors = null;
                        }
                    }
                }
            }
        }
        else {
            const err50 = { instancePath: instancePath + "/details", schemaPath: "#/properties/details/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err50];
            }
            else {
                vErrors.push(err50);
            }
            errors++;
        }
    }
}
else {
    const err51 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err51];
    }
    else {
        vErrors.push(err51);
    }
    errors++;
} validate24.errors = vErrors; return errors === 0; }
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; const _errs2 = errors; let valid1 = true; const _errs3 = errors; if (errors === _errs3) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing0;
        if ((data.status === undefined) && (missing0 = "status")) {
            const err0 = {};
            if (vErrors === null) {
                vErrors = [err0];
            }
            else {
                vErrors.push(err0);
            }
            errors++;
        }
        else {
            if (data.status !== undefined) {
                if ("added" !== data.status) {
                    const err1 = {};
                    if (vErrors === null) {
                        vErrors = [err1];
                    }
                    else {
                        vErrors.push(err1);
                    }
                    errors++;
                }
            }
        }
    }
    else {
        const err2 = {};
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
} var _valid0 = _errs3 === errors; errors = _errs2; if (vErrors !== null) {
    if (_errs2) {
        vErrors.length = _errs2;
    }
    else {
        vErrors = null;
    }
} if (_valid0) {
    const _errs6 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.base !== undefined) {
            if (data.base !== null) {
                const err3 = { instancePath: instancePath + "/base", schemaPath: "#/allOf/0/then/properties/base/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                if (vErrors === null) {
                    vErrors = [err3];
                }
                else {
                    vErrors.push(err3);
                }
                errors++;
            }
        }
    }
    else {
        const err4 = { instancePath, schemaPath: "#/allOf/0/then/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    var _valid0 = _errs6 === errors;
    valid1 = _valid0;
} if (!valid1) {
    const err5 = { instancePath, schemaPath: "#/allOf/0/if", keyword: "if", params: { failingKeyword: "then" }, message: "must match \"then\" schema" };
    if (vErrors === null) {
        vErrors = [err5];
    }
    else {
        vErrors.push(err5);
    }
    errors++;
} const _errs11 = errors; let valid4 = true; const _errs12 = errors; if (errors === _errs12) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing1;
        if ((data.status === undefined) && (missing1 = "status")) {
            const err6 = {};
            if (vErrors === null) {
                vErrors = [err6];
            }
            else {
                vErrors.push(err6);
            }
            errors++;
        }
        else {
            if (data.status !== undefined) {
                if ("removed" !== data.status) {
                    const err7 = {};
                    if (vErrors === null) {
                        vErrors = [err7];
                    }
                    else {
                        vErrors.push(err7);
                    }
                    errors++;
                }
            }
        }
    }
    else {
        const err8 = {};
        if (vErrors === null) {
            vErrors = [err8];
        }
        else {
            vErrors.push(err8);
        }
        errors++;
    }
} var _valid1 = _errs12 === errors; errors = _errs11; if (vErrors !== null) {
    if (_errs11) {
        vErrors.length = _errs11;
    }
    else {
        vErrors = null;
    }
} if (_valid1) {
    const _errs15 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.head !== undefined) {
            if (data.head !== null) {
                const err9 = { instancePath: instancePath + "/head", schemaPath: "#/allOf/1/then/properties/head/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
        }
    }
    else {
        const err10 = { instancePath, schemaPath: "#/allOf/1/then/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
            vErrors = [err10];
        }
        else {
            vErrors.push(err10);
        }
        errors++;
    }
    var _valid1 = _errs15 === errors;
    valid4 = _valid1;
} if (!valid4) {
    const err11 = { instancePath, schemaPath: "#/allOf/1/if", keyword: "if", params: { failingKeyword: "then" }, message: "must match \"then\" schema" };
    if (vErrors === null) {
        vErrors = [err11];
    }
    else {
        vErrors.push(err11);
    }
    errors++;
} if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === undefined) {
        const err12 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
        if (vErrors === null) {
            vErrors = [err12];
        }
        else {
            vErrors.push(err12);
        }
        errors++;
    }
    if (data.team === undefined) {
        const err13 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "team" }, message: "must have required property '" + "team" + "'" };
        if (vErrors === null) {
            vErrors = [err13];
        }
        else {
            vErrors.push(err13);
        }
        errors++;
    }
    if (data.status === undefined) {
        const err14 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property '" + "status" + "'" };
        if (vErrors === null) {
            vErrors = [err14];
        }
        else {
            vErrors.push(err14);
        }
        errors++;
    }
    if (data.declared_in_pr === undefined) {
        const err15 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "declared_in_pr" }, message: "must have required property '" + "declared_in_pr" + "'" };
        if (vErrors === null) {
            vErrors = [err15];
        }
        else {
            vErrors.push(err15);
        }
        errors++;
    }
    if (data.base === undefined) {
        const err16 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "base" }, message: "must have required property '" + "base" + "'" };
        if (vErrors === null) {
            vErrors = [err16];
        }
        else {
            vErrors.push(err16);
        }
        errors++;
    }
    if (data.head === undefined) {
        const err17 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "head" }, message: "must have required property '" + "head" + "'" };
        if (vErrors === null) {
            vErrors = [err17];
        }
        else {
            vErrors.push(err17);
        }
        errors++;
    }
    if (data.delta === undefined) {
        const err18 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "delta" }, message: "must have required property '" + "delta" + "'" };
        if (vErrors === null) {
            vErrors = [err18];
        }
        else {
            vErrors.push(err18);
        }
        errors++;
    }
    if (data.changes === undefined) {
        const err19 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "changes" }, message: "must have required property '" + "changes" + "'" };
        if (vErrors === null) {
            vErrors = [err19];
        }
        else {
            vErrors.push(err19);
        }
        errors++;
    }
    if (data.notes === undefined) {
        const err20 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "notes" }, message: "must have required property '" + "notes" + "'" };
        if (vErrors === null) {
            vErrors = [err20];
        }
        else {
            vErrors.push(err20);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema20.properties, key0))) {
            const err21 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err21];
            }
            else {
                vErrors.push(err21);
            }
            errors++;
        }
    }
    if (data.id !== undefined) {
        let data4 = data.id;
        if (typeof data4 === "string") {
            if (!pattern2.test(data4)) {
                const err22 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/featureId/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]*$" }, message: "must match pattern \"" + "^[a-z0-9][a-z0-9._-]*$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err22];
                }
                else {
                    vErrors.push(err22);
                }
                errors++;
            }
        }
        else {
            const err23 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/featureId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err23];
            }
            else {
                vErrors.push(err23);
            }
            errors++;
        }
    }
    if (data.team !== undefined) {
        if (typeof data.team !== "string") {
            const err24 = { instancePath: instancePath + "/team", schemaPath: "#/properties/team/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err24];
            }
            else {
                vErrors.push(err24);
            }
            errors++;
        }
    }
    if (data.status !== undefined) {
        let data6 = data.status;
        if (!(((((data6 === "changed") || (data6 === "unchanged")) || (data6 === "added")) || (data6 === "removed")) || (data6 === "unpriced"))) {
            const err25 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/enum", keyword: "enum", params: { allowedValues: schema20.properties.status.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err25];
            }
            else {
                vErrors.push(err25);
            }
            errors++;
        }
    }
    if (data.declared_in_pr !== undefined) {
        if (typeof data.declared_in_pr !== "boolean") {
            const err26 = { instancePath: instancePath + "/declared_in_pr", schemaPath: "#/properties/declared_in_pr/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err26];
            }
            else {
                vErrors.push(err26);
            }
            errors++;
        }
    }
    if (data.base !== undefined) {
        if (!(validate14(data.base, { instancePath: instancePath + "/base", parentData: data, parentDataProperty: "base", rootData }))) {
            vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
            errors = vErrors.length;
        }
    }
    if (data.head !== undefined) {
        if (!(validate14(data.head, { instancePath: instancePath + "/head", parentData: data, parentDataProperty: "head", rootData }))) {
            vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
            errors = vErrors.length;
        }
    }
    if (data.delta !== undefined) {
        let data10 = data.delta;
        if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
            if (data10.per_request === undefined) {
                const err27 = { instancePath: instancePath + "/delta", schemaPath: "#/properties/delta/required", keyword: "required", params: { missingProperty: "per_request" }, message: "must have required property '" + "per_request" + "'" };
                if (vErrors === null) {
                    vErrors = [err27];
                }
                else {
                    vErrors.push(err27);
                }
                errors++;
            }
            if (data10.monthly === undefined) {
                const err28 = { instancePath: instancePath + "/delta", schemaPath: "#/properties/delta/required", keyword: "required", params: { missingProperty: "monthly" }, message: "must have required property '" + "monthly" + "'" };
                if (vErrors === null) {
                    vErrors = [err28];
                }
                else {
                    vErrors.push(err28);
                }
                errors++;
            }
            if (data10.monthly_percent === undefined) {
                const err29 = { instancePath: instancePath + "/delta", schemaPath: "#/properties/delta/required", keyword: "required", params: { missingProperty: "monthly_percent" }, message: "must have required property '" + "monthly_percent" + "'" };
                if (vErrors === null) {
                    vErrors = [err29];
                }
                else {
                    vErrors.push(err29);
                }
                errors++;
            }
            if (data10.monthly_ci95 === undefined) {
                const err30 = { instancePath: instancePath + "/delta", schemaPath: "#/properties/delta/required", keyword: "required", params: { missingProperty: "monthly_ci95" }, message: "must have required property '" + "monthly_ci95" + "'" };
                if (vErrors === null) {
                    vErrors = [err30];
                }
                else {
                    vErrors.push(err30);
                }
                errors++;
            }
            for (const key1 in data10) {
                if (!((((key1 === "per_request") || (key1 === "monthly")) || (key1 === "monthly_percent")) || (key1 === "monthly_ci95"))) {
                    const err31 = { instancePath: instancePath + "/delta", schemaPath: "#/properties/delta/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err31];
                    }
                    else {
                        vErrors.push(err31);
                    }
                    errors++;
                }
            }
            if (data10.per_request !== undefined) {
                let data11 = data10.per_request;
                if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
                    if (data11.mean === undefined) {
                        const err32 = { instancePath: instancePath + "/delta/per_request", schemaPath: "#/properties/delta/properties/per_request/required", keyword: "required", params: { missingProperty: "mean" }, message: "must have required property '" + "mean" + "'" };
                        if (vErrors === null) {
                            vErrors = [err32];
                        }
                        else {
                            vErrors.push(err32);
                        }
                        errors++;
                    }
                    if (data11.p95 === undefined) {
                        const err33 = { instancePath: instancePath + "/delta/per_request", schemaPath: "#/properties/delta/properties/per_request/required", keyword: "required", params: { missingProperty: "p95" }, message: "must have required property '" + "p95" + "'" };
                        if (vErrors === null) {
                            vErrors = [err33];
                        }
                        else {
                            vErrors.push(err33);
                        }
                        errors++;
                    }
                    for (const key2 in data11) {
                        if (!((key2 === "mean") || (key2 === "p95"))) {
                            const err34 = { instancePath: instancePath + "/delta/per_request", schemaPath: "#/properties/delta/properties/per_request/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err34];
                            }
                            else {
                                vErrors.push(err34);
                            }
                            errors++;
                        }
                    }
                    if (data11.mean !== undefined) {
                        let data12 = data11.mean;
                        if (!((typeof data12 == "number") && (isFinite(data12)))) {
                            const err35 = { instancePath: instancePath + "/delta/per_request/mean", schemaPath: "#/properties/delta/properties/per_request/properties/mean/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                            if (vErrors === null) {
                                vErrors = [err35];
                            }
                            else {
                                vErrors.push(err35);
                            }
                            errors++;
                        }
                    }
                    if (data11.p95 !== undefined) {
                        let data13 = data11.p95;
                        if (!((typeof data13 == "number") && (isFinite(data13)))) {
                            const err36 = { instancePath: instancePath + "/delta/per_request/p95", schemaPath: "#/properties/delta/properties/per_request/properties/p95/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                            if (vErrors === null) {
                                vErrors = [err36];
                            }
                            else {
                                vErrors.push(err36);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err37 = { instancePath: instancePath + "/delta/per_request", schemaPath: "#/properties/delta/properties/per_request/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err37];
                    }
                    else {
                        vErrors.push(err37);
                    }
                    errors++;
                }
            }
            if (data10.monthly !== undefined) {
                let data14 = data10.monthly;
                if (!((typeof data14 == "number") && (isFinite(data14)))) {
                    const err38 = { instancePath: instancePath + "/delta/monthly", schemaPath: "#/properties/delta/properties/monthly/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err38];
                    }
                    else {
                        vErrors.push(err38);
                    }
                    errors++;
                }
            }
            if (data10.monthly_percent !== undefined) {
                let data15 = data10.monthly_percent;
                if ((!((typeof data15 == "number") && (isFinite(data15)))) && (data15 !== null)) {
                    const err39 = { instancePath: instancePath + "/delta/monthly_percent", schemaPath: "#/definitions/percentOrNull/type", keyword: "type", params: { type: schema17.type }, message: "must be number,null" };
                    if (vErrors === null) {
                        vErrors = [err39];
                    }
                    else {
                        vErrors.push(err39);
                    }
                    errors++;
                }
            }
            if (data10.monthly_ci95 !== undefined) {
                if (!(validate11(data10.monthly_ci95, { instancePath: instancePath + "/delta/monthly_ci95", parentData: data10, parentDataProperty: "monthly_ci95", rootData }))) {
                    vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err40 = { instancePath: instancePath + "/delta", schemaPath: "#/properties/delta/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err40];
            }
            else {
                vErrors.push(err40);
            }
            errors++;
        }
    }
    if (data.changes !== undefined) {
        let data17 = data.changes;
        if (Array.isArray(data17)) {
            const len0 = data17.length;
            for (let i0 = 0; i0 < len0; i0++) {
                if (!(validate22(data17[i0], { instancePath: instancePath + "/changes/" + i0, parentData: data17, parentDataProperty: i0, rootData }))) {
                    vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err41 = { instancePath: instancePath + "/changes", schemaPath: "#/properties/changes/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err41];
            }
            else {
                vErrors.push(err41);
            }
            errors++;
        }
    }
    if (data.notes !== undefined) {
        let data19 = data.notes;
        if (Array.isArray(data19)) {
            const len1 = data19.length;
            for (let i1 = 0; i1 < len1; i1++) {
                if (typeof data19[i1] !== "string") {
                    const err42 = { instancePath: instancePath + "/notes/" + i1, schemaPath: "#/properties/notes/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err42];
                    }
                    else {
                        vErrors.push(err42);
                    }
                    errors++;
                }
            }
        }
        else {
            const err43 = { instancePath: instancePath + "/notes", schemaPath: "#/properties/notes/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err43];
            }
            else {
                vErrors.push(err43);
            }
            errors++;
        }
    }
    if (data.renamed_from !== undefined) {
        let data21 = data.renamed_from;
        if (typeof data21 === "string") {
            if (!pattern2.test(data21)) {
                const err44 = { instancePath: instancePath + "/renamed_from", schemaPath: "#/definitions/featureId/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]*$" }, message: "must match pattern \"" + "^[a-z0-9][a-z0-9._-]*$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err44];
                }
                else {
                    vErrors.push(err44);
                }
                errors++;
            }
        }
        else {
            const err45 = { instancePath: instancePath + "/renamed_from", schemaPath: "#/definitions/featureId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err45];
            }
            else {
                vErrors.push(err45);
            }
            errors++;
        }
    }
    if (data.copied_from !== undefined) {
        let data22 = data.copied_from;
        if (typeof data22 === "string") {
            if (!pattern2.test(data22)) {
                const err46 = { instancePath: instancePath + "/copied_from", schemaPath: "#/definitions/featureId/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]*$" }, message: "must match pattern \"" + "^[a-z0-9][a-z0-9._-]*$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err46];
                }
                else {
                    vErrors.push(err46);
                }
                errors++;
            }
        }
        else {
            const err47 = { instancePath: instancePath + "/copied_from", schemaPath: "#/definitions/featureId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err47];
            }
            else {
                vErrors.push(err47);
            }
            errors++;
        }
    }
    if (data.volume_declared_in_pr !== undefined) {
        if (typeof data.volume_declared_in_pr !== "boolean") {
            const err48 = { instancePath: instancePath + "/volume_declared_in_pr", schemaPath: "#/properties/volume_declared_in_pr/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err48];
            }
            else {
                vErrors.push(err48);
            }
            errors++;
        }
    }
    if (data.artifact !== undefined) {
        if (typeof data.artifact !== "string") {
            const err49 = { instancePath: instancePath + "/artifact", schemaPath: "#/properties/artifact/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err49];
            }
            else {
                vErrors.push(err49);
            }
            errors++;
        }
    }
    if (data.suggestions !== undefined) {
        let data25 = data.suggestions;
        if (Array.isArray(data25)) {
            const len2 = data25.length;
            for (let i2 = 0; i2 < len2; i2++) {
                if (!(validate24(data25[i2], { instancePath: instancePath + "/suggestions/" + i2, parentData: data25, parentDataProperty: i2, rootData }))) {
                    vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err50 = { instancePath: instancePath + "/suggestions", schemaPath: "#/properties/suggestions/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err50];
            }
            else {
                vErrors.push(err50);
            }
            errors++;
        }
    }
    if (data.priced_by_pr !== undefined) {
        let data27 = data.priced_by_pr;
        if (Array.isArray(data27)) {
            const len3 = data27.length;
            for (let i3 = 0; i3 < len3; i3++) {
                let data28 = data27[i3];
                if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
                    if (data28.side === undefined) {
                        const err51 = { instancePath: instancePath + "/priced_by_pr/" + i3, schemaPath: "#/properties/priced_by_pr/items/required", keyword: "required", params: { missingProperty: "side" }, message: "must have required property '" + "side" + "'" };
                        if (vErrors === null) {
                            vErrors = [err51];
                        }
                        else {
                            vErrors.push(err51);
                        }
                        errors++;
                    }
                    if (data28.model === undefined) {
                        const err52 = { instancePath: instancePath + "/priced_by_pr/" + i3, schemaPath: "#/properties/priced_by_pr/items/required", keyword: "required", params: { missingProperty: "model" }, message: "must have required property '" + "model" + "'" };
                        if (vErrors === null) {
                            vErrors = [err52];
                        }
                        else {
                            vErrors.push(err52);
                        }
                        errors++;
                    }
                    if (data28.file === undefined) {
                        const err53 = { instancePath: instancePath + "/priced_by_pr/" + i3, schemaPath: "#/properties/priced_by_pr/items/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property '" + "file" + "'" };
                        if (vErrors === null) {
                            vErrors = [err53];
                        }
                        else {
                            vErrors.push(err53);
                        }
                        errors++;
                    }
                    if (data28.line === undefined) {
                        const err54 = { instancePath: instancePath + "/priced_by_pr/" + i3, schemaPath: "#/properties/priced_by_pr/items/required", keyword: "required", params: { missingProperty: "line" }, message: "must have required property '" + "line" + "'" };
                        if (vErrors === null) {
                            vErrors = [err54];
                        }
                        else {
                            vErrors.push(err54);
                        }
                        errors++;
                    }
                    if (data28.declared === undefined) {
                        const err55 = { instancePath: instancePath + "/priced_by_pr/" + i3, schemaPath: "#/properties/priced_by_pr/items/required", keyword: "required", params: { missingProperty: "declared" }, message: "must have required property '" + "declared" + "'" };
                        if (vErrors === null) {
                            vErrors = [err55];
                        }
                        else {
                            vErrors.push(err55);
                        }
                        errors++;
                    }
                    for (const key3 in data28) {
                        if (!(((((key3 === "side") || (key3 === "model")) || (key3 === "file")) || (key3 === "line")) || (key3 === "declared"))) {
                            const err56 = { instancePath: instancePath + "/priced_by_pr/" + i3, schemaPath: "#/properties/priced_by_pr/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err56];
                            }
                            else {
                                vErrors.push(err56);
                            }
                            errors++;
                        }
                    }
                    if (data28.side !== undefined) {
                        let data29 = data28.side;
                        if (!((data29 === "base") || (data29 === "head"))) {
                            const err57 = { instancePath: instancePath + "/priced_by_pr/" + i3 + "/side", schemaPath: "#/properties/priced_by_pr/items/properties/side/enum", keyword: "enum", params: { allowedValues: schema20.properties.priced_by_pr.items.properties.side.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err57];
                            }
                            else {
                                vErrors.push(err57);
                            }
                            errors++;
                        }
                    }
                    if (data28.model !== undefined) {
                        if (typeof data28.model !== "string") {
                            const err58 = { instancePath: instancePath + "/priced_by_pr/" + i3 + "/model", schemaPath: "#/properties/priced_by_pr/items/properties/model/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err58];
                            }
                            else {
                                vErrors.push(err58);
                            }
                            errors++;
                        }
                    }
                    if (data28.file !== undefined) {
                        let data31 = data28.file;
                        if ((typeof data31 !== "string") && (data31 !== null)) {
                            const err59 = { instancePath: instancePath + "/priced_by_pr/" + i3 + "/file", schemaPath: "#/properties/priced_by_pr/items/properties/file/type", keyword: "type", params: { type: schema20.properties.priced_by_pr.items.properties.file.type }, message: "must be string,null" };
                            if (vErrors === null) {
                                vErrors = [err59];
                            }
                            else {
                                vErrors.push(err59);
                            }
                            errors++;
                        }
                    }
                    if (data28.line !== undefined) {
                        let data32 = data28.line;
                        if ((!(((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32))) && (isFinite(data32)))) && (data32 !== null)) {
                            const err60 = { instancePath: instancePath + "/priced_by_pr/" + i3 + "/line", schemaPath: "#/definitions/line/type", keyword: "type", params: { type: schema46.type }, message: "must be integer,null" };
                            if (vErrors === null) {
                                vErrors = [err60];
                            }
                            else {
                                vErrors.push(err60);
                            }
                            errors++;
                        }
                        if ((typeof data32 == "number") && (isFinite(data32))) {
                            if (data32 < 1 || isNaN(data32)) {
                                const err61 = { instancePath: instancePath + "/priced_by_pr/" + i3 + "/line", schemaPath: "#/definitions/line/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                                if (vErrors === null) {
                                    vErrors = [err61];
                                }
                                else {
                                    vErrors.push(err61);
                                }
                                errors++;
                            }
                        }
                    }
                    if (data28.declared !== undefined) {
                        let data33 = data28.declared;
                        if (Array.isArray(data33)) {
                            const len4 = data33.length;
                            for (let i4 = 0; i4 < len4; i4++) {
                                let data34 = data33[i4];
                                if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
                                    if (data34.key === undefined) {
                                        const err62 = { instancePath: instancePath + "/priced_by_pr/" + i3 + "/declared/" + i4, schemaPath: "#/properties/priced_by_pr/items/properties/declared/items/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property '" + "key" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err62];
                                        }
                                        else {
                                            vErrors.push(err62);
                                        }
                                        errors++;
                                    }
                                    if (data34.value === undefined) {
                                        const err63 = { instancePath: instancePath + "/priced_by_pr/" + i3 + "/declared/" + i4, schemaPath: "#/properties/priced_by_pr/items/properties/declared/items/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property '" + "value" + "'" };
                                        if (vErrors === null) {
                                            vErrors = [err63];
                                        }
                                        else {
                                            vErrors.push(err63);
                                        }
                                        errors++;
                                    }
                                    for (const key4 in data34) {
                                        if (!((key4 === "key") || (key4 === "value"))) {
                                            const err64 = { instancePath: instancePath + "/priced_by_pr/" + i3 + "/declared/" + i4, schemaPath: "#/properties/priced_by_pr/items/properties/declared/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                                            if (vErrors === null) {
                                                vErrors = [err64];
                                            }
                                            else {
                                                vErrors.push(err64);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data34.key !== undefined) {
                                        if (typeof data34.key !== "string") {
                                            const err65 = { instancePath: instancePath + "/priced_by_pr/" + i3 + "/declared/" + i4 + "/key", schemaPath: "#/properties/priced_by_pr/items/properties/declared/items/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err65];
                                            }
                                            else {
                                                vErrors.push(err65);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err66 = { instancePath: instancePath + "/priced_by_pr/" + i3 + "/declared/" + i4, schemaPath: "#/properties/priced_by_pr/items/properties/declared/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                    if (vErrors === null) {
                                        vErrors = [err66];
                                    }
                                    else {
                                        vErrors.push(err66);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err67 = { instancePath: instancePath + "/priced_by_pr/" + i3 + "/declared", schemaPath: "#/properties/priced_by_pr/items/properties/declared/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            if (vErrors === null) {
                                vErrors = [err67];
                            }
                            else {
                                vErrors.push(err67);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err68 = { instancePath: instancePath + "/priced_by_pr/" + i3, schemaPath: "#/properties/priced_by_pr/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err68];
                    }
                    else {
                        vErrors.push(err68);
                    }
                    errors++;
                }
            }
        }
        else {
            const err69 = { instancePath: instancePath + "/priced_by_pr", schemaPath: "#/properties/priced_by_pr/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err69];
            }
            else {
                vErrors.push(err69);
            }
            errors++;
        }
    }
}
else {
    const err70 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err70];
    }
    else {
        vErrors.push(err70);
    }
    errors++;
} validate13.errors = vErrors; return errors === 0; }
const schema58 = report_schema_namespaceObject.definitions.team;
function validate32(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.team === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "team" }, message: "must have required property '" + "team" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.budget === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "budget" }, message: "must have required property '" + "budget" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.base === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "base" }, message: "must have required property '" + "base" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.head === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "head" }, message: "must have required property '" + "head" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.other_monthly_spend === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "other_monthly_spend" }, message: "must have required property '" + "other_monthly_spend" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    if (data.head_ci95 === undefined) {
        const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "head_ci95" }, message: "must have required property '" + "head_ci95" + "'" };
        if (vErrors === null) {
            vErrors = [err5];
        }
        else {
            vErrors.push(err5);
        }
        errors++;
    }
    if (data.status === undefined) {
        const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property '" + "status" + "'" };
        if (vErrors === null) {
            vErrors = [err6];
        }
        else {
            vErrors.push(err6);
        }
        errors++;
    }
    if (data.owners === undefined) {
        const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "owners" }, message: "must have required property '" + "owners" + "'" };
        if (vErrors === null) {
            vErrors = [err7];
        }
        else {
            vErrors.push(err7);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!((((((((key0 === "team") || (key0 === "budget")) || (key0 === "base")) || (key0 === "head")) || (key0 === "other_monthly_spend")) || (key0 === "head_ci95")) || (key0 === "status")) || (key0 === "owners"))) {
            const err8 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err8];
            }
            else {
                vErrors.push(err8);
            }
            errors++;
        }
    }
    if (data.team !== undefined) {
        if (typeof data.team !== "string") {
            const err9 = { instancePath: instancePath + "/team", schemaPath: "#/properties/team/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err9];
            }
            else {
                vErrors.push(err9);
            }
            errors++;
        }
    }
    if (data.budget !== undefined) {
        let data1 = data.budget;
        if ((!((typeof data1 == "number") && (isFinite(data1)))) && (data1 !== null)) {
            const err10 = { instancePath: instancePath + "/budget", schemaPath: "#/properties/budget/type", keyword: "type", params: { type: schema58.properties.budget.type }, message: "must be number,null" };
            if (vErrors === null) {
                vErrors = [err10];
            }
            else {
                vErrors.push(err10);
            }
            errors++;
        }
        if ((typeof data1 == "number") && (isFinite(data1))) {
            if (data1 < 0 || isNaN(data1)) {
                const err11 = { instancePath: instancePath + "/budget", schemaPath: "#/properties/budget/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err11];
                }
                else {
                    vErrors.push(err11);
                }
                errors++;
            }
        }
    }
    if (data.base !== undefined) {
        let data2 = data.base;
        if ((typeof data2 == "number") && (isFinite(data2))) {
            if (data2 < 0 || isNaN(data2)) {
                const err12 = { instancePath: instancePath + "/base", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err12];
                }
                else {
                    vErrors.push(err12);
                }
                errors++;
            }
        }
        else {
            const err13 = { instancePath: instancePath + "/base", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
                vErrors = [err13];
            }
            else {
                vErrors.push(err13);
            }
            errors++;
        }
    }
    if (data.head !== undefined) {
        let data3 = data.head;
        if ((typeof data3 == "number") && (isFinite(data3))) {
            if (data3 < 0 || isNaN(data3)) {
                const err14 = { instancePath: instancePath + "/head", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err14];
                }
                else {
                    vErrors.push(err14);
                }
                errors++;
            }
        }
        else {
            const err15 = { instancePath: instancePath + "/head", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
                vErrors = [err15];
            }
            else {
                vErrors.push(err15);
            }
            errors++;
        }
    }
    if (data.other_monthly_spend !== undefined) {
        let data4 = data.other_monthly_spend;
        if ((typeof data4 == "number") && (isFinite(data4))) {
            if (data4 < 0 || isNaN(data4)) {
                const err16 = { instancePath: instancePath + "/other_monthly_spend", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err16];
                }
                else {
                    vErrors.push(err16);
                }
                errors++;
            }
        }
        else {
            const err17 = { instancePath: instancePath + "/other_monthly_spend", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
                vErrors = [err17];
            }
            else {
                vErrors.push(err17);
            }
            errors++;
        }
    }
    if (data.head_ci95 !== undefined) {
        if (!(validate11(data.head_ci95, { instancePath: instancePath + "/head_ci95", parentData: data, parentDataProperty: "head_ci95", rootData }))) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
        }
    }
    if (data.status !== undefined) {
        let data6 = data.status;
        if (!(((data6 === "ok") || (data6 === "warn")) || (data6 === "breach"))) {
            const err18 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/enum", keyword: "enum", params: { allowedValues: schema58.properties.status.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err18];
            }
            else {
                vErrors.push(err18);
            }
            errors++;
        }
    }
    if (data.owners !== undefined) {
        let data7 = data.owners;
        if (Array.isArray(data7)) {
            const len0 = data7.length;
            for (let i0 = 0; i0 < len0; i0++) {
                if (typeof data7[i0] !== "string") {
                    const err19 = { instancePath: instancePath + "/owners/" + i0, schemaPath: "#/properties/owners/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err19];
                    }
                    else {
                        vErrors.push(err19);
                    }
                    errors++;
                }
            }
        }
        else {
            const err20 = { instancePath: instancePath + "/owners", schemaPath: "#/properties/owners/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err20];
            }
            else {
                vErrors.push(err20);
            }
            errors++;
        }
    }
}
else {
    const err21 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err21];
    }
    else {
        vErrors.push(err21);
    }
    errors++;
} validate32.errors = vErrors; return errors === 0; }
const schema62 = report_schema_namespaceObject.definitions.violation;
function validate35(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.rule === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rule" }, message: "must have required property '" + "rule" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.severity === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "severity" }, message: "must have required property '" + "severity" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.overridden === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "overridden" }, message: "must have required property '" + "overridden" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.team === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "team" }, message: "must have required property '" + "team" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.feature === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "feature" }, message: "must have required property '" + "feature" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    if (data.file === undefined) {
        const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property '" + "file" + "'" };
        if (vErrors === null) {
            vErrors = [err5];
        }
        else {
            vErrors.push(err5);
        }
        errors++;
    }
    if (data.line === undefined) {
        const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "line" }, message: "must have required property '" + "line" + "'" };
        if (vErrors === null) {
            vErrors = [err6];
        }
        else {
            vErrors.push(err6);
        }
        errors++;
    }
    if (data.message === undefined) {
        const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property '" + "message" + "'" };
        if (vErrors === null) {
            vErrors = [err7];
        }
        else {
            vErrors.push(err7);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema62.properties, key0))) {
            const err8 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err8];
            }
            else {
                vErrors.push(err8);
            }
            errors++;
        }
    }
    if (data.rule !== undefined) {
        let data0 = data.rule;
        if (!(((((((((((data0 === "budget") || (data0 === "budget_warn")) || (data0 === "max_monthly_increase")) || (data0 === "max_monthly_increase_percent")) || (data0 === "max_cost_per_request")) || (data0 === "allowed_models")) || (data0 === "unpriced_change")) || (data0 === "unbounded_increase")) || (data0 === "base_error")) || (data0 === "pr_declared_price")) || (data0 === "require_cheaper_model_review"))) {
            const err9 = { instancePath: instancePath + "/rule", schemaPath: "#/properties/rule/enum", keyword: "enum", params: { allowedValues: schema62.properties.rule.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err9];
            }
            else {
                vErrors.push(err9);
            }
            errors++;
        }
    }
    if (data.severity !== undefined) {
        let data1 = data.severity;
        if (!((data1 === "error") || (data1 === "warning"))) {
            const err10 = { instancePath: instancePath + "/severity", schemaPath: "#/properties/severity/enum", keyword: "enum", params: { allowedValues: schema62.properties.severity.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err10];
            }
            else {
                vErrors.push(err10);
            }
            errors++;
        }
    }
    if (data.overridden !== undefined) {
        if (typeof data.overridden !== "boolean") {
            const err11 = { instancePath: instancePath + "/overridden", schemaPath: "#/properties/overridden/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err11];
            }
            else {
                vErrors.push(err11);
            }
            errors++;
        }
    }
    if (data.team !== undefined) {
        let data3 = data.team;
        if ((typeof data3 !== "string") && (data3 !== null)) {
            const err12 = { instancePath: instancePath + "/team", schemaPath: "#/properties/team/type", keyword: "type", params: { type: schema62.properties.team.type }, message: "must be string,null" };
            if (vErrors === null) {
                vErrors = [err12];
            }
            else {
                vErrors.push(err12);
            }
            errors++;
        }
    }
    if (data.feature !== undefined) {
        let data4 = data.feature;
        const _errs9 = errors;
        let valid1 = false;
        let passing0 = null;
        const _errs10 = errors;
        if (typeof data4 === "string") {
            if (!pattern2.test(data4)) {
                const err13 = { instancePath: instancePath + "/feature", schemaPath: "#/definitions/featureId/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]*$" }, message: "must match pattern \"" + "^[a-z0-9][a-z0-9._-]*$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err13];
                }
                else {
                    vErrors.push(err13);
                }
                errors++;
            }
        }
        else {
            const err14 = { instancePath: instancePath + "/feature", schemaPath: "#/definitions/featureId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err14];
            }
            else {
                vErrors.push(err14);
            }
            errors++;
        }
        var _valid0 = _errs10 === errors;
        if (_valid0) {
            valid1 = true;
            passing0 = 0;
        }
        const _errs13 = errors;
        if (data4 !== null) {
            const err15 = { instancePath: instancePath + "/feature", schemaPath: "#/properties/feature/oneOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
            if (vErrors === null) {
                vErrors = [err15];
            }
            else {
                vErrors.push(err15);
            }
            errors++;
        }
        var _valid0 = _errs13 === errors;
        if (_valid0 && valid1) {
            valid1 = false;
            passing0 = [passing0, 1];
        }
        else {
            if (_valid0) {
                valid1 = true;
                passing0 = 1;
            }
        }
        if (!valid1) {
            const err16 = { instancePath: instancePath + "/feature", schemaPath: "#/properties/feature/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
        else {
            errors = _errs9;
            if (vErrors !== null) {
                if (_errs9) {
                    vErrors.length = _errs9;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
    if (data.file !== undefined) {
        let data5 = data.file;
        if ((typeof data5 !== "string") && (data5 !== null)) {
            const err17 = { instancePath: instancePath + "/file", schemaPath: "#/properties/file/type", keyword: "type", params: { type: schema62.properties.file.type }, message: "must be string,null" };
            if (vErrors === null) {
                vErrors = [err17];
            }
            else {
                vErrors.push(err17);
            }
            errors++;
        }
    }
    if (data.line !== undefined) {
        let data6 = data.line;
        if ((!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))) && (data6 !== null)) {
            const err18 = { instancePath: instancePath + "/line", schemaPath: "#/definitions/line/type", keyword: "type", params: { type: schema46.type }, message: "must be integer,null" };
            if (vErrors === null) {
                vErrors = [err18];
            }
            else {
                vErrors.push(err18);
            }
            errors++;
        }
        if ((typeof data6 == "number") && (isFinite(data6))) {
            if (data6 < 1 || isNaN(data6)) {
                const err19 = { instancePath: instancePath + "/line", schemaPath: "#/definitions/line/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                if (vErrors === null) {
                    vErrors = [err19];
                }
                else {
                    vErrors.push(err19);
                }
                errors++;
            }
        }
    }
    if (data.message !== undefined) {
        if (typeof data.message !== "string") {
            const err20 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err20];
            }
            else {
                vErrors.push(err20);
            }
            errors++;
        }
    }
    if (data.unit !== undefined) {
        let data8 = data.unit;
        if (!(((data8 === "usd_month") || (data8 === "percent")) || (data8 === "usd_request"))) {
            const err21 = { instancePath: instancePath + "/unit", schemaPath: "#/properties/unit/enum", keyword: "enum", params: { allowedValues: schema62.properties.unit.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err21];
            }
            else {
                vErrors.push(err21);
            }
            errors++;
        }
    }
    if (data.limit !== undefined) {
        let data9 = data.limit;
        if (!((typeof data9 == "number") && (isFinite(data9)))) {
            const err22 = { instancePath: instancePath + "/limit", schemaPath: "#/properties/limit/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
                vErrors = [err22];
            }
            else {
                vErrors.push(err22);
            }
            errors++;
        }
    }
    if (data.value !== undefined) {
        let data10 = data.value;
        if (!((typeof data10 == "number") && (isFinite(data10)))) {
            const err23 = { instancePath: instancePath + "/value", schemaPath: "#/properties/value/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
                vErrors = [err23];
            }
            else {
                vErrors.push(err23);
            }
            errors++;
        }
    }
    if (data.value_ci95 !== undefined) {
        if (!(validate11(data.value_ci95, { instancePath: instancePath + "/value_ci95", parentData: data, parentDataProperty: "value_ci95", rootData }))) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
        }
    }
    if (data.cause !== undefined) {
        let data12 = data.cause;
        const _errs29 = errors;
        let valid4 = false;
        let passing1 = null;
        const _errs30 = errors;
        if (data12 !== null) {
            const err24 = { instancePath: instancePath + "/cause", schemaPath: "#/properties/cause/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
            if (vErrors === null) {
                vErrors = [err24];
            }
            else {
                vErrors.push(err24);
            }
            errors++;
        }
        var _valid1 = _errs30 === errors;
        if (_valid1) {
            valid4 = true;
            passing1 = 0;
        }
        const _errs32 = errors;
        if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            if (data12.feature === undefined) {
                const err25 = { instancePath: instancePath + "/cause", schemaPath: "#/properties/cause/oneOf/1/required", keyword: "required", params: { missingProperty: "feature" }, message: "must have required property '" + "feature" + "'" };
                if (vErrors === null) {
                    vErrors = [err25];
                }
                else {
                    vErrors.push(err25);
                }
                errors++;
            }
            if (data12.summary === undefined) {
                const err26 = { instancePath: instancePath + "/cause", schemaPath: "#/properties/cause/oneOf/1/required", keyword: "required", params: { missingProperty: "summary" }, message: "must have required property '" + "summary" + "'" };
                if (vErrors === null) {
                    vErrors = [err26];
                }
                else {
                    vErrors.push(err26);
                }
                errors++;
            }
            if (data12.monthly_effect === undefined) {
                const err27 = { instancePath: instancePath + "/cause", schemaPath: "#/properties/cause/oneOf/1/required", keyword: "required", params: { missingProperty: "monthly_effect" }, message: "must have required property '" + "monthly_effect" + "'" };
                if (vErrors === null) {
                    vErrors = [err27];
                }
                else {
                    vErrors.push(err27);
                }
                errors++;
            }
            if (data12.file === undefined) {
                const err28 = { instancePath: instancePath + "/cause", schemaPath: "#/properties/cause/oneOf/1/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property '" + "file" + "'" };
                if (vErrors === null) {
                    vErrors = [err28];
                }
                else {
                    vErrors.push(err28);
                }
                errors++;
            }
            if (data12.line === undefined) {
                const err29 = { instancePath: instancePath + "/cause", schemaPath: "#/properties/cause/oneOf/1/required", keyword: "required", params: { missingProperty: "line" }, message: "must have required property '" + "line" + "'" };
                if (vErrors === null) {
                    vErrors = [err29];
                }
                else {
                    vErrors.push(err29);
                }
                errors++;
            }
            for (const key1 in data12) {
                if (!(((((key1 === "feature") || (key1 === "summary")) || (key1 === "monthly_effect")) || (key1 === "file")) || (key1 === "line"))) {
                    const err30 = { instancePath: instancePath + "/cause", schemaPath: "#/properties/cause/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err30];
                    }
                    else {
                        vErrors.push(err30);
                    }
                    errors++;
                }
            }
            if (data12.feature !== undefined) {
                if (typeof data12.feature !== "string") {
                    const err31 = { instancePath: instancePath + "/cause/feature", schemaPath: "#/properties/cause/oneOf/1/properties/feature/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err31];
                    }
                    else {
                        vErrors.push(err31);
                    }
                    errors++;
                }
            }
            if (data12.summary !== undefined) {
                if (typeof data12.summary !== "string") {
                    const err32 = { instancePath: instancePath + "/cause/summary", schemaPath: "#/properties/cause/oneOf/1/properties/summary/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err32];
                    }
                    else {
                        vErrors.push(err32);
                    }
                    errors++;
                }
            }
            if (data12.monthly_effect !== undefined) {
                let data15 = data12.monthly_effect;
                if (!((typeof data15 == "number") && (isFinite(data15)))) {
                    const err33 = { instancePath: instancePath + "/cause/monthly_effect", schemaPath: "#/properties/cause/oneOf/1/properties/monthly_effect/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                    if (vErrors === null) {
                        vErrors = [err33];
                    }
                    else {
                        vErrors.push(err33);
                    }
                    errors++;
                }
            }
            if (data12.file !== undefined) {
                let data16 = data12.file;
                if ((typeof data16 !== "string") && (data16 !== null)) {
                    const err34 = { instancePath: instancePath + "/cause/file", schemaPath: "#/properties/cause/oneOf/1/properties/file/type", keyword: "type", params: { type: schema62.properties.cause.oneOf[1].properties.file.type }, message: "must be string,null" };
                    if (vErrors === null) {
                        vErrors = [err34];
                    }
                    else {
                        vErrors.push(err34);
                    }
                    errors++;
                }
            }
            if (data12.line !== undefined) {
                let data17 = data12.line;
                if ((!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))) && (data17 !== null)) {
                    const err35 = { instancePath: instancePath + "/cause/line", schemaPath: "#/definitions/line/type", keyword: "type", params: { type: schema46.type }, message: "must be integer,null" };
                    if (vErrors === null) {
                        vErrors = [err35];
                    }
                    else {
                        vErrors.push(err35);
                    }
                    errors++;
                }
                if ((typeof data17 == "number") && (isFinite(data17))) {
                    if (data17 < 1 || isNaN(data17)) {
                        const err36 = { instancePath: instancePath + "/cause/line", schemaPath: "#/definitions/line/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                        if (vErrors === null) {
                            vErrors = [err36];
                        }
                        else {
                            vErrors.push(err36);
                        }
                        errors++;
                    }
                }
            }
        }
        else {
            const err37 = { instancePath: instancePath + "/cause", schemaPath: "#/properties/cause/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err37];
            }
            else {
                vErrors.push(err37);
            }
            errors++;
        }
        var _valid1 = _errs32 === errors;
        if (_valid1 && valid4) {
            valid4 = false;
            passing1 = [passing1, 1];
        }
        else {
            if (_valid1) {
                valid4 = true;
                passing1 = 1;
            }
        }
        if (!valid4) {
            const err38 = { instancePath: instancePath + "/cause", schemaPath: "#/properties/cause/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
                vErrors = [err38];
            }
            else {
                vErrors.push(err38);
            }
            errors++;
        }
        else {
            errors = _errs29;
            if (vErrors !== null) {
                if (_errs29) {
                    vErrors.length = _errs29;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
}
else {
    const err39 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err39];
    }
    else {
        vErrors.push(err39);
    }
    errors++;
} validate35.errors = vErrors; return errors === 0; }
const schema66 = report_schema_namespaceObject.definitions.unpricedChange;
function validate38(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property '" + "kind" + "'" };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.file === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property '" + "file" + "'" };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.line === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "line" }, message: "must have required property '" + "line" + "'" };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    if (data.summary === undefined) {
        const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "summary" }, message: "must have required property '" + "summary" + "'" };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
    if (data.price_ratio === undefined) {
        const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "price_ratio" }, message: "must have required property '" + "price_ratio" + "'" };
        if (vErrors === null) {
            vErrors = [err4];
        }
        else {
            vErrors.push(err4);
        }
        errors++;
    }
    if (data.hint === undefined) {
        const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "hint" }, message: "must have required property '" + "hint" + "'" };
        if (vErrors === null) {
            vErrors = [err5];
        }
        else {
            vErrors.push(err5);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!((((((key0 === "kind") || (key0 === "file")) || (key0 === "line")) || (key0 === "summary")) || (key0 === "price_ratio")) || (key0 === "hint"))) {
            const err6 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err6];
            }
            else {
                vErrors.push(err6);
            }
            errors++;
        }
    }
    if (data.kind !== undefined) {
        let data0 = data.kind;
        if (!(((((data0 === "prompt-file") || (data0 === "agent-file")) || (data0 === "model-config")) || (data0 === "env")) || (data0 === "code"))) {
            const err7 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/enum", keyword: "enum", params: { allowedValues: schema66.properties.kind.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err7];
            }
            else {
                vErrors.push(err7);
            }
            errors++;
        }
    }
    if (data.file !== undefined) {
        if (typeof data.file !== "string") {
            const err8 = { instancePath: instancePath + "/file", schemaPath: "#/properties/file/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err8];
            }
            else {
                vErrors.push(err8);
            }
            errors++;
        }
    }
    if (data.line !== undefined) {
        let data2 = data.line;
        if ((!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))) && (data2 !== null)) {
            const err9 = { instancePath: instancePath + "/line", schemaPath: "#/definitions/line/type", keyword: "type", params: { type: schema46.type }, message: "must be integer,null" };
            if (vErrors === null) {
                vErrors = [err9];
            }
            else {
                vErrors.push(err9);
            }
            errors++;
        }
        if ((typeof data2 == "number") && (isFinite(data2))) {
            if (data2 < 1 || isNaN(data2)) {
                const err10 = { instancePath: instancePath + "/line", schemaPath: "#/definitions/line/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                if (vErrors === null) {
                    vErrors = [err10];
                }
                else {
                    vErrors.push(err10);
                }
                errors++;
            }
        }
    }
    if (data.summary !== undefined) {
        if (typeof data.summary !== "string") {
            const err11 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err11];
            }
            else {
                vErrors.push(err11);
            }
            errors++;
        }
    }
    if (data.price_ratio !== undefined) {
        let data4 = data.price_ratio;
        if ((!((typeof data4 == "number") && (isFinite(data4)))) && (data4 !== null)) {
            const err12 = { instancePath: instancePath + "/price_ratio", schemaPath: "#/properties/price_ratio/type", keyword: "type", params: { type: schema66.properties.price_ratio.type }, message: "must be number,null" };
            if (vErrors === null) {
                vErrors = [err12];
            }
            else {
                vErrors.push(err12);
            }
            errors++;
        }
        if ((typeof data4 == "number") && (isFinite(data4))) {
            if (data4 < 0 || isNaN(data4)) {
                const err13 = { instancePath: instancePath + "/price_ratio", schemaPath: "#/properties/price_ratio/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                    vErrors = [err13];
                }
                else {
                    vErrors.push(err13);
                }
                errors++;
            }
        }
    }
    if (data.hint !== undefined) {
        if (typeof data.hint !== "string") {
            const err14 = { instancePath: instancePath + "/hint", schemaPath: "#/properties/hint/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err14];
            }
            else {
                vErrors.push(err14);
            }
            errors++;
        }
    }
}
else {
    const err15 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err15];
    }
    else {
        vErrors.push(err15);
    }
    errors++;
} validate38.errors = vErrors; return errors === 0; }
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; const _errs1 = errors; let valid0 = true; const _errs2 = errors; if (errors === _errs2) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing0;
        if ((data.violations === undefined) && (missing0 = "violations")) {
            const err0 = {};
            if (vErrors === null) {
                vErrors = [err0];
            }
            else {
                vErrors.push(err0);
            }
            errors++;
        }
        else {
            if (data.violations !== undefined) {
                let data0 = data.violations;
                const _errs4 = errors;
                if (errors === _errs4) {
                    if (Array.isArray(data0)) {
                        const _errs6 = errors;
                        const len0 = data0.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                            let data1 = data0[i0];
                            const _errs7 = errors;
                            if (errors === _errs7) {
                                if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
                                    let missing1;
                                    if ((data1.severity === undefined) && (missing1 = "severity")) {
                                        const err1 = {};
                                        if (vErrors === null) {
                                            vErrors = [err1];
                                        }
                                        else {
                                            vErrors.push(err1);
                                        }
                                        errors++;
                                    }
                                    else {
                                        if (data1.severity !== undefined) {
                                            if ("error" !== data1.severity) {
                                                const err2 = {};
                                                if (vErrors === null) {
                                                    vErrors = [err2];
                                                }
                                                else {
                                                    vErrors.push(err2);
                                                }
                                                errors++;
                                            }
                                        }
                                    }
                                }
                                else {
                                    const err3 = {};
                                    if (vErrors === null) {
                                        vErrors = [err3];
                                    }
                                    else {
                                        vErrors.push(err3);
                                    }
                                    errors++;
                                }
                            }
                            var valid2 = _errs7 === errors;
                            if (valid2) {
                                break;
                            }
                        }
                        if (!valid2) {
                            const err4 = {};
                            if (vErrors === null) {
                                vErrors = [err4];
                            }
                            else {
                                vErrors.push(err4);
                            }
                            errors++;
                        }
                        else {
                            errors = _errs6;
                            if (vErrors !== null) {
                                if (_errs6) {
                                    vErrors.length = _errs6;
                                }
                                else {
                                    vErrors = null;
                                }
                            }
                        }
                    }
                    else {
                        const err5 = {};
                        if (vErrors === null) {
                            vErrors = [err5];
                        }
                        else {
                            vErrors.push(err5);
                        }
                        errors++;
                    }
                }
            }
        }
    }
    else {
        const err6 = {};
        if (vErrors === null) {
            vErrors = [err6];
        }
        else {
            vErrors.push(err6);
        }
        errors++;
    }
} var _valid0 = _errs2 === errors; errors = _errs1; if (vErrors !== null) {
    if (_errs1) {
        vErrors.length = _errs1;
    }
    else {
        vErrors = null;
    }
} let ifClause0; if (_valid0) {
    const _errs10 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.breached !== undefined) {
            if (true !== data.breached) {
                const err7 = { instancePath: instancePath + "/breached", schemaPath: "#/then/properties/breached/const", keyword: "const", params: { allowedValue: true }, message: "must be equal to constant" };
                if (vErrors === null) {
                    vErrors = [err7];
                }
                else {
                    vErrors.push(err7);
                }
                errors++;
            }
        }
    }
    else {
        const err8 = { instancePath, schemaPath: "#/then/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
            vErrors = [err8];
        }
        else {
            vErrors.push(err8);
        }
        errors++;
    }
    var _valid0 = _errs10 === errors;
    valid0 = _valid0;
    ifClause0 = "then";
}
else {
    const _errs13 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.breached !== undefined) {
            if (false !== data.breached) {
                const err9 = { instancePath: instancePath + "/breached", schemaPath: "#/else/properties/breached/const", keyword: "const", params: { allowedValue: false }, message: "must be equal to constant" };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
        }
    }
    else {
        const err10 = { instancePath, schemaPath: "#/else/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
            vErrors = [err10];
        }
        else {
            vErrors.push(err10);
        }
        errors++;
    }
    var _valid0 = _errs13 === errors;
    valid0 = _valid0;
    ifClause0 = "else";
} if (!valid0) {
    const err11 = { instancePath, schemaPath: "#/if", keyword: "if", params: { failingKeyword: ifClause0 }, message: "must match \"" + ifClause0 + "\" schema" };
    if (vErrors === null) {
        vErrors = [err11];
    }
    else {
        vErrors.push(err11);
    }
    errors++;
} if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.schema_version === undefined) {
        const err12 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "schema_version" }, message: "must have required property '" + "schema_version" + "'" };
        if (vErrors === null) {
            vErrors = [err12];
        }
        else {
            vErrors.push(err12);
        }
        errors++;
    }
    if (data.currency === undefined) {
        const err13 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "currency" }, message: "must have required property '" + "currency" + "'" };
        if (vErrors === null) {
            vErrors = [err13];
        }
        else {
            vErrors.push(err13);
        }
        errors++;
    }
    if (data.base === undefined) {
        const err14 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "base" }, message: "must have required property '" + "base" + "'" };
        if (vErrors === null) {
            vErrors = [err14];
        }
        else {
            vErrors.push(err14);
        }
        errors++;
    }
    if (data.head === undefined) {
        const err15 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "head" }, message: "must have required property '" + "head" + "'" };
        if (vErrors === null) {
            vErrors = [err15];
        }
        else {
            vErrors.push(err15);
        }
        errors++;
    }
    if (data.pricing_date === undefined) {
        const err16 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "pricing_date" }, message: "must have required property '" + "pricing_date" + "'" };
        if (vErrors === null) {
            vErrors = [err16];
        }
        else {
            vErrors.push(err16);
        }
        errors++;
    }
    if (data.catalog === undefined) {
        const err17 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "catalog" }, message: "must have required property '" + "catalog" + "'" };
        if (vErrors === null) {
            vErrors = [err17];
        }
        else {
            vErrors.push(err17);
        }
        errors++;
    }
    if (data.policy_source === undefined) {
        const err18 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "policy_source" }, message: "must have required property '" + "policy_source" + "'" };
        if (vErrors === null) {
            vErrors = [err18];
        }
        else {
            vErrors.push(err18);
        }
        errors++;
    }
    if (data.totals === undefined) {
        const err19 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "totals" }, message: "must have required property '" + "totals" + "'" };
        if (vErrors === null) {
            vErrors = [err19];
        }
        else {
            vErrors.push(err19);
        }
        errors++;
    }
    if (data.features === undefined) {
        const err20 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "features" }, message: "must have required property '" + "features" + "'" };
        if (vErrors === null) {
            vErrors = [err20];
        }
        else {
            vErrors.push(err20);
        }
        errors++;
    }
    if (data.teams === undefined) {
        const err21 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "teams" }, message: "must have required property '" + "teams" + "'" };
        if (vErrors === null) {
            vErrors = [err21];
        }
        else {
            vErrors.push(err21);
        }
        errors++;
    }
    if (data.violations === undefined) {
        const err22 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "violations" }, message: "must have required property '" + "violations" + "'" };
        if (vErrors === null) {
            vErrors = [err22];
        }
        else {
            vErrors.push(err22);
        }
        errors++;
    }
    if (data.unpriced_changes === undefined) {
        const err23 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "unpriced_changes" }, message: "must have required property '" + "unpriced_changes" + "'" };
        if (vErrors === null) {
            vErrors = [err23];
        }
        else {
            vErrors.push(err23);
        }
        errors++;
    }
    if (data.proposed_config === undefined) {
        const err24 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "proposed_config" }, message: "must have required property '" + "proposed_config" + "'" };
        if (vErrors === null) {
            vErrors = [err24];
        }
        else {
            vErrors.push(err24);
        }
        errors++;
    }
    if (data.notices === undefined) {
        const err25 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "notices" }, message: "must have required property '" + "notices" + "'" };
        if (vErrors === null) {
            vErrors = [err25];
        }
        else {
            vErrors.push(err25);
        }
        errors++;
    }
    if (data.breached === undefined) {
        const err26 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "breached" }, message: "must have required property '" + "breached" + "'" };
        if (vErrors === null) {
            vErrors = [err26];
        }
        else {
            vErrors.push(err26);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema11.properties, key0))) {
            const err27 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err27];
            }
            else {
                vErrors.push(err27);
            }
            errors++;
        }
    }
    if (data.schema_version !== undefined) {
        if (1 !== data.schema_version) {
            const err28 = { instancePath: instancePath + "/schema_version", schemaPath: "#/properties/schema_version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
            if (vErrors === null) {
                vErrors = [err28];
            }
            else {
                vErrors.push(err28);
            }
            errors++;
        }
    }
    if (data.currency !== undefined) {
        if ("USD" !== data.currency) {
            const err29 = { instancePath: instancePath + "/currency", schemaPath: "#/properties/currency/const", keyword: "const", params: { allowedValue: "USD" }, message: "must be equal to constant" };
            if (vErrors === null) {
                vErrors = [err29];
            }
            else {
                vErrors.push(err29);
            }
            errors++;
        }
    }
    if (data.base !== undefined) {
        let data7 = data.base;
        if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
            if (data7.rev === undefined) {
                const err30 = { instancePath: instancePath + "/base", schemaPath: "#/definitions/revision/required", keyword: "required", params: { missingProperty: "rev" }, message: "must have required property '" + "rev" + "'" };
                if (vErrors === null) {
                    vErrors = [err30];
                }
                else {
                    vErrors.push(err30);
                }
                errors++;
            }
            for (const key1 in data7) {
                if (!(key1 === "rev")) {
                    const err31 = { instancePath: instancePath + "/base", schemaPath: "#/definitions/revision/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err31];
                    }
                    else {
                        vErrors.push(err31);
                    }
                    errors++;
                }
            }
            if (data7.rev !== undefined) {
                let data8 = data7.rev;
                if (typeof data8 === "string") {
                    if (func3(data8) < 1) {
                        const err32 = { instancePath: instancePath + "/base/rev", schemaPath: "#/definitions/revision/properties/rev/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err32];
                        }
                        else {
                            vErrors.push(err32);
                        }
                        errors++;
                    }
                }
                else {
                    const err33 = { instancePath: instancePath + "/base/rev", schemaPath: "#/definitions/revision/properties/rev/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err33];
                    }
                    else {
                        vErrors.push(err33);
                    }
                    errors++;
                }
            }
        }
        else {
            const err34 = { instancePath: instancePath + "/base", schemaPath: "#/definitions/revision/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err34];
            }
            else {
                vErrors.push(err34);
            }
            errors++;
        }
    }
    if (data.head !== undefined) {
        let data9 = data.head;
        if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
            if (data9.rev === undefined) {
                const err35 = { instancePath: instancePath + "/head", schemaPath: "#/definitions/revision/required", keyword: "required", params: { missingProperty: "rev" }, message: "must have required property '" + "rev" + "'" };
                if (vErrors === null) {
                    vErrors = [err35];
                }
                else {
                    vErrors.push(err35);
                }
                errors++;
            }
            for (const key2 in data9) {
                if (!(key2 === "rev")) {
                    const err36 = { instancePath: instancePath + "/head", schemaPath: "#/definitions/revision/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err36];
                    }
                    else {
                        vErrors.push(err36);
                    }
                    errors++;
                }
            }
            if (data9.rev !== undefined) {
                let data10 = data9.rev;
                if (typeof data10 === "string") {
                    if (func3(data10) < 1) {
                        const err37 = { instancePath: instancePath + "/head/rev", schemaPath: "#/definitions/revision/properties/rev/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err37];
                        }
                        else {
                            vErrors.push(err37);
                        }
                        errors++;
                    }
                }
                else {
                    const err38 = { instancePath: instancePath + "/head/rev", schemaPath: "#/definitions/revision/properties/rev/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err38];
                    }
                    else {
                        vErrors.push(err38);
                    }
                    errors++;
                }
            }
        }
        else {
            const err39 = { instancePath: instancePath + "/head", schemaPath: "#/definitions/revision/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err39];
            }
            else {
                vErrors.push(err39);
            }
            errors++;
        }
    }
    if (data.pricing_date !== undefined) {
        let data11 = data.pricing_date;
        if (typeof data11 === "string") {
            if (!pattern0.test(data11)) {
                const err40 = { instancePath: instancePath + "/pricing_date", schemaPath: "#/definitions/date/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" }, message: "must match pattern \"" + "^\\d{4}-\\d{2}-\\d{2}$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err40];
                }
                else {
                    vErrors.push(err40);
                }
                errors++;
            }
        }
        else {
            const err41 = { instancePath: instancePath + "/pricing_date", schemaPath: "#/definitions/date/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err41];
            }
            else {
                vErrors.push(err41);
            }
            errors++;
        }
    }
    if (data.catalog !== undefined) {
        let data12 = data.catalog;
        if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            if (data12.source === undefined) {
                const err42 = { instancePath: instancePath + "/catalog", schemaPath: "#/properties/catalog/required", keyword: "required", params: { missingProperty: "source" }, message: "must have required property '" + "source" + "'" };
                if (vErrors === null) {
                    vErrors = [err42];
                }
                else {
                    vErrors.push(err42);
                }
                errors++;
            }
            if (data12.version === undefined) {
                const err43 = { instancePath: instancePath + "/catalog", schemaPath: "#/properties/catalog/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property '" + "version" + "'" };
                if (vErrors === null) {
                    vErrors = [err43];
                }
                else {
                    vErrors.push(err43);
                }
                errors++;
            }
            if (data12.data_date === undefined) {
                const err44 = { instancePath: instancePath + "/catalog", schemaPath: "#/properties/catalog/required", keyword: "required", params: { missingProperty: "data_date" }, message: "must have required property '" + "data_date" + "'" };
                if (vErrors === null) {
                    vErrors = [err44];
                }
                else {
                    vErrors.push(err44);
                }
                errors++;
            }
            if (data12.overrides === undefined) {
                const err45 = { instancePath: instancePath + "/catalog", schemaPath: "#/properties/catalog/required", keyword: "required", params: { missingProperty: "overrides" }, message: "must have required property '" + "overrides" + "'" };
                if (vErrors === null) {
                    vErrors = [err45];
                }
                else {
                    vErrors.push(err45);
                }
                errors++;
            }
            for (const key3 in data12) {
                if (!((((key3 === "source") || (key3 === "version")) || (key3 === "data_date")) || (key3 === "overrides"))) {
                    const err46 = { instancePath: instancePath + "/catalog", schemaPath: "#/properties/catalog/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err46];
                    }
                    else {
                        vErrors.push(err46);
                    }
                    errors++;
                }
            }
            if (data12.source !== undefined) {
                let data13 = data12.source;
                if (typeof data13 === "string") {
                    if (func3(data13) < 1) {
                        const err47 = { instancePath: instancePath + "/catalog/source", schemaPath: "#/properties/catalog/properties/source/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err47];
                        }
                        else {
                            vErrors.push(err47);
                        }
                        errors++;
                    }
                }
                else {
                    const err48 = { instancePath: instancePath + "/catalog/source", schemaPath: "#/properties/catalog/properties/source/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err48];
                    }
                    else {
                        vErrors.push(err48);
                    }
                    errors++;
                }
            }
            if (data12.version !== undefined) {
                if (typeof data12.version !== "string") {
                    const err49 = { instancePath: instancePath + "/catalog/version", schemaPath: "#/properties/catalog/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err49];
                    }
                    else {
                        vErrors.push(err49);
                    }
                    errors++;
                }
            }
            if (data12.data_date !== undefined) {
                let data15 = data12.data_date;
                if (typeof data15 === "string") {
                    if (!pattern1.test(data15)) {
                        const err50 = { instancePath: instancePath + "/catalog/data_date", schemaPath: "#/properties/catalog/properties/data_date/pattern", keyword: "pattern", params: { pattern: "^(\\d{4}-\\d{2}-\\d{2})?$" }, message: "must match pattern \"" + "^(\\d{4}-\\d{2}-\\d{2})?$" + "\"" };
                        if (vErrors === null) {
                            vErrors = [err50];
                        }
                        else {
                            vErrors.push(err50);
                        }
                        errors++;
                    }
                }
                else {
                    const err51 = { instancePath: instancePath + "/catalog/data_date", schemaPath: "#/properties/catalog/properties/data_date/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err51];
                    }
                    else {
                        vErrors.push(err51);
                    }
                    errors++;
                }
            }
            if (data12.overrides !== undefined) {
                let data16 = data12.overrides;
                if (!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))) {
                    const err52 = { instancePath: instancePath + "/catalog/overrides", schemaPath: "#/properties/catalog/properties/overrides/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                        vErrors = [err52];
                    }
                    else {
                        vErrors.push(err52);
                    }
                    errors++;
                }
                if ((typeof data16 == "number") && (isFinite(data16))) {
                    if (data16 < 0 || isNaN(data16)) {
                        const err53 = { instancePath: instancePath + "/catalog/overrides", schemaPath: "#/properties/catalog/properties/overrides/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                        if (vErrors === null) {
                            vErrors = [err53];
                        }
                        else {
                            vErrors.push(err53);
                        }
                        errors++;
                    }
                }
            }
        }
        else {
            const err54 = { instancePath: instancePath + "/catalog", schemaPath: "#/properties/catalog/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err54];
            }
            else {
                vErrors.push(err54);
            }
            errors++;
        }
    }
    if (data.policy_source !== undefined) {
        let data17 = data.policy_source;
        if (!((data17 === "base") || (data17 === "head (adoption)"))) {
            const err55 = { instancePath: instancePath + "/policy_source", schemaPath: "#/properties/policy_source/enum", keyword: "enum", params: { allowedValues: schema11.properties.policy_source.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err55];
            }
            else {
                vErrors.push(err55);
            }
            errors++;
        }
    }
    if (data.totals !== undefined) {
        let data18 = data.totals;
        if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
            if (data18.monthly === undefined) {
                const err56 = { instancePath: instancePath + "/totals", schemaPath: "#/properties/totals/required", keyword: "required", params: { missingProperty: "monthly" }, message: "must have required property '" + "monthly" + "'" };
                if (vErrors === null) {
                    vErrors = [err56];
                }
                else {
                    vErrors.push(err56);
                }
                errors++;
            }
            for (const key4 in data18) {
                if (!(key4 === "monthly")) {
                    const err57 = { instancePath: instancePath + "/totals", schemaPath: "#/properties/totals/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err57];
                    }
                    else {
                        vErrors.push(err57);
                    }
                    errors++;
                }
            }
            if (data18.monthly !== undefined) {
                let data19 = data18.monthly;
                if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
                    if (data19.base === undefined) {
                        const err58 = { instancePath: instancePath + "/totals/monthly", schemaPath: "#/properties/totals/properties/monthly/required", keyword: "required", params: { missingProperty: "base" }, message: "must have required property '" + "base" + "'" };
                        if (vErrors === null) {
                            vErrors = [err58];
                        }
                        else {
                            vErrors.push(err58);
                        }
                        errors++;
                    }
                    if (data19.head === undefined) {
                        const err59 = { instancePath: instancePath + "/totals/monthly", schemaPath: "#/properties/totals/properties/monthly/required", keyword: "required", params: { missingProperty: "head" }, message: "must have required property '" + "head" + "'" };
                        if (vErrors === null) {
                            vErrors = [err59];
                        }
                        else {
                            vErrors.push(err59);
                        }
                        errors++;
                    }
                    if (data19.delta === undefined) {
                        const err60 = { instancePath: instancePath + "/totals/monthly", schemaPath: "#/properties/totals/properties/monthly/required", keyword: "required", params: { missingProperty: "delta" }, message: "must have required property '" + "delta" + "'" };
                        if (vErrors === null) {
                            vErrors = [err60];
                        }
                        else {
                            vErrors.push(err60);
                        }
                        errors++;
                    }
                    if (data19.delta_percent === undefined) {
                        const err61 = { instancePath: instancePath + "/totals/monthly", schemaPath: "#/properties/totals/properties/monthly/required", keyword: "required", params: { missingProperty: "delta_percent" }, message: "must have required property '" + "delta_percent" + "'" };
                        if (vErrors === null) {
                            vErrors = [err61];
                        }
                        else {
                            vErrors.push(err61);
                        }
                        errors++;
                    }
                    if (data19.delta_ci95 === undefined) {
                        const err62 = { instancePath: instancePath + "/totals/monthly", schemaPath: "#/properties/totals/properties/monthly/required", keyword: "required", params: { missingProperty: "delta_ci95" }, message: "must have required property '" + "delta_ci95" + "'" };
                        if (vErrors === null) {
                            vErrors = [err62];
                        }
                        else {
                            vErrors.push(err62);
                        }
                        errors++;
                    }
                    for (const key5 in data19) {
                        if (!(((((key5 === "base") || (key5 === "head")) || (key5 === "delta")) || (key5 === "delta_percent")) || (key5 === "delta_ci95"))) {
                            const err63 = { instancePath: instancePath + "/totals/monthly", schemaPath: "#/properties/totals/properties/monthly/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err63];
                            }
                            else {
                                vErrors.push(err63);
                            }
                            errors++;
                        }
                    }
                    if (data19.base !== undefined) {
                        let data20 = data19.base;
                        if ((typeof data20 == "number") && (isFinite(data20))) {
                            if (data20 < 0 || isNaN(data20)) {
                                const err64 = { instancePath: instancePath + "/totals/monthly/base", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                if (vErrors === null) {
                                    vErrors = [err64];
                                }
                                else {
                                    vErrors.push(err64);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err65 = { instancePath: instancePath + "/totals/monthly/base", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                            if (vErrors === null) {
                                vErrors = [err65];
                            }
                            else {
                                vErrors.push(err65);
                            }
                            errors++;
                        }
                    }
                    if (data19.head !== undefined) {
                        let data21 = data19.head;
                        if ((typeof data21 == "number") && (isFinite(data21))) {
                            if (data21 < 0 || isNaN(data21)) {
                                const err66 = { instancePath: instancePath + "/totals/monthly/head", schemaPath: "#/definitions/money/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                if (vErrors === null) {
                                    vErrors = [err66];
                                }
                                else {
                                    vErrors.push(err66);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err67 = { instancePath: instancePath + "/totals/monthly/head", schemaPath: "#/definitions/money/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                            if (vErrors === null) {
                                vErrors = [err67];
                            }
                            else {
                                vErrors.push(err67);
                            }
                            errors++;
                        }
                    }
                    if (data19.delta !== undefined) {
                        let data22 = data19.delta;
                        if (!((typeof data22 == "number") && (isFinite(data22)))) {
                            const err68 = { instancePath: instancePath + "/totals/monthly/delta", schemaPath: "#/properties/totals/properties/monthly/properties/delta/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                            if (vErrors === null) {
                                vErrors = [err68];
                            }
                            else {
                                vErrors.push(err68);
                            }
                            errors++;
                        }
                    }
                    if (data19.delta_percent !== undefined) {
                        let data23 = data19.delta_percent;
                        if ((!((typeof data23 == "number") && (isFinite(data23)))) && (data23 !== null)) {
                            const err69 = { instancePath: instancePath + "/totals/monthly/delta_percent", schemaPath: "#/definitions/percentOrNull/type", keyword: "type", params: { type: schema17.type }, message: "must be number,null" };
                            if (vErrors === null) {
                                vErrors = [err69];
                            }
                            else {
                                vErrors.push(err69);
                            }
                            errors++;
                        }
                    }
                    if (data19.delta_ci95 !== undefined) {
                        if (!(validate11(data19.delta_ci95, { instancePath: instancePath + "/totals/monthly/delta_ci95", parentData: data19, parentDataProperty: "delta_ci95", rootData }))) {
                            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                            errors = vErrors.length;
                        }
                    }
                }
                else {
                    const err70 = { instancePath: instancePath + "/totals/monthly", schemaPath: "#/properties/totals/properties/monthly/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err70];
                    }
                    else {
                        vErrors.push(err70);
                    }
                    errors++;
                }
            }
        }
        else {
            const err71 = { instancePath: instancePath + "/totals", schemaPath: "#/properties/totals/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err71];
            }
            else {
                vErrors.push(err71);
            }
            errors++;
        }
    }
    if (data.features !== undefined) {
        let data25 = data.features;
        if (Array.isArray(data25)) {
            const len1 = data25.length;
            for (let i1 = 0; i1 < len1; i1++) {
                if (!(validate13(data25[i1], { instancePath: instancePath + "/features/" + i1, parentData: data25, parentDataProperty: i1, rootData }))) {
                    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err72 = { instancePath: instancePath + "/features", schemaPath: "#/properties/features/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err72];
            }
            else {
                vErrors.push(err72);
            }
            errors++;
        }
    }
    if (data.teams !== undefined) {
        let data27 = data.teams;
        if (Array.isArray(data27)) {
            const len2 = data27.length;
            for (let i2 = 0; i2 < len2; i2++) {
                if (!(validate32(data27[i2], { instancePath: instancePath + "/teams/" + i2, parentData: data27, parentDataProperty: i2, rootData }))) {
                    vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err73 = { instancePath: instancePath + "/teams", schemaPath: "#/properties/teams/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err73];
            }
            else {
                vErrors.push(err73);
            }
            errors++;
        }
    }
    if (data.violations !== undefined) {
        let data29 = data.violations;
        if (Array.isArray(data29)) {
            const len3 = data29.length;
            for (let i3 = 0; i3 < len3; i3++) {
                if (!(validate35(data29[i3], { instancePath: instancePath + "/violations/" + i3, parentData: data29, parentDataProperty: i3, rootData }))) {
                    vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err74 = { instancePath: instancePath + "/violations", schemaPath: "#/properties/violations/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err74];
            }
            else {
                vErrors.push(err74);
            }
            errors++;
        }
    }
    if (data.unpriced_changes !== undefined) {
        let data31 = data.unpriced_changes;
        if (Array.isArray(data31)) {
            const len4 = data31.length;
            for (let i4 = 0; i4 < len4; i4++) {
                if (!(validate38(data31[i4], { instancePath: instancePath + "/unpriced_changes/" + i4, parentData: data31, parentDataProperty: i4, rootData }))) {
                    vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err75 = { instancePath: instancePath + "/unpriced_changes", schemaPath: "#/properties/unpriced_changes/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err75];
            }
            else {
                vErrors.push(err75);
            }
            errors++;
        }
    }
    if (data.proposed_config !== undefined) {
        let data33 = data.proposed_config;
        if (Array.isArray(data33)) {
            const len5 = data33.length;
            for (let i5 = 0; i5 < len5; i5++) {
                let data34 = data33[i5];
                if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
                    if (data34.path === undefined) {
                        const err76 = { instancePath: instancePath + "/proposed_config/" + i5, schemaPath: "#/definitions/proposedConfig/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property '" + "path" + "'" };
                        if (vErrors === null) {
                            vErrors = [err76];
                        }
                        else {
                            vErrors.push(err76);
                        }
                        errors++;
                    }
                    if (data34.base === undefined) {
                        const err77 = { instancePath: instancePath + "/proposed_config/" + i5, schemaPath: "#/definitions/proposedConfig/required", keyword: "required", params: { missingProperty: "base" }, message: "must have required property '" + "base" + "'" };
                        if (vErrors === null) {
                            vErrors = [err77];
                        }
                        else {
                            vErrors.push(err77);
                        }
                        errors++;
                    }
                    if (data34.head === undefined) {
                        const err78 = { instancePath: instancePath + "/proposed_config/" + i5, schemaPath: "#/definitions/proposedConfig/required", keyword: "required", params: { missingProperty: "head" }, message: "must have required property '" + "head" + "'" };
                        if (vErrors === null) {
                            vErrors = [err78];
                        }
                        else {
                            vErrors.push(err78);
                        }
                        errors++;
                    }
                    if (data34.effect === undefined) {
                        const err79 = { instancePath: instancePath + "/proposed_config/" + i5, schemaPath: "#/definitions/proposedConfig/required", keyword: "required", params: { missingProperty: "effect" }, message: "must have required property '" + "effect" + "'" };
                        if (vErrors === null) {
                            vErrors = [err79];
                        }
                        else {
                            vErrors.push(err79);
                        }
                        errors++;
                    }
                    for (const key6 in data34) {
                        if (!((((key6 === "path") || (key6 === "base")) || (key6 === "head")) || (key6 === "effect"))) {
                            const err80 = { instancePath: instancePath + "/proposed_config/" + i5, schemaPath: "#/definitions/proposedConfig/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                            if (vErrors === null) {
                                vErrors = [err80];
                            }
                            else {
                                vErrors.push(err80);
                            }
                            errors++;
                        }
                    }
                    if (data34.path !== undefined) {
                        if (typeof data34.path !== "string") {
                            const err81 = { instancePath: instancePath + "/proposed_config/" + i5 + "/path", schemaPath: "#/definitions/proposedConfig/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err81];
                            }
                            else {
                                vErrors.push(err81);
                            }
                            errors++;
                        }
                    }
                    if (data34.effect !== undefined) {
                        if (typeof data34.effect !== "string") {
                            const err82 = { instancePath: instancePath + "/proposed_config/" + i5 + "/effect", schemaPath: "#/definitions/proposedConfig/properties/effect/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err82];
                            }
                            else {
                                vErrors.push(err82);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err83 = { instancePath: instancePath + "/proposed_config/" + i5, schemaPath: "#/definitions/proposedConfig/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err83];
                    }
                    else {
                        vErrors.push(err83);
                    }
                    errors++;
                }
            }
        }
        else {
            const err84 = { instancePath: instancePath + "/proposed_config", schemaPath: "#/properties/proposed_config/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err84];
            }
            else {
                vErrors.push(err84);
            }
            errors++;
        }
    }
    if (data.notices !== undefined) {
        let data37 = data.notices;
        if (Array.isArray(data37)) {
            const len6 = data37.length;
            for (let i6 = 0; i6 < len6; i6++) {
                if (typeof data37[i6] !== "string") {
                    const err85 = { instancePath: instancePath + "/notices/" + i6, schemaPath: "#/properties/notices/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err85];
                    }
                    else {
                        vErrors.push(err85);
                    }
                    errors++;
                }
            }
        }
        else {
            const err86 = { instancePath: instancePath + "/notices", schemaPath: "#/properties/notices/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err86];
            }
            else {
                vErrors.push(err86);
            }
            errors++;
        }
    }
    if (data.breached !== undefined) {
        if (typeof data.breached !== "boolean") {
            const err87 = { instancePath: instancePath + "/breached", schemaPath: "#/properties/breached/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err87];
            }
            else {
                vErrors.push(err87);
            }
            errors++;
        }
    }
    if (data.policy !== undefined) {
        let data40 = data.policy;
        if (data40 && typeof data40 == "object" && !Array.isArray(data40)) {
            if (data40.override_label === undefined) {
                const err88 = { instancePath: instancePath + "/policy", schemaPath: "#/properties/policy/required", keyword: "required", params: { missingProperty: "override_label" }, message: "must have required property '" + "override_label" + "'" };
                if (vErrors === null) {
                    vErrors = [err88];
                }
                else {
                    vErrors.push(err88);
                }
                errors++;
            }
            if (data40.override_approvers === undefined) {
                const err89 = { instancePath: instancePath + "/policy", schemaPath: "#/properties/policy/required", keyword: "required", params: { missingProperty: "override_approvers" }, message: "must have required property '" + "override_approvers" + "'" };
                if (vErrors === null) {
                    vErrors = [err89];
                }
                else {
                    vErrors.push(err89);
                }
                errors++;
            }
            for (const key7 in data40) {
                if (!((key7 === "override_label") || (key7 === "override_approvers"))) {
                    const err90 = { instancePath: instancePath + "/policy", schemaPath: "#/properties/policy/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err90];
                    }
                    else {
                        vErrors.push(err90);
                    }
                    errors++;
                }
            }
            if (data40.override_label !== undefined) {
                let data41 = data40.override_label;
                if ((typeof data41 !== "string") && (data41 !== null)) {
                    const err91 = { instancePath: instancePath + "/policy/override_label", schemaPath: "#/properties/policy/properties/override_label/type", keyword: "type", params: { type: schema11.properties.policy.properties.override_label.type }, message: "must be string,null" };
                    if (vErrors === null) {
                        vErrors = [err91];
                    }
                    else {
                        vErrors.push(err91);
                    }
                    errors++;
                }
            }
            if (data40.override_approvers !== undefined) {
                let data42 = data40.override_approvers;
                if (Array.isArray(data42)) {
                    const len7 = data42.length;
                    for (let i7 = 0; i7 < len7; i7++) {
                        if (typeof data42[i7] !== "string") {
                            const err92 = { instancePath: instancePath + "/policy/override_approvers/" + i7, schemaPath: "#/properties/policy/properties/override_approvers/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err92];
                            }
                            else {
                                vErrors.push(err92);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err93 = { instancePath: instancePath + "/policy/override_approvers", schemaPath: "#/properties/policy/properties/override_approvers/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err93];
                    }
                    else {
                        vErrors.push(err93);
                    }
                    errors++;
                }
            }
        }
        else {
            const err94 = { instancePath: instancePath + "/policy", schemaPath: "#/properties/policy/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err94];
            }
            else {
                vErrors.push(err94);
            }
            errors++;
        }
    }
}
else {
    const err95 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err95];
    }
    else {
        vErrors.push(err95);
    }
    errors++;
} validate10.errors = vErrors; return errors === 0; }

;// CONCATENATED MODULE: ./src/report/schema.ts


/** The published report schema as a plain object. */
const reportSchema = report_schema_namespaceObject;
/** Errors reported at most; a hostile file could otherwise produce one per array item. */
const MAX_ERRORS = 20;
/**
 * ajv's code for the schema, generated at build time (scripts/gen-validators.mjs; strict mode keeps
 * the published schema honest), so nothing is compiled at run time.
 */
function validator() {
    return validate;
}
/**
 * Checks that `json` is a complete diff report of schema version 1. Errors name the JSON pointer
 * of the value and what is wrong with it, e.g. `/features/0/status: must be equal to one of the
 * allowed values (changed, unchanged, added, removed, unpriced)`.
 */
function validateReport(json) {
    const validate = validator();
    if (validate(json))
        return { ok: true };
    const errors = [];
    for (const e of validate.errors ?? []) {
        // if/then and oneOf report their branches' errors as well; the branch errors say more.
        if (e.keyword === 'if' || e.keyword === 'oneOf')
            continue;
        const where = e.instancePath || '(root)';
        const params = e.params;
        let detail = e.message ?? 'is not valid';
        if (e.keyword === 'additionalProperties')
            detail = `unknown key "${String(params.additionalProperty)}"`;
        if (e.keyword === 'enum')
            detail += ` (${params.allowedValues.map(String).join(', ')})`;
        if (e.keyword === 'const')
            detail += ` (${JSON.stringify(params.allowedValue)})`;
        const line = `${where}: ${detail}`;
        if (!errors.includes(line))
            errors.push(line);
        if (errors.length === MAX_ERRORS) {
            errors.push('(more errors left out)');
            break;
        }
    }
    if (errors.length === 0)
        errors.push('(root): is not a valid aicost diff report');
    return { ok: false, errors };
}


/***/ })

};
