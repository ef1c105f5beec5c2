-- aicost warehouse sample: OpenTelemetry (collector `file` exporter, OTLP/JSON) with DuckDB ≥ 1.3.
--
-- Reads the collector's JSON Lines of TracesData (one document per line, or one pretty-printed
-- document; .gz/.zst by extension), keeps inference spans, assigns them to aicost features, takes
-- aicost's own deterministic per-feature sample, and writes one normalised traffic JSONL v1 file
-- per feature for the action's `traffic-dir` (see README.md beside this file).
--
-- The sample is the one aicost itself keeps (src/traffic/sampler.ts, src/traffic/read.ts):
--   * unit = the whole trace: key `trace:<trace_id>`, or `id:<span id>` for a span without one;
--   * rank = aicost's hashKey(key): FNV-1a 64 over the key's UTF-8 bytes, then MurmurHash3's
--     fmix32 mixing, a 53-bit integer (src/traffic/hash.ts), computed here exactly with HUGEINT;
--   * per feature, units in order of (rank, key) are kept while their lines fit in max_samples;
--     the first unit that does not fit ends the sample; if the lowest unit alone exceeds
--     max_samples it is the whole sample (a trace is never split);
--   * when lines were dropped, every kept line's weight is multiplied by
--     total weight ÷ kept weight of the feature, so weighted totals stay unbiased.
--   Ties of rank are broken by the key compared byte-wise (UTF-8); aicost compares UTF-16 code
--   units, which orders differently only between U+E000–U+FFFF and characters above U+FFFF
--   (never in hex trace ids).
-- tests/warehouse/duckdb.test.ts runs this file on a generated export and checks that its lines
-- (ids and weights) are the ones aicost keeps from the same spans.
--
-- Run: node examples/warehouse/run-duckdb.mjs examples/warehouse/duckdb-otel.sql \
--        otel_files='otel-export/*.json' max_samples=5000
-- (or the DuckDB CLI: duckdb -cmd "SET VARIABLE otel_files = 'otel-export/*.json'" < this file)
-- Relative paths are resolved from the current directory: run it where `aicost-samples/` should be.

SET VARIABLE otel_files = coalesce(getvariable('otel_files'), 'otel-export/*.json');
-- replay.max_samples of .aicost.yml (default 5000): a file of at most this many lines is read whole.
SET VARIABLE max_samples = coalesce(getvariable('max_samples'), 5000);

-- Which spans are which feature's: a span belongs to a feature when the attribute `field` (the
-- span's, else its resource's) matches the glob `pattern`. Several rows for one feature are
-- alternatives; a span that matches two features is in both samples. Edit to your features.
CREATE OR REPLACE TEMP TABLE aicost_features AS
SELECT * FROM (VALUES
    ('ticket-summary', 'gen_ai.prompt.name', 'ticket-summary'),
    ('triage',         'gen_ai.agent.name',  'triage*'),
    ('kb-answer',      'service.name',       'kb-*')
) AS t(feature, field, pattern);

-- aicost's rank (src/traffic/hash.ts). FNV-1a 64 mod 2^64 over the UTF-8 bytes of the key:
CREATE OR REPLACE TEMP MACRO aicost_fnv1a64(txt) AS list_reduce(
    list_transform(regexp_extract_all(hex(encode(txt)), '..'), lambda p: ('0x' || p)::INTEGER::HUGEINT),
    lambda h, b: (xor(h, b) * 1099511628211) % 18446744073709551616,
    14695981039346656037::HUGEINT);
CREATE OR REPLACE TEMP MACRO aicost_xorshift(h, s) AS xor(h, h >> s);
CREATE OR REPLACE TEMP MACRO aicost_mul32(h, c) AS (h::HUGEINT * c) % 4294967296;
-- MurmurHash3 fmix32 on a value in [0, 2^32).
CREATE OR REPLACE TEMP MACRO aicost_fmix32(h) AS aicost_xorshift(aicost_mul32(aicost_xorshift(
    aicost_mul32(aicost_xorshift(h::HUGEINT, 16), 2246822507), 13), 3266489909), 16);

