import { createBoundedMemo } from '../bounded-memo.js';
import type { LineKind, LineOwner, Participant } from '../domain/sms.js';
import { formatPhoneNumber } from '../query/phone.js';
import { dayjs, safeTimeZone, wallClockMs, ZONE_FORMATTERS_MAX } from '../query/time-zone.js';
import type { FilterType, SessionQuery, SessionType } from '../query/types.js';
import { escapeMrkdwn, truncate, zoomText } from './escape.js';
import { ECHO_MAX_CHARS, LABEL_MAX_CHARS, PARTICIPANT_MIN_CHARS } from './limits.js';
import type { RenderContext } from './types.js';

/**
 * The ways the app shows a moment: a Slack date token (rendered in each viewer's own time zone)
 * and the fallback text Slack shows where it cannot render the token, written in the same shape.
 * https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
export const SLACK_DATE_FORMATS = {
  /** "Yesterday at 2:03 PM" (fallback "Nov 26, 2026 at 2:03 PM"): one session on its own. */
  dateTime: {
    token: '{date_short_pretty} at {time}',
    fallback: (p: DateParts) =>
      p.thisYear
        ? `${p.month} ${p.day} at ${p.time}`
        : `${p.month} ${p.day}, ${p.year} at ${p.time}`,
  },
  /** "Yesterday 2:03 PM" (fallback "Nov 26 2:03 PM"): one line of a dense page. */
  compactDateTime: {
    token: '{date_short_pretty} {time}',
    fallback: (p: DateParts) => `${p.month} ${p.day} ${p.time}`,
  },
  /** "Yesterday at 2:03:09 PM": events that may share a minute (the audit trail). */
  dateTimeSeconds: {
    token: '{date_short_pretty} at {time_secs}',
    fallback: (p: DateParts) => `${p.month} ${p.day}, ${p.year} at ${p.timeSeconds}`,
  },
  /** "Nov 26, 2026": a day, one end of a window. */
  day: {
    token: '{date_short}',
    fallback: (p: DateParts) => `${p.month} ${p.day}, ${p.year}`,
  },
  /**
   * "3 hours ago" (fallback "Nov 26, 2:03 PM", the year only when it is not this one): a row's
   * last activity, short so the visible budget goes to names.
   */
  ago: {
    token: '{ago}',
    fallback: (p: DateParts) =>
      p.thisYear ? `${p.month} ${p.day}, ${p.time}` : `${p.month} ${p.day}, ${p.year}`,
  },
  /** "Yesterday" or "Nov 26, 2026" (fallback "Nov 26", the year only when not this one): a day. */
  shortDay: {
    token: '{date_short_pretty}',
    fallback: (p: DateParts) =>
      p.thisYear ? `${p.month} ${p.day}` : `${p.month} ${p.day}, ${p.year}`,
  },
} as const;

/** The pieces a fallback is written from, in the viewer's zone (`Nov`, `26`, `2026`, `2:03 PM`). */
interface DateParts {
  readonly month: string;
  readonly day: string;
  readonly year: string;
  readonly time: string;
  /** `2:03:09 PM`. */
  readonly timeSeconds: string;
  /** Whether the moment falls in the year it is now, in the same zone (then the year is left out). */
  readonly thisYear: boolean;
}

/**
 * One `Intl.DateTimeFormat` per time zone as Slack names it (at most
 * {@link ZONE_FORMATTERS_MAX}), for the zone's short name in a window's end ("EST"): building
 * one is costly, and a workspace has few zones. Exported so a test can see the bound.
 */
export const fallbackFormatters = createBoundedMemo<string, Intl.DateTimeFormat>(
  ZONE_FORMATTERS_MAX,
);

const newFallbackFormatter = (timeZone: string): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat('en-US', {
    timeZone,
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    hour12: true,
    timeZoneName: 'short',
  });

const fallbackFormatter = (requestedZone: string): Intl.DateTimeFormat =>
  fallbackFormatters.get(safeTimeZone(requestedZone), newFallbackFormatter);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/**
 * The pieces, as `en-US` writes them, from the zone's wall clock ({@link wallClockMs}, whose
 * offsets are remembered), not from a formatter call per date: the costliest step of a page.
 */
