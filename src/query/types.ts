/**
 * The domain of a search, independent of Slack and Zoom wire formats.
 * Values mirror Zoom's `GET /phone/users/{userId}/sms/sessions` query parameters
 * (see spec/zoom/phone-sms-openapi.json).
 */

/** Zoom's `session_type` values. */
export const SESSION_TYPES = ['user', 'call_queue', 'auto_receptionist', 'all'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

/** Zoom's `filter_type` values. */
export const FILTER_TYPES = [
  'last_message_time',
  'sent_message_time',
  'received_message_time',
  'sent_received_message_time',
] as const;
export type FilterType = (typeof FILTER_TYPES)[number];

/** Zoom's maximum `page_size`. */
export const MAX_PAGE_SIZE = 100;

/** Sessions a page when the person does not say: one message of 50 blocks holds it comfortably. */
export const DEFAULT_PAGE_SIZE = 10;

/**
 * Zoom answers one month at a time; we ask for at most 31 days (local calendar days for a bare
 * day) in one call, so any calendar month fits. A longer range is split into windows
 * (src/query/range-windows.ts).
 */
export const MAX_RANGE_DAYS = 31;

/**
 * The most months `MAX_RANGE_MONTHS` may allow: a page cursor then names at most this many
 * windows plus one (a range need not start on the 1st), which keeps every button value small.
 */
export const RANGE_MONTHS_LIMIT = 60;

/** Units of `since:`: days, weeks, calendar months. */
export const SINCE_UNITS = ['day', 'week', 'month'] as const;
export type SinceUnit = (typeof SINCE_UNITS)[number];

/** How `since:` writes each unit: `since:7d`, `since:2w`, `since:3m`. */
export const SINCE_UNIT_LETTERS: Readonly<Record<SinceUnit, string>> = {
  day: 'd',
  week: 'w',
  month: 'm',
};

/** `since:3m`: from `amount` units before now (on the person's wall clock) up to now. */
export interface SinceArg {
  readonly amount: number;
  readonly unit: SinceUnit;
}

/** Without dates, Zoom (and we) look at the past 30 days. */
export const DEFAULT_RANGE_DAYS = 30;

/**
 * One exact search: what a Next button must repeat to continue the same listing.
 * `from`/`to` are always explicit UTC instants (`YYYY-MM-DDTHH:mm:ssZ`), so a page fetched
 * later asks Zoom exactly the same question as the first one.
 */
export interface SessionQuery {
  readonly sessionType: SessionType;
  readonly filterType: FilterType;
  readonly from: string;
  readonly to: string;
  /** Digits with country code, no `+` (Zoom's format), when filtering by number. */
  readonly phoneNumber?: string;
  readonly pageSize: number;
}

/** Whose sessions a search is about, as the person named them. */
export type Target =
  | { readonly kind: 'self' }
  | { readonly kind: 'slack-user'; readonly userId: string }
  /** `zoom:carol@example.com`: a Zoom user named directly (admins only), email lowercased or id. */
  | { readonly kind: 'zoom-user'; readonly zoomUser: string };

/**
 * Something the reply must tell the person about how their dates were read, so nothing is
 * silently assumed: no dates at all, `from` without `to` (30 days after `from`, never past now),
 * or `to` without `from` (the 30 days ending at `to`).
 */
export type WindowNote =
  | { readonly kind: 'default-window'; readonly days: number }
  | { readonly kind: 'open-ended'; readonly days: number; readonly clippedToNow: boolean }
  | { readonly kind: 'open-start'; readonly days: number }
  /** A `size:` larger than one chat message lists: `shown` a page instead of `asked`. */
  | { readonly kind: 'page-capped'; readonly asked: number; readonly shown: number };

/** A date as typed: a calendar day in the person's time zone, or an exact UTC instant. */
export type DateArg =
  | { readonly kind: 'day'; readonly date: string }
  | { readonly kind: 'instant'; readonly iso: string };

/**
 * A search as the person asked for it, before defaults and dates are resolved: what the command
 * grammar (`src/slack/commands/grammar.ts`) produces and `buildQuery` turns into a
 * {@link SessionQuery}. It lives in the domain so the query layer never imports from Slack code.
 */
export interface ListArgs {
  readonly target: Target;
  readonly from?: DateArg;
  readonly to?: DateArg;
  /** Never given with `from` or `to` (the grammar refuses both). */
  readonly since?: SinceArg;
  readonly sessionType?: SessionType;
  readonly filterType?: FilterType;
  /** Already normalised to Zoom's digits (country code, no `+`). */
  readonly phoneNumber?: string;
  /** 1 to {@link MAX_PAGE_SIZE}. */
  readonly pageSize?: number;
}

/**
 * The highest page number a button may carry: far beyond any real listing or conversation, low
 * enough that a number edited into a value cannot read as a real page.
 */
export const MAX_PAGE_NUMBER = 10_000;
