import { createHmac } from 'node:crypto';

/** Slack's signature version; the only one it has. */
const SIGNATURE_VERSION = 'v0';

/**
 * The two headers Slack sends with every request to an app: `X-Slack-Request-Timestamp` (Unix
 * seconds) and `X-Slack-Signature`, `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` under
 * the app's signing secret. Bolt recomputes it and refuses a mismatch or a timestamp older than
 * five minutes, so the playground must sign exactly so, with the real time.
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export const slackSignatureHeaders = (
  signingSecret: string,
  timestampSeconds: number,
  rawBody: string,
): { 'x-slack-request-timestamp': string; 'x-slack-signature': string } => {
  const base = `${SIGNATURE_VERSION}:${timestampSeconds}:${rawBody}`;
  const digest = createHmac('sha256', signingSecret).update(base).digest('hex');
  return {
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': `${SIGNATURE_VERSION}=${digest}`,
  };
};
