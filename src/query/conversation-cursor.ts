import { z } from 'zod';
import type { Subject } from '../domain/subject.js';
import { AppError } from '../errors.js';
import { SEAL_CHARS } from '../keys/value-seal.js';
import { EMAIL_MAX_CHARS, isZoomUserRef } from '../users/zoom-user-ref.js';
import { BUTTON_VALUE_MAX_CHARS } from './cursor-wire.js';
import { MAX_PAGE_NUMBER, MAX_RANGE_DAYS } from './types.js';

/** Days of messages one conversation view asks Zoom for: Zoom answers a month at a time. */
export const CONVERSATION_WINDOW_DAYS = 30;

/**
 * The longest option `value` the app writes: Slack's limit for a select's option (150) less the
 * seal every value gets on its way out (src/keys/value-seal.ts).
 * https://docs.slack.dev/reference/block-kit/composition-objects/option-object
 */
export const OPTION_VALUE_MAX_CHARS = 150 - SEAL_CHARS;

const DAY_SECONDS = 86_400;

/**
 * Where a conversation view is: which session, whose listing it came from (the clicker must be
 * allowed to see that subject, and the session must belong to the subject's listing), the
 * window of messages, Zoom's token for this page and the tokens of the pages before it (newer
 * ones: pages run newest first). It travels in button and option values, which anyone can replay
 * or edit: decoding validates it and every use re-checks it.
 */
export interface ConversationCursor {
  /** Zoom's `session_id`. */
  readonly sessionId: string;
  readonly subject: Subject;
  /** First moment of the window, a UTC instant `YYYY-MM-DDTHH:mm:ssZ`. */
  readonly from: string;
  /** Last moment of the window, likewise. */
  readonly to: string;
  /** `''` for the newest page. */
  readonly token: string;
  /** Tokens of the newer pages, the newest page's first (may be shortened to fit a value). */
  readonly trail: readonly string[];
  /** 1-based; page 1 holds the newest messages. */
  readonly page: number;
}

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** 9999-12-31T23:59:59Z: the last instant Zoom's format can write. */
const LAST_UNIX_SECOND = 253_402_300_799;

const wireSchema = z.object({
  v: z.literal(1),
  i: z.string().regex(SESSION_ID),
  s: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,}$/)
    .optional(),
  z: z.string().max(EMAIL_MAX_CHARS).refine(isZoomUserRef).optional(),
  f: z.number().int().nonnegative().max(LAST_UNIX_SECOND),
  t: z.number().int().nonnegative().max(LAST_UNIX_SECOND),
  k: z.string().max(BUTTON_VALUE_MAX_CHARS).optional(),
  tr: z.array(z.string().max(BUTTON_VALUE_MAX_CHARS)).optional(),
  n: z.number().int().min(1).max(MAX_PAGE_NUMBER).optional(),
});

type Wire = z.infer<typeof wireSchema>;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const toSeconds = (instant: string): number => Math.floor(Date.parse(instant) / 1000);

/** A Unix time as Zoom writes instants: `2026-11-26T12:00:00Z`. */
export const toZoomInstant = (unixSeconds: number): string =>
  new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The cursor of a conversation's newest page, opened from a listing: the
 * {@link CONVERSATION_WINDOW_DAYS} days up to the session's last activity (`lastActivity`, Zoom's
 * `last_access_time`), or up to `now` when the listing did not say or said something later.
 */
export const openingCursor = (
  sessionId: string,
  subject: Subject,
  lastActivity: string | undefined,
  now: Date,
): ConversationCursor => {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const listed =
    lastActivity !== undefined && INSTANT.test(lastActivity) ? toSeconds(lastActivity) : NaN;
  const to = Number.isFinite(listed) ? Math.min(listed, nowSeconds) : nowSeconds;
  return {
    sessionId,
    subject,
    from: toZoomInstant(to - CONVERSATION_WINDOW_DAYS * DAY_SECONDS),
    to: toZoomInstant(to),
    token: '',
    trail: [],
    page: 1,
  };
};

