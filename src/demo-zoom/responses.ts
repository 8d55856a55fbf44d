/** An answer before it is written to the socket: JSON `body` unless it is a string or absent. */
export interface DemoResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One `errors[]` item of a Zoom validation error. */
export interface ZoomFieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * Zoom's API error body, `{ code, message }` plus `errors[]` on validation failures.
 * https://developers.zoom.us/docs/api/rest/other-references/error-definitions/
 */
export const zoomError = (
  status: number,
  code: number,
  message: string,
  errors?: readonly ZoomFieldError[],
): DemoResponse => ({
  status,
  body: errors === undefined ? { code, message } : { code, message, errors },
});

/** Zoom's 400 / 300 for a query parameter it refuses, naming the field. */
export const validationError = (field: string, message: string): DemoResponse =>
  zoomError(400, 300, 'Validation Failed.', [{ field, message }]);

/** 400 / 400, what Zoom answers for a stale, unknown or re-targeted `next_page_token`. */
export const invalidPageToken = (): DemoResponse =>
  zoomError(400, 400, 'The next page token is invalid or expired.');
