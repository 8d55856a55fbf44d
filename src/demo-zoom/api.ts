import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import { createAccessTokens } from './access-tokens.js';
import { createDatasetIndex, type DatasetIndex } from './dataset-index.js';
import { createPageTokens } from './page-tokens.js';
import { createRateLimiter, type DemoRateLimit } from './rate-limiter.js';
import { type DemoResponse, zoomError } from './responses.js';
import type { Route } from './router.js';
import { listSmsSessions } from './routes/list-sms-sessions.js';
import { type DemoCredentials, oauthToken } from './routes/oauth-token.js';
import { type DemoSentText, sendSms } from './routes/send-sms.js';
import { listSharedLines } from './routes/shared-lines.js';
import { smsSessionDetails } from './routes/sms-session-details.js';
import { phoneUserProfile, userProfile } from './routes/users.js';
import { DEFAULT_GRANTED_SCOPES, missingScopes } from './scopes.js';
import type { DemoDataset } from './types.js';

/** What the demo Zoom's behaviour depends on (its transport aside). */
export interface DemoApiOptions {
  readonly clock: Clock;
  readonly dataset: DemoDataset;
  readonly credentials: DemoCredentials;
  /** Scopes every issued token carries; {@link DEFAULT_GRANTED_SCOPES} when absent. */
  readonly grantedScopes?: readonly string[];
  readonly rateLimit?: DemoRateLimit;
  /**
   * What tokens say as `api_url`, the account's API host (e.g. `https://api.zoom.us`, as behind a
   * proxy); the origin the client reached when absent.
   */
  readonly accountApiUrl?: string;
}

/** A routed request, reduced to what the operations read. */
export interface DemoApiRequest {
  readonly route: Route;
  readonly authorization: string | undefined;
  readonly query: URLSearchParams;
  /** The request body as text (the token endpoint and the send operation read it). */
  readonly body: string;
  /** The request's `Content-Type` header. */
  readonly contentType?: string | undefined;
  /** Origin the client reached, sent back as the token's `api_url`. */
  readonly origin: string;
}

/** Zoom's behaviour, transport aside: answers routed requests, remembers tokens. */
export interface DemoApi {
  respond(request: DemoApiRequest): DemoResponse;
  /** Every access token issued so far expires now. */
  expireTokens(): void;
  /** Every text the send operation accepted, oldest first. */
  readonly sent: readonly DemoSentText[];
  /**
   * Calls `listener` after each accepted text (the playground's `phone.sms_sent`, or
   * `phone.sms_sent_failed` for one with a `failureReason`); returns an unsubscribe.
   */
  onSent(listener: (text: DemoSentText) => void): () => void;
  /** The dataset as it stands, texts sent since included. */
  readonly index: DatasetIndex;
}

/**
 * The operations behind Zoom's checks, in Zoom's order: a valid bearer token (401 / 124), the
 * account's rate limit (429), the operation's scopes (400 / 4711), then the operation itself.
 * Tokens and page tokens are HMACs of counters under a key derived from the credentials, so the
 * same test sees the same tokens on every run.
 */
export const createDemoApi = (options: DemoApiOptions): DemoApi => {
  const { clock, credentials } = options;
  const secret = createHash('sha256')
    .update(`demo-zoom|${credentials.accountId}|${credentials.clientId}`)
    .digest('hex');
  const index = createDatasetIndex(options.dataset);
  const tokens = createAccessTokens({ clock, secret });
  const sessionPages = createPageTokens({ clock, secret, label: 'sessions' });
  const historyPages = createPageTokens({ clock, secret, label: 'histories' });
  const limiter = options.rateLimit && createRateLimiter(options.rateLimit, clock);
  const grantedScopes = options.grantedScopes ?? DEFAULT_GRANTED_SCOPES;
  const sent: DemoSentText[] = [];
  const listeners = new Set<(text: DemoSentText) => void>();

  const respond = (request: DemoApiRequest): DemoResponse => {
    const { route, query } = request;
    if (route.kind === 'token') {
      const params = new URLSearchParams(query);
      for (const [name, value] of new URLSearchParams(request.body)) params.append(name, value);
      return oauthToken({
        credentials,
        tokens,
        grantedScopes,
        apiUrl: options.accountApiUrl ?? request.origin,
        authorization: request.authorization,
        params,
      });
    }
    const bearer = tokens.check(request.authorization);
    if (!bearer.ok) {
      return bearer.reason === 'expired'
        ? zoomError(401, 124, 'Access token is expired.')
        : zoomError(401, 124, 'Invalid access token.');
    }
    const limited = limiter?.take();
    if (limited !== undefined) return limited;
    const missing = missingScopes(route.kind, bearer.scopes);
    if (missing !== undefined) {
      return zoomError(
        400,
        4711,
        `Invalid access token, does not contain scopes:[${missing.join(', ')}].`,
      );
    }
    const nowMs = clock.now().getTime();
    switch (route.kind) {
      case 'list':
        return listSmsSessions({
          index,
          pageTokens: sessionPages,
          nowMs,
          userId: route.userId,
          query,
        });
      case 'details':
        return smsSessionDetails({
          index,
          pageTokens: historyPages,
          nowMs,
          sessionId: route.sessionId,
          query,
        });
      case 'phone-user':
        return phoneUserProfile({ index, userId: route.userId, accountId: credentials.accountId });
      case 'call-queues':
      case 'auto-receptionists':
        return listSharedLines({
          kind: route.kind,
          lines:
            route.kind === 'call-queues'
              ? options.dataset.callQueues
              : options.dataset.autoReceptionists,
          query,
        });
      case 'user':
        return userProfile({ index, userId: route.userId, accountId: credentials.accountId });
      case 'send': {
        const result = sendSms({
          index,
          nowMs,
          contentType: request.contentType,
          body: request.body,
          sequence: sent.length + 1,
        });
        if (result.sent !== undefined) {
          sent.push(result.sent);
          for (const listener of listeners) listener(result.sent);
        }
        return result.response;
      }
    }
  };

  return {
    respond,
    expireTokens: tokens.expireAll,
    sent,
    index,
    onSent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
