import type { ErrorCode } from '../errors.js';

/** One HTTP attempt at a Zoom API operation, as the client saw it. */
export interface ZoomAttempt {
  /** The operation's path as Zoom documents it (`/phone/users/{userId}/sms/sessions`). */
  readonly operation: string;
  /** HTTP status; `undefined` when no answer came (network error or timeout). */
  readonly status: number | undefined;
  /** Zoom's own error code from the body (`4711`, `1001`, …), when it sent one. */
  readonly zoomCode: number | undefined;
  /** The app's code for a failed attempt; `undefined` when the attempt succeeded. */
  readonly code: ErrorCode | undefined;
  /** From sending the request to having the whole body. */
  readonly durationMs: number;
}

/**
 * Told what the Zoom client does, for metrics and the per-request log line, without the client
 * knowing about either. Implementations must not throw: observation never changes an outcome.
 */
export interface ZoomCallObserver {
  /** After every attempt, successful or not. */
  attempt(attempt: ZoomAttempt): void;
  /** Before the client sleeps because Zoom answered 429 with a short enough `Retry-After`. */
  rateLimitWait(ms: number): void;
}
