/**
 * Does a string from code or an env file look like a model id? Code is full of `model` strings
 * that are not models (`"model": "user"`, paths to weights, template names), so a value counts
 * only when it names a known model family or carries a known provider prefix.
 */

import { parseModelId } from '../catalog/index.js';

/** Characters model ids are made of; anything with spaces, braces or `$` is not a literal id. */
const ID_CHARS = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}$/;

/**
 * Well-known model families, at the start of the id or after a provider, vendor or region
 * separator (`openai/gpt-4o`, `us.anthropic.claude-…`, `ft:gpt-4o-mini:acme::x`).
 */
const FAMILY =
  /(?:^|[/:.@])(?:gpt-|chatgpt|o[1-9](?:-|$)|claude|gemini|gemma|llama|codellama|mistral|mixtral|codestral|ministral|pixtral|magistral|devstral|command(?:-|$)|deepseek|grok|qwen|qwq|phi-|text-embedding|embed-|sonar|jamba|nova-|titan|kimi|moonshot|glm-|dbrx|granite|nemotron|olmo|chat-bison|text-bison|davinci|babbage|whisper|dall-e|gpt-image|tts-1|computer-use|codex|starcoder|minimax|ernie|doubao|hunyuan|reka-)/i;

/** File names that are local weights or documents, never a hosted model id. */
const FILE_SUFFIX = /\.(?:gguf|bin|safetensors|onnx|pt|pth|ckpt|h5|pkl|json|ya?ml|txt|md|py|[cm]?[jt]sx?)$/i;

/** True when `value` is a model id as people write it in code and config. */
export function looksLikeModelId(value: string): boolean {
  if (!ID_CHARS.test(value) || value.includes('//') || FILE_SUFFIX.test(value)) return false;
  if (FAMILY.test(value)) return true;
  // `provider/model` or `provider:model` with a provider the catalog knows (`groq/…`, `azure/<deployment>`).
  const parsed = parseModelId(value);
  return (
    parsed.model !== '' &&
    parsed.model !== value.toLowerCase() &&
    (parsed.providerId !== undefined || parsed.deployment)
  );
}
