import { setTimeout as delay } from 'node:timers/promises';
import { FetchError, ofetch } from 'ofetch';
import { AppError, type ErrorCode } from '../errors.js';
import { mapZoomError } from './map-error.js';
import { parseRetryAfter } from './retry-after.js';
import { zoomErrorBodySchema } from './schemas.js';
import {
  DEFAULT_ZOOM_RETRY_POLICY,
  ZOOM_REQUEST_TIMEOUT_MS,
  type ZoomClientOptions,
  type ZoomRequest,
} from './zoom-request.js';

type Outcome =
  | { readonly kind: 'response'; readonly response: Response; readonly text: string }
  | { readonly kind: 'network'; readonly error: unknown };

const isTimeout = (error: unknown) => error instanceof Error && error.name === 'TimeoutError';

/** Socket errors that mean no connection was ever opened, so Zoom cannot have seen the request. */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Whether a network failure certainly happened before the request reached Zoom. */
export const neverReachedZoom = (error: unknown): boolean => {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && NEVER_CONNECTED.has(code)) return true;
    cause = cause.cause;
  }
  return false;
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Sends one operation and resolves with its parsed answer (see {@link createZoomCall}). */
export type ZoomCall = <T>(request: ZoomRequest<T>) => Promise<T>;

/**
 * How the app's Zoom client sends one operation (`ofetch` with an injectable `fetch`): the answer
 * is parsed with the operation's zod schema and every refusal is translated by `mapZoomError`, so
 * callers see typed data or an {@link AppError}. Policy, per call:
 *
 * - a 401 (or a 4711 "missing scopes", which a token issued after an admin added scopes cures)
 *   invalidates the token and retries once with a fresh one (octokit/auth-app.js `hook.ts`);
 * - a 429 whose `Retry-After` is at most `maxRateLimitWaitMs` is waited out (`maxRateLimitRetries`
 *   times, once by default); otherwise it becomes `ZOOM_RATE_LIMITED`
 *   (https://developers.zoom.us/docs/api/rest/rate-limits/);
 * - with a `governor`, every attempt first waits its turn and no wait or attempt outlives the
 *   call's time budget;
 * - a 5xx, network error or timeout is retried `maxRetries` times with exponential backoff and
 *   jitter, then becomes `ZOOM_UNAVAILABLE`.
 *
 * Each failed attempt logs one warn line with the path template, attempt, status and Zoom code;
 * never the user, the token or any header.
 */
