/**
 * The example record of each source in shared/reference/traffic-sources.md (ids completed where
 * the reference elides them), plus the OTel example and a plain aicost JSONL line: what every
 * detector must accept (its own) and refuse (everyone else's).
 */
import type { ImportFormat } from '../../../src/traffic/import/types.js';

export const OTEL_EXAMPLE = JSON.parse(
  '{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"support-api"}}]},"scopeSpans":[{"scope":{"name":"opentelemetry.instrumentation.openai_v2","version":"2.4b0"},"spans":[{"traceId":"7f3c9a2e1b4d4c8e9a0b1c2d3e4f5a6b","spanId":"9a8b7c6d5e4f3a2b","parentSpanId":"1122334455667788","name":"chat gpt-4o-mini","kind":3,"startTimeUnixNano":"1784102400123000000","endTimeUnixNano":"1784102401987000000","attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},{"key":"gen_ai.usage.input_tokens","value":{"intValue":"2310"}},{"key":"gen_ai.usage.output_tokens","value":{"intValue":"184"}}],"status":{}}]}]}]}',
) as unknown;

/** The Python ConsoleSpanExporter's object (handled by the OTel importer). */
export const OTEL_CONSOLE = {
  name: 'chat gpt-4o-mini',
  context: { trace_id: '0x7f3c9a2e1b4d4c8e9a0b1c2d3e4f5a6b', span_id: '0x9a8b7c6d5e4f3a2b', trace_state: '[]' },
  kind: 'SpanKind.CLIENT',
  parent_id: '0x1122334455667788',
  start_time: '2026-07-15T08:00:00.123000Z',
  end_time: '2026-07-15T08:00:01.987000Z',
  status: { status_code: 'UNSET' },
  attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.usage.input_tokens': 2310, 'gen_ai.usage.output_tokens': 184 },
  events: [],
  links: [],
  resource: { attributes: { 'service.name': 'support-api' }, schema_url: '' },
};

export const AICOST_LINE = {
  v: 1,
  id: 'oa-9a02',
  ts: '2025-06-02T10:01:44Z',
  source: 'langfuse',
  provider: 'openai',
  model: 'o4-mini',
  api: 'responses',
  params: { max_tokens: 2000, reasoning_effort: 'medium' },
  usage: { input_tokens: 2210, cache_read_tokens: 1792, output_tokens: 930, reasoning_tokens: 704 },
  status: 'ok',
  weight: 12,
};

const j = (s: string): unknown => JSON.parse(s) as unknown;

