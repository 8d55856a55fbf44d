import type { InboxEvent } from '../../domain/inbox.js';
import type { AppLogger } from '../../logger.js';
import type { ZoomApi } from '../../zoom/types.js';
import type { DeliverJob } from './jobs.js';
import type { MessageTexts } from './message-texts.js';

/** How far either side of a text's time it is searched for in its session (two minutes). */
export const MESSAGE_LOOKUP_MARGIN_MS = 2 * 60 * 1000;

const zoomInstant = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** What {@link createTextRecall} needs. */
export interface TextRecallDeps {
  readonly texts: MessageTexts;
  /** Asked for a text this process does not hold (another replica received it, or a restart). */
  readonly zoom: Pick<ZoomApi, 'getSmsSessionDetails'>;
  readonly logger: AppLogger;
}

/**
 * The text of a queued delivery as this process received it, else as Zoom tells it again (`GET
 * /phone/sms/sessions/{id}` within {@link MESSAGE_LOOKUP_MARGIN_MS} of the text's time): the
 * queue never holds a text. `undefined` when neither can tell it (Zoom's failure is logged, by
 * code only), and the post goes out without it.
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/sms/sessions/{sessionId}
 */
export const createTextRecall =
  (deps: TextRecallDeps) =>
  async (job: DeliverJob): Promise<InboxEvent | undefined> => {
    const held = deps.texts.recall(job);
    if (held !== undefined || job.sentAt === undefined) return held;
    const at = Date.parse(job.sentAt);
    if (!Number.isFinite(at)) return undefined;
    try {
      const page = await deps.zoom.getSmsSessionDetails(job.sessionId, {
        from: zoomInstant(at - MESSAGE_LOOKUP_MARGIN_MS),
        to: zoomInstant(at + MESSAGE_LOOKUP_MARGIN_MS),
        pageSize: 100,
        order: 'newest-first',
      });
      const message = page.messages.find((m) => m.id === job.messageId);
      return message === undefined
        ? undefined
        : {
            kind: job.kind,
            accountId: '',
            // Parsed from JSON, which never holds `undefined`: the optional keys are absent.
            owner: job.owner as InboxEvent['owner'],
            message: { ...message, id: job.messageId, sessionId: job.sessionId },
          };
    } catch (error) {
      deps.logger.warn(
        { code: error instanceof Error && 'code' in error ? String(error.code) : 'unknown' },
        'Zoom could not tell a text again; it is delivered without it',
      );
      return undefined;
    }
  };
