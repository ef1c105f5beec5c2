export const id = 755;
export const ids = [755];
export const modules = {

/***/ 2755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMMENT_MAX_CHARS: () => (/* reexport */ COMMENT_MAX_CHARS),
  SUMMARY_MAX_BYTES: () => (/* reexport */ SUMMARY_MAX_BYTES),
  diffMarkdown: () => (/* reexport */ diffMarkdown),
  diffText: () => (/* reexport */ diffText),
  estimateMarkdown: () => (/* reexport */ estimateMarkdown),
  estimateText: () => (/* reexport */ estimateText),
  fitMarkdown: () => (/* reexport */ fitMarkdown),
  savingsMarkdown: () => (/* reexport */ savingsMarkdown),
  sectionsMarkdown: () => (/* reexport */ sectionsMarkdown),
  suggestMarkdown: () => (/* reexport */ suggestMarkdown),
  suggestText: () => (/* reexport */ suggestText)
});

// EXTERNAL MODULE: ./src/text/index.ts + 3 modules
var src_text = __webpack_require__(2526);
;// CONCATENATED MODULE: ./src/render/fit.ts
/** Fitting the diff document into GitHub's limits: whole optional sections left out, then lines. */

/** GitHub rejects comments above 65,536 characters; this leaves room for the marker and edits. */
const COMMENT_MAX_CHARS = 60_000;
/** The job summary's hard limit is 1 MiB per step; stay under it with a margin. */
const SUMMARY_MAX_BYTES = 1_000_000;
/**
 * Fits the document into `maxChars` UTF-16 code units (never fewer than code points, so GitHub's
 * character limit holds) by leaving out whole optional sections, then adds `pointer` (e.g. "Full
 * report in the job summary"). Sections are kept in document order while they fit: a large
 * section is left out but smaller ones after it stay. Required sections are kept; if they alone
 * are too long, the longest one loses whole lines from its end (table rows, list items), with a
 * note of how many. Returns the document unchanged, without the pointer, when it fits.
 */
function fitMarkdown(sections, maxChars, pointer, opts = {}) {
    const maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
    const full = joinSections(sections);
    if (full.length <= maxChars && utf8Length(full) <= maxBytes)
        return full;
    const tail = { id: 'pointer', markdown: pointer, required: true };
    const kept = new Set(sections.filter((s) => s.required));
    const fits = (list) => {
        const doc = joinSections([...list, tail]);
        return doc.length <= maxChars && utf8Length(doc) <= maxBytes;
    };
    for (const s of sections) {
        if (s.required)
            continue;
        const trial = sections.filter((x) => kept.has(x) || x === s);
        if (fits(trial))
            kept.add(s);
    }
    let result = sections.filter((s) => kept.has(s));
    if (!fits(result))
        result = trimLongest(result, tail, maxChars, maxBytes);
    return joinSections([...result, tail]);
}
/** Cuts whole lines off the end of the longest section until the document fits. */
function trimLongest(list, tail, maxChars, maxBytes) {
    const longest = list.reduce((a, b) => (b.markdown.length > a.markdown.length ? b : a));
    const lines = longest.markdown.split('\n');
    // Keep a table's header and delimiter rows, or at least the first line.
    const headerLines = lines.length > 1 && lines[0].startsWith('|') && lines[1].startsWith('|') ? 2 : 1;
    const build = (n) => {
        const cut = lines.length - n;
        const markdown = cut > 0 ? `${lines.slice(0, n).join('\n')}\n\n_… ${plural(cut, 'more line')} left out._` : longest.markdown;
        return list.map((s) => (s === longest ? { ...s, markdown } : s));
    };
    let lo = headerLines;
    let hi = lines.length;
    // Binary search for the most lines that fit.
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        const doc = joinSections([...build(mid), tail]);
        if (doc.length <= maxChars && utf8Length(doc) <= maxBytes)
            lo = mid;
        else
            hi = mid - 1;
    }
    return build(lo);
}
/** The sections as one document. */
function joinSections(sections) {
    return `${sections.map((s) => s.markdown).join('\n\n')}\n`;
}
function utf8Length(s) {
    return new TextEncoder().encode(s).length;
}
const plural = (n, one, many = `${one}s`) => `${(0,src_text/* count */.U9)(n)} ${n === 1 ? one : many}`;

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/render/markdown-cells.ts
/** Cells and words shared by the sections of the diff document (render/diff-markdown.ts). */

/** Longest change summary in the features table; the full one is in "What changed". */
const CELL_SUMMARY = 72;
/** Longest repository text anywhere in the comment (ids, paths, messages). */
const TEXT_MAX = 300;
/** Longest hint shown in a code block. */
const HINT_MAX = 2_000;
const ICON = {
    increase: '🔺',
    decrease: '🔻',
    added: '➕',
    removed: '➖',
    warning: '⚠️',
    error: '❌',
    ok: '✅',
};
/** No-break space: keeps `$248 → $4,140` and `+$3,892 (+1,567%)` on one line in narrow cells. */
const NBSP = '\u00a0';
/** Word joiner: no line break on either side, invisible (GitHub keeps it; a browser never breaks at it). */
const WJ = '\u2060';
/**
 * Rendered text of an id (feature, model, team) that a browser may not split: a word joiner after
 * every hyphen and slash, where browsers otherwise break (`gpt-` / `4.1-mini`).
 */
