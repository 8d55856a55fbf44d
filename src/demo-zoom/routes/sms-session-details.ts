import type { DatasetIndex, IndexedSession } from '../dataset-index.js';
import { parseDateWindow } from '../date-window.js';
import { type PageTokens, takePage } from '../page-tokens.js';
import { dateWindowError, param, parsePageSize } from '../query-params.js';
import { type DemoResponse, invalidPageToken, validationError, zoomError } from '../responses.js';
import type { DemoContact, DemoMessage } from '../types.js';
import type {
  ZoomSmsHistoryBody,
  ZoomSmsPartyBody,
  ZoomSmsSessionDetailsBody,
} from '../wire-types.js';

const DELIVERY_STATUSES = [
  'all',
  'received',
  'delivered',
  'failed_to_send',
  'sent',
  'failed_to_deliver',
  'unknown',
] as const;

/** Where to fetch an attachment; a reserved domain, since the demo serves no files. */
const DOWNLOAD_BASE_URL = 'https://example.com/zoom-demo/files/';

/** What `GET /phone/sms/sessions/{sessionId}` works with. */
export interface SmsSessionDetailsContext {
  readonly index: DatasetIndex;
  readonly pageTokens: PageTokens;
  readonly nowMs: number;
  readonly sessionId: string;
  readonly query: URLSearchParams;
}

const contactParty = (contact: DemoContact): ZoomSmsPartyBody => ({
  ...(contact.name === undefined ? {} : { display_name: contact.name }),
  phone_number: contact.phoneNumber,
});

const messageType = (
  entry: IndexedSession,
  message: DemoMessage,
): ZoomSmsHistoryBody['message_type'] => {
  const media = (message.attachments?.length ?? 0) > 0;
  if (entry.session.contacts.length > 1) return media ? 4 : 3;
  if (media) return 2;
  return entry.session.contacts.some((contact) => !contact.phoneNumber.startsWith('1')) ? 5 : 1;
};

const toHistory = (entry: IndexedSession, message: DemoMessage): ZoomSmsHistoryBody => {
  const ownerParty: ZoomSmsPartyBody = {
    display_name: entry.owner.name,
    phone_number: entry.owner.phoneNumber,
    owner: entry.owner.owner,
  };
  const sender =
    message.direction === 'out'
      ? ownerParty
      : contactParty(
          entry.session.contacts.find((c) => c.phoneNumber === message.senderNumber) ?? {
            phoneNumber: message.senderNumber,
          },
        );
  const others = entry.session.contacts
    .filter((contact) => contact.phoneNumber !== message.senderNumber)
    .map(contactParty);
  return {
    message_id: message.id,
    date_time: message.at,
    direction: message.direction === 'in' ? 'In' : 'Out',
    message: message.text,
    message_type: messageType(entry, message),
    delivery_status: message.status,
    sender,
    to_members: message.direction === 'in' ? [ownerParty, ...others] : others,
    ...(message.attachments === undefined
      ? {}
      : {
          attachments: message.attachments.map((attachment) => ({
            ...attachment,
            download_url: `${DOWNLOAD_BASE_URL}${attachment.id}`,
          })),
        }),
  };
};

/**
 * "Get SMS session details", strictly as spec/zoom/phone-sms-openapi.json words it: the
 * messages of one session within `from`/`to` (the past 30 days by default), optionally of one
 * `delivery_status`, oldest first unless `sort=2`, paged like the sessions list.
 */
export const smsSessionDetails = (context: SmsSessionDetailsContext): DemoResponse => {
  const { query } = context;
  const pageSize = parsePageSize(query);
  if (typeof pageSize !== 'number') return pageSize;
  const from = param(query, 'from');
  const to = param(query, 'to');
  const parsed = parseDateWindow(from, to, context.nowMs);
  if (!parsed.ok) {
    return parsed.error === 'missing-to'
      ? zoomError(400, 400, 'Requires from and to')
      : dateWindowError(parsed.error);
  }
  const status = param(query, 'delivery_status') ?? 'all';
  if (!(DELIVERY_STATUSES as readonly string[]).includes(status)) {
    return validationError('delivery_status', `must be one of ${DELIVERY_STATUSES.join(', ')}`);
  }
  const sort = param(query, 'sort') ?? '1';
  if (sort !== '1' && sort !== '2') return validationError('sort', 'must be 1 or 2');
  const entry = context.index.findSession(context.sessionId);
  if (entry === undefined) return zoomError(404, 7013, 'Error retrieving SMS history.');
  const binding = JSON.stringify([entry.session.id, from, to, status, sort]);
  const token = param(query, 'next_page_token');
  const state =
    token === undefined
      ? { offset: 0, window: parsed.window }
      : context.pageTokens.redeem(token, binding);
  if (state === undefined) return invalidPageToken();
  const matching = entry.session.messages.filter((message, i) => {
    const ms = entry.messageMs[i] ?? Number.NaN;
    const inWindow = ms >= state.window.fromMs && ms <= state.window.toMs;
    return inWindow && (status === 'all' || message.status === status);
  });
  if (sort === '2') matching.reverse();
  const { page, nextPageToken } = takePage(matching, state, pageSize, (next) =>
    context.pageTokens.issue(binding, next),
  );
  const body: ZoomSmsSessionDetailsBody = {
    next_page_token: nextPageToken,
    page_size: pageSize,
    sms_histories: page.map((message) => toHistory(entry, message)),
  };
  return { status: 200, body };
};
