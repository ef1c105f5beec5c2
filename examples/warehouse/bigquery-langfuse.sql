-- aicost warehouse sample: Langfuse observations in BigQuery (GoogleSQL).
--
-- Input: a table of Langfuse observations as the UI batch export or the scheduled blob export
-- writes them (camelCase: id, traceId, parentObservationId, type, startTime, providedModelName or
-- model, usageDetails, costDetails, totalCost, modelParameters, level, promptName, metadata, …),
-- e.g. loaded from the JSONL export with `bq load --source_format=NEWLINE_DELIMITED_JSON
-- --autodetect`. Every field is read through TO_JSON(row), so absent columns are NULL and
-- usageDetails may be a STRUCT (autodetect), a JSON column or a JSON string.
-- Replace `my_project.langfuse.observations` below with your table.
--
-- One feature per run: its calls are the GENERATION and EMBEDDING observations of the last @days
-- days whose field at the JSONPath @path (e.g. '$.promptName', '$.metadata.feature') is LIKE
-- @pattern. Output: one column `line`, the feature's normalised traffic JSONL v1:
--
--   bq query --nouse_legacy_sql --format=json --max_rows=1000000 \
--     --parameter=feature::ticket-summary --parameter='path::$.promptName' \
--     --parameter=pattern::ticket-summary --parameter=days:INT64:14 --parameter=max_samples:INT64:5000 \
--     "$(cat examples/warehouse/bigquery-langfuse.sql)" | jq -r '.[].line' > aicost-samples/traffic/ticket-summary.jsonl
--
-- (`line` is built with TO_JSON_STRING so counts stay JSON numbers: bq's own JSON output would
-- write INT64 as strings, which aicost refuses.)
--
-- The sample is the one aicost itself keeps (src/traffic/sampler.ts, src/traffic/read.ts):
--   * unit = the whole trace: key `trace:<traceId>`, or `id:<id>` for an observation without one;
--   * rank = aicost's hashKey(key). GoogleSQL has no unsigned or wrapping 64-bit arithmetic (an
--     INT64 overflow is an error) and no fold over an array, so the hash is a JavaScript UDF: the
--     code of src/traffic/hash.ts with its own UTF-8 encoder (no Buffer in BigQuery's JavaScript).
--     tests/warehouse/duckdb.test.ts runs these UDF bodies against aicost's hashKey and the
--     Langfuse usage rules on generated records;
--   * units in order of (rank, key) are kept while their lines fit in @max_samples; the first unit
--     that does not fit ends the sample; if the lowest unit alone exceeds it, it is the sample;
--   * when lines were dropped, each kept line's weight is total weight ÷ kept weight (every
--     observation weighs 1 here), so weighted totals stay unbiased.
--   Ties of rank are broken by the key as GoogleSQL orders STRING (by code point); aicost compares
--   UTF-16 code units, which differs only between U+E000–U+FFFF and characters above U+FFFF.
-- Langfuse usageDetails are exclusive buckets: see examples/warehouse/duckdb-langfuse.sql for the
-- rules, which the UDF aicost_langfuse_usage applies. This query is not run by the test suite (no
-- BigQuery offline): see README.md for what was checked.

CREATE TEMP FUNCTION aicost_rank(key STRING) RETURNS FLOAT64 LANGUAGE js AS r"""
  // UTF-8 bytes of key, as Node's Buffer.from(key, 'utf8') (a lone surrogate becomes U+FFFD).
  var bytes = [];
  for (var i = 0; i < key.length; i++) {
    var c = key.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < key.length) {
      var d = key.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  // FNV-1a 64 in two 32-bit halves (src/traffic/hash.ts fnv1a64).
  var TWO_32 = 4294967296, hi = 0xcbf29ce4, lo = 0x84222325;
  for (var j = 0; j < bytes.length; j++) {
    lo = (lo ^ bytes[j]) >>> 0;
    var loMul = lo * 0x1b3, hiMul = hi * 0x1b3, carry = Math.floor(loMul / TWO_32);
    hi = (hiMul + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = loMul >>> 0;
  }
  function fmix32(h) {
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
    return h >>> 0;
  }
  var a = fmix32((lo ^ fmix32(hi)) >>> 0);
  var b = fmix32((hi ^ a ^ 0x9e3779b9) >>> 0);
  return a * 2097152 + (b >>> 11);
""";

CREATE TEMP FUNCTION aicost_langfuse_usage(details STRING)
RETURNS STRUCT<input_tokens FLOAT64, cache_read_tokens FLOAT64, cache_write_tokens FLOAT64,
               cache_write_1h_tokens FLOAT64, output_tokens FLOAT64, reasoning_tokens FLOAT64>
