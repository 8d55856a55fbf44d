import { safeTimeZone, wallClockMs } from '../query/time-zone.js';
import type { SessionQuery } from '../query/types.js';
import { escapeMrkdwn, truncate } from './escape.js';
import { filterTypeLabel, phoneLabel, sessionTypeLabel } from './labels.js';
import { LABEL_MAX_CHARS } from './limits.js';
import { dateParts, instantMs, zoneName } from './slack-date.js';

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