-- OTLP/JSON attribute access: the first attribute named k, its value as text or as a count.
-- Attributes are read as a list of {key, value JSON} structs.
CREATE OR REPLACE TEMP MACRO aicost_otel_value(attrs, k) AS list_filter(attrs, lambda a: a.key = k)[1].value;
CREATE OR REPLACE TEMP MACRO aicost_otel_text(v) AS
    coalesce(v ->> 'stringValue', v ->> 'intValue', v ->> 'doubleValue', v ->> 'boolValue');
-- int64 is a decimal string in OTLP/JSON, a number from some encoders; doubleValue is accepted too.
CREATE OR REPLACE TEMP MACRO aicost_otel_count(v) AS
    TRY_CAST(TRY_CAST(coalesce(v ->> 'intValue', v ->> 'doubleValue', v ->> 'stringValue') AS DOUBLE) AS BIGINT);
-- The first of several attribute names (current name, then deprecated and vendor aliases) that is set.
CREATE OR REPLACE TEMP MACRO aicost_otel_first_count(attrs, ks) AS
    list_filter(list_transform(ks, lambda k: aicost_otel_count(aicost_otel_value(attrs, k))), lambda x: x IS NOT NULL)[1];
CREATE OR REPLACE TEMP MACRO aicost_otel_first_text(attrs, ks) AS
    list_filter(list_transform(ks, lambda k: aicost_otel_text(aicost_otel_value(attrs, k))), lambda x: x IS NOT NULL)[1];
-- Ids are lowercase hex; exporters using the generic protobuf JSON mapping write base64.
CREATE OR REPLACE TEMP MACRO aicost_otel_id(x) AS CASE
    WHEN x IS NULL OR x = '' THEN NULL
    WHEN regexp_full_match(x, '[0-9A-Fa-f]+') THEN lower(x)
    ELSE nullif(lower(hex(try(from_base64(x)))), '') END;
-- *UnixNano: a decimal string, a number, or {low, high} (opentelemetry-js around 0.44).
CREATE OR REPLACE TEMP MACRO aicost_otel_nanos(v) AS CASE
    WHEN json_type(v) = 'OBJECT' THEN ((v ->> 'high')::HUGEINT << 32) + ((v ->> 'low')::BIGINT & 4294967295)
    ELSE TRY_CAST(v ->> '$' AS HUGEINT) END;

