import { createHash } from 'node:crypto';
import type { Participant, SmsMessage } from '../domain/sms.js';
import { AppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import type { ConversationCursor } from '../query/conversation-cursor.js';
import { toZoomInstant } from '../query/conversation-cursor.js';
import { MAX_PAGE_SIZE, type SessionQuery } from '../query/types.js';
import type { RenderContext, SubjectModel } from '../render/types.js';
import type { Store } from '../store/types.js';
import type { ZoomApi } from '../zoom/types.js';
import type { SessionsCore } from './sessions.js';
import type { SubjectGate } from './subject-gate.js';

/** Messages on one page of a conversation: 3 blocks each stays inside a modal's 100 blocks. */
export const CONVERSATION_PAGE_SIZE = 25;

/** How long "this session belongs to this Zoom user" is remembered: Zoom's page-token lifetime. */
export const OWNERSHIP_CACHE_TTL_MS = 15 * 60 * 1000;

/** Pages of the subject's listing searched for the session before it is refused. */
export const OWNERSHIP_MAX_PAGES = 3;

/** Seconds either side of a message's time searched for its session in the subject's listing. */
export const OWNERSHIP_PROBE_MARGIN_SECONDS = 60;

const OWNERSHIP_NAMESPACE = 'conversation-owner';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const PHONE_DIGITS = /^\d{4,15}$/;

/** One page of a conversation, ready for a renderer. */
export interface ConversationModel {
  readonly subject: SubjectModel;
  readonly cursor: ConversationCursor;
  /** Zoom's order: newest first. */
  readonly messages: readonly SmsMessage[];
  /** Zoom's token for the older page; `''` when this page holds the oldest messages. */
  readonly nextPageToken: string;
}

/** A page of a conversation with the viewer's context. */
export interface ConversationResult {
  readonly model: ConversationModel;
  readonly ctx: RenderContext;
}

/** Reading a conversation: the messages of one SMS session, page by page. */
export interface ConversationCore {
  /**
   * The page `cursor` points at, for `actor` (whoever clicked, never an id from the payload).
   * The actor must be allowed to see `cursor.subject` (else Zoom is not called), and the session
   * must be one of that subject's own (else nothing is shown); both outcomes are audited, as
   * `open` for the first page and `conversation-page` for Older / Newer.
   * @throws AppError `FORBIDDEN`, `BAD_BUTTON` (not the subject's session), `NOT_LINKED`,
   * `PAGE_EXPIRED` or a `ZOOM_*` code.
   */
  read(actor: string, cursor: ConversationCursor): Promise<ConversationResult>;
}

/** What {@link createConversationCore} needs. */
export interface ConversationCoreDeps {
  readonly zoom: ZoomApi;
  readonly gate: SubjectGate;
  readonly sessions: Pick<SessionsCore, 'viewerContext'>;
  readonly store: Pick<Store, 'cacheGet' | 'cacheSet'>;
  readonly logger: AppLogger;
}

/** A party's number as digits with country code (what the listing's phone filter takes). */
const digits = (party: Participant | undefined): string | undefined => {
  const number = party?.phoneNumber?.replace(/\D/g, '');
  return number !== undefined && PHONE_DIGITS.test(number) ? number : undefined;
};

/** A message to look the session up by: its time, and an outside party's number when there is one. */
const probeOf = (messages: readonly SmsMessage[]) => {
  const message = messages.find((m) => INSTANT.test(m.sentAt ?? ''));
  if (message?.sentAt === undefined) return undefined;
  const parties = [message.sender, ...message.recipients];
  const outside = parties.find((party) => party !== undefined && party.owner === undefined);
  return { at: message.sentAt, phoneNumber: digits(outside) ?? digits(message.sender) };
};

/**
 * Builds the conversation core. A session id in a button proves nothing, so before any message
 * is shown the session is looked up in the subject's own listing (Zoom's rule of who sees which
 * session, shared lines included): one of its messages gives a time and a number to narrow
 * `GET /phone/users/{userId}/sms/sessions` to a couple of minutes, `session_type=all`. A match
 * is remembered for {@link OWNERSHIP_CACHE_TTL_MS}, so Older / Newer cost one call each.
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/sms/sessions/{sessionId}
 */
export const createConversationCore = (deps: ConversationCoreDeps): ConversationCore => {
  /** A SHA-256 like every other cache key: no email reaches a Redis key or a SQLite row's key. */
  const ownershipKey = (zoomUser: string, sessionId: string) =>
    createHash('sha256')
      .update(JSON.stringify([zoomUser.toLowerCase(), sessionId]))
      .digest('hex');

  const isRemembered = async (key: string): Promise<boolean> => {
    try {
      return (await deps.store.cacheGet<boolean>(OWNERSHIP_NAMESPACE, key)) === true;
    } catch (error) {
      deps.logger.warn({ err: String(error) }, 'conversation ownership cache read failed');
      return false;
    }
  };

  const remember = async (key: string): Promise<void> => {
    try {
      await deps.store.cacheSet(OWNERSHIP_NAMESPACE, key, true, OWNERSHIP_CACHE_TTL_MS);
    } catch (error) {
      deps.logger.warn({ err: String(error) }, 'conversation ownership cache write failed');
    }
  };

  const belongsTo = async (
    zoomUser: string,
    sessionId: string,
    messages: readonly SmsMessage[],
  ): Promise<boolean> => {
    const key = ownershipKey(zoomUser, sessionId);
    if (await isRemembered(key)) return true;
    const probe = probeOf(messages);
    if (probe === undefined) return false;
    const at = Math.floor(Date.parse(probe.at) / 1000);
    const query: SessionQuery = {
      sessionType: 'all',
      filterType: 'sent_received_message_time',
      from: toZoomInstant(at - OWNERSHIP_PROBE_MARGIN_SECONDS),
      to: toZoomInstant(at + OWNERSHIP_PROBE_MARGIN_SECONDS),
      pageSize: MAX_PAGE_SIZE,
      ...(probe.phoneNumber === undefined ? {} : { phoneNumber: probe.phoneNumber }),
    };
    let token = '';
    for (let page = 0; page < OWNERSHIP_MAX_PAGES; page += 1) {
      const listed = await deps.zoom.listUserSmsSessions(zoomUser, query, token);
      if (listed.sessions.some((session) => session.id === sessionId)) {
        await remember(key);
        return true;
      }
      token = listed.nextPageToken;
      if (token === '') break;
    }
    return false;
  };

  return {
    read: async (actor, cursor) => {
      const ctx = await deps.sessions.viewerContext(actor);
      const model = await deps.gate.run(
        actor,
        cursor.subject,
        {
          action: cursor.page === 1 ? 'open' : 'conversation-page',
          filters: {
            session: cursor.sessionId,
            from: cursor.from,
            to: cursor.to,
            page: cursor.page,
          },
        },
        async (subject) => {
          const page = await deps.zoom.getSmsSessionDetails(cursor.sessionId, {
            from: cursor.from,
            to: cursor.to,
            pageSize: CONVERSATION_PAGE_SIZE,
            pageToken: cursor.token,
            order: 'newest-first',
          });
          if (
            page.messages.length > 0 &&
            !(await belongsTo(subject.zoomUser, cursor.sessionId, page.messages))
          ) {
            throw new AppError('BAD_BUTTON', "The session is not in the subject's listing");
          }
          return {
            value: { subject, cursor, messages: page.messages, nextPageToken: page.nextPageToken },
            resultCount: page.messages.length,
          };
        },
      );
      return { model, ctx };
    },
  };
};
