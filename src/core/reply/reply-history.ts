import type { Clock } from '../../clock.js';
import type { SmsMessage } from '../../domain/sms.js';
import { toZoomInstant } from '../../query/conversation-cursor.js';
import type { ZoomApi } from '../../zoom/types.js';

/** How far back a reply looks for the conversation's messages: Zoom's one-month window. */
export const REPLY_HISTORY_DAYS = 30;

/** Messages read for a reply: enough to find every participant and show the last few. */
export const REPLY_HISTORY_PAGE_SIZE = 20;

/**
 * The newest messages of a session within the past month (`GET /phone/sms/sessions/{sessionId}`,
 * newest first), as the reply modal shows them and as a send reads its numbers from. Message
 * text is never cached (src/zoom/cached-zoom.ts leaves session details out).
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
    return page.messages;
  };