CREATE OR REPLACE TEMP TABLE aicost_calls AS
WITH docs AS (
    -- Typed while parsed: only the fields used are read; attribute values stay JSON (any of the OTLP kinds).
    SELECT resourceSpans FROM read_json(getvariable('otel_files'), format = 'auto', maximum_object_size = 1073741824,
        columns = {resourceSpans: 'STRUCT(resource STRUCT(attributes STRUCT("key" VARCHAR, "value" JSON)[]), scopeSpans STRUCT(spans STRUCT(traceId VARCHAR, spanId VARCHAR, parentSpanId VARCHAR, startTimeUnixNano JSON, attributes STRUCT("key" VARCHAR, "value" JSON)[], status STRUCT(code JSON))[])[])[]'})
), resource_spans AS (
    SELECT unnest(resourceSpans) AS rs FROM docs
), scope_spans AS (
    SELECT rs.resource.attributes AS res_attrs, unnest(rs.scopeSpans) AS ss FROM resource_spans
), spans AS (
    SELECT res_attrs, unnest(ss.spans) AS span FROM scope_spans
), fields AS (
    SELECT
        res_attrs,
        span.attributes AS attrs,
        aicost_otel_id(span.spanId) AS id,
        aicost_otel_id(span.traceId) AS trace_id,
        aicost_otel_id(span.parentSpanId) AS parent_id,
        aicost_otel_nanos(span.startTimeUnixNano) AS start_ns,
        (span.status.code ->> '$') IN ('2', 'STATUS_CODE_ERROR') AS is_error
    FROM spans
), calls AS (
    SELECT
        *,
        aicost_otel_text(aicost_otel_value(attrs, 'gen_ai.operation.name')) AS operation,
        aicost_otel_text(aicost_otel_value(attrs, 'openinference.span.kind')) AS oi_kind,
        aicost_otel_text(aicost_otel_value(attrs, 'ai.operationId')) AS ai_operation,
        aicost_otel_first_count(attrs, ['gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens',
            'llm.token_count.prompt', 'ai.usage.inputTokens', 'ai.usage.promptTokens']) AS input_raw,
        aicost_otel_first_count(attrs, ['gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens',
            'llm.token_count.completion', 'ai.usage.outputTokens', 'ai.usage.completionTokens']) AS output_raw,
        coalesce(aicost_otel_first_count(attrs, ['gen_ai.usage.cache_read.input_tokens',
            'gen_ai.usage.cache_read_input_tokens', 'gen_ai.usage.input_cached_tokens',
            'gen_ai.usage.cached_input_tokens', 'llm.token_count.prompt_details.cache_read',
            'ai.usage.cachedInputTokens', 'ai.usage.inputTokenDetails.cacheReadTokens']), 0) AS cache_read,
        coalesce(aicost_otel_first_count(attrs, ['gen_ai.usage.cache_creation.input_tokens',
            'gen_ai.usage.cache_creation_input_tokens', 'llm.token_count.prompt_details.cache_write',
            'ai.usage.inputTokenDetails.cacheWriteTokens']), 0) AS cache_write,
        coalesce(aicost_otel_first_count(attrs, ['gen_ai.usage.reasoning.output_tokens',
            'gen_ai.usage.reasoning_tokens', 'llm.token_count.completion_details.reasoning',
            'ai.usage.reasoningTokens']), 0) AS reasoning
    FROM fields
), inference AS (
    -- Only the span that is one provider request: agent, chain and workflow spans carry rolled-up usage.
    SELECT * FROM calls
    WHERE operation IN ('chat', 'text_completion', 'generate_content', 'embeddings')
       OR oi_kind IN ('LLM', 'EMBEDDING')
       OR ai_operation LIKE '%.doGenerate' OR ai_operation LIKE '%.doStream'
       OR (operation IS NULL AND oi_kind IS NULL AND ai_operation IS NULL)
), normalised AS (
    SELECT
        res_attrs, attrs, id, trace_id, parent_id,
        strftime(epoch_ms((start_ns // 1000000)::BIGINT), '%Y-%m-%dT%H:%M:%S.%gZ') AS ts,
        aicost_otel_first_text(attrs, ['gen_ai.request.model', 'llm.model_name', 'llm.request.model_name', 'ai.model.id']) AS model,
        aicost_otel_first_text(attrs, ['gen_ai.provider.name', 'gen_ai.system', 'llm.provider', 'llm.system', 'ai.model.provider']) AS provider,
        -- Inclusive input: an emitter whose input is below its cache counts sent exclusive counts.
        CASE WHEN input_raw < cache_read + cache_write THEN input_raw + cache_read + cache_write ELSE input_raw END AS input_tokens,
        cache_read, cache_write,
        coalesce(output_raw, CASE WHEN operation = 'embeddings' OR oi_kind = 'EMBEDDING' THEN 0 END) AS output_raw,
        reasoning,
        aicost_otel_count(aicost_otel_value(attrs, 'gen_ai.request.max_tokens')) AS max_tokens,
        aicost_otel_value(attrs, 'gen_ai.response.finish_reasons') -> '$.arrayValue.values[0]' ->> 'stringValue' AS finish_reason,
        aicost_otel_text(aicost_otel_value(attrs, 'gen_ai.agent.name')) AS agent,
        CASE WHEN is_error THEN 'error' END AS status
    FROM inference
)
SELECT
    *,
    CASE WHEN output_raw < reasoning THEN output_raw + reasoning ELSE output_raw END AS output_tokens,
    1.0::DOUBLE AS weight
FROM normalised
-- Lines aicost would refuse (no usage, negative or absurd counts) are left out, as its reader skips them.
WHERE input_tokens BETWEEN 0 AND 100000000 AND output_raw BETWEEN 0 AND 100000000
  AND cache_read BETWEEN 0 AND 100000000 AND cache_write BETWEEN 0 AND 100000000
  AND reasoning BETWEEN 0 AND 100000000 AND id IS NOT NULL;

-- aicost's per-feature bottom-k sample over whole traces (see the header).
CREATE OR REPLACE TEMP TABLE aicost_sample AS
WITH lines AS (
    SELECT f.feature, c.*, coalesce('trace:' || c.trace_id, 'id:' || c.id) AS unit_key
    FROM aicost_calls c JOIN aicost_features f
      ON coalesce(aicost_otel_text(aicost_otel_value(c.attrs, f.field)),
                  aicost_otel_text(aicost_otel_value(c.res_attrs, f.field))) GLOB f.pattern
), hashed AS (
    SELECT unit_key, aicost_fnv1a64(unit_key) AS fnv FROM (SELECT DISTINCT unit_key FROM lines)
), mixed AS (
    SELECT unit_key, fnv >> 32 AS hi, fnv & 4294967295 AS lo, aicost_fmix32(fnv >> 32) AS mhi FROM hashed
), mixed_a AS (
    SELECT unit_key, hi, aicost_fmix32(xor(lo, mhi)) AS a FROM mixed
), ranked AS (
    SELECT unit_key, (a * 2097152 + (aicost_fmix32(xor(xor(hi, a), 2654435769)) >> 11))::BIGINT AS rank FROM mixed_a
), units AS (
    SELECT feature, unit_key, rank, count(*) AS n
    FROM lines JOIN ranked USING (unit_key)
    GROUP BY feature, unit_key, rank
), cumulative AS (
    SELECT feature, unit_key,
        sum(n) OVER w AS lines_so_far,
        row_number() OVER w AS position
    FROM units
    WINDOW w AS (PARTITION BY feature ORDER BY rank, unit_key ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
), kept AS (
    SELECT feature, unit_key FROM cumulative
    WHERE lines_so_far <= getvariable('max_samples') OR position = 1
), totals AS (
    SELECT feature, count(*) AS lines, sum(weight) AS weight FROM lines GROUP BY feature
), kept_lines AS (
    SELECT l.* FROM lines l SEMI JOIN kept USING (feature, unit_key)
), kept_totals AS (
    SELECT feature, count(*) AS lines, sum(weight) AS weight FROM kept_lines GROUP BY feature
)
SELECT
    l.feature,
    l.id, l.ts, l.trace_id, l.parent_id, l.model, l.provider,
    {'input_tokens': l.input_tokens, 'cache_read_tokens': l.cache_read, 'cache_write_tokens': l.cache_write,
     'output_tokens': l.output_tokens, 'reasoning_tokens': l.reasoning} AS usage,
    CASE WHEN l.max_tokens IS NOT NULL THEN {'max_tokens': l.max_tokens} END AS params,
    l.finish_reason, l.agent, l.status,
    CASE WHEN k.lines < t.lines THEN l.weight * (t.weight / k.weight) ELSE l.weight END AS weight,
    'otel' AS source
FROM kept_lines l JOIN totals t USING (feature) JOIN kept_totals k USING (feature);

-- One file per feature, at the feature's `traffic:` path inside traffic-dir (aicost-samples/).
-- `feature` is written too: aicost prices a line only for the feature it names.
COPY (SELECT * FROM aicost_sample WHERE feature = 'ticket-summary' ORDER BY ts, trace_id, id)
    TO 'aicost-samples/traffic/ticket-summary.jsonl' (FORMAT json);
COPY (SELECT * FROM aicost_sample WHERE feature = 'triage' ORDER BY ts, trace_id, id)
    TO 'aicost-samples/traffic/triage.jsonl' (FORMAT json);
COPY (SELECT * FROM aicost_sample WHERE feature = 'kb-answer' ORDER BY ts, trace_id, id)
    TO 'aicost-samples/traffic/kb-answer.jsonl' (FORMAT json);
