import type { DatasetIndex, IndexedSession } from '../dataset-index.js';
import { type DateWindow, parseDateWindow } from '../date-window.js';
import { type PageTokens, takePage } from '../page-tokens.js';
import { dateWindowError, param, parsePageSize } from '../query-params.js';
import { type DemoResponse, invalidPageToken, validationError, zoomError } from '../responses.js';
import type { ZoomSmsSessionBody, ZoomSmsSessionsPageBody } from '../wire-types.js';
import { toZoomTime } from '../zoom-time.js';

const SESSION_TYPES = ['user', 'call_queue', 'auto_receptionist', 'all'] as const;
const FILTER_TYPES = [
  'last_message_time',
  'sent_message_time',
  'received_message_time',
  'sent_received_message_time',
] as const;

type FilterType = (typeof FILTER_TYPES)[number];

/** What `GET /phone/users/{userId}/sms/sessions` works with. */
export interface ListSmsSessionsContext {
  readonly index: DatasetIndex;
  readonly pageTokens: PageTokens;
  readonly nowMs: number;
  readonly userId: string;
  readonly query: URLSearchParams;
}

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

const inWindow = (ms: number, window: DateWindow): boolean =>
  ms >= window.fromMs && ms <= window.toMs;

const matchesTime = (entry: IndexedSession, filter: FilterType, window: DateWindow): boolean => {
  if (filter === 'last_message_time') return inWindow(entry.lastAccessMs, window);
  return entry.session.messages.some((message, i) => {
    const direction = filter === 'sent_message_time' ? 'out' : 'in';
    const kept = filter === 'sent_received_message_time' || message.direction === direction;
    return kept && inWindow(entry.messageMs[i] ?? Number.NaN, window);
  });
};

const hasNumber = (entry: IndexedSession, phoneNumber: string): boolean =>
  entry.owner.phoneNumber === phoneNumber ||
  entry.session.contacts.some((contact) => contact.phoneNumber === phoneNumber);

const toBody = (entry: IndexedSession): ZoomSmsSessionBody => ({
  session_id: entry.session.id,
  session_type: entry.session.type,
  last_access_time: toZoomTime(entry.lastAccessMs),
  participants: [
    {
      display_name: entry.owner.name,
      phone_number: entry.owner.phoneNumber,
      is_session_owner: true,
      owner: entry.owner.owner,
    },
    ...entry.session.contacts.map((contact) => ({
      ...(contact.name === undefined ? {} : { display_name: contact.name }),
      phone_number: contact.phoneNumber,
      is_session_owner: false,
    })),
  ],
});

/**
 * "Get user's SMS sessions", strictly as spec/zoom/phone-sms-openapi.json words it:
 * `me` is refused (Server-to-Server apps must name the user), parameters are validated before
 * the user is looked up, a `next_page_token` only continues the listing it was issued for.
 */
export const listSmsSessions = (context: ListSmsSessionsContext): DemoResponse => {
  const { query, userId } = context;
  if (userId.toLowerCase() === 'me') return zoomError(400, 300, 'Invalid user id.');
  const pageSize = parsePageSize(query);
  if (typeof pageSize !== 'number') return pageSize;
  const sessionType = param(query, 'session_type') ?? 'user';
  if (!isOneOf(SESSION_TYPES, sessionType)) {
    return zoomError(400, 400, 'SMS session type is invalid.');
  }
  const filterType = param(query, 'filter_type') ?? 'last_message_time';
  if (!isOneOf(FILTER_TYPES, filterType)) {
    return validationError('filter_type', `must be one of ${FILTER_TYPES.join(', ')}`);
  }
  const from = param(query, 'from');
  const to = param(query, 'to');
  const parsed = parseDateWindow(from, to, context.nowMs);
  if (!parsed.ok) {
    return parsed.error === 'missing-to'
      ? validationError('to', 'is required when from is given')
      : dateWindowError(parsed.error);
  }
  const user = context.index.findUser(userId);
  if (user === undefined) return zoomError(404, 1001, `User does not exist: ${userId}`);
  if (!user.hasPhone) {
    return zoomError(403, 2031, 'Zoom Phone has not been enabled for this user.');
  }
  const phoneNumber = param(query, 'phone_number');
  const binding = JSON.stringify([user.id, sessionType, filterType, from, to, phoneNumber]);
  const token = param(query, 'next_page_token');
  const state =
    token === undefined
      ? { offset: 0, window: parsed.window }
      : context.pageTokens.redeem(token, binding);
  if (state === undefined) return invalidPageToken();
  const matching = context.index
    .sessionsOf(user, sessionType)
    .filter(
      (entry) =>
        matchesTime(entry, filterType, state.window) &&
        (phoneNumber === undefined || hasNumber(entry, phoneNumber)),
    );
  const { page, nextPageToken } = takePage(matching, state, pageSize, (next) =>
    context.pageTokens.issue(binding, next),
  );
  const body: ZoomSmsSessionsPageBody = {
    next_page_token: nextPageToken,
    page_size: pageSize,
    sms_sessions: page.map(toBody),
  };
  return { status: 200, body };
};
