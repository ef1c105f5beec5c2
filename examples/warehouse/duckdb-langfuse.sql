-- aicost warehouse sample: Langfuse observations export with DuckDB ≥ 1.3.
--
-- Reads observations as Langfuse exports them: the UI batch export or the scheduled blob export in
-- JSON or JSONL (one observation per line, or a JSON array; .gz by extension), Parquet (the blob
-- export's default; a path ending in .parquet), or pages of the public API v2
-- (`{"data": [...], "meta": {...}}`). Field names camelCase (UI export, API) or snake_case (v4
-- events export: trace_id, start_time, usage_details, …). Keeps GENERATION and EMBEDDING observations, assigns them to aicost features, takes
-- aicost's own deterministic per-feature sample, and writes one normalised traffic JSONL v1 file
-- per feature for the action's `traffic-dir` (see README.md beside this file).
--
-- Langfuse `usageDetails` are exclusive buckets: input = every key containing "input" summed
-- (input, input_cached_tokens, input_cache_creation, …), output = every key containing "output";
-- cache read = input_cached_tokens | cache_read_input_tokens | input_cache_read; cache write =
-- input_cache_creation (+ input_cache_creation_5m) | cache_creation_input_tokens | input_cache_write;
-- 1 h cache write = input_cache_creation_1h; reasoning = output_reasoning_tokens | output_reasoning.
-- cost_usd = totalCost | costDetails.total | calculatedTotalCost. Not done here: comparing
-- usageDetails with providedUsageDetails (a user who ingested inclusive input under "input" next to
-- a cache key is double-counted by the rule above, as by Langfuse's own inputUsage).
--
-- The sample is the one aicost itself keeps (src/traffic/sampler.ts, src/traffic/read.ts):
--   * unit = the whole trace: key `trace:<traceId>`, or `id:<id>` for an observation without one;
--   * rank = aicost's hashKey(key): FNV-1a 64 over the key's UTF-8 bytes, then MurmurHash3's
--     fmix32 mixing, a 53-bit integer (src/traffic/hash.ts), computed here exactly with HUGEINT;
--   * per feature, units in order of (rank, key) are kept while their lines fit in max_samples;
--     the first unit that does not fit ends the sample; if the lowest unit alone exceeds
--     max_samples it is the whole sample (a trace is never split);
--   * when lines were dropped, every kept line's weight is multiplied by
--     total weight ÷ kept weight of the feature, so weighted totals stay unbiased.
--   Ties of rank are broken by the key compared byte-wise (UTF-8); aicost compares UTF-16 code
--   units, which orders differently only between U+E000–U+FFFF and characters above U+FFFF.
-- tests/warehouse/duckdb.test.ts runs this file on a generated export and checks that its lines
-- (ids and weights) are the ones aicost keeps from the same observations.
--
-- Run: node examples/warehouse/run-duckdb.mjs examples/warehouse/duckdb-langfuse.sql \
--        langfuse_files='langfuse-export/*.jsonl' max_samples=5000
-- Relative paths are resolved from the current directory: run it where `aicost-samples/` should be.

SET VARIABLE langfuse_files = coalesce(getvariable('langfuse_files'), 'langfuse-export/*.jsonl');
-- Times without an offset (Parquet timestamps, zone-less strings) are UTC.
SET TimeZone = 'UTC';
-- replay.max_samples of .aicost.yml (default 5000): a file of at most this many lines is read whole.
SET VARIABLE max_samples = coalesce(getvariable('max_samples'), 5000);

-- Which observations are which feature's: a feature's observations are those whose `field` (a
-- dotted path into the observation: promptName, name, traceName, metadata.feature, …) matches the
-- glob `pattern`. Several rows for one feature are alternatives; an observation that matches two
-- features is in both samples. Edit to your features.
CREATE OR REPLACE TEMP TABLE aicost_features AS
SELECT * FROM (VALUES
    ('ticket-summary', 'promptName',       'ticket-summary'),
    ('triage',         'metadata.feature', 'triage*')
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

-- A count from usageDetails: a JSON number or a numeric string.
CREATE OR REPLACE TEMP MACRO aicost_lf_count(u, k) AS TRY_CAST(TRY_CAST(json_extract_string(u, '$."' || k || '"') AS DOUBLE) AS BIGINT);
CREATE OR REPLACE TEMP MACRO aicost_lf_sum(u, part) AS
    list_sum(list_transform(list_filter(json_keys(u), lambda k: contains(k, part)), lambda k: coalesce(aicost_lf_count(u, k), 0)));

CREATE OR REPLACE TEMP TABLE aicost_calls AS
WITH docs AS (
    -- Each record as one JSON object, whatever the file format.
    SELECT json FROM query(CASE WHEN getvariable('langfuse_files') ILIKE '%.parquet'
        THEN 'SELECT to_json(p) AS json FROM read_parquet(''' || replace(getvariable('langfuse_files'), '''', '''''') || ''') AS p'
        ELSE 'SELECT json FROM read_json_objects(''' || replace(getvariable('langfuse_files'), '''', '''''')
             || ''', format = ''auto'', maximum_object_size = 1073741824)' END)
), observations AS (
    -- An API page holds its observations in `data`; an export line is one observation.
    SELECT unnest(CASE WHEN json_type(json -> 'data') = 'ARRAY' THEN json_extract(json, '$.data[*]') ELSE [json] END) AS obs
    FROM docs
), fields AS (
    SELECT
        obs,
        nullif(obs ->> 'id', '') AS id,
        nullif(coalesce(obs ->> 'traceId', obs ->> 'trace_id'), '') AS trace_id,
        nullif(coalesce(obs ->> 'parentObservationId', obs ->> 'parent_observation_id'), '') AS parent_id,
        strftime(TRY_CAST(coalesce(obs ->> 'startTime', obs ->> 'start_time') AS TIMESTAMPTZ), '%Y-%m-%dT%H:%M:%S.%gZ') AS ts,
        coalesce(obs ->> 'providedModelName', obs ->> 'provided_model_name', obs ->> 'model') AS model,
        coalesce(obs -> 'usageDetails', obs -> 'usage_details') AS details,
        obs ->> 'type' AS type,
        obs ->> 'level' AS level,
        TRY_CAST(coalesce(obs ->> 'totalCost', obs ->> 'total_cost', obs -> 'costDetails' ->> 'total',
                          obs -> 'cost_details' ->> 'total', obs ->> 'calculatedTotalCost') AS DOUBLE) AS cost_usd,
        TRY_CAST(TRY_CAST(coalesce(obs -> 'modelParameters', obs -> 'model_parameters') ->> 'max_tokens' AS DOUBLE) AS BIGINT) AS max_tokens
    FROM observations
), usage AS (
    -- usageDetails may also be a JSON text inside a string column (CSV-shaped or Parquet exports).
    SELECT *, CASE WHEN json_type(details) = 'VARCHAR' THEN TRY_CAST(details ->> '$' AS JSON) ELSE details END AS u
    FROM fields
)
SELECT
    obs, id, trace_id, parent_id, ts, model,
    aicost_lf_sum(u, 'input') AS input_tokens,
    coalesce(aicost_lf_count(u, 'input_cached_tokens'), aicost_lf_count(u, 'cache_read_input_tokens'),
             aicost_lf_count(u, 'input_cache_read'), 0) AS cache_read,
    CASE WHEN aicost_lf_count(u, 'input_cache_creation') IS NOT NULL OR aicost_lf_count(u, 'input_cache_creation_5m') IS NOT NULL
         THEN coalesce(aicost_lf_count(u, 'input_cache_creation'), 0) + coalesce(aicost_lf_count(u, 'input_cache_creation_5m'), 0)
         ELSE coalesce(aicost_lf_count(u, 'cache_creation_input_tokens'), aicost_lf_count(u, 'input_cache_write'), 0) END AS cache_write,
    coalesce(aicost_lf_count(u, 'input_cache_creation_1h'), 0) AS cache_write_1h,
    aicost_lf_sum(u, 'output') AS output_tokens,
    coalesce(aicost_lf_count(u, 'output_reasoning_tokens'), aicost_lf_count(u, 'output_reasoning'), 0) AS reasoning,
    max_tokens,
    CASE WHEN level = 'ERROR' THEN 'error' END AS status,
    CASE WHEN cost_usd BETWEEN 0 AND 1e9 THEN cost_usd END AS cost_usd,
    1.0::DOUBLE AS weight
FROM usage
WHERE type IN ('GENERATION', 'EMBEDDING') AND id IS NOT NULL
  -- Lines aicost would refuse (no usage, negative or absurd counts) are left out, as its reader skips them.
  AND json_type(u) = 'OBJECT'
  AND aicost_lf_sum(u, 'input') BETWEEN 0 AND 100000000 AND aicost_lf_sum(u, 'output') BETWEEN 0 AND 100000000;

-- aicost's per-feature bottom-k sample over whole traces (see the header).
CREATE OR REPLACE TEMP TABLE aicost_sample AS
WITH lines AS (
    SELECT f.feature, c.*, coalesce('trace:' || c.trace_id, 'id:' || c.id) AS unit_key
    FROM aicost_calls c JOIN aicost_features f
      ON json_extract_string(c.obs, '$.' || f.field) GLOB f.pattern
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
    l.id, l.ts, l.trace_id, l.parent_id, l.model,
    {'input_tokens': l.input_tokens, 'cache_read_tokens': l.cache_read, 'cache_write_tokens': l.cache_write,
     'cache_write_1h_tokens': l.cache_write_1h, 'output_tokens': l.output_tokens, 'reasoning_tokens': l.reasoning} AS usage,
    CASE WHEN l.max_tokens IS NOT NULL THEN {'max_tokens': l.max_tokens} END AS params,
    l.status, l.cost_usd,
    CASE WHEN k.lines < t.lines THEN l.weight * (t.weight / k.weight) ELSE l.weight END AS weight,
    'langfuse' AS source
FROM kept_lines l JOIN totals t USING (feature) JOIN kept_totals k USING (feature);

-- One file per feature, at the feature's `traffic:` path inside traffic-dir (aicost-samples/).
-- `feature` is written too: aicost prices a line only for the feature it names.
COPY (SELECT * FROM aicost_sample WHERE feature = 'ticket-summary' ORDER BY ts, trace_id, id)
    TO 'aicost-samples/traffic/ticket-summary.jsonl' (FORMAT json);
COPY (SELECT * FROM aicost_sample WHERE feature = 'triage' ORDER BY ts, trace_id, id)
    TO 'aicost-samples/traffic/triage.jsonl' (FORMAT json);