LANGUAGE js AS r"""
  // Langfuse usageDetails are exclusive buckets: inclusive input = every key containing "input".
  var u = details == null ? null : JSON.parse(details);
  if (typeof u === 'string') u = JSON.parse(u);
  if (u === null || typeof u !== 'object' || Array.isArray(u)) return null;
  function count(k) {
    var v = u[k];
    if (v === null || v === undefined || v === '') return null;
    var n = Number(v);
    return isFinite(n) ? Math.round(n) : null;
  }
  function first(ks) {
    for (var i = 0; i < ks.length; i++) { var n = count(ks[i]); if (n !== null) return n; }
    return null;
  }
  var input = 0, output = 0;
  Object.keys(u).forEach(function (k) {
    var n = count(k);
    if (n === null) return;
    if (k.indexOf('input') >= 0) input += n;
    if (k.indexOf('output') >= 0) output += n;
  });
  var creation = count('input_cache_creation'), creation5m = count('input_cache_creation_5m');
  return {
    input_tokens: input,
    cache_read_tokens: first(['input_cached_tokens', 'cache_read_input_tokens', 'input_cache_read']) || 0,
    cache_write_tokens: creation !== null || creation5m !== null
      ? (creation || 0) + (creation5m || 0)
      : first(['cache_creation_input_tokens', 'input_cache_write']) || 0,
    cache_write_1h_tokens: count('input_cache_creation_1h') || 0,
    output_tokens: output,
    reasoning_tokens: first(['output_reasoning_tokens', 'output_reasoning']) || 0
  };
""";

WITH
  observations AS (
    SELECT TO_JSON(o) AS j
    FROM `my_project.langfuse.observations` AS o
  ),
  calls AS (
    SELECT
      JSON_VALUE(j, '$.id') AS id,
      NULLIF(JSON_VALUE(j, '$.traceId'), '') AS trace_id,
      NULLIF(JSON_VALUE(j, '$.parentObservationId'), '') AS parent_id,
      JSON_VALUE(j, '$.startTime') AS ts,
      COALESCE(JSON_VALUE(j, '$.providedModelName'), JSON_VALUE(j, '$.model')) AS model,
      aicost_langfuse_usage(TO_JSON_STRING(j.usageDetails)) AS usage,
      SAFE_CAST(SAFE_CAST(JSON_VALUE(j, '$.modelParameters.max_tokens') AS FLOAT64) AS INT64) AS max_tokens,
      IF(JSON_VALUE(j, '$.level') = 'ERROR', 'error', NULL) AS status,
      SAFE_CAST(COALESCE(JSON_VALUE(j, '$.totalCost'), JSON_VALUE(j, '$.costDetails.total'),
                         JSON_VALUE(j, '$.calculatedTotalCost')) AS FLOAT64) AS cost_usd,
      JSON_VALUE(j, '$.type') AS type,
      JSON_VALUE(j, @path) AS selected,
      SAFE.TIMESTAMP(JSON_VALUE(j, '$.startTime')) AS started
    FROM observations
  ),
  lines AS (
    SELECT
      * EXCEPT (usage),
      STRUCT(CAST(usage.input_tokens AS INT64) AS input_tokens, CAST(usage.cache_read_tokens AS INT64) AS cache_read_tokens,
             CAST(usage.cache_write_tokens AS INT64) AS cache_write_tokens,
             CAST(usage.cache_write_1h_tokens AS INT64) AS cache_write_1h_tokens,
             CAST(usage.output_tokens AS INT64) AS output_tokens, CAST(usage.reasoning_tokens AS INT64) AS reasoning_tokens) AS usage,
      COALESCE(CONCAT('trace:', trace_id), CONCAT('id:', id)) AS unit_key,
      1.0 AS weight
    FROM calls
    WHERE type IN ('GENERATION', 'EMBEDDING') AND id IS NOT NULL
      AND selected LIKE @pattern
      AND started >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL @days DAY)
      -- Lines aicost would refuse (no usage, negative or absurd counts) are left out, as its reader skips them.
      AND usage.input_tokens BETWEEN 0 AND 100000000 AND usage.output_tokens BETWEEN 0 AND 100000000
      AND (cost_usd IS NULL OR cost_usd BETWEEN 0 AND 1e9)
  ),
  units AS (
    SELECT unit_key, COUNT(*) AS n, CAST(aicost_rank(unit_key) AS INT64) AS rank
    FROM lines
    GROUP BY unit_key
  ),
  cumulative AS (
    SELECT unit_key,
      SUM(n) OVER (ORDER BY rank, unit_key ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS lines_so_far,
      ROW_NUMBER() OVER (ORDER BY rank, unit_key) AS position
    FROM units
  ),
  judged AS (
    SELECT l.*, (c.lines_so_far <= @max_samples OR c.position = 1) AS keep
    FROM lines AS l JOIN cumulative AS c USING (unit_key)
  ),
  flagged AS (
    SELECT *,
      COUNT(*) OVER () AS all_lines, SUM(weight) OVER () AS all_weight,
      COUNTIF(keep) OVER () AS kept_lines, SUM(IF(keep, weight, 0)) OVER () AS kept_weight
    FROM judged
  )
SELECT TO_JSON_STRING(STRUCT(
  @feature AS feature, id, ts, trace_id, parent_id, model, usage,
  IF(max_tokens IS NULL, NULL, STRUCT(max_tokens AS max_tokens)) AS params,
  status, cost_usd,
  IF(kept_lines < all_lines, weight * (all_weight / kept_weight), weight) AS weight,
  'langfuse' AS source)) AS line
FROM flagged
WHERE keep
ORDER BY ts, trace_id, id;
