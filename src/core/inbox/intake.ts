import type { Clock } from '../../clock.js';
import type { InboxEvent } from '../../domain/inbox.js';
import type { Store } from '../../store/types.js';
import { eventLane, toEventJob } from './jobs.js';
import { heldTextRefOf, type MessageTexts } from './message-texts.js';
import { type TextActivityLog, textActivityOf } from './text-activity.js';

/** How long a Zoom message id is remembered: Zoom retries for about 85 minutes; a day and more. */
export const ZOOM_MESSAGE_DEDUPE_TTL_MS = 2 * 24 * 60 * 60 * 1000;

/** The dedupe key of a Zoom message (shared with replies sent from Slack: see the contract). */
export const zoomMessageKey = (messageId: string): string => `zoom-message:${messageId}`;

/**
 * The dedupe key of Zoom's report that a message failed to send. Zoom reports the failure under
 * the message id its `phone.sms_sent` (or a reply shown from Slack) already claimed with
 * {@link zoomMessageKey}, so a failure claims its own key: it is told once, and never taken for
 * a repeat of the text.
 */
export const zoomFailureKey = (messageId: string): string => `zoom-message-failed:${messageId}`;

/** The key an event claims: {@link zoomFailureKey} for a failure, else {@link zoomMessageKey}. */
export const claimKeyOf = (event: InboxEvent): string =>
  event.kind === 'failed' ? zoomFailureKey(event.message.id) : zoomMessageKey(event.message.id);

/** What became of one event. */
export type IntakeOutcome = 'queued' | 'duplicate';

/** Takes a verified event in: once per Zoom message, durable before Zoom hears 200. */
export interface InboxIntake {
  /**
   * Claims the message id ({@link claimKeyOf}: a failure apart from its text), once on every
   * replica, for {@link ZOOM_MESSAGE_DEDUPE_TTL_MS}; notes when a text of a person's own number
   * came in, went out or failed to go out (times only: who waits for a reply), keeps the text in
   * memory and queues the work in the store. Rejects (having given the claim back) when the store
   * cannot take it, so Zoom's redelivery is handled again.
   */
  accept(event: InboxEvent): Promise<IntakeOutcome>;
}

/** Builds the intake; `wake` tells this process's worker a lane has work. */
export const createInboxIntake = (deps: {
  readonly store: Pick<Store, 'claimOnce' | 'releaseClaim' | 'enqueueJob'>;
  readonly clock: Clock;
  readonly texts: MessageTexts;
  readonly activity: Pick<TextActivityLog, 'record'>;
  readonly wake: (lane: string) => void;
}): InboxIntake => ({
  accept: async (event) => {
    const key = claimKeyOf(event);
    if (!(await deps.store.claimOnce(key, ZOOM_MESSAGE_DEDUPE_TTL_MS, deps.clock.now()))) {
      return 'duplicate';
    }
    const lane = eventLane(event.message.sessionId);
    deps.texts.remember(event);
    try {
      const activity = textActivityOf(event, deps.clock.now());
      if (activity !== undefined) await deps.activity.record(activity);
      await deps.store.enqueueJob(lane, toEventJob(event));
    } catch (error) {
      deps.texts.forget(heldTextRefOf(event));
      await deps.store.releaseClaim(key).catch(() => undefined);
      throw error;
    }
    deps.wake(lane);
    return 'queued';
  },
});
