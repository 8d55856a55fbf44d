import { RespondError, type RespondFn } from '@slack/bolt';
import { type SealPolicy, sealOutgoing } from './seal-surfaces.js';

/**
 * The `response_url` Bolt builds a request's `respond()` from: a command's or a click's own, or
 * the first of a view submission's `response_urls` (`response_url_enabled`).
 */
export const responseUrlOf = (body: unknown): string | undefined => {
  if (typeof body !== 'object' || body === null) return undefined;
  const { response_url: url, response_urls: urls } = body as {
    readonly response_url?: unknown;
    readonly response_urls?: readonly { readonly response_url?: unknown }[];
  };
  if (typeof url === 'string' && url !== '') return url;
  const first = Array.isArray(urls) ? urls[0]?.response_url : undefined;
  return typeof first === 'string' && first !== '' ? first : undefined;
};

/**
 * `respond()` as Bolt's own (`createRespond`: a JSON post to the request's `response_url`, a
 * {@link RespondError} when Slack refuses it), except that the message is sealed as an object
 * ({@link sealOutgoing}) and serialised once. Bolt's serialises it and hands the text to the
 * sealing fetch, which parsed it, sealed it and serialised it again: on every answer that waited
 * for Zoom, about a sixth of what the request allocated (docs/benchmarks.md). `fetch` is the
 * plain pooled one: what goes through here is sealed already.
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export const createSealedRespond =
  (policy: SealPolicy, fetch: typeof globalThis.fetch) =>
  (responseUrl: string): RespondFn =>
  async (message) => {
    const args = typeof message === 'string' ? { text: message } : message;
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(sealOutgoing(args, policy)),
    });
    if (!response.ok) {
      throw new RespondError(
        `Failed to respond to the response_url: ${response.status} ${response.statusText}`,
        response.status,
      );
    }
    return response;
  };
