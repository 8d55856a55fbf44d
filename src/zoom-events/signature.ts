import { createHmac, timingSafeEqual } from 'node:crypto';

/** Zoom's header carrying `v0=` and the hex HMAC-SHA256 of the request. */
export const ZOOM_SIGNATURE_HEADER = 'x-zm-signature';

/** Zoom's header carrying the request's time, in milliseconds since the epoch. */
export const ZOOM_TIMESTAMP_HEADER = 'x-zm-request-timestamp';

/** How far a request's timestamp may be from the app's clock, either way. */
export const ZOOM_SIGNATURE_MAX_SKEW_MS = 5 * 60 * 1000;

/**
 * Zoom's webhook signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`, keyed with
 * the app's Secret Token. https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events
 */
export const zoomSignature = (secretToken: string, timestamp: string, rawBody: string): string =>
  `v0=${createHmac('sha256', secretToken).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;

/**
 * The answer to `endpoint.url_validation`: the hex HMAC-SHA256 of `plainToken` with the Secret
 * Token. https://developers.zoom.us/docs/api/webhooks/#validate-your-webhook-endpoint
 */
export const encryptedToken = (secretToken: string, plainToken: string): string =>
  createHmac('sha256', secretToken).update(plainToken).digest('hex');

/** Why a delivery was refused; never echoed to the caller, only logged and counted. */
export type SignatureProblem = 'missing' | 'stale' | 'mismatch';

/** Zoom's timestamps are milliseconds; some senders use seconds, which this also reads. */
const timestampMs = (value: string): number | undefined => {
  if (!/^\d{1,16}$/.test(value)) return undefined;
  const n = Number(value);
  return n < 1e11 ? n * 1000 : n;
};

/**
 * Checks the headers before the body is parsed. The timestamp must be within
 * {@link ZOOM_SIGNATURE_MAX_SKEW_MS} of `now`, and the signature is compared in constant time.
 * `undefined` means the request is Zoom's.
 */
export const checkZoomSignature = (input: {
  readonly secretToken: string;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly rawBody: string;
  readonly now: Date;
}): SignatureProblem | undefined => {
  const { signature, timestamp } = input;
  if (signature === undefined || timestamp === undefined) return 'missing';
  const at = timestampMs(timestamp);
  if (at === undefined || Math.abs(input.now.getTime() - at) > ZOOM_SIGNATURE_MAX_SKEW_MS) {
    return 'stale';
  }
  const expected = Buffer.from(zoomSignature(input.secretToken, timestamp, input.rawBody));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? undefined
    : 'mismatch';
};
