/**
 * What the two logged-call sources (`openai-chat`, `anthropic`) share: a record is a logged pair
 * `{request, response, ts?, id?, user?, metadata?}` (the provider's own request body, and its
 * response object, stream chunks/events array or SSE text), or a bare response object.
 */

import type { Importer } from '../types.js';
import type { BodyLineOptions } from './bodies.js';
import { first, get, has, isoTime, text, type Json } from './common.js';
import { BODY_KEYS, callOf, importer, type Mapped } from './importer.js';

/** An importer of logged request/response pairs on one provider's body rules. */
export function loggedCalls(def: {
  format: Importer['format'];
  label: string;
  source: string;
  isResponse: (v: unknown) => boolean;
  line: (request: unknown, response: unknown, opt: BodyLineOptions) => Json | undefined;
}): Importer {
  const isPair = (o: Json): boolean => has(o, 'request') && def.isResponse(get(o, 'response'));
  return importer({
    format: def.format,
    label: def.label,
    framing: 'json',
    detect: (o) => isPair(o) || def.isResponse(o),
    map(o): Mapped {
      // A record with both keys is a pair even when its response is malformed: say what is wrong with it.
      const pair = has(o, 'request') && has(o, 'response');
      const line = def.line(pair ? get(o, 'request') : undefined, pair ? get(o, 'response') : o, {
        source: def.source,
        id: pair ? text(get(o, 'id'), 'id') : undefined,
        ts: pair ? isoTime(first(o, 'ts', 'timestamp', 'created_at'), 'ts') : undefined,
        status: pair && get(o, 'error') !== undefined ? 'error' : undefined,
        field: pair ? 'response' : 'record',
      });
      if (!line) return { reason: `${pair ? 'response.' : ''}usage is missing` };
      const user = pair ? text(first(o, 'user', 'request.user', 'request.metadata.user_id'), 'user') : undefined;
      if (user !== undefined) line['user'] = user;
      const call = callOf(o, line, BODY_KEYS);
      const requestModel = text(get(get(o, 'request'), 'model'), 'request.model');
      if (requestModel !== undefined) call.fields['request_model'] = requestModel;
      return { calls: [call] };
    },
  });
}