export const createZoomCall = (options: ZoomClientOptions): ZoomCall => {
  const policy = { ...DEFAULT_ZOOM_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? ZOOM_REQUEST_TIMEOUT_MS;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const random = options.random ?? Math.random;
  const http = ofetch.create(
    { baseURL: options.baseUrl, timeout: timeoutMs, retry: false, ignoreResponseError: true },
    options.fetch ? { fetch: options.fetch } : {},
  );

  const send = async (request: ZoomRequest<unknown>, token: string): Promise<Outcome> => {
    try {
      const response = await http.raw<string, 'text'>(request.path, {
        ...(request.query === undefined ? {} : { query: request.query }),
        ...(request.method === undefined ? {} : { method: request.method }),
        ...(request.body === undefined ? {} : { body: request.body }),
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        responseType: 'text',
        ...(options.governor === undefined
          ? {}
          : { timeout: Math.max(1, Math.min(timeoutMs, options.governor.remainingMs())) }),
      });
      return { kind: 'response', response, text: response._data ?? '' };
    } catch (error) {
      return { kind: 'network', error: error instanceof FetchError ? error.cause : error };
    }
  };

  const toError = (request: ZoomRequest<unknown>, outcome: Outcome): AppError => {
    if (outcome.kind === 'network') {
      const message = isTimeout(outcome.error)
        ? `Zoom did not answer within ${timeoutMs} ms`
        : 'Could not reach Zoom';
      return new AppError('ZOOM_UNAVAILABLE', message, { cause: outcome.error });
    }
    const { response, text } = outcome;
    const body = zoomErrorBodySchema.safeParse(parseJson(text));
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), options.clock.now());
    return (request.mapError ?? mapZoomError)({
      status: response.status,
      body: body.success ? body.data : undefined,
      pageTokenSent: typeof request.query?.next_page_token === 'string',
      ...(request.zoomUser === undefined ? {} : { zoomUser: request.zoomUser }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  };

  const unconfirmed = (request: ZoomRequest<unknown>, outcome: Outcome, error: AppError) => {
    if (request.idempotent !== false || error.code !== 'ZOOM_UNAVAILABLE') return error;
    if (outcome.kind === 'network' && neverReachedZoom(outcome.error)) return error;
    return new AppError('ZOOM_UNCONFIRMED', `${error.message}; Zoom may have acted on it`, {
      cause: error.cause ?? error,
      detail: error.detail,
    });
  };

  const parseBody = <T>(request: ZoomRequest<T>, status: number, text: string): T => {
    const json = parseJson(text);
    const parsed = request.schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const what = json === undefined ? 'a body that is not JSON' : 'an unexpected body';
    throw new AppError('ZOOM_BAD_RESPONSE', `Zoom sent ${what} for ${request.template}`, {
      cause: parsed.error,
      detail: { status },
    });
  };

  const call = async <T>(request: ZoomRequest<T>): Promise<T> => {
    let transientRetries = 0;
    let reauthorized = false;
    let rateLimitRetries = 0;
    let previous: AppError | undefined;
    for (let attempt = 1; ; attempt += 1) {
      const token = await options.tokenProvider.getToken();
      const release = await options.governor?.beforeAttempt(attempt, previous);
      const sentAt = options.clock.now().getTime();
      const outcome = await send(request, token);
      release?.();
      const observed = {
        operation: request.template,
        durationMs: options.clock.now().getTime() - sentAt,
      };
      if (outcome.kind === 'response' && outcome.response.ok) {
        const status = outcome.response.status;
        let code: ErrorCode | undefined = 'ZOOM_BAD_RESPONSE';
        try {
          const body = parseBody(request, status, outcome.text);
          code = undefined;
          return body;
        } finally {
          options.observer?.attempt({ ...observed, status, zoomCode: undefined, code });
        }
      }
      const mapped = unconfirmed(request, outcome, toError(request, outcome));
      const error =
        options.governor !== undefined &&
        outcome.kind === 'response' &&
        mapped.code === 'ZOOM_RATE_LIMITED'
          ? await options.governor.rateLimited(mapped, outcome.response.headers)
          : mapped;
      const status = outcome.kind === 'response' ? outcome.response.status : undefined;
      options.observer?.attempt({
        ...observed,
        status,
        zoomCode: error.detail.zoomCode,
        code: error.code,
      });
      let waitMs: number | undefined;
      if (error.code === 'ZOOM_UNAVAILABLE' && transientRetries < policy.maxRetries) {
        waitMs = Math.round(policy.baseDelayMs * 2 ** transientRetries * (0.5 + random() / 2));
        transientRetries += 1;
      } else if ((status === 401 || error.code === 'ZOOM_MISSING_SCOPES') && !reauthorized) {
        options.tokenProvider.invalidate(token);
        reauthorized = true;
        waitMs = 0;
      } else if (
        error.code === 'ZOOM_RATE_LIMITED' &&
        rateLimitRetries < policy.maxRateLimitRetries
      ) {
        const wait = error.detail.retryAfterMs ?? policy.rateLimitWaitWithoutHeaderMs;
        if (wait !== undefined && wait <= policy.maxRateLimitWaitMs) {
          rateLimitRetries += 1;
          waitMs = wait;
          options.observer?.rateLimitWait(waitMs);
        }
      }
      if (waitMs !== undefined && waitMs > (options.governor?.remainingMs() ?? Infinity)) {
        waitMs = undefined;
      }
      options.logger.warn(
        {
          path: request.template,
          attempt,
          status,
          zoomCode: error.detail.zoomCode,
          code: error.code,
          timedOut: outcome.kind === 'network' ? isTimeout(outcome.error) : undefined,
          retryInMs: waitMs,
        },
        'Zoom request failed',
      );
      if (waitMs === undefined) throw error;
      previous = error;
      if (waitMs > 0) await sleep(waitMs);
    }
  };

  return call;
};
