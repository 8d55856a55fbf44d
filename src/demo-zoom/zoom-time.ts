/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** Zoom's UTC timestamp format, whole seconds: `2022-03-25T02:11:27Z`. */
export const toZoomTime = (ms: number): string =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Milliseconds since the epoch of a timestamp written by {@link toZoomTime}. */
export const fromZoomTime = (iso: string): number => Date.parse(iso);
