import type { Clock } from '../../clock.js';
import type { Participant, SmsMessage } from '../../domain/sms.js';
import { toZoomInstant } from '../../query/conversation-cursor.js';
import type { ZoomSmsHistory, ZoomSmsParty } from '../../zoom/schemas.js';
import type { ZoomApi } from '../../zoom/types.js';

/** How far back a reply looks for the conversation's messages: Zoom's one-month window. */
export const REPLY_HISTORY_DAYS = 30;

/** Messages read for a reply: enough to find every participant and show the last few. */
export const REPLY_HISTORY_PAGE_SIZE = 20;

const e164 = (digits: string | undefined) =>
  digits === undefined || digits === ''
    ? undefined
    : digits.startsWith('+')
      ? digits
      : `+${digits}`;

const party = (source: ZoomSmsParty): Participant => {
  const phoneNumber = e164(source.phone_number);
  return {
    ...(source.display_name === undefined ? {} : { name: source.display_name }),
    ...(phoneNumber === undefined ? {} : { phoneNumber }),
    isOwner: false,
    ...(source.owner === undefined
      ? {}
      : {
          owner: {
            ...(source.owner.id === undefined ? {} : { id: source.owner.id }),
            kind: 'other' as const,
          },
        }),
  };
};

const message = (source: ZoomSmsHistory, sessionId: string): SmsMessage => ({
  id: source.message_id ?? '',
  sessionId,
  ...(source.date_time === undefined ? {} : { sentAt: source.date_time }),
  direction: source.direction === 'In' ? 'in' : source.direction === 'Out' ? 'out' : 'unknown',
  ...(source.message === undefined ? {} : { text: source.message }),
  status: 'unknown',
  isGroup: (source.to_members?.length ?? 0) > 1,
  ...(source.sender === undefined ? {} : { sender: party(source.sender) }),
  recipients: (source.to_members ?? []).map(party),
  attachments: (source.attachments ?? []).map(() => ({ kind: 'file' as const })),
});

/**
 * The newest messages of a session within the past month (`GET /phone/sms/sessions/{sessionId}`,
 * newest first), as the reply modal shows them and as a send reads its numbers from.
 */
export const createReplyHistory =
  (zoom: Pick<ZoomApi, 'getSmsSessionDetails'>, clock: Clock) =>
  async (sessionId: string): Promise<readonly SmsMessage[]> => {
    const nowSeconds = Math.floor(clock.now().getTime() / 1000);
    const page = await zoom.getSmsSessionDetails(sessionId, {
      from: toZoomInstant(nowSeconds - REPLY_HISTORY_DAYS * 86_400),
      to: toZoomInstant(nowSeconds),
      pageSize: REPLY_HISTORY_PAGE_SIZE,
      order: 'newest-first',
    });
    return page.messages.map((entry) => message(entry, sessionId));
  };
