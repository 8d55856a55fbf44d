import type { Instant, Participant, SmsSession } from '../../domain/sms.js';
import type { AppLogger } from '../../logger.js';
import { toZoomInstant } from '../../query/conversation-cursor.js';
import type { ZoomApi } from '../../zoom/types.js';
import type { FindOwnLine } from './own-line.js';
import { lastReplyFailed, type TextActivityLog } from './text-activity.js';

/** Conversations missing from the page shown whose contact is asked of Zoom, at most, per view. */
export const UNANSWERED_LOOKUPS_MAX = 3;

/** How far before the text a contact lookup reads (one message, newest first). */
const LOOKUP_WINDOW_SECONDS = 24 * 60 * 60;

/** One conversation of the person's own number waiting for their reply. */
export interface UnansweredConversation {
  readonly sessionId: string;
  /** When the text that waits for a reply came in. */
  readonly receivedAt: Instant;
  /** `true` when the newest text that went out is one Zoom reported failed (never delivered). */
  readonly replyFailed?: boolean;
  /**
   * Who wrote it, when known: from the listing the person is looking at, or asked of Zoom for a
   * few; held in memory for this view only, never stored.
   */
  readonly contact?: Participant;
}

/** The Home tab's section of conversations waiting for a reply. */
export type FindUnanswered = (
  actor: string,
  known: readonly SmsSession[],
) => Promise<readonly UnansweredConversation[]>;

const contactIn = (session: SmsSession): Participant | undefined =>
  session.participants.find((party) => !party.isOwner);

/**
 * The actor's own conversations waiting for a reply, newest first: their own line (never anyone
 * else's, whoever they look at), the times the inbox noted (no text stored; whether the last
 * reply failed is read from them too), and each contact from `known` (the sessions of the page
 * the person is shown) or, for up to {@link UNANSWERED_LOOKUPS_MAX} others, the newest message
 * Zoom has of it (`GET /phone/sms/sessions/{sessionId}`, through the app's rate limiter; a failed
 * lookup leaves the contact unknown). Empty for a person with no Zoom user.
 * @throws AppError when the person's line or the store cannot be read.
 */
export const createUnanswered =
  (deps: {
    readonly ownLine: FindOwnLine;
    readonly activity: Pick<TextActivityLog, 'unanswered'>;
    readonly zoom: Pick<ZoomApi, 'getSmsSessionDetails'>;
    readonly logger: AppLogger;
  }): FindUnanswered =>
  async (actor, known) => {
    const line = await deps.ownLine(actor);
    if (line === undefined) return [];
    const waiting = await deps.activity.unanswered(line.zoomUserId);
    const byId = new Map(known.map((session) => [session.id, session]));
    let lookups = 0;
    const lookUp = async (sessionId: string, receivedAt: Instant) => {
      if (lookups >= UNANSWERED_LOOKUPS_MAX) return undefined;
      lookups += 1;
      const to = Math.floor(Date.parse(receivedAt) / 1000) + 60;
      try {
        const page = await deps.zoom.getSmsSessionDetails(sessionId, {
          from: toZoomInstant(to - LOOKUP_WINDOW_SECONDS),
          to: toZoomInstant(to),
          pageSize: 1,
          order: 'newest-first',
        });
        const message = page.messages[0];
        return message?.direction === 'in'
          ? message.sender
          : message?.recipients.find((party) => !party.isOwner);
      } catch (error) {
        deps.logger.info(
          { err: { message: error instanceof Error ? error.message : String(error) } },
          'the contact of a conversation waiting for a reply could not be read',
        );
        return undefined;
      }
    };
    return Promise.all(
      waiting.flatMap((entry) => {
        if (entry.lastInboundAt === undefined) return [];
        const receivedAt = entry.lastInboundAt;
        const listed = byId.get(entry.sessionId);
        const contact = Promise.resolve(
          listed === undefined ? lookUp(entry.sessionId, receivedAt) : contactIn(listed),
        );
        return [
          contact.then((found) => ({
            sessionId: entry.sessionId,
            receivedAt,
            ...(lastReplyFailed(entry) ? { replyFailed: true } : {}),
            ...(found === undefined ? {} : { contact: found }),
          })),
        ];
      }),
    );
  };