/** Each source's example records (reference §2–§8). */
export const EXAMPLES: Record<Exclude<ImportFormat, 'otel'>, unknown[]> = {
  langfuse: [
    j(
      '{"id":"obs_5e2c91","traceId":"4f1d2c3b9e8a7d6c5b4a39281706f5e4","parentObservationId":"obs_a17f02","type":"GENERATION","name":"summarize-ticket","startTime":"2026-07-14T09:12:03.412Z","endTime":"2026-07-14T09:12:05.020Z","completionStartTime":"2026-07-14T09:12:03.905Z","sessionId":"sess_42","providedModelName":"gpt-4.1-mini","modelParameters":{"max_tokens":"300","temperature":"0.2"},"usageDetails":{"input":412,"input_cached_tokens":1536,"output":96,"output_reasoning_tokens":0,"total":2044},"costDetails":{"input":0.0001648,"input_cached_tokens":0.0001536,"output":0.0001536,"total":0.000472},"totalCost":0.000472,"promptName":"ticket-summary","promptVersion":7}',
    ),
  ],
  helicone: [
    j(
      '{"request_id":"3d0c7a1e-5b2f-4c8d-9e10-2f3a4b5c6d7e","request_created_at":"2026-07-14T10:01:22.118Z","response_created_at":"2026-07-14T10:01:24.530Z","response_status":200,"provider":"ANTHROPIC","request_model":"claude-sonnet-4-5","response_model":"claude-sonnet-4-5-20250929","prompt_tokens":38,"prompt_cache_read_tokens":5120,"prompt_cache_write_tokens":0,"completion_tokens":410,"reasoning_tokens":0,"total_tokens":448,"cost":0.0078,"prompt_id":"triage-classifier","request_properties":{"Helicone-Session-Id":"run-77","Helicone-Session-Path":"/triage/classify","Helicone-Session-Name":"triage"},"cache_reference_id":"00000000-0000-0000-0000-000000000000","request_body":{"model":"claude-sonnet-4-5","max_tokens":1024,"system":[{"type":"text","text":"…","cache_control":{"type":"ephemeral"}}],"messages":[{"role":"user","content":"…"}]},"response_body":{"usage":{"input_tokens":38,"cache_read_input_tokens":5120,"cache_creation_input_tokens":0,"output_tokens":410}}}',
    ),
  ],
  litellm: [
    j(
      '{"request_id":"chatcmpl-9c1e4b7a","call_type":"acompletion","api_key":"88dc41","spend":0.00224,"total_tokens":7120,"prompt_tokens":6900,"completion_tokens":220,"startTime":"2026-07-14T11:20:05.101000","endTime":"2026-07-14T11:20:07.904000","model":"anthropic/claude-haiku-4-5","model_group":"fast-chat","custom_llm_provider":"anthropic","cache_hit":"False","session_id":"a0c4f2e1","status":"success","request_tags":["feature:faq"],"metadata":{"user_api_key_team_alias":"support","usage_object":{"prompt_tokens":6900,"completion_tokens":220,"total_tokens":7120,"cache_read_input_tokens":6400,"cache_creation_input_tokens":0,"prompt_tokens_details":{"cached_tokens":6400},"completion_tokens_details":{"reasoning_tokens":0}}},"messages":{},"response":{}}',
    ),
  ],
  'openai-batch': [
    j(
      '{"custom_id":"tkt-000183","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4.1-mini","max_tokens":300,"messages":[{"role":"system","content":"Summarize the ticket in three bullets."},{"role":"user","content":"Customer reports a double charge on invoice 5521 …"}]}}',
    ),
    j(
      '{"id":"batch_req_6a1f0c","custom_id":"tkt-000183","response":{"status_code":200,"request_id":"req_81c2d9","body":{"id":"chatcmpl-Bx71","object":"chat.completion","created":1784019600,"model":"gpt-4.1-mini-2025-04-14","choices":[{"index":0,"message":{"role":"assistant","content":"- Double charge on 5521 …"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1342,"completion_tokens":88,"total_tokens":1430,"prompt_tokens_details":{"cached_tokens":1152,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}},"error":null}',
    ),
    j(
      '{"id":"batch_req_f1","custom_id":"tkt-000185","response":null,"error":{"code":"context_length_exceeded","message":"…"}}',
    ),
  ],
  'anthropic-batch': [
    j(
      '{"custom_id":"kb-0042","result":{"type":"succeeded","message":{"id":"msg_01HqR7","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":"Reset the router by …"}],"stop_reason":"end_turn","usage":{"input_tokens":21,"cache_creation_input_tokens":0,"cache_read_input_tokens":4096,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"output_tokens":377,"service_tier":"batch"}}}}',
    ),
    j(
      '{"custom_id":"kb-0042","params":{"model":"claude-sonnet-4-5","max_tokens":1024,"messages":[{"role":"user","content":"How do I reset the router?"}]}}',
    ),
  ],
  'openai-chat': [
    j(
      '{"request":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]},"response":{"id":"chatcmpl-1","object":"chat.completion","created":1784030400,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}}',
    ),
    j(
      '{"id":"resp_9","object":"response","created_at":1784030520,"model":"o4-mini-2025-04-16","status":"completed","usage":{"input_tokens":2210,"input_tokens_details":{"cached_tokens":1792},"output_tokens":930,"output_tokens_details":{"reasoning_tokens":704},"total_tokens":3140}}',
    ),
  ],
  anthropic: [
    j(
      '{"request":{"model":"claude-haiku-4-5","max_tokens":1024,"messages":[{"role":"user","content":"Hi"}]},"response":{"id":"msg_01A","type":"message","role":"assistant","model":"claude-haiku-4-5-20251001","content":[{"type":"text","text":"Hello"}],"stop_reason":"end_turn","usage":{"input_tokens":2342,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":612}}}',
    ),
    j(
      '{"request":{"model":"claude-haiku-4-5","max_tokens":64,"messages":[]},"response":[{"type":"message_start","message":{"id":"msg_02","type":"message","model":"claude-haiku-4-5-20251001","usage":{"input_tokens":10,"output_tokens":1}}},{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":5}}]}',
    ),
  ],
  langsmith: [
    j(
      '{"id":"6b1c0d2e-0000-4000-8000-000000000001","trace_id":"2f9e0d2e-0000-4000-8000-000000000000","parent_run_id":"8d3a0d2e-0000-4000-8000-000000000002","dotted_order":"20260714T140201123456Z2f9e0d2e-0000-4000-8000-000000000000.20260714T140201130000Z6b1c0d2e-0000-4000-8000-000000000001","run_type":"llm","name":"ChatAnthropic","start_time":"2026-07-14T14:02:01.130000","end_time":"2026-07-14T14:02:03.870000","status":"success","extra":{"metadata":{"ls_provider":"anthropic","ls_model_name":"claude-haiku-4-5","ls_max_tokens":1024,"thread_id":"th_88"}},"prompt_tokens":5244,"completion_tokens":131,"total_tokens":5375,"prompt_token_details":{"cache_read":5120,"cache_creation":0},"completion_token_details":{"reasoning":0},"prompt_cost":"0.000636","completion_cost":"0.000655","total_cost":"0.001291"}',
    ),
  ],
  braintrust: [
    j(
      '{"id":"e1f0","span_id":"c3d94e","root_span_id":"a9b27f","span_parents":["b7c81a"],"created":"2026-07-14T12:00:05.310Z","span_attributes":{"name":"Chat Completion","type":"llm"},"metadata":{"model":"gpt-4o","provider":"openai","prompt":{"id":"5d1e7a90","project_id":"p_81f2","version":"1000192845116217","variables":{"ticket":"Printer offline since …"}}},"metrics":{"start":1784030403.201,"end":1784030405.07,"prompt_tokens":3010,"prompt_cached_tokens":2816,"completion_tokens":142,"completion_reasoning_tokens":0,"tokens":3152}}',
    ),
  ],
  phoenix: [
    j(
      '{"name":"ChatCompletion","context":{"trace_id":"0d6f2e91c4b84a7fa1e3b5c7d9f10234","span_id":"4e5f6a7b8c9d0e1f"},"parent_id":"1a2b3c4d5e6f7081","span_kind":"LLM","start_time":"2026-07-14T13:05:11.002Z","end_time":"2026-07-14T13:05:14.480Z","status_code":"OK","attributes":{"openinference.span.kind":"LLM","llm.system":"openai","llm.provider":"openai","llm.model_name":"o4-mini-2025-04-16","llm.invocation_parameters":"{\\"reasoning_effort\\":\\"medium\\",\\"max_completion_tokens\\":2000}","llm.token_count.prompt":2210,"llm.token_count.prompt_details.cache_read":1792,"llm.token_count.completion":930,"llm.token_count.completion_details.reasoning":704,"llm.token_count.total":3140,"llm.prompt_template.version":"v3","llm.prompt_template.variables":"{\\"customer_tier\\":\\"gold\\"}","session.id":"s-19"}}',
    ),
  ],
  bedrock: [
    j(
      '{"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":"2026-07-14T16:20:44Z","accountId":"123456789012","identity":{"arn":"arn:aws:sts::123456789012:assumed-role/app-role/worker-3"},"region":"us-east-1","requestId":"6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","operation":"Converse","modelId":"us.anthropic.claude-sonnet-4-5-20250929-v1:0","requestMetadata":{"feature":"kb-answer"},"input":{"inputContentType":"application/json","inputTokenCount":64,"cacheReadInputTokenCount":3072,"cacheWriteInputTokenCount":0,"inputBodyJson":{"messages":[{"role":"user","content":[{"text":"…"}]}],"inferenceConfig":{"maxTokens":800}}},"output":{"outputContentType":"application/json","outputTokenCount":290,"outputBodyJson":{"output":{"message":{"role":"assistant","content":[{"text":"…"}]}},"stopReason":"end_turn","usage":{"inputTokens":64,"outputTokens":290,"cacheReadInputTokens":3072,"cacheWriteInputTokens":0,"totalTokens":3426}}}}',
    ),
  ],
  gemini: [
    j(
      '{"responseId":"q3xb8f","modelVersion":"gemini-2.5-flash","usageMetadata":{"promptTokenCount":8123,"cachedContentTokenCount":6144,"candidatesTokenCount":312,"thoughtsTokenCount":1240,"totalTokenCount":9675,"promptTokensDetails":[{"modality":"TEXT","tokenCount":8123}]}}',
    ),
  ],
};
