-- aicost warehouse sample: OpenTelemetry spans in ClickHouse (≥ 24.1), as written by the
-- collector's `clickhouse` exporter with its default schema: table otel_traces (Timestamp
-- DateTime64(9), TraceId/SpanId/ParentSpanId hex String, SpanAttributes and ResourceAttributes
-- Map(LowCardinality(String), String) with every value as text, StatusCode 'Error' | 'Ok' | 'Unset').
-- The exporter's JSON column mode (attributes as JSON) is not covered: read SpanAttributes.^'key'
-- instead of SpanAttributes['key'] there.
--
-- One feature per run: the feature's calls are the inference spans of the last {days} days whose
-- span attribute (else resource attribute) {field} is LIKE {pattern}. Output: the feature's
-- normalised traffic JSONL v1, to be written at its `traffic:` path inside traffic-dir:
--
--   clickhouse client --param_feature=ticket-summary --param_field=gen_ai.prompt.name \
--     --param_pattern=ticket-summary --param_days=14 --param_max_samples=5000 \
--     --queries-file examples/warehouse/clickhouse-otel.sql > aicost-samples/traffic/ticket-summary.jsonl
--
-- The sample is the one aicost itself keeps (src/traffic/sampler.ts, src/traffic/read.ts):
--   * unit = the whole trace: key `trace:<TraceId>`, or `id:<SpanId>` for a span without one;
--   * rank = aicost's hashKey(key): FNV-1a 64 over the key's bytes (UInt64 arithmetic wraps mod
--     2^64 in ClickHouse, as FNV needs), then MurmurHash3's fmix32 mixing, a 53-bit integer
--     (src/traffic/hash.ts). `length`/`substring` count bytes, so the key is hashed as UTF-8;
--   * units in order of (rank, key) are kept while their lines fit in {max_samples}; the first unit
--     that does not fit ends the sample; if the lowest unit alone exceeds it, it is the sample;
--   * when lines were dropped, each kept line's weight is total weight ÷ kept weight (every
--     span weighs 1 here), so weighted totals stay unbiased.
--   Ties of rank are broken by the key compared byte-wise; aicost compares UTF-16 code units, which
--   differs only between U+E000–U+FFFF and characters above U+FFFF (never in hex trace ids).
-- The span mapping is the one of examples/warehouse/duckdb-otel.sql (tested against aicost); this
-- query is not run by the test suite (no ClickHouse offline): see README.md for what was checked.