const dateParts = (ms: number, timeZone: string, nowMs?: number): DateParts => {
  const zone = safeTimeZone(timeZone);
  const wall = new Date(wallClockMs(ms, zone));
  const year = String(wall.getUTCFullYear());
  const hours = wall.getUTCHours();
  const clock = `${hours % 12 || 12}:${twoDigits(wall.getUTCMinutes())}`;
  const period = hours < 12 ? 'AM' : 'PM';
  return {
    month: MONTHS[wall.getUTCMonth()] ?? '',
    day: String(wall.getUTCDate()),
    year,
    time: `${clock} ${period}`,
    timeSeconds: `${clock}:${twoDigits(wall.getUTCSeconds())} ${period}`,
    thisYear:
      nowMs !== undefined && new Date(wallClockMs(nowMs, zone)).getUTCFullYear() === Number(year),
  };
};

/** The zone's short name at `ms` (`EST`, `GMT+1`), as `en-US` writes it. */
const zoneName = (ms: number, timeZone: string): string =>
  fallbackFormatter(timeZone)
    .formatToParts(ms)
    .find((part) => part.type === 'timeZoneName')?.value ?? '';

/** A key of {@link SLACK_DATE_FORMATS}. */
export type SlackDateFormat = keyof typeof SLACK_DATE_FORMATS;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

