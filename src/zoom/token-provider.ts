import { FetchError, ofetch } from 'ofetch';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { parseRetryAfter } from './retry-after.js';
import { zoomTokenErrorBodySchema, zoomTokenResponseSchema } from './schemas.js';

/**
 * How long before Zoom's stated expiry a token stops being used, so a request never leaves with
 * a token that expires in flight (octokit/auth-app.js keeps a margin the same way).
 */
export const TOKEN_EXPIRY_SKEW_MS = 5 * 60_000;

/** How long the token endpoint may take before the attempt counts as a network failure. */
export const TOKEN_REQUEST_TIMEOUT_MS = 8_000;

/** Hands out Server-to-Server OAuth access tokens for the Zoom API. */
export interface TokenProvider {
  /**
   * A valid access token: the cached one until expiry minus the skew, otherwise a fresh one.
   * Concurrent callers share one request to the token endpoint.
   * @throws AppError `ZOOM_AUTH` when Zoom refuses the credentials, `ZOOM_UNAVAILABLE` when the
   * endpoint cannot be reached, `ZOOM_RATE_LIMITED`, or `ZOOM_BAD_RESPONSE`.
   */
  getToken(): Promise<string>;
  /**
   * Forgets `token` after Zoom refused it (401), so the next {@link getToken} fetches another.
   * A token other than the cached one is ignored: a late 401 must not discard a newer token.
   */
  invalidate(token: string): void;
  /** Scopes granted to the last token Zoom issued; `undefined` before the first one. */
  scopes(): readonly string[] | undefined;
}

/** What {@link createTokenProvider} needs. */
export interface TokenProviderOptions {
  /** `https://zoom.us/oauth/token` (`https://zoomgov.com/oauth/token` for Zoom for Government). */
  readonly tokenUrl: string;
  readonly accountId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clock: Clock;
  readonly fetch?: typeof globalThis.fetch;
  readonly skewMs?: number;
  readonly timeoutMs?: number;
}

interface CachedToken {
  readonly accessToken: string;
  /** Epoch milliseconds after which the token is no longer handed out. */
  readonly refreshAt: number;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const refusal = (status: number, body: unknown, retryAfter: string | null, now: Date) => {
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    return new AppError('ZOOM_RATE_LIMITED', 'Zoom rate-limited the OAuth token endpoint', {
      detail: { status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
    });
  }
  if (status >= 500) {
    return new AppError('ZOOM_UNAVAILABLE', `Zoom OAuth token endpoint answered ${status}`, {
      detail: { status },
    });
  }
  const parsed = zoomTokenErrorBodySchema.safeParse(body);
  const error = parsed.success ? parsed.data : {};
  return new AppError(
    'ZOOM_AUTH',
    `Zoom refused the Server-to-Server OAuth credentials (${status} ${error.error ?? 'unknown'}): ${error.reason ?? 'no reason given'}`,
    { cause: body, detail: { status } },
  );
};

/**
 * Server-to-Server OAuth for one Zoom account: `POST {tokenUrl}?grant_type=account_credentials
 * &account_id=…` with `Authorization: Basic base64(client_id:client_secret)`
 * (https://developers.zoom.us/docs/internal-apps/s2s-oauth/). Zoom issues no refresh token and
 * lets several tokens be valid at once, so the token is cached in memory per process until
 * expiry minus `skewMs`, concurrent callers share one in-flight request (single flight), and a
 * failed request leaves nothing cached. Error messages carry Zoom's `reason`, never the secret.
 */
export const createTokenProvider = (options: TokenProviderOptions): TokenProvider => {
  const skewMs = options.skewMs ?? TOKEN_EXPIRY_SKEW_MS;
  const http = ofetch.create(
    {
      timeout: options.timeoutMs ?? TOKEN_REQUEST_TIMEOUT_MS,
      retry: false,
      ignoreResponseError: true,
    },
    options.fetch ? { fetch: options.fetch } : {},
  );
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
  let cached: CachedToken | undefined;
  let granted: readonly string[] | undefined;
  let inFlight: Promise<CachedToken> | undefined;

  const requestToken = async (): Promise<CachedToken> => {
    const response = await http
      .raw<string, 'text'>(options.tokenUrl, {
        method: 'POST',
        query: { grant_type: 'account_credentials', account_id: options.accountId },
        headers: { authorization: `Basic ${basic}`, accept: 'application/json' },
        responseType: 'text',
      })
      .catch((error: unknown) => {
        throw new AppError('ZOOM_UNAVAILABLE', 'Could not reach the Zoom OAuth token endpoint', {
          cause: error instanceof FetchError ? error.cause : error,
        });
      });
    const body = parseJson(response._data ?? '');
    const now = options.clock.now();
    if (!response.ok || zoomTokenErrorBodySchema.safeParse(body).data?.error !== undefined) {
      throw refusal(response.status, body, response.headers.get('retry-after'), now);
    }
    const parsed = zoomTokenResponseSchema.safeParse(body);
    if (!parsed.success) {
      throw new AppError('ZOOM_BAD_RESPONSE', 'Zoom OAuth token endpoint sent an unexpected body', {
        cause: parsed.error,
        detail: { status: response.status },
      });
    }
    granted = parsed.data.scope?.split(/\s+/).filter((scope) => scope !== '') ?? [];
    return {
      accessToken: parsed.data.access_token,
      refreshAt: now.getTime() + parsed.data.expires_in * 1000 - skewMs,
    };
  };

  return {
    getToken: async () => {
      if (cached && options.clock.now().getTime() < cached.refreshAt) return cached.accessToken;
      inFlight ??= requestToken()
        .then((token) => {
          cached = token;
          return token;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return (await inFlight).accessToken;
    },
    invalidate: (token) => {
      if (cached?.accessToken === token) cached = undefined;
    },
    scopes: () => granted,
  };
};
