import { requestHeader } from '../../http/request-headers.js';
import { type SealPolicy, sealOutgoing } from './seal-surfaces.js';

/** Web API arguments that carry Block Kit (sent as JSON strings inside a form). */
const BLOCK_ARGUMENTS = ['blocks', 'view', 'attachments'];

/** The request's media type, read without copying its headers into a `Headers` per request. */
const contentTypeOf = (headers: RequestInit['headers']): string => {
  const value = requestHeader(headers, 'content-type') ?? '';
  return value.split(';')[0]?.trim().toLowerCase() ?? '';
};

const sealForm = (body: string, policy: SealPolicy): string => {
  const form = new URLSearchParams(body);
  for (const name of BLOCK_ARGUMENTS) {
    const raw = form.get(name);
    if (raw === null) continue;
    try {
      form.set(name, JSON.stringify(sealOutgoing(JSON.parse(raw), policy)));
    } catch {
      // Not JSON: Slack will refuse it as it is; nothing here to seal.
    }
  }
  return form.toString();
};

/**
 * The `fetch` every Slack-bound request of the app goes through (Bolt hands it to the Web API
 * client and to its own `respond()`), sealing on the way out every value a person can send back
 * (see {@link sealOutgoing}): messages posted or answered, views opened, updated or published.
 * One place, so no surface can forget it, and listeners keep writing plain values. (Listeners get
 * `seal/sealed-respond.ts`'s `respond()` instead of Bolt's, which seals the message before it is
 * serialised, and acks are sealed by `sealAck`: the same {@link sealOutgoing}, without a parse.)
 * https://docs.slack.dev/tools/bolt-js/reference#app-options
 */
export const createSealingFetch =
  (policy: SealPolicy, base: typeof fetch = globalThis.fetch): typeof fetch =>
  async (input, init) => {
    if (init === undefined || typeof init.body !== 'string') return base(input, init);
    const type = contentTypeOf(init.headers);
    if (type === 'application/json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(init.body);
      } catch {
        return base(input, init);
      }
      return base(input, { ...init, body: JSON.stringify(sealOutgoing(parsed, policy)) });
    }
    if (type === 'application/x-www-form-urlencoded') {
      return base(input, { ...init, body: sealForm(init.body, policy) });
    }
    return base(input, init);
  };
