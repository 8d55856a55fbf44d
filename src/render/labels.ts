import type { LineKind, LineOwner } from '../domain/sms.js';
import { formatPhoneNumber } from '../query/phone.js';
import type { FilterType, SessionType } from '../query/types.js';
import { escapeMrkdwn, truncate, zoomText } from './escape.js';
import { LABEL_MAX_CHARS } from './limits.js';

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
