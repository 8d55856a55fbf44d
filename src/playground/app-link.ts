import type { Clock } from '../clock.js';
import { slackSignatureHeaders } from './slack-signature.js';

/**
 * How long Slack waits for an app to acknowledge a command, click or event before it gives up.
 * https://docs.slack.dev/interactivity/handling-user-interaction#acknowledgment_response
 */
export const SLACK_ACK_TIMEOUT_MS = 3_000;

/** The content types Slack posts with: commands and interactions are forms, events are JSON. */
export type SlackContentType = 'application/x-www-form-urlencoded' | 'application/json';

/** The app's answer to one delivery, or why there was none. */
export type AppAck =
  | { readonly ok: true; readonly status: number; readonly body: string }
  | {
      readonly ok: false;
      /** Slack's own words for it: `dispatch_failed` (no 200), `operation_timeout` (no answer). */
      readonly error: string;
      readonly status?: number;
    };

/** Delivers requests to the app as Slack does. */
export interface AppLink {
  /** POSTs a raw body to the app's `/slack/events`, signed with the current time. */
  deliver(rawBody: string, contentType: SlackContentType): Promise<AppAck>;
}

/** Where the app listens and the secret it verifies with. */
export interface AppLinkOptions {
  readonly eventsUrl: string;
  readonly signingSecret: string;
  readonly clock: Clock;
  readonly fetch?: typeof fetch;
  /** {@link SLACK_ACK_TIMEOUT_MS} unless a test needs it shorter. */
  readonly ackTimeoutMs?: number;
}

/**
 * The playground's Slack side of the app's request URL: every request is signed as Slack signs
 * it (the signing secret never leaves the server), with the exact content type Slack uses and no
 * charset suffix, and gets Slack's three seconds to be acknowledged.
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export const createAppLink = (options: AppLinkOptions): AppLink => {
  const send = options.fetch ?? fetch;
  return {
    deliver: async (rawBody, contentType) => {
      const timestamp = Math.floor(options.clock.now().getTime() / 1000);
      try {
        const response = await send(options.eventsUrl, {
          method: 'POST',
          headers: {
            'content-type': contentType,
            ...slackSignatureHeaders(options.signingSecret, timestamp, rawBody),
          },
          body: rawBody,
          signal: AbortSignal.timeout(options.ackTimeoutMs ?? SLACK_ACK_TIMEOUT_MS),
        });
        const body = await response.text();
        if (response.status === 200) return { ok: true, status: response.status, body };
        return { ok: false, error: 'dispatch_failed', status: response.status };
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        return { ok: false, error: timedOut ? 'operation_timeout' : 'dispatch_failed' };
      }
    },
  };
};
