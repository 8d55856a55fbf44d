import { DAY_MS, toZoomTime } from './zoom-time.js';

/** Without `from`, Zoom looks at the past 30 days. */
const DEFAULT_WINDOW_DAYS = 30;

/**
 * Zoom answers "a month" at a time. The demo allows 31 days plus the rest of the last day, so a
 * calendar month in any time zone fits, across a daylight-saving change too.
 */
const MAX_WINDOW_MS = 32 * DAY_MS - 1000;

/** An inclusive interval of UTC instants, in milliseconds. */
export interface DateWindow {
  readonly fromMs: number;
  readonly toMs: number;
}

/** Why `from`/`to` were refused. */
export type DateWindowError = 'bad-from' | 'bad-to' | 'missing-to' | 'reversed' | 'too-long';

/** A window, or why there is none. */
export type DateWindowResult =
  | { readonly ok: true; readonly window: DateWindow }
  | { readonly ok: false; readonly error: DateWindowError };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * `yyyy-mm-dd` (the whole UTC day: its first second for `from`, its last for `to`) or
 * `yyyy-MM-dd'T'HH:mm:ss'Z'`; anything else, impossible dates included, is `undefined`.
 */
const parseBound = (text: string, end: boolean): number | undefined => {
  if (DAY.test(text)) {
    const ms = Date.parse(`${text}T00:00:00Z`);
    if (Number.isNaN(ms) || toZoomTime(ms).slice(0, 10) !== text) return undefined;
    return end ? ms + DAY_MS - 1000 : ms;
  }
  if (INSTANT.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) || toZoomTime(ms) !== text ? undefined : ms;
  }
  return undefined;
};

/**
 * Reads the `from`/`to` query parameters as the spec words them: both optional, `to` required
 * with `from`, at most a month apart; no `from` means the 30 days before `nowMs` (or before
 * `to` when only `to` is given).
 */
export const parseDateWindow = (
  from: string | undefined,
  to: string | undefined,
  nowMs: number,
): DateWindowResult => {
  const toMs = to === undefined ? Math.floor(nowMs / 1000) * 1000 : parseBound(to, true);
  if (toMs === undefined) return { ok: false, error: 'bad-to' };
  if (from === undefined) {
    return { ok: true, window: { fromMs: toMs - DEFAULT_WINDOW_DAYS * DAY_MS, toMs } };
  }
  const fromMs = parseBound(from, false);
  if (fromMs === undefined) return { ok: false, error: 'bad-from' };
  if (to === undefined) return { ok: false, error: 'missing-to' };
  if (fromMs > toMs) return { ok: false, error: 'reversed' };
  if (toMs - fromMs > MAX_WINDOW_MS) return { ok: false, error: 'too-long' };
  return { ok: true, window: { fromMs, toMs } };
};
