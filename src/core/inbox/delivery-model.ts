import type { Clock } from '../../clock.js';
import type { InboxEvent } from '../../domain/inbox.js';
import type { DeliveryStatus, Participant } from '../../domain/sms.js';
import type { Subject } from '../../domain/subject.js';
import { encodeConversationCursor, openingCursor } from '../../query/conversation-cursor.js';
import type { InboxMessageModel } from '../../render/inbox-message.js';
import type { Store } from '../../store/types.js';
import type { DeliverJob } from './jobs.js';

/** What {@link createDeliveryModel} needs. */
export interface DeliveryModelDeps {
  /** The text of the job, held or told again by Zoom (src/core/inbox/recall-text.ts). */
  readonly recall: (job: DeliverJob) => Promise<InboxEvent | undefined>;
  readonly store: Pick<Store, 'getRoute'>;
  readonly clock: Clock;
  /** `NOTIFY_SHOW_TEXT`. */
  readonly showText: boolean;
  /** `SHARE_MASK_NUMBERS`, for channel posts. */
  readonly maskNumbersInChannels: boolean;
}

/** What a text's status is when neither this replica nor Zoom can tell it. */
const STATUS_OF_KIND: Readonly<Record<DeliverJob['kind'], DeliveryStatus>> = {
  received: 'received',
  sent: 'sent',
  failed: 'failed',
};

const contactOf = (event: InboxEvent | undefined): Participant | undefined => {
  if (event === undefined) return undefined;
  const { message } = event;
  return event.kind === 'received'
    ? message.sender
    : (message.recipients.find((p) => !p.isOwner) ?? message.recipients[0]);
};

/** Whose conversation a post opens: the person told in a DM, else the line's Zoom user. */
const subjectOf = (job: DeliverJob): Subject | undefined => {
  if (job.destination === 'dm' && job.slackUserId !== undefined) {
    return { kind: 'slack-user', slackUserId: job.slackUserId };
  }
  return job.owner.zoomUserId === undefined
    ? undefined
    : { kind: 'zoom-user', zoomUser: job.owner.zoomUserId };
};

/**
 * What one post of a queued text shows (src/render/inbox-message.ts): the contact and, for a text
 * sent, its author; the routed line's name; the text itself only with `NOTIFY_SHOW_TEXT` (else,
 * and when nobody can tell it any more, `textKnown` says so); its status, attachments and why it
 * failed; numbers masked in channel posts with `SHARE_MASK_NUMBERS`; and the cursor of **Open
 * conversation**, at the text's own time.
 */
export const createDeliveryModel =
  (deps: DeliveryModelDeps) =>
  async (job: DeliverJob, position: InboxMessageModel['position']): Promise<InboxMessageModel> => {
    const { store, clock } = deps;
    const event = await deps.recall(job);
    const subject = subjectOf(job);
    const route = job.lineId === undefined ? undefined : await store.getRoute(job.lineId);
    const openValue =
      subject === undefined
        ? undefined
        : encodeConversationCursor(openingCursor(job.sessionId, subject, job.sentAt, clock.now()));
    const contact = contactOf(event);
    const author =
      event !== undefined && event.kind !== 'received' ? event.message.sender : undefined;
    return {
      kind: job.kind,
      position,
      sessionId: job.sessionId,
      channelId: job.channelId,
      ...(contact === undefined ? {} : { contact }),
      ...(author === undefined ? {} : { author }),
      ...(route === undefined ? {} : { lineName: route.lineName }),
      ...(deps.showText && event?.message.text !== undefined ? { text: event.message.text } : {}),
      textKnown: event !== undefined,
      ...(job.sentAt === undefined ? {} : { sentAt: job.sentAt }),
      status: event?.message.status ?? STATUS_OF_KIND[job.kind],
      attachments: event?.message.attachments ?? [],
      maskNumbers: job.destination === 'channel' && deps.maskNumbersInChannels,
      ...(openValue === undefined ? {} : { openValue }),
      ...(event?.failureReason === undefined ? {} : { failureReason: event.failureReason }),
    };
  };
