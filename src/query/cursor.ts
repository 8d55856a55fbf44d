import { z } from 'zod';
import { AppError } from '../errors.js';
import { EMAIL_MAX_CHARS, isZoomUserRef } from '../users/zoom-user-ref.js';
import { FILTER_TYPES, MAX_PAGE_SIZE, SESSION_TYPES, type SessionQuery } from './types.js';

/**
 * Whose sessions a listing shows: a Slack person (resolved to their Zoom user on every page, so
 * a link an admin changes applies at once), or a Zoom user an admin named directly with
 * `zoom:carol@example.com`.
 */
export type Subject =
  | { readonly kind: 'slack-user'; readonly slackUserId: string }
  | { readonly kind: 'zoom-user'; readonly zoomUser: string };

/**
 * Where a listing is: whose sessions, the exact query, Zoom's token for this page and the tokens
 * of the pages before it (Zoom pages forward only, so Previous replays an earlier token).
 * It travels in button values, which anyone who sees the message can replay or edit: decoding
 * validates it, and every use re-checks that the clicker may see `subject`. On the wire the
 * subject is `s` (a Slack user id) or `z` (a normalised Zoom email or id), never both.
 */
export interface PageCursor {
  /** Whose sessions these are. */
  readonly subject: Subject;
  readonly query: SessionQuery;
  /** `''` for the first page. */
  readonly token: string;
  /** Tokens of earlier pages, oldest first (may be shortened to fit a button value). */
  readonly trail: readonly string[];
  /** 1-based page number. */
  readonly page: number;
}

/** Slack's limit for a button `value`. https://docs.slack.dev/reference/block-kit/block-elements/button-element */
export const BUTTON_VALUE_MAX_CHARS = 2000;

const wireSchema = z.object({
  v: z.literal(1),
  s: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,}$/)
    .optional(),
  z: z.string().max(EMAIL_MAX_CHARS).refine(isZoomUserRef).optional(),
  q: z.object({
    st: z.enum(SESSION_TYPES),
    ft: z.enum(FILTER_TYPES),
    f: z.string().max(20),
    t: z.string().max(20),
    ph: z
      .string()
      .regex(/^\d{4,15}$/)
      .optional(),
    ps: z.number().int().min(1).max(MAX_PAGE_SIZE),
  }),
  k: z.string().max(BUTTON_VALUE_MAX_CHARS),
  tr: z.array(z.string().max(BUTTON_VALUE_MAX_CHARS)),
  n: z.number().int().min(1),
});

type Wire = z.infer<typeof wireSchema>;

const subjectOf = ({ s, z: zoomUser }: Wire): Subject | undefined => {
  if (s !== undefined && zoomUser === undefined) return { kind: 'slack-user', slackUserId: s };
  if (zoomUser !== undefined && s === undefined) return { kind: 'zoom-user', zoomUser };
  return undefined;
};

const toWire = (cursor: PageCursor, trail: readonly string[]): Wire => ({
  v: 1,
  ...(cursor.subject.kind === 'slack-user'
    ? { s: cursor.subject.slackUserId }
    : { z: cursor.subject.zoomUser }),
  q: {
    st: cursor.query.sessionType,
    ft: cursor.query.filterType,
    f: cursor.query.from,
    t: cursor.query.to,
    ...(cursor.query.phoneNumber === undefined ? {} : { ph: cursor.query.phoneNumber }),
    ps: cursor.query.pageSize,
  },
  k: cursor.token,
  tr: [...trail],
  n: cursor.page,
});

/**
 * Serialises a cursor into a button value of at most {@link BUTTON_VALUE_MAX_CHARS}; when the
 * trail is too long, the oldest tokens are dropped (Previous then stops where the trail does).
 */
export const encodeCursor = (cursor: PageCursor): string => {
  let trail = cursor.trail;
  for (;;) {
    const value = JSON.stringify(toWire(cursor, trail));
    if (value.length <= BUTTON_VALUE_MAX_CHARS) return value;
    if (trail.length === 0) {
      throw new AppError('INTERNAL', 'Page token too long for a button value');
    }
    trail = trail.slice(1);
  }
};

/**
 * Reads a button value back. Anything that is not a cursor this version wrote (edited, cut
 * short, from an older release) is `BAD_BUTTON`, never a crash.
 */
export const decodeCursor = (value: string): PageCursor => {
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch (cause) {
    throw new AppError('BAD_BUTTON', 'Button value is not JSON', { cause });
  }
  const parsed = wireSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('BAD_BUTTON', 'Button value is not a page cursor', { cause: parsed.error });
  }
  const w = parsed.data;
  const subject = subjectOf(w);
  if (subject === undefined) {
    throw new AppError('BAD_BUTTON', 'Button value does not name exactly one subject');
  }
  return {
    subject,
    query: {
      sessionType: w.q.st,
      filterType: w.q.ft,
      from: w.q.f,
      to: w.q.t,
      ...(w.q.ph === undefined ? {} : { phoneNumber: w.q.ph }),
      pageSize: w.q.ps,
    },
    token: w.k,
    trail: w.tr,
    page: w.n,
  };
};

/** The cursor for the page after this one, given Zoom's `next_page_token`. */
export const nextCursor = (cursor: PageCursor, nextPageToken: string): PageCursor => ({
  ...cursor,
  token: nextPageToken,
  trail: [...cursor.trail, cursor.token],
  page: cursor.page + 1,
});

/** The cursor for the page before this one, or `undefined` when the trail does not reach back. */
export const previousCursor = (cursor: PageCursor): PageCursor | undefined => {
  const token = cursor.trail.at(-1);
  if (token === undefined || cursor.page <= 1) return undefined;
  return { ...cursor, token, trail: cursor.trail.slice(0, -1), page: cursor.page - 1 };
};

/** Page 1 of the same listing (after an expired token, or when Previous cannot reach back). */
export const firstCursor = (cursor: PageCursor): PageCursor => ({
  ...cursor,
  token: '',
  trail: [],
  page: 1,
});
