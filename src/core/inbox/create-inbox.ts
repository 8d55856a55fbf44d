import type { Clock } from '../../clock.js';
import type { AppLogger } from '../../logger.js';
import type { LeasedJob, Store } from '../../store/types.js';
import type { ZoomApi } from '../../zoom/types.js';
import type { AuditTrail } from '../audit-trail.js';
import { createDeliverer, DELIVERY_MAX_ATTEMPTS, type DeliveryOutcome } from './deliver.js';
import { createInboxIntake, type InboxIntake } from './intake.js';
import { inboxJobSchema } from './jobs.js';
import { createMessageTexts } from './message-texts.js';
import { createEventRouter, type SkipReason } from './route-event.js';
import type { InboxSlack } from './slack-port.js';
import type { TextActivityLog } from './text-activity.js';
import { createQueueWorker, type JobOutcome, type QueueWorker } from './worker.js';
import { createZoomToSlack } from './zoom-to-slack.js';

/** Recorders the inbox reports to; `Metrics` (src/metrics/metrics.ts) fits as is. */
export interface InboxMetrics {
  /** A post to Slack: delivered, retried, failed for good, or left out. */
  inboxDelivery(destination: 'dm' | 'channel', outcome: DeliveryOutcome): void;
  /** An event that goes nowhere, and why. */
  inboxSkipped(reason: SkipReason): void;
}

/** The inbox's settings, from configuration. */
export interface InboxSettings {
  /** `NOTIFY_DEFAULT`. */
  readonly notifyDefault: boolean;
  /** `NOTIFY_SHOW_TEXT`. */
  readonly showText: boolean;
  /** `SHARE_MASK_NUMBERS`. */
  readonly maskNumbersInChannels: boolean;
  /** `INBOX_CHANNEL_POSTS_PER_SECOND`. */
  readonly channelPostsPerSecond: number;
}

/** What {@link createInbox} needs from the composition root. */
export interface InboxDeps {
  readonly store: Store;
  readonly zoom: Pick<ZoomApi, 'getUser' | 'getSmsSessionDetails'>;
  readonly slack: InboxSlack;
  readonly audit: AuditTrail;
  /** Who is waiting for a reply: every text of a person's own number is noted here (times only). */
  readonly activity: Pick<TextActivityLog, 'record'>;
  readonly clock: Clock;
  readonly logger: AppLogger;
  readonly settings: InboxSettings;
  readonly metrics?: InboxMetrics;
  /** Overrides of the worker's timing (tests). */
  readonly worker?: { readonly pollMs?: number; readonly leaseMs?: number };
}

/** The inbox: takes verified events in, and works the queue in this process. */
export interface Inbox {
  readonly intake: InboxIntake;
  readonly worker: QueueWorker;
}

/**
 * The SMS inbox over the app's store, Zoom client, Slack and audit trail: the intake (dedupe,
 * then the queue) for the webhook adapter, and the worker that routes each event (a person's
 * direct message, or a line's routed channel) and posts it at Slack's pace per channel.
 */
export const createInbox = (deps: InboxDeps): Inbox => {
  const { store, clock } = deps;
  const logger = deps.logger.child({ component: 'inbox' });
  const texts = createMessageTexts(() => clock.now().getTime());
  const route = createEventRouter({
    store,
    people: createZoomToSlack({ store, zoom: deps.zoom, slack: deps.slack }),
    slack: deps.slack,
    notifyDefault: deps.settings.notifyDefault,
    logger,
  });
  const deliver = createDeliverer({
    store,
    slack: deps.slack,
    texts,
    zoom: deps.zoom,
    audit: deps.audit,
    clock,
    logger,
    showText: deps.settings.showText,
    maskNumbersInChannels: deps.settings.maskNumbersInChannels,
    channelPaceMs: Math.ceil(1000 / deps.settings.channelPostsPerSecond),
    onOutcome: (destination, outcome) => deps.metrics?.inboxDelivery(destination, outcome),
  });

  let worker: QueueWorker | undefined;
  const handle = async (leased: LeasedJob): Promise<JobOutcome> => {
    const parsed = inboxJobSchema.safeParse(leased.payload);
    if (!parsed.success) {
      logger.error({ lane: leased.lane.split(':')[0] }, 'unreadable queued job dropped');
      return { kind: 'done' };
    }
    const job = parsed.data;
    if (job.type === 'deliver') return deliver(job, leased.attempts);
    let outcome: Awaited<ReturnType<typeof route>>;
    try {
      outcome = await route(job);
    } catch (error) {
      if (leased.attempts + 1 < DELIVERY_MAX_ATTEMPTS) throw error;
      texts.forget(job);
      logger.error(
        {
          kind: job.kind,
          attempts: leased.attempts,
          err: { message: error instanceof Error ? error.message : String(error) },
        },
        'a text could not be routed after many tries and was given up',
      );
      deps.metrics?.inboxDelivery(job.owner.kind === 'user' ? 'dm' : 'channel', 'failed');
      return { kind: 'done' };
    }
    if (outcome.kind === 'skipped') {
      texts.forget(job);
      deps.metrics?.inboxSkipped(outcome.reason);
      logger.debug({ reason: outcome.reason, kind: job.kind }, 'text not delivered');
    } else {
      worker?.wake(outcome.lane);
    }
    return { kind: 'done' };
  };
  worker = createQueueWorker({
    store,
    clock,
    logger,
    handle,
    ...(deps.worker?.pollMs === undefined ? {} : { pollMs: deps.worker.pollMs }),
    ...(deps.worker?.leaseMs === undefined ? {} : { leaseMs: deps.worker.leaseMs }),
  });
  const running = worker;
  const intake = createInboxIntake({
    store,
    clock,
    texts,
    activity: deps.activity,
    wake: (lane) => running.wake(lane),
  });
  return { intake, worker: running };
};