function unbroken(rendered) {
    return rendered.replace(/([-/])(?=[^\s`])/g, `$1${WJ}`);
}
/** An id as text that does not break. */
const idText = (s, max = 80) => unbroken(markdown_cells_text(s, max));
/** An id as code that does not break. */
const idCode = (s, max = 80) => unbroken(code(s, max));
/** `openai/gpt-4.1-mini` → `gpt-4.1-mini`: the table's short form (the details keep the provider). */
function shortModel(id) {
    const slash = id.lastIndexOf('/');
    return slash >= 0 && slash < id.length - 1 ? id.slice(slash + 1) : id;
}
/**
 * The table's short form of a change summary: a model swap as `gpt-4o-mini → gpt-4o` (×16.7
 * price), other summaries without their parentheses when long, and cut at a word boundary,
 * never inside a figure.
 */
function shortChange(summary, max = 56) {
    const swap = /^model (\S+) → (\S+)(.*)$/.exec(summary);
    if (swap) {
        const rest = swap[3].trim();
        return `${idCode(shortModel(swap[1]))}${NBSP}→${NBSP}${idCode(shortModel(swap[2]))}${rest ? ` ${markdown_cells_text(rest, 40)}` : ''}`;
    }
    let s = summary;
    if ([...s].length > max)
        s = s.replace(/ \([^()]*\)/g, '');
    if ([...s].length > max) {
        // Cut at the last clause or word boundary before the limit: a figure is never split.
        const head = [...s].slice(0, max).join('');
        const cut = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '));
        s = cut > max / 2 ? head.slice(0, cut) : `${head.slice(0, head.lastIndexOf(' '))} …`;
    }
    return markdown_cells_text(s, max + 2);
}
/** Whether an interval is worth showing beside a figure: wider than a quarter of it and not a point. */
function wideInterval(value, ci) {
    if (!ci)
        return false;
    if (delta(ci[0]) === delta(ci[1]))
        return false;
    return ci[1] - ci[0] > 0.25 * Math.max(Math.abs(value), 0.01);
}
const money = (x) => (0,src_text/* usd */.dR)(x);
const delta = (x) => (0,src_text/* signedUsd */.NT)(x, src_text/* MINUS */.N5);
const percent = (p) => (0,src_text/* signedPct */.Mp)(p, src_text/* MINUS */.N5);
const interval = (ci) => `95%: ${delta(ci[0])} to ${delta(ci[1])}`;
/** An interval unless it is degenerate (both ends print the same), then null. */
const intervalOrNull = (ci) => ci && delta(ci[0]) !== delta(ci[1]) ? interval(ci) : null;
/** Repository text, one line, capped and escaped. */
const markdown_cells_text = (s, max = TEXT_MAX) => (0,src_text/* escapeMarkdown */.FV)((0,src_text/* clip */.$Q)(s, max));
/** Identifiers shown as code (paths, models, tokenizers), capped. */
const code = (s, max = TEXT_MAX) => (0,src_text/* inlineCode */.ti)((0,src_text/* clip */.$Q)(s, max));
const markdown_cells_plural = (n, one, many = `${one}s`) => `${(0,src_text/* count */.U9)(n)} ${n === 1 ? one : many}`;
const where = (file, line) => code(line === null ? file : `${file}:${line}`);
const shortRev = (rev) => code(rev.slice(0, 7));
/** Changed features first by size of the monthly change; unpriced ones on top. */
function byImpact(a, b) {
    const u = Number(b.status === 'unpriced') - Number(a.status === 'unpriced');
    if (u !== 0)
        return u;
    const d = Math.abs(b.delta.monthly) - Math.abs(a.delta.monthly);
    return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
function topChanges(f) {
    return [...f.changes].sort((a, b) => Math.abs(b.monthly_effect) - Math.abs(a.monthly_effect));
}
/** A side's figure, `≤ $x` when it is an upper bound; `—` when the side does not exist. */
function sideMoney(side, value) {
    if (!side)
        return '—';
    return `${side.upper_bound ? `≤${NBSP}` : ''}${money(value(side))}`;
}
/** `renamed from x` / `copied from x`: the base feature whose entry prices this one. */
function lineage(f) {
    if (f.renamed_from !== undefined)
        return `_renamed from ${markdown_cells_text(f.renamed_from, 80)}_`;
    if (f.copied_from !== undefined)
        return `_copied from ${markdown_cells_text(f.copied_from, 80)}: priced with its team, volume and traffic_`;
    return null;
}
/** `priced by this PR: pricing.x` for the side's models that only the PR's own entries price. */
function prPricedText(f, side) {
    const mine = (f.priced_by_pr ?? []).filter((p) => p.side === side);
    if (mine.length === 0)
        return null;
    return `priced by this PR: ${mine.map((p) => `${code(p.model, 80)} (${p.declared.map((d) => code(d.key, 120)).join(', ')})`).join(', ')}`;
}
/** What the monthly figures rest on that the PR declares: its volume, its prices or aliases. */
function declaredMarks(f) {
    const marks = [];
    if (f.volume_declared_in_pr)
        marks.push('volume declared in this PR');
    const base = prPricedText(f, 'base');
    const head = prPricedText(f, 'head');
    if (base)
        marks.push(`base ${base}`);
    if (head)
        marks.push(head);
    return marks;
}
function insufficient(f) {
    return Boolean(f.base?.insufficient_samples || f.head?.insufficient_samples);
}
function isStatic(side) {
    return side !== null && side.traffic === null && side.source.usage === 0 && side.source.replay === 0;
}
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

;// CONCATENATED MODULE: ./src/render/diff-details.ts
/** The collapsed details of the diff document: changes, teams, unpriced changes, proposed config, method, notices. */



/** Number of changes a reviewer can find in the details: every change, and each added feature without one. */
function changeCount(r) {
    return r.features.reduce((a, f) => a + f.changes.length + (f.status === 'added' && f.changes.length === 0 ? 1 : 0), 0);
}
// ---------------------------------------------------------------------------------------------
// Collapsed details
// ---------------------------------------------------------------------------------------------
/** Every change with its file:line, team and $/request; an added feature is a change too. */
function changesDetails(r) {
    const features = r.features.filter((f) => f.changes.length > 0 || f.status === 'added').sort(byImpact);
    const total = changeCount(r);
    if (total === 0)
        return null;
    const rows = [
        // Five columns that fit GitHub's 880 px column with ids kept whole (tests/visual): the team
        // under the feature, the model swap without providers (the method section has them).
        '| Feature<br><sub>team</sub> | Where | Change | $/request<br>base → head | Monthly effect |',
        '|:--|:--|:--|--:|--:|',
    ];
    for (const f of features) {
        const perReq = `${sideMoney(f.base, (s) => s.per_request.mean)}${NBSP}→ ${sideMoney(f.head, (s) => s.per_request.mean)}`;
        const items = topChanges(f).map((c) => ({ file: c.file, line: c.line, summary: c.summary, effect: c.monthly_effect }));
        if (f.status === 'added' && items.length === 0)
            items.push({ file: f.artifact ?? null, line: null, summary: 'new feature', effect: f.delta.monthly });
        items.forEach((c, i) => {
            // Paths and model ids kept whole: at 880 px a browser otherwise breaks them at - and / (tests/visual).
            const at = c.file === null ? '—' : unbroken(where((0,src_text/* clip */.$Q)(c.file, 200), c.line));
            const summary = c.summary.replace(/^model (\S+) → (\S+)/, (_, a, b) => `model ${shortModel(a)} → ${shortModel(b)}`);
            rows.push(`| ${idText(f.id)}<br><sub>${idText(f.team, 60)}</sub> | ${at} | ${unbroken(markdown_cells_text(summary))} | ${i === 0 ? perReq : ''} | ${delta(c.effect)} |`);
        });
    }
    return details(`All changes (${(0,src_text/* count */.U9)(total)}): where, team, $/request`, rows.join('\n'));
}
function unchangedDetails(r) {
    const same = r.features.filter((f) => f.status === 'unchanged');
    if (same.length === 0)
        return null;
    const total = same.reduce((a, f) => a + (f.head?.monthly ?? 0), 0);
    const rows = ['| Feature | Team | Model | Per 1,000 requests | Monthly |', '|:--|:--|:--|--:|--:|'];
    for (const f of same) {
        const side = f.head ?? f.base;
        const models = side ? side.models.map((m) => idCode(m, 80)).join(', ') : '—';
        const from = lineage(f);
        const marks = declaredMarks(f)
            .map((m) => `<br><sub>${m}</sub>`)
            .join('');
        rows.push(`| ${idText(f.id)}${from ? `<br>${from}` : ''} | ${idText(f.team, 60)} | ${models} | ${sideMoney(side, (s) => s.per_request.mean * 1000)} | ${sideMoney(side, (s) => s.monthly)}${marks} |`);
    }
    return details(`${markdown_cells_plural(same.length, 'unchanged feature')} · ${money(total)}/month`, rows.join('\n'));
}
/** Budget status in words, with the interval's say: "over budget" vs "likely over budget". */
function teamStatus(t) {
    if (t.budget === null)
        return 'no budget';
    const used = t.head + t.other_monthly_spend;
    const share = t.budget > 0 ? ` (${(0,src_text/* pct */.Oe)(used / t.budget)} of budget)` : '';
    const low = t.head_ci95 ? t.head_ci95[0] + t.other_monthly_spend : used;
    const high = t.head_ci95 ? t.head_ci95[1] + t.other_monthly_spend : used;
    if (t.status === 'breach')
        return `${ICON.error} ${low > t.budget ? 'over budget' : 'likely over budget'}${share}`;
    if (t.status === 'warn')
        return `${ICON.warning} near budget${share}`;
    return high > t.budget ? `within budget${share}, may exceed it (95% interval)` : `within budget${share}`;
}
/**
 * Teams with head total against budget: in the comment only the teams whose features changed
 * (a PR answers for what it touches), in the summary every team.
 */
function teamsDetails(r, view) {
    const touched = new Set(r.features.filter((f) => f.status !== 'unchanged').map((f) => f.team));
    const teams = view === 'summary' ? r.teams : r.teams.filter((t) => touched.has(t.team));
    if (teams.length === 0)
        return null;
    const rows = [
        '| Team | This repository<br>base → head | Other spend | Head total / budget | Status | Owners |',
        '|:--|--:|--:|--:|:--|:--|',
    ];
    for (const t of teams) {
        const owners = t.owners.length ? t.owners.map((o) => idText(o, 60)).join(', ') : '—';
        const total = t.head + t.other_monthly_spend;
        rows.push(`| ${idText(t.team, 60)} | ${money(t.base)}${NBSP}→${NBSP}${money(t.head)} | ${t.other_monthly_spend ? money(t.other_monthly_spend) : '—'} | ${money(total)}${NBSP}/${NBSP}${t.budget === null ? '—' : money(t.budget)} | ${teamStatus(t)} | ${owners} |`);
    }
    const what = view === 'summary' ? 'Teams' : markdown_cells_plural(teams.length, 'affected team');
    return details(`${what}: head total against budget`, rows.join('\n'));
}
/** Every policy message in full (the job summary's long form of the verdict). */
function policyDetails(r) {
    if (r.violations.length === 0)
        return null;
    const ordered = [...r.violations].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
    const lines = [
        `Read from ${r.policy_source === 'base' ? 'the base branch (the PR does not grade itself)' : 'this PR: the base has no config'}.`,
        '',
    ];
    for (const v of ordered) {
        const scope = [v.overridden ? 'overridden, warning' : v.severity];
        if (v.team !== null)
            scope.push(`team ${markdown_cells_text(v.team, 60)}`);
        if (v.feature !== null)
            scope.push(`feature ${markdown_cells_text(v.feature, 80)}`);
        if (v.file !== null)
            scope.push(where((0,src_text/* clip */.$Q)(v.file, 200), v.line));
        const icon = v.severity === 'error' ? ICON.error : ICON.warning;
        lines.push(`- ${icon} **${markdown_cells_text(v.rule, 40)}** (${scope.join(' · ')}): ${markdown_cells_text(v.message, 500)}`);
    }
    return details(`Policy findings (${(0,src_text/* count */.U9)(r.violations.length)})`, lines.join('\n'));
}
/** `features: { a: { team: <team> } }` spans of a hint (balanced braces), as [start, end). */
function flowEntries(hint) {
    const out = [];
    const re = /features: \{/g;
    let m;
    while ((m = re.exec(hint))) {
        let depth = 0;
        let end = -1;
        for (let i = m.index + m[0].length - 1; i < hint.length; i++) {
            if (hint[i] === '{')
                depth++;
            else if (hint[i] === '}' && --depth === 0) {
                end = i + 1;
                break;
            }
        }
        if (end < 0)
            break;
        out.push([m.index, end]);
        re.lastIndex = end;
    }
    return out;
}
/** A one-line flow entry as block YAML (`features:\n  faq:\n    team: <team>`), or null. */
function blockYaml(flow) {
    try {
        const doc = (0,dist/* parse */.qg)(flow);
        if (!doc || typeof doc !== 'object')
            return null;
        return (0,dist/* stringify */.As)(doc, { lineWidth: 0 }).trimEnd();
    }
    catch {
        return null;
    }
}
/** A hint as prose (outside code) and multi-line YAML entries (in code blocks). */
function hintParts(hint) {
    const spans = flowEntries(hint);
    const yaml = [];
    let prose = '';
    let at = 0;
    for (const [s, e] of spans) {
        const block = blockYaml(hint.slice(s, e));
        if (block === null)
            continue;
        yaml.push(block);
        prose += hint.slice(at, s) + (spans.length > 1 ? `entry ${yaml.length} below` : 'the entry below');
        at = e;
    }
    prose += hint.slice(at);
    if (yaml.length === 0)
        return { prose: hint, yaml: [] };
    return { prose: prose.replace(/\s*:\s*(entry \d below|the entry below)/g, ' $1').trim(), yaml };
}
function unpricedDetails(r) {
    if (r.unpriced_changes.length === 0)
        return null;
    const lines = [
        'AI changes outside every feature of `.aicost.yml` are not priced (each is one warning above). To price one, add the entry shown to `.aicost.yml`.',
        '',
    ];
    for (const u of r.unpriced_changes) {
        // The detector's summaries already name the ratio; add it only where one does not.
        const ratio = u.price_ratio !== null && !/input price/.test(u.summary)
            ? ` (×${u.price_ratio >= 10 ? u.price_ratio.toFixed(1) : u.price_ratio.toFixed(2)} input price)`
            : '';
        lines.push(`- ${where((0,src_text/* clip */.$Q)(u.file, 200), u.line)} · ${markdown_cells_text(u.kind, 20)}: ${markdown_cells_text(u.summary)}${ratio}`);
        if (!u.hint.trim())
            continue;
        const hint = (0,src_text/* clip */.$Q)(u.hint, HINT_MAX);
        const { prose, yaml } = hintParts(hint);
        // A hint that is already block YAML stays one code block; prose stays outside code.
        if (yaml.length === 0 && /\n/.test(hint.trim()))
            yaml.push(hint);
        else if (yaml.length === 0 || prose !== 'add the entry below')
            lines.push('', `  Fix: ${markdown_cells_text(prose, 600)}.`.replace(/\.\.$/, '.'));
        for (const y of yaml)
            lines.push('', (0,src_text/* codeBlock */.DV)(y, 'yaml', '  '));
    }
    return details(`Unpriced AI changes (${(0,src_text/* count */.U9)(r.unpriced_changes.length)})`, lines.join('\n'));
}
/** A config value for people: JSON, as code; `—` when absent. */
function configValue(v) {
    if (v === null || v === undefined)
        return '—';
    return code(JSON.stringify(v) ?? String(v), 120);
}
function proposedDetails(r) {
    if (r.proposed_config.length === 0)
        return null;
    const rows = [
        'Read from the PR’s `.aicost.yml`. The PR does not grade itself: these apply after merge.',
        '',
        '| Key | Base | Head | Effect |',
        '|:--|--:|--:|:--|',
    ];
    for (const p of r.proposed_config) {
        rows.push(`| ${code(p.path, 120)} | ${configValue(p.base)} | ${configValue(p.head)} | ${markdown_cells_text(p.effect)} |`);
    }
    return details(`Proposed config changes (${(0,src_text/* count */.U9)(r.proposed_config.length)})`, rows.join('\n'));
}
/**
 * Notices merged per cause: `a: X` and `b: X` (the same remark about two features, such as a
 * tokenizer without an exact offline count) become one line naming both.
 */
function mergedNotices(r) {
    const ids = new Set(r.features.map((f) => f.id));
    const byCause = new Map();
    const order = [];
    for (const n of r.notices) {
        const m = /^([^:\s]+): (.+)$/s.exec(n);
        const key = m && ids.has(m[1]) ? m[2] : n;
        if (!byCause.has(key)) {
            byCause.set(key, []);
            order.push(key);
        }
        if (m && ids.has(m[1]))
            byCause.get(key).push(m[1]);
    }
    return order.map((cause) => {
        const who = byCause.get(cause);
        if (who.length === 0)
            return markdown_cells_text(cause, 500);
        const list = who.map((f) => idText(f)).join(', ');
        return `${markdown_cells_text(cause, 500)} (${who.length === 1 ? 'feature' : 'features'} ${list})`;
    });
}
function noticesDetails(r) {
    const lines = mergedNotices(r);
    if (lines.length === 0)
        return null;
    return details(`Notices (${(0,src_text/* count */.U9)(lines.length)})`, lines.map((n) => `- ${n}`).join('\n'));
}
/**
 * `aicost · base abc1234 → head def5678 · prices at … · full report`: the one place SHAs appear.
 * Head is the PR's head commit when the caller knows it (the report's may be a test-merge commit).
 */
function footer(r, opts = {}) {
    const head = opts.headSha && /^[0-9a-f]{7,64}$/i.test(opts.headSha) ? opts.headSha : r.head.rev;
    const parts = [`base ${shortRev(r.base.rev)} → head ${shortRev(head)}`, `prices at ${markdown_cells_text(r.pricing_date, 20)}`];
    const url = opts.summaryUrl ? safeUrl(opts.summaryUrl) : null;
    if (url)
        parts.push(`[full report](${url})`);
    return `<sub>aicost · ${parts.join(' · ')}</sub>`;
}
/** An http(s) URL usable as a link target, or null. */
function safeUrl(raw) {
    let u;
    try {
        u = new URL(raw);
    }
    catch {
        return null;
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        return null;
    // URL.href percent-encodes spaces and quotes; parentheses and `<>` would end the link early.
    return u.href.replace(/[()<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

;// CONCATENATED MODULE: ./src/render/diff-method.ts
/** The method details of the diff document: how each feature's base and head were priced. */


/** The samples a side was priced from, or that it is a static estimate. */
function samplesText(s) {
    if (!s.traffic)
        return `none: static estimate from the artifact (${markdown_cells_plural(s.samples, 'render')})`;
    const t = s.traffic;
    const from = t.paths
        .slice(0, 3)
        .map((p) => code(p, 120))
        .join(', ') + (t.paths.length > 3 ? ` and ${(0,src_text/* count */.U9)(t.paths.length - 3)} more` : '');
    const parts = [`${(0,src_text/* count */.U9)(s.samples)} (${(0,src_text/* count */.U9)(s.effective_samples)} effective) from ${from}`];
    if (t.sampled)
        parts.push(`sampled from ${(0,src_text/* count */.U9)(t.lines)} lines`);
    if (t.window_days !== null)
        parts.push(`${(0,src_text/* count */.U9)(t.window_days)}-day window`);
    if (t.age_days !== null)
        parts.push(`newest ${markdown_cells_plural(t.age_days, 'day')} old`);
    if (t.bad_lines > 0)
        parts.push(`${markdown_cells_plural(t.bad_lines, 'bad line')} skipped`);
    if (s.insufficient_samples)
        parts.push('**insufficient samples** (fewer than ~30 effective)');
    return parts.join('; ');
}
function sourceText(s) {
    const shares = [];
    if (s.source.usage > 0)
        shares.push(`${(0,src_text/* pct */.Oe)(s.source.usage)} recorded`);
    if (s.source.replay > 0)
        shares.push(`${(0,src_text/* pct */.Oe)(s.source.replay)} replayed`);
    if (s.source.static > 0)
        shares.push(`${(0,src_text/* pct */.Oe)(s.source.static)} static`);
    return shares.join(', ');
}
/** `o200k_base`, exact; or the estimate's band (the label may already say "estimate"). */
function tokenizerText(s) {
    if (s.exact)
        return `${code(s.tokenizer, 80)}, exact`;
    const estimate = /estimate/i.test(s.tokenizer) ? '' : 'estimate';
    const band = s.band ? `band ×${s.band[0].toFixed(2)}–×${s.band[1].toFixed(2)}` : '';
    return [code(s.tokenizer, 80), estimate, band].filter(Boolean).join(', ');
}
/** Each model's price source: catalog and version, the fallback catalog, or `pricing:`; time-of-day basis. */
function priceSourceText(s) {
    if (!s.prices?.length)
        return '';
    return s.prices
        .map((p) => {
        const from = p.kind === 'pricing'
            ? markdown_cells_text(p.source, 80)
            : `${p.kind === 'fallback' ? 'fallback ' : ''}${code(p.source, 80)} ${markdown_cells_text(p.version ?? '', 40)}`;
        const tod = p.time_of_day ? `, by time of day (${p.time_of_day.basis})` : '';
        return `${s.prices.length > 1 ? `${code(p.model, 80)}: ` : ''}${from}${tod}`;
    })
        .join('; ');
}
function reconciliationText(s) {
    const rec = s.reconciliation;
    if (!rec)
        return '';
    const parts = [`recorded ${money(rec.recorded)}`];
    if (rec.replayed !== null)
        parts.unshift(`replayed ${money(rec.replayed)}`);
    if (rec.reported !== null)
        parts.push(`source-reported ${money(rec.reported)}`);
    return `${parts.join(' vs ')} (${markdown_cells_plural(rec.samples, 'sample')})`;
}
/** The rows of one feature's table; rows empty on both sides are left out. */
function methodRows(base, head) {
    const both = (label, value) => [
        label,
        base ? value(base) : '',
        head ? value(head) : '',
    ];
    const rows = [
        both('Model', (s) => s.models.map((m) => code(m, 80)).join(', ') || '—'),
        both('Requests/month', (s) => `${(0,src_text/* count */.U9)(s.requests_per_month)} ${s.volume_source === 'config' ? 'from `.aicost.yml`' : 'from the samples'}`),
        both('Samples', samplesText),
        both('Input tokens from', sourceText),
        both('Tokenizer', tokenizerText),
        both('Prices from', priceSourceText),
        both('Tokens in / out (mean)', (s) => `${(0,src_text/* count */.U9)(s.input_tokens.mean)} / ${(0,src_text/* count */.U9)(s.output_tokens.mean)}`),
        both('$/request mean · p50 · p95', (s) => `${sideMoney(s, (x) => x.per_request.mean)} · ${sideMoney(s, (x) => x.per_request.p50)} · ${sideMoney(s, (x) => x.per_request.p95)}`),
        both('Per 1,000 requests', (s) => sideMoney(s, (x) => x.per_request.mean * 1000)),
        both('Per active user/month (mean · p95)', (s) => s.per_user
            ? `${money(s.per_user.mean)} · ${money(s.per_user.p95)} over ${markdown_cells_plural(s.per_user.users, 'user')} in the samples`
            : ''),
        both('Monthly', (s) => `${sideMoney(s, (x) => x.monthly)}${s.monthly_band ? ` (${money(s.monthly_band[0])}–${money(s.monthly_band[1])} over the tokenizer band)` : ''}`),
        both('Calibration (recorded ÷ counted)', (s) => s.calibration ? `${s.calibration.ratio.toFixed(3)} over ${markdown_cells_plural(s.calibration.samples, 'sample')}` : ''),
        both('Check per request', reconciliationText),
        both('Outputs at max tokens', (s) => s.upper_bound
            ? `taken as the output: an upper bound${s.max_output_tokens !== null ? ` (${(0,src_text/* count */.U9)(s.max_output_tokens)})` : ''}`
            : s.output_cap_share !== null && s.output_cap_share > 0 && s.max_output_tokens !== null
                ? `${(0,src_text/* pct */.Oe)(s.output_cap_share, 1)} hit ${(0,src_text/* count */.U9)(s.max_output_tokens)}`
                : ''),
    ];
    return rows.filter(([, b, h]) => b !== '' || h !== '');
}
/** One feature's base/head table: one value column when the feature is unchanged, added or removed. */
function methodTable(f) {
    const rows = methodRows(f.base, f.head);
    if (f.status === 'unchanged' || !f.base || !f.head) {
        const label = f.status === 'unchanged' ? 'Base and head' : f.base ? 'Base (removed at head)' : 'Head (new)';
        const pick = (r) => (f.status === 'unchanged' || !f.base ? r[2] : r[1]) || '—';
        return [`| | ${label} |`, '|:--|:--|', ...rows.map((r) => `| ${r[0]} | ${pick(r)} |`)].join('\n');
    }
    const sameSamples = f.base.traffic !== null && f.head.traffic !== null && f.base.traffic.sha256 === f.head.traffic.sha256;
    return [
        '| | Base | Head |',
        '|:--|:--|:--|',
        ...rows.map(([label, b, h]) => {
            const headCell = label === 'Samples' && sameSamples ? 'the same samples' : h === b && h !== '' ? 'same' : h;
            return `| ${label} | ${b || '—'} | ${headCell || '—'} |`;
        }),
    ].join('\n');
}
/**
 * How each figure was estimated: in the comment only for the changed features (the reviewer's
 * question is about them), in the job summary for every feature.
 */
function methodDetails(r, view = 'summary') {
    const parts = [];
    const shown = view === 'summary' ? r.features : r.features.filter((f) => f.status !== 'unchanged');
    if (shown.length === 0)
        return null;
    for (const f of [...shown].sort(byImpact)) {
        const team = `team ${markdown_cells_text(f.team, 60)}${f.declared_in_pr ? ' · declared in this PR' : ''}`;
        const from = lineage(f);
        parts.push([`**${markdown_cells_text(f.id, 80)}** · ${team}`, ...(from ? [from] : []), ...declaredMarks(f)].join(' · '));
        parts.push(methodTable(f));
        if (f.notes.length)
            parts.push(f.notes.map((n) => `- ${markdown_cells_text(n, 500)}`).join('\n'));
    }
    const c = r.catalog;
    const overrides = c.overrides ? `; ${markdown_cells_plural(c.overrides, 'price override')} from \`.aicost.yml\`` : '';
    const dataDate = c.data_date ? `, data to ${markdown_cells_text(c.data_date, 20)}` : '';
    parts.push([
        `- Prices: ${code(c.source, 80)} ${markdown_cells_text(c.version, 40)}${dataDate}, taken at ${markdown_cells_text(r.pricing_date, 20)}${overrides}.`,
        `- Policy read from ${r.policy_source === 'base' ? 'the base revision (the PR does not grade itself)' : 'this PR (the base has no config: adoption)'}.`,
        '- The base level comes from recorded usage where samples have it; the change from replaying the same samples at base and head. 95% intervals from a paired bootstrap. A month is 730 hours.',
    ].join('\n'));
    const title = view === 'summary'
        ? 'How this was estimated'
        : `How this was estimated (${markdown_cells_plural(shown.length, 'changed feature')})`;
    return details(title, parts.join('\n\n'));
}

;// CONCATENATED MODULE: ./src/render/suggest.ts


function savingCell(s) {
    if (!s.monthly)
        return '—';
    const m = s.monthly;
    const ci = m.ci95 ? ` (95%: ${(0,src_text/* usd */.dR)(m.ci95[0])}–${(0,src_text/* usd */.dR)(m.ci95[1])})` : '';
    const band = m.band ? ` (band ${(0,src_text/* usd */.dR)(m.band[0])}–${(0,src_text/* usd */.dR)(m.band[1])})` : '';
    return m.saving >= 0 ? `${(0,src_text/* usd */.dR)(m.saving)}/mo${ci}${band}` : `costs ${(0,src_text/* usd */.dR)(-m.saving)}/mo more`;
}
function rate(r) {
    return r ? `${(r.pass_rate * 100).toFixed(1)}% (${r.passes}/${r.total})` : 'no eval results';
}
/** Quality evidence in one line: candidate vs current pass rate and where it comes from; '' when there is none. */
function evidenceText(s) {
    const e = s.evidence;
    if (!e || (!e.candidate && !e.current))
        return '';
    const src = e.candidate?.source ?? e.current?.source;
    return `pass rate ${rate(e.candidate)} vs current ${rate(e.current)} from ${src}`;
}
function what(s) {
    if (s.kind === 'routing')
        return `route to ${s.candidate}`;
    if (s.kind === 'batch')
        return `${s.candidate ?? 'batch'} tier`;
    if (s.kind === 'caching')
        return 'prompt caching';
    return 'output cap';
}
/** The suggestion cell of the Savings table: ids never broken. */
function whatCell(s) {
    if (s.kind === 'routing' && s.candidate)
        return `route to ${idCode(shortModel(s.candidate))}`;
    return (0,src_text/* escapeMarkdown */.FV)(what(s));
}
/** Markdown rows of one feature's suggestions: feature, suggestion, saving (and why not, when shown). */
function featureRows(f, withStatus) {
    return f.suggestions.map((s) => {
        const status = s.eligible ? 'yes' : `no: ${(0,src_text/* escapeMarkdown */.FV)((0,src_text/* oneLine */.TN)(s.ineligible_reason ?? ''))}`;
        return `| ${idText(f.feature)} | ${whatCell(s)} | ${savingCell(s)} |${withStatus ? ` ${status} |` : ''}`;
    });
}
/** Evidence and caveats below the table, one bullet per suggestion that has any. */
function notesList(features) {
    const out = [];
    for (const f of features)
        for (const s of f.suggestions) {
            const notes = [evidenceText(s), ...s.caveats].filter(Boolean).map((x) => (0,src_text/* escapeMarkdown */.FV)((0,src_text/* oneLine */.TN)(x)));
            // Ids and paths in the prose must not break across lines either (word joiners, invisible).
            if (notes.length)
                out.push(`- ${idText(f.feature)}, ${unbroken(`${(0,src_text/* escapeMarkdown */.FV)(what(s))}: ${notes.join(' ')}`)}`);
        }
    return out;
}
const header = (withStatus) => withStatus
    ? ['| Feature | Suggestion | Monthly saving | Eligible |', '|:--|:--|--:|:--|']
    : ['| Feature | Suggestion | Monthly saving |', '|:--|:--|--:|'];
/**
 * The best eligible saving of each feature, summed: what the headline promises at most (also the
 * headline of the diff's Savings section).
 */
function savingsTotal(features) {
    let total = 0;
    for (const f of features) {
        const best = Math.max(0, ...f.suggestions.filter((s) => s.eligible && s.monthly).map((s) => s.monthly.saving));
        total += best;
    }
    return total;
}
/** How to produce the missing evidence, one command per prompt and model (deduplicated). */
function commands(features) {
    const seen = new Set();
    for (const f of features)
        for (const s of f.suggestions)
            if (s.eligible && s.evidence?.command)
                seen.add(s.evidence.command);
    return [...seen];
}
/**
 * The Savings section: a collapsed `<details>` block with one table of every feature's
 * suggestions. `scope` names what the features are ("changed features", "every feature").
 * Empty string when there is nothing to show.
 */
function savingsMarkdown(features, scope, opts = {}) {
    const shown = features
        .map((f) => (opts.eligibleOnly ? { ...f, suggestions: f.suggestions.filter((s) => s.eligible) } : f))
        .filter((f) => f.suggestions.length > 0);
    if (shown.length === 0)
        return '';
    const total = savingsTotal(shown);
    const lines = [];
    lines.push(`<details><summary><b>Savings</b> (${scope}): up to ${(0,src_text/* usd */.dR)(total)}/month with the best eligible suggestion per feature; never part of the verdict</summary>`);
    lines.push('');
    const withStatus = !opts.eligibleOnly;
    lines.push(...header(withStatus));
    for (const f of shown)
        lines.push(...featureRows(f, withStatus));
    const notes = notesList(shown);
    if (notes.length)
        lines.push('', ...notes);
    const cmds = commands(shown);
    if (cmds.length) {
        lines.push('', 'Produce the missing eval results with:', '', (0,src_text/* codeBlock */.DV)(cmds.join('\n')));
    }
    lines.push('');
    lines.push('</details>');
    return lines.join('\n');
}
/** `aicost suggest --format markdown`. */
function suggestMarkdown(r) {
    const where = r.rev ? `\`${r.rev.slice(0, 12)}\`` : 'working tree';
    const lines = [`### aicost suggest · ${where}`, ''];
    const shown = r.features.filter((f) => f.suggestions.length > 0);
    lines.push(shown.length
        ? `Up to **${(0,src_text/* usd */.dR)(savingsTotal(shown))}/month** with the best eligible suggestion per feature, priced at ${r.pricing_date}.`
        : `No suggestions, priced at ${r.pricing_date}.`);
    lines.push('');
    if (shown.length) {
        lines.push(...header(true));
        for (const f of shown)
            lines.push(...featureRows(f, true));
        const evidence = notesList(shown);
        if (evidence.length)
            lines.push('', ...evidence);
    }
    const notes = r.features.flatMap((f) => f.notes.map((n) => `${f.feature}: ${n}`));
    if (notes.length) {
        lines.push('');
        for (const n of notes)
            lines.push(`- ${(0,src_text/* escapeMarkdown */.FV)((0,src_text/* oneLine */.TN)(n))}`);
    }
    const cmds = commands(r.features);
    if (cmds.length) {
        lines.push('', 'Produce the missing eval results with:', '', (0,src_text/* codeBlock */.DV)(cmds.join('\n')));
    }
    return lines.join('\n') + '\n';
}
/**
 * `line` cut at spaces into lines of at most `width` columns, continuations starting with
 * `indent`; the text before the cut keeps its spacing (table columns), and a figure is never split.
 */
function fit(line, width, indent) {
    const out = [];
    let rest = line;
    while ([...rest].length > width) {
        const chars = [...rest];
        const start = out.length ? indent.length : 0;
        let cut = chars.lastIndexOf(' ', width);
        while (cut > start && chars[cut - 1] === ' ')
            cut--;
        if (cut <= start)
            break;
        out.push(chars.slice(0, cut).join(''));
        rest = indent + chars.slice(cut).join('').trimStart();
    }
    out.push(rest);
    return out;
}
/**
 * One feature's suggestions as terminal lines: the heading, a table (suggestion, monthly saving,
 * eligibility), the evidence and caveats of each, the command for missing evidence and the notes.
 * `suggest --format text` prints it as is; `diff --suggest` keeps it within `width` columns.
 */
function savingsTextLines(f, width = Infinity) {
    // Repository text (ids, paths, reasons) on one line each, without control characters.
    const out = [(0,src_text/* oneLine */.TN)(f.heading)];
    if (f.suggestions.length) {
        const rows = f.suggestions.map((s) => [
            `  ${(0,src_text/* oneLine */.TN)(what(s))}`,
            savingCell(s),
            s.eligible ? 'eligible' : `not eligible: ${(0,src_text/* oneLine */.TN)(s.ineligible_reason ?? '')}`,
        ]);
        out.push(...(0,src_text/* textTable */.ed)(rows, ['l', 'r', 'l']).split('\n'));
        for (const s of f.suggestions) {
            const label = (0,src_text/* oneLine */.TN)(what(s));
            const ev = evidenceText(s);
            if (ev)
                out.push(`    ${label}: ${(0,src_text/* oneLine */.TN)(ev)}`);
            for (const c of s.caveats)
                out.push(`    ${label}: ${(0,src_text/* oneLine */.TN)(c)}`);
            if (s.evidence?.command && s.eligible) {
                const command = (0,src_text/* oneLine */.TN)(s.evidence.command);
                // Within a width, the command stays one for the shell: its lines end in ` \`.
                if (width === Infinity || command.length + 14 <= width)
                    out.push(`    evidence: ${command}`);
                else
                    out.push('    evidence:', ...fit(`      ${command}`, width - 2, '        ').map((l, i, a) => (i < a.length - 1 ? `${l} \\` : l)));
            }
        }
    }
    for (const n of f.notes)
        out.push(`  note: ${(0,src_text/* oneLine */.TN)(n)}`);
    return width === Infinity ? out : out.flatMap((l) => fit(l, width, '      '));
}
/** `aicost suggest` in a terminal. */
function suggestText(r) {
    const out = [
        `aicost suggest · ${r.rev ? r.rev.slice(0, 12) : 'working tree'} · priced at ${r.pricing_date}`,
        '',
    ];
    for (const f of r.features) {
        out.push(...savingsTextLines({
            heading: `${f.feature} (${f.team}) · ${f.model} · ${(0,src_text/* usd */.dR)(f.monthly)}/month`,
            suggestions: f.suggestions,
            notes: f.notes,
        }));
        out.push('');
    }
    for (const n of r.notices)
        out.push(`notice: ${n}`);
    return out.join('\n').replace(/\n+$/, '') + '\n';
}

;// CONCATENATED MODULE: ./src/render/verdict.ts
/**
 * The verdict block under the headline: one plain sentence per failing rule group (the two
 * increase rules of one scope merged), with the limit, this PR's figure, how far over, the
 * biggest cause and the way out (the override label and who may apply it, or whom to ask); then
 * one short line per warning, unpriced changes merged into one.
 */


/** Dollars per request with enough digits to compare with a limit. */
const perRequest = (x) => (0,src_text/* usd */.dR)(x);
/** "Over" when the whole interval is over the limit, "Likely over" when only part of it is. */
function overWord(value, ci, limit) {
    if (ci && ci[0] <= limit && value > limit)
        return 'Likely over';
    return 'Over';
}
/** ` Biggest cause: **ticket-summary** `gpt-4o-mini` → `gpt-4o` (×16.7 price), +$2,292/month.` */
function causeSentence(v) {
    const c = v.cause;
    if (!c)
        return '';
    const what = c.summary === 'added'
        ? 'new feature'
        : c.summary === 'removed'
            ? 'removed'
            : c.summary
                ? shortChange(c.summary, 64)
                : 'changed';
    return ` Biggest cause: **${idText(c.feature)}**, ${what}, ${delta(c.monthly_effect)}/month.`;
}
/** The PR-wide (or one team's) increase rules as one sentence. */
function increaseSentence(r, group) {
    const usdRule = group.find((v) => v.rule === 'max_monthly_increase');
    const pctRule = group.find((v) => v.rule === 'max_monthly_increase_percent');
    const team = group[0].team;
    const m = r.totals.monthly;
    const scope = team === null ? 'this PR adds' : `${idText(team)}'s spend here rises by`;
    const value = usdRule?.value ?? m.delta;
    const ci = usdRule?.value_ci95 ?? (team === null ? m.delta_ci95 : null);
    const pctText = team === null && m.delta_percent !== null ? ` (${percent(m.delta_percent)})` : '';
    // The binding limit in dollars: the smaller of the two, the percent one taken of the base.
    const limits = [];
    if (usdRule?.limit !== undefined)
        limits.push({ usd: usdRule.limit, text: `${money(usdRule.limit)}/month` });
    if (pctRule?.limit !== undefined && m.base > 0) {
        const asUsd = (pctRule.limit / 100) * m.base;
        limits.push({
            usd: asUsd,
            text: `${Number(pctRule.limit.toFixed(1))}% of ${money(m.base)} (${money(asUsd)}/month)`,
        });
    }
    if (limits.length === 0)
        return fallbackSentence(group[0]);
    limits.sort((a, b) => a.usd - b.usd);
    const [binding, other] = limits;
    const also = other ? `; the other limit is ${other.text}` : '';
    const word = overWord(value, ci, binding.usd);
    const range = word === 'Likely over' ? ` (${intervalOrNull(ci ?? null) ?? ''})`.replace(' ()', '') : '';
    const title = team === null ? 'the monthly increase limit' : `${idText(team)}'s monthly increase limit`;
    return `${ICON.error} **${word} ${title}**: ${scope} ${delta(value)}/month${pctText}${range} against a limit of ${binding.text}${also}. Over by ${money(value - binding.usd)}.${causeSentence(usdRule ?? group[0])}`;
}
function budgetSentence(r, v, icon) {
    if (v.value === undefined || v.limit === undefined)
        return fallbackSentence(v, icon);
    const word = overWord(v.value, v.value_ci95, v.limit);
    const other = r.teams.find((t) => t.team === v.team)?.other_monthly_spend ?? 0;
    const notes = [];
    if (other > 0)
        notes.push(`incl. ${money(other)} outside this repository`);
    if (word === 'Likely over' && v.value_ci95)
        notes.push(`95%: ${money(v.value_ci95[0])} to ${money(v.value_ci95[1])}`);
    const paren = notes.length ? ` (${notes.join('; ')})` : '';
    return `${icon} **${idText(v.team ?? '')}: ${word.toLowerCase()} budget**: ${money(v.value)}/month at head${paren} against a budget of ${money(v.limit)}. Over by ${money(v.value - v.limit)}.${causeSentence(v)}`;
}
function perRequestSentence(v, icon) {
    if (v.value === undefined || v.limit === undefined || v.feature === null)
        return fallbackSentence(v, icon);
    const stat = /^p95 /.test(v.message) ? 'p95' : 'mean';
    return `${icon} **${idText(v.feature)}: over the cost per request limit**: ${perRequest(v.value)} per request (${stat}) against a limit of ${perRequest(v.limit)}. Over by ${perRequest(v.value - v.limit)}.${causeSentence(v)}`;
}
const RULE_TITLE = {
    budget: 'Budget',
    budget_warn: 'Near budget',
    max_monthly_increase: 'Monthly increase limit',
    max_monthly_increase_percent: 'Monthly increase limit',
    max_cost_per_request: 'Cost per request limit',
    allowed_models: 'Model not allowed',
    unbounded_increase: 'Increase without a bound',
    base_error: 'Base cannot be priced',
    pr_declared_price: 'Priced by this PR',
    unpriced_change: 'Unpriced AI change',
    require_cheaper_model_review: 'Cheaper model to review',
};
/** A rule without figures: its title (`markdown`: already inert) and its own message. */
function fallbackSentence(v, icon = ICON.error, markdown) {
    const title = markdown ?? markdown_cells_text(RULE_TITLE[v.rule] ?? v.rule.replace(/_/g, ' '), 60);
    const at = v.file !== null && !v.message.includes(v.file) ? ` (${where(v.file, v.line)})` : '';
    return `${icon} **${title}**: ${markdown_cells_text(v.message, 400)}${at}.`.replace(/\.\.$/, '.');
}
/** The failing (or overridden) violations grouped: increase rules of one scope together. */
function groups(vs) {
    const out = new Map();
    vs.forEach((v, i) => {
        const key = v.rule === 'max_monthly_increase' || v.rule === 'max_monthly_increase_percent'
            ? `increase:${v.team ?? ''}`
            : `${i}`;
        out.set(key, [...(out.get(key) ?? []), v]);
    });
    return [...out.values()];
}
function sentenceOf(r, group, icon) {
    const v = group[0];
    if (v.rule === 'max_monthly_increase' || v.rule === 'max_monthly_increase_percent') {
        const s = increaseSentence(r, group);
        return icon === ICON.error ? s : s.replace(ICON.error, icon);
    }
    if (v.rule === 'budget')
        return budgetSentence(r, v, icon);
    if (v.rule === 'max_cost_per_request')
        return perRequestSentence(v, icon);
    // Titled by feature like the per-request rule: the message names both models and the figures.
    if (v.rule === 'require_cheaper_model_review' && v.feature !== null)
        return fallbackSentence(v, icon, `${idText(v.feature)}: cheaper model to review`);
    return fallbackSentence(v, icon);
}
/** Owners to ask: of the failing teams, else of the teams whose features changed. */
function ownersToAsk(r, failing) {
    const features = new Map(r.features.map((f) => [f.id, f]));
    const teams = new Set();
    for (const v of failing) {
        if (v.team !== null)
            teams.add(v.team);
        else if (v.cause)
            teams.add(features.get(v.cause.feature)?.team ?? '');
    }
    if (teams.size === 0)
        for (const f of r.features)
            if (f.status !== 'unchanged')
                teams.add(f.team);
    return [...new Set(r.teams.filter((t) => teams.has(t.team)).flatMap((t) => t.owners))];
}
/** The way out of a failing check: the override label and who may apply it, or whom to ask. */
function wayOut(r, failing) {
    const label = r.policy?.override_label ?? null;
    const approvers = r.policy?.override_approvers ?? [];
    const owners = ownersToAsk(r, failing);
    const fix = 'bring the figures under the limits';
    if (label) {
        const who = approvers.length
            ? `one of ${approvers.map((a) => markdown_cells_text(a, 60)).join(', ')}`
            : 'anyone who can label this PR';
        return `**Way out**: ${fix}, or ${who} adds the label ${code(label, 80)} to accept the cost (the check then passes with warnings).`;
    }
    const ask = owners.length ? `ask ${owners.map((o) => markdown_cells_text(o, 60)).join(', ')}` : "ask the base config's maintainers";
    return `**Way out**: ${fix}, or ${ask}: no override label is configured (\`policies.override_label\` in the base config).`;
}
/** One line per warning; the unpriced changes as one. */
function warningLines(r) {
    const warnings = r.violations.filter((v) => v.severity === 'warning' && !v.overridden);
    const lines = [];
    const unpriced = warnings.filter((v) => v.rule === 'unpriced_change');
    if (unpriced.length) {
        const places = unpriced
            .slice(0, 3)
            .map((v) => (v.file === null ? 'a changed file' : where(v.file, v.line)))
            .join(', ');
        const more = unpriced.length > 3 ? ` and ${unpriced.length - 3} more` : '';
        lines.push(`${ICON.warning} **${markdown_cells_plural(unpriced.length, 'AI change is', 'AI changes are')} not priced** (outside every feature): ${places}${more}. Fixes under “Unpriced AI changes”.`);
    }
    // The two increase rules of one scope are one sentence, as for failing rules.
    const increase = warnings.filter((v) => v.rule === 'max_monthly_increase' || v.rule === 'max_monthly_increase_percent');
    for (const g of groups(increase))
        lines.push(sentenceOf(r, g, ICON.warning).replace(/ Over by [^.]*\./, ''));
    for (const v of warnings) {
        if (v.rule === 'unpriced_change' || increase.includes(v))
            continue;
        if (v.rule === 'budget_warn' && v.value !== undefined && v.limit !== undefined && v.team !== null) {
            lines.push(`${ICON.warning} **${idText(v.team)}: near budget**: ${money(v.value)}/month at head of a budget of ${money(v.limit)} (${Math.round((v.value / v.limit) * 100)}%).`);
            continue;
        }
        lines.push(sentenceOf(r, [v], ICON.warning).replace(/ Over by [^.]*\./, ''));
    }
    return lines;
}
/** The block under the headline; null when the check passes without a warning. */
function verdictSection(r) {
    const failing = r.violations.filter((v) => v.severity === 'error');
    const overridden = r.violations.filter((v) => v.overridden);
    const lines = [];
    for (const g of groups(failing))
        lines.push(sentenceOf(r, g, ICON.error));
    if (failing.length)
        lines.push(wayOut(r, failing));
    for (const g of groups(overridden))
        lines.push(`${sentenceOf(r, g, ICON.warning)} _Overridden by the label: not failing._`);
    lines.push(...warningLines(r));
    if (r.policy_source !== 'base' && r.violations.length)
        lines.push('_Policies from this PR: the base branch has no config yet._');
    return lines.length ? lines.join('\n\n') : null;
}

;// CONCATENATED MODULE: ./src/render/diff-markdown.ts







/** The document as one string: every section, in order. */
function diffMarkdown(report, opts = {}) {
    return joinSections(sectionsMarkdown(report, opts));
}
/**
 * The document as ordered sections. Required: marker (when given), headline, verdict and the
 * features table. The rest is optional, most useful first.
 */
function sectionsMarkdown(report, opts = {}) {
    const view = opts.view ?? 'comment';
    const sections = [];
    const add = (id, markdown, required = false) => {
        if (markdown)
            sections.push({ id, markdown, required });
    };
    if (opts.marker)
        add('marker', opts.marker, true);
    add('headline', headline(report), true);
    add('verdict', verdictSection(report), true);
    add('features', featuresTable(report), true);
    add('changes', changesDetails(report));
    add('unchanged', unchangedDetails(report));
    add('teams', teamsDetails(report, view));
    add('unpriced', unpricedDetails(report));
    add('proposed', proposedDetails(report));
    if (view === 'summary')
        add('policy', policyDetails(report));
    add('savings', savingsDetails(report, view));
    add('method', methodDetails(report, view));
    add('notices', noticesDetails(report));
    const link = view === 'comment' && leavesOut(report) ? opts.summaryUrl : undefined;
    add('footer', footer(report, { summaryUrl: link, headSha: opts.headSha }));
    return sections;
}
/**
 * The Savings section (the advisor's suggestions, when it ran): in the job summary every
 * feature's; in the comment only the changed features' eligible ones. Collapsed; never the verdict.
 */
function savingsDetails(r, view) {
    const features = r.features
        .filter((f) => f.suggestions && (view === 'summary' || isChange(f)))
        .map((f) => ({ feature: f.id, suggestions: f.suggestions }));
    return (savingsMarkdown(features, view === 'summary' ? 'every feature, at base' : 'changed features, at base', {
        eligibleOnly: view === 'comment',
    }) || null);
}
/**
 * Whether the comment leaves out what the job summary has: the method of unchanged features, or
 * the full policy messages. Then (and when it is cut to fit) the comment links to the summary.
 */
function leavesOut(r) {
    return r.features.some((f) => !isChange(f)) || r.violations.length > 0;
}
// ---------------------------------------------------------------------------------------------
// Headline
// ---------------------------------------------------------------------------------------------
const isChange = (f) => f.status !== 'unchanged';
function errorsOf(r) {
    return r.violations.filter((v) => v.severity === 'error');
}
/** `❌ check fails`, `✅ passes`, `⚠️ passes with 2 warnings`, `✅ passes by override`. */
function verdictWords(r) {
    const errors = errorsOf(r).length;
    const warnings = r.violations.length - errors;
    if (errors > 0)
        return `${ICON.error} check fails`;
    if (r.violations.some((v) => v.overridden))
        return `${ICON.warning} passes by override`;
    return warnings > 0 ? `${ICON.warning} passes with ${markdown_cells_plural(warnings, 'warning')}` : `${ICON.ok} passes`;
}
/**
 * Whether the PR total's interval matters: it is wide, or it straddles a PR-wide limit in
 * dollars (then "over" and "within" are both in it).
 */
function totalIntervalMatters(r) {
    const m = r.totals.monthly;
    if (!intervalOrNull(m.delta_ci95))
        return false;
    const [lo, hi] = m.delta_ci95;
    const straddles = r.violations.some((v) => v.team === null && v.unit === 'usd_month' && v.limit !== undefined && lo <= v.limit && v.limit < hi);
    return straddles || wideInterval(m.delta, m.delta_ci95);
}
/** `### ❌ aicost: +$2,569/month (+208%) · check fails`: the change and the verdict in one line. */
function headline(r) {
    const m = r.totals.monthly;
    const verdict = verdictWords(r);
    const changed = r.features.filter(isChange);
    if (changed.length === 0 && Math.abs(m.delta) < 0.005)
        return `### aicost: no change to AI cost (${money(m.head)}/month) · ${verdict}`;
    const detail = [];
    if (m.delta_percent !== null)
        detail.push(percent(m.delta_percent));
    if (totalIntervalMatters(r))
        detail.push(intervalOrNull(m.delta_ci95));
    const paren = detail.length ? ` (${detail.join(', ')})` : '';
    return `### aicost: ${delta(m.delta)}/month${paren} · ${verdict}`;
}
// ---------------------------------------------------------------------------------------------
// Features table: Feature | Change | Monthly base → head | Δ
// ---------------------------------------------------------------------------------------------
/** `$248 → $4,140`, on one line. */
function arrow(f) {
    return `${sideMoney(f.base, (s) => s.monthly)}${NBSP}→${NBSP}${sideMoney(f.head, (s) => s.monthly)}`;
}
/** The short change: `gpt-4.1-mini → gpt-4.1 (×5 price)`, `new feature`, and how many more. */
function whatChanged(f) {
    const parts = [];
    const from = lineage(f);
    if (from)
        parts.push(from);
    if (f.status === 'added' && !from)
        parts.push(f.declared_in_pr ? 'new feature, declared in this PR' : 'new feature');
    if (f.status === 'removed')
        parts.push('removed');
    if (f.status === 'unpriced')
        parts.push(`_unpriced_${f.notes.length ? `: ${markdown_cells_text(f.notes[0], 80)}` : ''}`);
    // An added feature's own entry is its change: "new feature" says it.
    const changes = f.status === 'added' ? topChanges(f).filter((c) => c.kind !== 'config') : topChanges(f);
    if (changes.length)
        parts.push(shortChange(changes[0].summary));
    const lines = [parts.join('; ') || '—'];
    if (isStatic(f.head) || isStatic(f.base))
        lines.push(`<sub>${(f.head?.upper_bound ?? f.base?.upper_bound) ? 'static, upper bound' : 'static estimate'}</sub>`);
    if (changes.length > 1)
        lines.push(`<sub>+${markdown_cells_plural(changes.length - 1, 'more change')}</sub>`);
    return lines.join('<br>');
}
/** `+$1,023 (+25.6%)`, the interval under it only where it is wide. */
function deltaCell(f) {
    if (f.status === 'unpriced')
        return `${ICON.warning}${NBSP}unpriced`;
    const d = f.delta;
    const pctText = d.monthly_percent !== null ? `${NBSP}(${percent(d.monthly_percent)})` : f.status === 'added' ? `${NBSP}(new)` : '';
    const head = `${delta(d.monthly)}${pctText}`;
    if (insufficient(f))
        return `${head}<br><sub>few samples</sub>`;
    const ci = wideInterval(d.monthly, d.monthly_ci95) ? intervalOrNull(d.monthly_ci95) : null;
    return ci ? `${head}<br><sub>${ci.replace(/ /g, NBSP)}</sub>` : head;
}
function featuresTable(r) {
    const changed = r.features.filter(isChange).sort(byImpact);
    if (changed.length === 0)
        return `No AI feature changed; ${markdown_cells_plural(r.features.length, 'feature')} priced at ${money(r.totals.monthly.head)}/month.`;
    const rows = ['| Feature | Change | Monthly base → head | Δ monthly |', '|:--|:--|--:|--:|'];
    for (const f of changed) {
        const marks = declaredMarks(f)
            .map((m) => `<br><sub>${m}</sub>`)
            .join('');
        rows.push(`| **${idText(f.id)}** | ${whatChanged(f)} | ${arrow(f)}${marks} | ${deltaCell(f)} |`);
    }
    const m = r.totals.monthly;
    const same = r.features.filter((f) => !isChange(f));
    const sameNote = same.length
        ? `incl. ${markdown_cells_plural(same.length, 'unchanged feature')} (${money(same.reduce((a, f) => a + (f.head?.monthly ?? 0), 0))})`
        : '';
    const pctText = m.delta_percent !== null ? `${NBSP}(${percent(m.delta_percent)})` : '';
    rows.push(`| **Total** | ${sameNote} | **${money(m.base)}${NBSP}→${NBSP}${money(m.head)}** | **${delta(m.delta)}${pctText}** |`);
    return rows.join('\n');
}

;// CONCATENATED MODULE: ./src/render/diff-text.ts
/**
 * The `diff` report for a terminal: the headline, one aligned table of features, teams,
 * violations, unpriced changes and notices. Plain text, no Markdown, within 100 columns (long
 * lines wrap at spaces, never inside a figure), one arrow style.
 *
 * Repository text is printed without its control characters (no ANSI escapes that could rewrite
 * the terminal), and no line may start with `::`, which a GitHub runner reads as a workflow
 * command when the CLI runs in a job.
 */





const diff_text_delta = (x) => (0,src_text/* signedUsd */.NT)(x);
const diff_text_percent = (p) => (0,src_text/* signedPct */.Mp)(p);
const diff_text_interval = (ci) => `${diff_text_delta(ci[0])} to ${diff_text_delta(ci[1])}`;
/** Repository text on one line, without control characters; one arrow style (`→`). */
const t = (s) => (0,src_text/* oneLine */.TN)(s).replace(/ -> /g, ' → ');
/** Terminal width the text keeps to: no line longer, and no figure split across lines. */
const TEXT_WIDTH = 100;
/**
 * Words of `s` in lines of at most `width` columns, the first starting with `first`, the rest
 * with `indent`. Breaks only at spaces, so `+$2,432/month` is never split; a single word longer
 * than a line (a long path) stays whole on its own line.
 */
function wrap(s, first, indent, width = TEXT_WIDTH) {
    const words = s.split(/ +/).filter(Boolean);
    const lines = [];
    let line = first;
    let empty = true;
    for (const w of words) {
        if (!empty && [...line].length + 1 + [...w].length > width) {
            lines.push(line);
            line = indent + w;
        }
        else
            line = empty ? line + w : `${line} ${w}`;
        empty = false;
    }
    lines.push(line);
    return lines;
}
/** The report as terminal text, ending with a newline; no line wider than 100 columns. */
function diffText(r) {
    const out = [];
    out.push(`aicost diff ${t(r.base.rev).slice(0, 7)} → ${t(r.head.rev).slice(0, 7)}, prices at ${t(r.pricing_date)}`);
    out.push(...wrap(diff_text_headline(r), '', '  '));
    out.push('');
    out.push(featureTable(r));
    const notes = featureNotes(r);
    if (notes.length) {
        out.push('');
        for (const n of notes)
            out.push(...wrap(n, '  ', '    '));
    }
    const marks = trustLines(r);
    if (marks.length) {
        out.push('', 'from base and from this PR:');
        for (const m of marks)
            out.push(...wrap(m, '  ', '    '));
    }
    const teams = r.teams.filter((x) => x.budget !== null || x.base !== x.head);
    if (teams.length) {
        out.push('', 'teams:');
        for (const team of teams)
            out.push(...wrap(teamLine(team), '  ', '    '));
    }
    if (r.violations.length) {
        out.push('', 'violations:');
        const ordered = [...r.violations].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
        for (const v of ordered) {
            const scope = [];
            if (v.team !== null)
                scope.push(`team ${t(v.team)}`);
            if (v.feature !== null)
                scope.push(`feature ${t(v.feature)}`);
            if (v.file !== null)
                scope.push(v.line === null ? t(v.file) : `${t(v.file)}:${v.line}`);
            const severity = v.overridden ? 'warning (overridden)' : v.severity;
            out.push(...wrap(`${severity}: ${t(v.rule)}${scope.length ? ` (${scope.join(', ')})` : ''}: ${t(v.message)}`, '  ', '    '));
        }
    }
    if (r.unpriced_changes.length) {
        out.push('', 'unpriced AI changes (outside every feature):');
        for (const u of r.unpriced_changes) {
            // The detector's summaries already name the ratio; add it only where one does not.
            const ratio = u.price_ratio !== null && !/input price/.test(u.summary)
                ? ` (×${u.price_ratio >= 10 ? u.price_ratio.toFixed(1) : u.price_ratio.toFixed(2)} input price)`
                : '';
            const at = u.line === null ? t(u.file) : `${t(u.file)}:${u.line}`;
            out.push(...wrap(`${at} [${t(u.kind)}]: ${t(u.summary)}${ratio}`, '  ', '    '));
            const { prose, yaml } = hintParts(u.hint);
            if (yaml.length === 0) {
                const hint = hintLines(u.hint);
                if (hint.length) {
                    out.push('    to price it, add to .aicost.yml:');
                    for (const line of hint)
                        out.push(`      ${line}`);
                }
                continue;
            }
            if (prose !== 'add the entry below')
                out.push(...wrap(`fix: ${t(prose)}`, '    ', '      '));
            yaml.forEach((y, i) => {
                out.push(yaml.length > 1 ? `    entry ${i + 1}, for .aicost.yml:` : '    to price it, add to .aicost.yml:');
                for (const line of hintLines(y))
                    out.push(`      ${line}`);
            });
        }
    }
    if (r.proposed_config.length) {
        out.push('', 'proposed config changes (apply after merge):');
        for (const p of r.proposed_config)
            out.push(...wrap(`${t(p.path)}: ${json(p.base)} → ${json(p.head)}: ${t(p.effect)}`, '  ', '    '));
    }
    const savings = savingsLines(r);
    if (savings.length)
        out.push('', ...savings);
    if (r.notices.length) {
        out.push('', 'notices:');
        for (const n of r.notices)
            out.push(...wrap(t(n), '  - ', '    '));
    }
    return `${out.join('\n').split('\n').map(noCommand).join('\n')}\n`;
}
/**
 * The Savings section (`diff --suggest`): every feature the advisor looked at, at base, as
 * `suggest --format text` prints it (the same renderer), within the width. Never the verdict.
 */
function savingsLines(r) {
    const features = r.features.filter((f) => f.suggestions && f.suggestions.length > 0);
    if (!features.length)
        return [];
    const total = savingsTotal(features.map((f) => ({ feature: f.id, suggestions: f.suggestions })));
    const out = wrap(`savings (every feature, at base; never part of the verdict): up to ${(0,src_text/* usd */.dR)(total)}/month with the best eligible suggestion per feature`, '', '  ');
    for (const f of features) {
        const base = f.base ?? f.head;
        const heading = `${f.id} (${f.team})${base ? ` · ${base.models.join(', ')} · ${(0,src_text/* usd */.dR)(base.monthly)}/month` : ''}`;
        out.push(...savingsTextLines({ heading, suggestions: f.suggestions, notes: [] }, TEXT_WIDTH));
    }
    return out;
}
/** `+$4,952/month (+103%), $4,809 → $9,761/month: 1 policy fails` */
function diff_text_headline(r) {
    const m = r.totals.monthly;
    const paren = m.delta_percent !== null ? ` (${diff_text_percent(m.delta_percent)})` : '';
    const errors = r.violations.filter((v) => v.severity === 'error').length;
    const warnings = r.violations.length - errors;
    let verdict = errors ? `${errors} ${errors === 1 ? 'policy fails' : 'policies fail'}` : 'passes';
    if (warnings)
        verdict += `, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    return `${diff_text_delta(m.delta)}/month${paren}, ${(0,src_text/* usd */.dR)(m.base)} → ${(0,src_text/* usd */.dR)(m.head)}/month: ${verdict}`;
}
function side(s, value) {
    if (!s)
        return '-';
    return `${s.upper_bound ? '<=' : ''}${(0,src_text/* usd */.dR)(value(s))}`;
}
const diff_text_isStatic = (s) => s !== null && s.traffic === null && s.source.usage === 0 && s.source.replay === 0;
/** Lines under the table: static figures, too few samples, and intervals where they matter (wide). */
function featureNotes(r) {
    const out = [];
    for (const f of r.features) {
        if (f.status === 'unchanged')
            continue;
        if (f.status === 'unpriced')
            out.push(`${t(f.id)}: unpriced: ${t(f.notes[0] ?? 'no figure')}`);
        else if (diff_text_isStatic(f.base) || diff_text_isStatic(f.head))
            out.push(`${t(f.id)}: static estimate (no traffic samples)`);
        else if (f.delta.monthly_ci95 === null || f.base?.insufficient_samples || f.head?.insufficient_samples)
            out.push(`${t(f.id)}: insufficient samples for an interval`);
        else if (wideInterval(f.delta.monthly, f.delta.monthly_ci95))
            out.push(`${t(f.id)}: 95% interval ${diff_text_interval(f.delta.monthly_ci95)}`);
    }
    const m = r.totals.monthly;
    if (m.delta_ci95 && diff_text_delta(m.delta_ci95[0]) !== diff_text_delta(m.delta_ci95[1]))
        out.push(`total: 95% interval ${diff_text_interval(m.delta_ci95)}`);
    return out;
}
/** The feature table, narrowed (team, then $/request left out) until it fits 100 columns. */
function featureTable(r) {
    const order = [...r.features].sort((a, b) => Number(a.status === 'unchanged') - Number(b.status === 'unchanged') ||
        Math.abs(b.delta.monthly) - Math.abs(a.delta.monthly));
    const m = r.totals.monthly;
    const columns = [
        { head: 'feature', align: 'l', cell: (f) => clipText(t(f.id), 28), total: 'total' },
        { head: 'team', align: 'l', cell: (f) => clipText(t(f.team), 16), total: '', drop: 1 },
        { head: 'status', align: 'l', cell: (f) => f.status, total: '' },
        {
            head: '$/req base → head',
            align: 'r',
            cell: (f) => `${side(f.base, (s) => s.per_request.mean)} → ${side(f.head, (s) => s.per_request.mean)}`,
            total: '',
            drop: 2,
        },
        {
            head: 'monthly base → head',
            align: 'r',
            cell: (f) => `${side(f.base, (s) => s.monthly)} → ${side(f.head, (s) => s.monthly)}`,
            total: `${(0,src_text/* usd */.dR)(m.base)} → ${(0,src_text/* usd */.dR)(m.head)}`,
        },
        {
            head: 'delta/month',
            align: 'r',
            cell: (f) => (changedOf(f) ? diff_text_delta(f.delta.monthly) : ''),
            total: diff_text_delta(m.delta),
        },
        {
            head: 'delta %',
            align: 'r',
            cell: (f) => changedOf(f) && f.delta.monthly_percent !== null
                ? diff_text_percent(f.delta.monthly_percent)
                : changedOf(f) && f.status === 'added'
                    ? 'new'
                    : '',
            total: m.delta_percent !== null ? diff_text_percent(m.delta_percent) : '',
        },
    ];
    let table = '';
    for (const dropped of [0, 1, 2]) {
        const cols = columns.filter((c) => !('drop' in c) || c.drop > dropped);
        const rows = [cols.map((c) => c.head), ...order.map((f) => cols.map((c) => c.cell(f))), cols.map((c) => c.total)];
        table = (0,src_text/* textTable */.ed)(rows, cols.map((c) => c.align));
        if (table.split('\n').every((l) => [...l].length <= TEXT_WIDTH))
            break;
    }
    return table;
}
const changedOf = (f) => f.status !== 'unchanged' && f.status !== 'unpriced';
function clipText(s, max) {
    const chars = [...s];
    return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
/** Features priced with a base entry under a new id, or resting on values the PR declares. */
function trustLines(r) {
    const out = [];
    for (const f of r.features) {
        const parts = [];
        if (f.renamed_from !== undefined)
            parts.push(`renamed from ${t(f.renamed_from)}: priced with the base entry's team, volume and traffic`);
        if (f.copied_from !== undefined)
            parts.push(`copied from ${t(f.copied_from)}: priced with its team, volume and traffic`);
        if (f.volume_declared_in_pr)
            parts.push('volume declared in this PR');
        for (const p of f.priced_by_pr ?? []) {
            parts.push(`${p.side === 'base' ? 'base ' : ''}priced by this PR: ${t(p.model)} (${p.declared.map((d) => `${t(d.key)} = ${json(d.value)}`).join(', ')})`);
        }
        if (parts.length)
            out.push(`${t(f.id)}: ${parts.join('; ')}`);
    }
    return out;
}
function teamLine(team) {
    const here = `${(0,src_text/* usd */.dR)(team.base)} → ${(0,src_text/* usd */.dR)(team.head)}`;
    if (team.budget === null)
        return `${t(team.team)}: ${here}/month, no budget`;
    const used = team.head + team.other_monthly_spend;
    const other = team.other_monthly_spend ? ` + ${(0,src_text/* usd */.dR)(team.other_monthly_spend)} other = ${(0,src_text/* usd */.dR)(used)}` : '';
    const share = team.budget > 0 ? ` (${(0,src_text/* pct */.Oe)(used / team.budget)})` : '';
    const status = { ok: 'ok', warn: 'near budget', breach: 'over budget' }[team.status];
    return `${t(team.team)}: ${here}${other}/month of ${(0,src_text/* usd */.dR)(team.budget)} budget${share}: ${status}`;
}
/** A hint's lines, without control characters, at most 40. */
function hintLines(hint) {
    const lines = hint
        .replace(/\r\n?/g, '\n')
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
        .replace(/\n+$/, '')
        .split('\n');
    return lines.filter((l, i) => i < 40 && (l.trim() || i > 0));
}
function json(v) {
    if (v === null || v === undefined)
        return '-';
    return t(JSON.stringify(v) ?? String(v));
}
/** A runner reads `::name::` at the start of a line (after blanks) as a workflow command. */
function noCommand(line) {
    return line.replace(/^(\s*):(?=:)/, '$1: ');
}

;// CONCATENATED MODULE: ./src/render/estimate.ts
// Renders the estimate report (the JSON document of one revision) as Markdown or plain text.


function sourceLabel(s) {
    const parts = [];
    if (s.usage > 0)
        parts.push(`${(0,src_text/* pct */.Oe)(s.usage)} recorded`);
    if (s.replay > 0)
        parts.push(`${(0,src_text/* pct */.Oe)(s.replay)} replayed`);
    if (s.static > 0)
        parts.push('static');
    return parts.join(', ');
}
function monthlyCell(f) {
    const m = (0,src_text/* usd */.dR)(f.monthly);
    if (f.monthly_band)
        return `${m} (${(0,src_text/* usd */.dR)(f.monthly_band[0])}–${(0,src_text/* usd */.dR)(f.monthly_band[1])})`;
    return f.upper_bound ? `≤ ${m}` : m;
}
/** Markdown for a job summary or a terminal that renders Markdown. Repository text is escaped. */
function estimateMarkdown(r) {
    const where = r.rev ? `\`${r.rev.slice(0, 12)}\`` : 'working tree';
    const lines = [];
    lines.push(`### aicost estimate · ${where}`);
    lines.push('');
    lines.push(`**${(0,src_text/* usd */.dR)(r.totals.monthly)}/month** across ${r.features.length} feature${r.features.length === 1 ? '' : 's'}, priced at ${r.pricing_date}.`);
    lines.push('');
    lines.push('| Feature | Team | Model | $/request (mean · p95) | Requests/month | Monthly | Source |');
    lines.push('|---|---|---|--:|--:|--:|---|');
    for (const f of r.features) {
        lines.push(`| ${(0,src_text/* escapeMarkdown */.FV)(f.id)} | ${(0,src_text/* escapeMarkdown */.FV)(f.team)} | ${f.models.map(src_text/* escapeMarkdown */.FV).join(', ')} | ${(0,src_text/* usd */.dR)(f.per_request.mean)} · ${(0,src_text/* usd */.dR)(f.per_request.p95)} | ${(0,src_text/* count */.U9)(f.requests_per_month)} | ${monthlyCell(f)} | ${sourceLabel(f.source)} |`);
    }
    const budgeted = r.teams.filter((t) => t.budget !== null);
    if (budgeted.length) {
        lines.push('');
        lines.push('| Team | Monthly here | Other spend | Budget | Status |');
        lines.push('|---|--:|--:|--:|---|');
        for (const t of budgeted) {
            lines.push(`| ${(0,src_text/* escapeMarkdown */.FV)(t.team)} | ${(0,src_text/* usd */.dR)(t.monthly)} | ${(0,src_text/* usd */.dR)(t.other_monthly_spend)} | ${(0,src_text/* usd */.dR)(t.budget)} | ${t.status} |`);
        }
    }
    lines.push('');
    lines.push('<details><summary>How this was estimated</summary>');
    lines.push('');
    for (const f of r.features) {
        const bits = [];
        if (f.traffic) {
            const window = f.traffic.window_days !== null ? `, ${(0,src_text/* count */.U9)(f.traffic.window_days)}-day window` : '';
            bits.push(`${(0,src_text/* count */.U9)(f.samples)} samples (${(0,src_text/* count */.U9)(f.effective_samples)} effective${window}) from ${f.traffic.paths.map((p) => (0,src_text/* inlineCode */.ti)(p)).join(', ')}`);
            if (f.traffic.sampled)
                bits.push(`sampled from ${(0,src_text/* count */.U9)(f.traffic.lines)} lines`);
        }
        else {
            bits.push(`static estimate from ${(0,src_text/* escapeMarkdown */.FV)(f.prompt)} (${(0,src_text/* count */.U9)(f.samples)} render${f.samples === 1 ? '' : 's'})`);
        }
        bits.push(`volume ${f.volume_source === 'config' ? 'from .aicost.yml' : 'derived from the samples'}`);
        bits.push(`tokenizer ${(0,src_text/* escapeMarkdown */.FV)(f.tokenizer)}${f.exact ? ' (exact)' : ''}`);
        if (f.prices?.length) {
            const from = f.prices.map((p) => {
                const src = p.kind === 'pricing' ? p.source : `${p.kind === 'fallback' ? 'fallback ' : ''}${p.source} ${p.version ?? ''}`;
                const tod = p.time_of_day ? `, by time of day (${p.time_of_day.basis})` : '';
                return (0,src_text/* escapeMarkdown */.FV)(`${f.prices.length > 1 ? `${p.model}: ` : ''}${src}${tod}`);
            });
            bits.push(`prices from ${from.join('; ')}`);
        }
        if (f.calibration)
            bits.push(`calibration recorded ÷ counted ${f.calibration.ratio.toFixed(3)} over ${(0,src_text/* count */.U9)(f.calibration.samples)} samples`);
        if (f.reconciliation) {
            const rec = f.reconciliation;
            const parts = [`recorded usage ${(0,src_text/* usd */.dR)(rec.recorded)}`];
            if (rec.replayed !== null)
                parts.unshift(`replayed ${(0,src_text/* usd */.dR)(rec.replayed)}`);
            if (rec.reported !== null)
                parts.push(`source-reported ${(0,src_text/* usd */.dR)(rec.reported)}`);
            bits.push(`per request: ${parts.join(' vs ')}`);
        }
        if (f.output_cap_share !== null && f.output_cap_share > 0)
            bits.push(`${(0,src_text/* pct */.Oe)(f.output_cap_share, 1)} of outputs hit max tokens ${(0,src_text/* count */.U9)(f.max_output_tokens)}`);
        lines.push(`- **${(0,src_text/* escapeMarkdown */.FV)(f.id)}**: ${bits.join('; ')}.`);
    }
    lines.push(`- Prices: ${(0,src_text/* escapeMarkdown */.FV)(r.catalog.source)} ${(0,src_text/* escapeMarkdown */.FV)(r.catalog.version)} (data ${r.catalog.data_date}), at ${r.pricing_date}; ${r.catalog.overrides} price override${r.catalog.overrides === 1 ? '' : 's'} from .aicost.yml. A month is 730 hours.`);
    lines.push('');
    lines.push('</details>');
    if (r.notices.length) {
        lines.push('');
        lines.push('<details><summary>Notices</summary>');
        lines.push('');
        for (const n of r.notices)
            lines.push(`- ${(0,src_text/* escapeMarkdown */.FV)(n)}`);
        lines.push('');
        lines.push('</details>');
    }
    return lines.join('\n') + '\n';
}
/** Plain text for a terminal. */
function estimateText(r) {
    const where = r.rev ? r.rev.slice(0, 12) : 'working tree';
    const rows = [['feature', 'team', 'model', '$/request', 'p95', 'requests/mo', 'monthly', 'source']];
    for (const f of r.features) {
        rows.push([
            f.id,
            f.team,
            f.models.join(','),
            (0,src_text/* usd */.dR)(f.per_request.mean),
            (0,src_text/* usd */.dR)(f.per_request.p95),
            (0,src_text/* count */.U9)(f.requests_per_month),
            monthlyCell(f),
            sourceLabel(f.source),
        ]);
    }
    const out = [
        `aicost estimate (${where}), prices at ${r.pricing_date}`,
        '',
        (0,src_text/* textTable */.ed)(rows, ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'l']),
        '',
        `total: ${(0,src_text/* usd */.dR)(r.totals.monthly)}/month`,
    ];
    if (r.notices.length) {
        out.push('', 'notices:');
        for (const n of r.notices)
            out.push(`  - ${n}`);
    }
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/render/index.ts
/** The front door of src/render/: what other folders may import from it. */






/***/ })

};