const instantMs = (iso: string): number | undefined => {
  if (!ISO_INSTANT.test(iso)) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * `<!date^UNIX^{format}|fallback>` for an ISO instant (Zoom's `2022-03-25T02:11:27Z`), so every
 * viewer reads it in their own Slack time zone. The fallback, shown by clients that cannot render
 * the token, is computed in `fallbackTimeZone` (the viewer's zone, from `RenderContext`).
 * `undefined` when `iso` is not an instant with a zone, so the caller can say "unknown". With
 * `now`, a fallback of this year leaves the year out.
 * https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
export const slackDate = (
  iso: string,
  format: SlackDateFormat,
  fallbackTimeZone: string,
  now?: Date,
): string | undefined => {
  const ms = instantMs(iso);
  if (ms === undefined) return undefined;
  const { token, fallback } = SLACK_DATE_FORMATS[format];
  const parts = dateParts(ms, fallbackTimeZone, now?.getTime());
  return `<!date^${Math.floor(ms / 1000)}^${token}|${fallback(parts)}>`;
};

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/**
 * `<@U123>` for a Slack user id, which Slack shows as the person's current name to each viewer.
 * Anything that is not a user id (a forged button value) is shown escaped instead, so it can
 * never become a broadcast or a link.
 * https://docs.slack.dev/messaging/formatting-message-text#mentioning-users
 */
export const slackMention = (userId: string): string =>
  SLACK_USER_ID.test(userId) ? `<@${userId}>` : truncate(escapeMrkdwn(userId), LABEL_MAX_CHARS);

/**
 * Third-party text (a value a person typed, an email) as an inline code span: escaped, on one
 * line, cut to {@link ECHO_MAX_CHARS}, with backticks swapped for a look-alike so the span cannot
 * be closed early. Code spans keep Slack from turning the text into links or formatting.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export const codeSpan = (value: string): string => {
  const oneLine = value.replace(/\s+/g, ' ').trim().replaceAll('`', 'ˋ');
  return `\`${truncate(escapeMrkdwn(oneLine === '' ? ' ' : oneLine), ECHO_MAX_CHARS)}\``;
};

const EXAMPLE_WINDOW_DAYS = 14;

/**
 * Two real days for examples in help and error text, written `YYYY-MM-DD` in the viewer's zone:
 * two weeks ago and today, so an example a person copies is always a valid window in the past,
 * shorter than a month, whatever the date.
 */
export const exampleDays = (ctx: RenderContext): { readonly from: string; readonly to: string } => {
  const today = dayjs.utc(ctx.now.getTime()).tz(safeTimeZone(ctx.timeZone));
  return {
    from: today.subtract(EXAMPLE_WINDOW_DAYS, 'day').format('YYYY-MM-DD'),
    to: today.format('YYYY-MM-DD'),
  };
};

const SESSION_TYPE_LABELS: Readonly<Record<SessionType, string>> = {
  user: 'Your number',
  call_queue: 'Call queue',
  auto_receptionist: 'Auto receptionist',
  all: 'All types',
};

const OWNER_KIND_LABELS: Readonly<Record<Exclude<LineKind, 'other'>, string>> = {
  user: 'User',
  call_queue: 'Call queue',
  auto_receptionist: 'Auto receptionist',
  shared_line_group: 'Shared line group',
};

const FILTER_TYPE_LABELS: Readonly<Record<FilterType, string>> = {
  last_message_time: 'by last message time',
  sent_message_time: 'by time sent',
  received_message_time: 'by time received',
  sent_received_message_time: 'by time sent or received',
};

const lookup = (labels: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(labels, key) ? labels[key] : undefined;

const unknownLabel = (value: string | undefined): string =>
  value === undefined || value.trim() === ''
    ? 'Unknown'
    : truncate(zoomText(value.trim()), LABEL_MAX_CHARS);

/**
 * A session's `session_type` in words, as safe mrkdwn: `user` → "Your number", `call_queue` →
 * "Call queue", `auto_receptionist` → "Auto receptionist", `all` → "All types". Zoom may add
 * types, so anything else is shown escaped as it came (cut to {@link LABEL_MAX_CHARS}).
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
 */
export const sessionTypeLabel = (sessionType: string | undefined): string =>
  lookup(SESSION_TYPE_LABELS, sessionType ?? '') ?? unknownLabel(sessionType);

/**
 * Which conversations a listing covers, said once in its frame: "Your number" (or, about someone
 * else, "<@U1>'s number"), "Call queues", "Auto receptionists", "All types". `whose` is the
 * subject as safe mrkdwn, absent when the viewer is looking at their own.
 */
export const listingTypeLabel = (sessionType: SessionType, whose?: string): string => {
  switch (sessionType) {
    case 'user':
      return whose === undefined ? 'Your number' : `${whose}'s number`;
    case 'call_queue':
      return 'Call queues';
    case 'auto_receptionist':
      return 'Auto receptionists';
    case 'all':
      return 'All types';
  }
};

/**
 * The kind of line behind a participant in words, as safe mrkdwn: "User", "Call queue",
 * "Auto receptionist", "Shared line group"; a kind the source added later escaped as it came,
 * "Unknown" when it named none.
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
 */
export const ownerKindLabel = (owner: Pick<LineOwner, 'kind' | 'rawKind'>): string =>
  owner.kind === 'other' ? unknownLabel(owner.rawKind) : OWNER_KIND_LABELS[owner.kind];

/** Which time the dates match (Zoom's `filter_type`), in words: "by time sent". */
export const filterTypeLabel = (filterType: FilterType): string => FILTER_TYPE_LABELS[filterType];

/**
 * A phone number (E.164, or Zoom's digits with country code) as people read it, escaped for
 * mrkdwn: `+18108001001` → "+1 810 800 1001"; anything unparseable as it came.
 */
export const phoneLabel = (phoneNumber: string): string =>
  escapeMrkdwn(formatPhoneNumber(phoneNumber));

const DAY_START = [0, 0, 0];
const DAY_END = [23, 59, 59];

const windowEnd = (iso: string, timeZone: string, dayBoundary: 'start' | 'end'): string => {
  const ms = instantMs(iso);
  if (ms === undefined) return truncate(escapeMrkdwn(iso), LABEL_MAX_CHARS);
  const wall = new Date(wallClockMs(ms, timeZone));
  const [hour, minute, second] = dayBoundary === 'start' ? DAY_START : DAY_END;
  const wholeDay =
    wall.getUTCHours() === hour &&
    wall.getUTCMinutes() === minute &&
    wall.getUTCSeconds() === second;
  const parts = dateParts(ms, timeZone);
  const date = `${parts.month} ${parts.day}, ${parts.year}`;
  return wholeDay ? date : `${date} ${parts.time} ${zoneName(ms, timeZone) || timeZone}`;
};

/** A search in words, each part safe mrkdwn; see {@link describeQuery}. */
export interface QueryDescription {
  /** First moment of the window in the viewer's zone: "Oct 27, 2026" or "Oct 27, 2026 7:00 AM EST". */
  readonly from: string;
  /** Last moment of the window, likewise. */
  readonly to: string;
  /** "Direct", "Call queue", …, "All types". */
  readonly type: string;
  /** "by last message time", … */
  readonly filter: string;
  /** The number searched for, readable, when there is one. */
  readonly phone?: string;
}

/**
 * What a search asked Zoom, in words for the person who reads the answer. The window's ends are
 * written in the viewer's time zone (`timeZone`; an unknown zone reads as UTC): a bare date when
 * the end falls on a day boundary (00:00:00 for `from`, 23:59:59 for `to`), else date, time and
 * zone, so a window is never misread by a day.
 */
export const describeQuery = (query: SessionQuery, timeZone: string): QueryDescription => {
  const zone = safeTimeZone(timeZone);
  return {
    from: windowEnd(query.from, zone, 'start'),
    to: windowEnd(query.to, zone, 'end'),
    type: sessionTypeLabel(query.sessionType),
    filter: filterTypeLabel(query.filterType),
    ...(query.phoneNumber === undefined ? {} : { phone: phoneLabel(query.phoneNumber) }),
  };
};

interface ParticipantText {
  readonly name?: string;
  readonly phone?: string;
}

const UNKNOWN_PARTICIPANT = 'Unknown participant';
const LIST_SEPARATOR = ', ';

const toText = (participant: Pick<Participant, 'name' | 'phoneNumber'>): ParticipantText => {
  const name = participant.name?.trim();
  const phone = participant.phoneNumber?.trim();
  return {
    ...(name ? { name: zoomText(name) } : {}),
    ...(phone ? { phone: phoneLabel(phone) } : {}),
  };
};

const fullLabel = ({ name, phone }: ParticipantText): string =>
  name !== undefined && phone !== undefined
    ? `${name} (${phone})`
    : (name ?? phone ?? UNKNOWN_PARTICIPANT);

const labelWithin = (participant: ParticipantText, cap: number): string => {
  const full = fullLabel(participant);
  if (full.length <= cap) return full;
  const { name, phone } = participant;
  if (name !== undefined && phone !== undefined) {
    const suffix = ` (${phone})`;
    if (cap - suffix.length >= PARTICIPANT_MIN_CHARS) {
      return `${truncate(name, cap - suffix.length)}${suffix}`;
    }
  }
  return truncate(name ?? phone ?? UNKNOWN_PARTICIPANT, cap);
};

const fairShare = (lengths: readonly number[], room: number): number => {
  const sorted = [...lengths].sort((a, b) => a - b);
  let left = room;
  for (const [index, length] of sorted.entries()) {
    const share = Math.floor(left / (sorted.length - index));
    if (length > share) return share;
    left -= length;
  }
  return Number.POSITIVE_INFINITY;
};

/**
 * The people in a session as one line of safe mrkdwn of at most `maxChars` characters:
 * "Name (+1 810 800 1001), …" in the source's order, names escaped. When they do not all fit, the room
 * is shared fairly (short labels whole, long ones cut to an equal share, never inside an escape
 * or an emoji, a long name losing its number before its name), and when a share would drop below
 * {@link PARTICIPANT_MIN_CHARS} the last ones become "+N more". A participant with neither name
 * nor number (Zoom marks no field as required) is "Unknown participant".
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
 */
export const participantsLabel = (
  people: readonly Pick<Participant, 'name' | 'phoneNumber'>[],
  maxChars: number,
): string => {
  const participants = people.map(toText);
  for (let shown = participants.length; shown >= 1; shown -= 1) {
    const hidden = participants.length - shown;
    const more = hidden > 0 ? ` +${hidden} more` : '';
    const visible = participants.slice(0, shown);
    const room = maxChars - more.length - LIST_SEPARATOR.length * (shown - 1);
    const cap = fairShare(
      visible.map((p) => fullLabel(p).length),
      room,
    );
    if (cap >= PARTICIPANT_MIN_CHARS || shown === 1) {
      const labels = visible.map((p) => labelWithin(p, cap)).join(LIST_SEPARATOR);
      return truncate(`${labels}${more}`, maxChars);
    }
  }
  return truncate('No participants listed', maxChars);
};