WITH
    calls AS (
        SELECT
            nullIf(SpanId, '') AS id,
            nullIf(TraceId, '') AS trace_id,
            nullIf(ParentSpanId, '') AS parent_id,
            toUnixTimestamp64Milli(Timestamp) AS ts,
            nullIf(SpanAttributes['gen_ai.operation.name'], '') AS operation,
            nullIf(SpanAttributes['openinference.span.kind'], '') AS oi_kind,
            nullIf(SpanAttributes['ai.operationId'], '') AS ai_operation,
            coalesce(nullIf(SpanAttributes['gen_ai.request.model'], ''), nullIf(SpanAttributes['llm.model_name'], ''),
                     nullIf(SpanAttributes['llm.request.model_name'], ''), nullIf(SpanAttributes['ai.model.id'], '')) AS model,
            coalesce(nullIf(SpanAttributes['gen_ai.provider.name'], ''), nullIf(SpanAttributes['gen_ai.system'], ''),
                     nullIf(SpanAttributes['llm.provider'], ''), nullIf(SpanAttributes['llm.system'], ''),
                     nullIf(SpanAttributes['ai.model.provider'], '')) AS provider,
            -- Counts are text in the map ("2310", or "2310.0" from a doubleValue).
            coalesce(toInt64(toFloat64OrNull(SpanAttributes['gen_ai.usage.input_tokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['gen_ai.usage.prompt_tokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['llm.token_count.prompt'])),
                     toInt64(toFloat64OrNull(SpanAttributes['ai.usage.inputTokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['ai.usage.promptTokens']))) AS input_raw,
            coalesce(toInt64(toFloat64OrNull(SpanAttributes['gen_ai.usage.output_tokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['gen_ai.usage.completion_tokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['llm.token_count.completion'])),
                     toInt64(toFloat64OrNull(SpanAttributes['ai.usage.outputTokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['ai.usage.completionTokens'])),
                     if(operation = 'embeddings' OR oi_kind = 'EMBEDDING', 0, NULL)) AS output_raw,
            coalesce(toInt64(toFloat64OrNull(SpanAttributes['gen_ai.usage.cache_read.input_tokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['gen_ai.usage.cache_read_input_tokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['gen_ai.usage.input_cached_tokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['gen_ai.usage.cached_input_tokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['llm.token_count.prompt_details.cache_read'])),
                     toInt64(toFloat64OrNull(SpanAttributes['ai.usage.cachedInputTokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['ai.usage.inputTokenDetails.cacheReadTokens'])), 0) AS cache_read,
            coalesce(toInt64(toFloat64OrNull(SpanAttributes['gen_ai.usage.cache_creation.input_tokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['gen_ai.usage.cache_creation_input_tokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['llm.token_count.prompt_details.cache_write'])),
                     toInt64(toFloat64OrNull(SpanAttributes['ai.usage.inputTokenDetails.cacheWriteTokens'])), 0) AS cache_write,
            coalesce(toInt64(toFloat64OrNull(SpanAttributes['gen_ai.usage.reasoning.output_tokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['gen_ai.usage.reasoning_tokens'])),
                     toInt64(toFloat64OrNull(SpanAttributes['llm.token_count.completion_details.reasoning'])),
                     toInt64(toFloat64OrNull(SpanAttributes['ai.usage.reasoningTokens'])), 0) AS reasoning,
            -- Inclusive input and output: an emitter below its own parts sent exclusive counts.
            if(input_raw < cache_read + cache_write, input_raw + cache_read + cache_write, input_raw) AS input_tokens,
            if(output_raw < reasoning, output_raw + reasoning, output_raw) AS output_tokens,
            toInt64(toFloat64OrNull(SpanAttributes['gen_ai.request.max_tokens'])) AS max_tokens,
            nullIf(JSONExtractString(SpanAttributes['gen_ai.response.finish_reasons'], 1), '') AS finish_reason,
            nullIf(SpanAttributes['gen_ai.agent.name'], '') AS agent,
            if(StatusCode IN ('Error', 'STATUS_CODE_ERROR'), 'error', NULL) AS status,
            if(mapContains(SpanAttributes, {field:String}), SpanAttributes[{field:String}], ResourceAttributes[{field:String}]) AS selected
        FROM otel_traces
        WHERE Timestamp >= now() - toIntervalDay({days:UInt32})
    ),
    lines AS (
        SELECT *, ifNull(concat('trace:', trace_id), concat('id:', id)) AS unit_key, toFloat64(1) AS weight
        FROM calls
        WHERE selected LIKE {pattern:String}
          -- Only the span that is one provider request: agent, chain and workflow spans carry rolled-up usage.
          AND (operation IN ('chat', 'text_completion', 'generate_content', 'embeddings')
               OR oi_kind IN ('LLM', 'EMBEDDING')
               OR ai_operation LIKE '%.doGenerate' OR ai_operation LIKE '%.doStream'
               OR (operation IS NULL AND oi_kind IS NULL AND ai_operation IS NULL))
          -- Lines aicost would refuse (no usage, negative or absurd counts) are left out, as its reader skips them.
          AND id IS NOT NULL
          AND input_tokens BETWEEN 0 AND 100000000 AND output_tokens BETWEEN 0 AND 100000000
          AND cache_read BETWEEN 0 AND 100000000 AND cache_write BETWEEN 0 AND 100000000
          AND reasoning BETWEEN 0 AND 100000000
    ),
    units AS (
        SELECT unit_key, count() AS n FROM lines GROUP BY unit_key
    ),
    -- aicost's rank in stages: ClickHouse expands an alias wherever it is used, so a chain of
    -- aliases over the FNV value would copy it tens of thousands of times; each stage below reads
    -- the previous one's columns. fmix32 (MurmurHash3's finaliser) is written out three times.
    hashed AS (
        SELECT unit_key, n,
            -- FNV-1a 64 over the key's bytes (src/traffic/hash.ts fnv1a64).
            arrayFold((acc, b) -> bitXor(acc, toUInt64(b)) * toUInt64(1099511628211),
                      arrayMap(i -> reinterpretAsUInt8(substring(unit_key, i, 1)), range(1, length(unit_key) + 1)),
                      toUInt64(14695981039346656037)) AS fnv
        FROM units
    ),
    halves AS (
        SELECT unit_key, n, bitShiftRight(fnv, 32) AS hi, bitAnd(fnv, 4294967295) AS lo FROM hashed
    ),
    mixed_hi AS (
        -- fmix32(hi)
        SELECT unit_key, n, hi, lo,
            bitXor(hi, bitShiftRight(hi, 16)) AS m1, bitAnd(m1 * 2246822507, 4294967295) AS m2,
            bitXor(m2, bitShiftRight(m2, 13)) AS m3, bitAnd(m3 * 3266489909, 4294967295) AS m4,
            bitXor(m4, bitShiftRight(m4, 16)) AS mhi
        FROM halves
    ),
    mixed_a AS (
        -- a = fmix32(lo ^ fmix32(hi))
        SELECT unit_key, n, hi,
            bitXor(lo, mhi) AS a0,
            bitXor(a0, bitShiftRight(a0, 16)) AS a1, bitAnd(a1 * 2246822507, 4294967295) AS a2,
            bitXor(a2, bitShiftRight(a2, 13)) AS a3, bitAnd(a3 * 3266489909, 4294967295) AS a4,
            bitXor(a4, bitShiftRight(a4, 16)) AS a
        FROM mixed_hi
    ),
    ranked AS (
        -- b = fmix32(hi ^ a ^ 0x9e3779b9); rank = a * 2^21 + (b >>> 11), 53 bits.
        SELECT unit_key, n,
            bitXor(bitXor(hi, a), 2654435769) AS b0,
            bitXor(b0, bitShiftRight(b0, 16)) AS b1, bitAnd(b1 * 2246822507, 4294967295) AS b2,
            bitXor(b2, bitShiftRight(b2, 13)) AS b3, bitAnd(b3 * 3266489909, 4294967295) AS b4,
            bitXor(b4, bitShiftRight(b4, 16)) AS b,
            a * 2097152 + bitShiftRight(b, 11) AS rank
        FROM mixed_a
    ),
    cumulative AS (
        SELECT unit_key,
            sum(n) OVER (ORDER BY rank, unit_key ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS lines_so_far,
            row_number() OVER (ORDER BY rank, unit_key ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS position
        FROM ranked
    ),
    judged AS (
        -- Every line with its unit's verdict (one more pass over lines).
        SELECT l.*, (c.lines_so_far <= {max_samples:UInt64} OR c.position = 1) AS keep
        FROM lines AS l INNER JOIN cumulative AS c USING (unit_key)
    ),
    flagged AS (
        SELECT *,
            count() OVER () AS all_lines, sum(weight) OVER () AS all_weight,
            countIf(keep) OVER () AS kept_lines, sumIf(weight, keep) OVER () AS kept_weight
        FROM judged
    )
SELECT
    {feature:String} AS feature,
    id, ts, trace_id, parent_id, model, provider,
    CAST((ifNull(input_tokens, 0), ifNull(cache_read, 0), ifNull(cache_write, 0), ifNull(output_tokens, 0), ifNull(reasoning, 0)),
         'Tuple(input_tokens Int64, cache_read_tokens Int64, cache_write_tokens Int64, output_tokens Int64, reasoning_tokens Int64)') AS usage,
    CAST(tuple(max_tokens), 'Tuple(max_tokens Nullable(Int64))') AS params,
    finish_reason, agent, status,
    if(kept_lines < all_lines, weight * (all_weight / kept_weight), weight) AS weight,
    'otel' AS source
FROM flagged
WHERE keep
ORDER BY ts, trace_id, id
SETTINGS output_format_json_quote_64bit_integers = 0, output_format_json_named_tuples_as_objects = 1
FORMAT JSONEachRow;