const toWire = (cursor: ConversationCursor, trail: readonly string[]): Wire => ({
  v: 1,
  i: cursor.sessionId,
  ...(cursor.subject.kind === 'slack-user'
    ? { s: cursor.subject.slackUserId }
    : { z: cursor.subject.zoomUser }),
  f: toSeconds(cursor.from),
  t: toSeconds(cursor.to),
  ...(cursor.page === 1 ? {} : { k: cursor.token, tr: [...trail], n: cursor.page }),
});

/**
 * Serialises a cursor into a value of at most `maxChars` (a button's 2,000 by default, an
 * option's {@link OPTION_VALUE_MAX_CHARS}); the oldest tokens of the trail are dropped when it
 * is too long (Newer then stops where the trail does). `undefined` when even the cursor without
 * its trail cannot fit, so the caller leaves the control out rather than send a broken one.
 */
export const encodeConversationCursor = (
  cursor: ConversationCursor,
  maxChars: number = BUTTON_VALUE_MAX_CHARS,
): string | undefined => {
  let trail = cursor.trail;
  for (;;) {
    const value = JSON.stringify(toWire(cursor, trail));
    if (value.length <= maxChars) return value;
    if (trail.length === 0) return undefined;
    trail = trail.slice(1);
  }
};

const MAX_WINDOW_SECONDS = MAX_RANGE_DAYS * DAY_SECONDS;

/**
 * Reads a value back. Anything this version did not write (edited, cut short, a window longer
 * than Zoom answers, two subjects or none) is `BAD_BUTTON`, never a crash.
 * @throws AppError `BAD_BUTTON`
 */
export const decodeConversationCursor = (value: string): ConversationCursor => {
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch (cause) {
    throw new AppError('BAD_BUTTON', 'Conversation value is not JSON', { cause });
  }
  const parsed = wireSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('BAD_BUTTON', 'Value is not a conversation cursor', {
      cause: parsed.error,
    });
  }
  const w = parsed.data;
  if (w.t < w.f || w.t - w.f > MAX_WINDOW_SECONDS) {
    throw new AppError('BAD_BUTTON', 'Conversation window is reversed or longer than a month');
  }
  const page = w.n ?? 1;
  if ((page === 1) !== (w.k === undefined || w.k === '')) {
    throw new AppError('BAD_BUTTON', 'Conversation page and token disagree');
  }
  let subject: Subject;
  if (w.s !== undefined && w.z === undefined) subject = { kind: 'slack-user', slackUserId: w.s };
  else if (w.z !== undefined && w.s === undefined) subject = { kind: 'zoom-user', zoomUser: w.z };
  else throw new AppError('BAD_BUTTON', 'Conversation value does not name exactly one subject');
  return {
    sessionId: w.i,
    subject,
    from: toZoomInstant(w.f),
    to: toZoomInstant(w.t),
    token: w.k ?? '',
    trail: w.tr ?? [],
    page,
  };
};

/** The cursor of the next (older) page, given Zoom's `next_page_token`. */
export const olderCursor = (
  cursor: ConversationCursor,
  nextPageToken: string,
): ConversationCursor => ({
  ...cursor,
  token: nextPageToken,
  trail: [...cursor.trail, cursor.token],
  page: cursor.page + 1,
});

/** The cursor of the page before this one (newer), or `undefined` when the trail does not reach. */
export const newerCursor = (cursor: ConversationCursor): ConversationCursor | undefined => {
  const token = cursor.trail.at(-1);
  if (token === undefined || cursor.page <= 1) return undefined;
  return { ...cursor, token, trail: cursor.trail.slice(0, -1), page: cursor.page - 1 };
};

/** The newest page of the same conversation (after an expired token, or past the trail). */
export const newestCursor = (cursor: ConversationCursor): ConversationCursor => ({
  ...cursor,
  token: '',
  trail: [],
  page: 1,
});
