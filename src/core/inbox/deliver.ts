import type { Clock } from '../../clock.js';
import type { AppLogger } from '../../logger.js';
import { renderInboxMessage } from '../../render/inbox-message.js';
import { renderInboxSendFailed } from '../../render/inbox-send-failed.js';
import type { Store } from '../../store/types.js';
import type { ZoomApi } from '../../zoom/types.js';
import type { AuditTrail } from '../audit-trail.js';
import { createDeliveryModel } from './delivery-model.js';
import type { DeliverJob } from './jobs.js';
import type { MessageTexts } from './message-texts.js';
import { createTextRecall } from './recall-text.js';
import { type InboxSlack, InboxSlackError } from './slack-port.js';
import type { JobOutcome } from './worker.js';
import { backoffMs } from './worker.js';

/** Tries of one post before a transient Slack failure is given up (with an error logged). */
export const DELIVERY_MAX_ATTEMPTS = 12;

/** Wait after `rate_limited` when Slack sent no `Retry-After`. */
export const SLACK_RATE_LIMIT_DEFAULT_WAIT_MS = 1_000;

/** How long a permanent failure of one channel is logged only once. */
export const PERMANENT_ERROR_LOG_TTL_MS = 24 * 60 * 60 * 1000;

/** What became of one delivery, for the metrics. */
export type DeliveryOutcome = 'delivered' | 'retried' | 'failed' | 'skipped';

/** What {@link createDeliverer} needs. */
export interface DelivererDeps {
  readonly store: Pick<Store, 'getThread' | 'putThread' | 'getRoute' | 'putRoute' | 'claimOnce'>;
  readonly slack: Pick<InboxSlack, 'postMessage'>;
  /** Texts this process received (src/core/inbox/recall-text.ts reads them). */
  readonly texts: MessageTexts;
  /** Asked for a text this process does not hold (another replica received it, or a restart). */
  readonly zoom: Pick<ZoomApi, 'getSmsSessionDetails'>;
  readonly audit: AuditTrail;
  readonly clock: Clock;
  readonly logger: AppLogger;
  /** `NOTIFY_SHOW_TEXT`. */
  readonly showText: boolean;
  /** `SHARE_MASK_NUMBERS`, for channel posts. */
  readonly maskNumbersInChannels: boolean;
  /** The pause between two posts to one channel (Slack allows about one a second). */
  readonly channelPaceMs: number;
  /** Time zone of the fallback text of date tokens (each viewer sees their own). */
  readonly timeZone?: string;
  readonly onOutcome?: (destination: DeliverJob['destination'], outcome: DeliveryOutcome) => void;
}

/**
 * Posts one queued text to its channel: the session's first post there starts a thread (whose
 * `ts` the store keeps, shared by replicas), later ones reply in it; a sent text with no thread
 * here is left out (nobody was told of the session yet), but a text that failed to send starts
 * one (someone must learn it did not go, with **Reply** at hand), and is rendered as such
 * (`renderInboxSendFailed`). Slack's answers decide what follows: `rate_limited` waits
 * `Retry-After` and keeps the job first in its lane (nothing dropped, order kept); a permanent
 * error (archived, not in channel, app removed) is recorded on the route, logged once and the
 * post dropped; anything else is retried with backoff. Every delivery is audited: who was told
 * of whose session, never the text.
 */
export const createDeliverer = (deps: DelivererDeps) => {
  const { store, clock, logger } = deps;
  const report = (job: DeliverJob, outcome: DeliveryOutcome) =>
    deps.onOutcome?.(job.destination, outcome);

  const model = createDeliveryModel({
    recall: createTextRecall(deps),
    store,
    clock,
    showText: deps.showText,
    maskNumbersInChannels: deps.maskNumbersInChannels,
  });

  const recordPermanent = async (job: DeliverJob, code: string): Promise<void> => {
    const at = clock.now();
    if (job.lineId !== undefined) {
      const route = await store.getRoute(job.lineId);
      if (route !== undefined && route.channelId === job.channelId) {
        await store.putRoute({ ...route, lastError: { code, at: at.toISOString() } });
      }
    }
    const first = await store.claimOnce(
      `inbox-error-logged:${job.channelId}:${code}`,
      PERMANENT_ERROR_LOG_TTL_MS,
      at,
    );
    if (first) {
      logger.error(
        { channel: job.channelId, destination: job.destination, line: job.lineId, code },
        'Slack refused a text notification for good; texts for this channel are dropped until it is fixed',
      );
    }
  };

  const audit = (job: DeliverJob, allowed: boolean, reason?: string) =>
    deps.audit.record({
      actorSlackUserId: job.slackUserId ?? job.channelId,
      ...(job.slackUserId === undefined ? {} : { subjectSlackUserId: job.slackUserId }),
      ...(job.owner.zoomUserId === undefined ? {} : { subjectZoomUser: job.owner.zoomUserId }),
      action: 'notify',
      filters: {
        session: job.sessionId,
        channel: job.channelId,
        direction: job.kind === 'received' ? 'in' : 'out',
        ...(job.lineId === undefined ? {} : { line: job.lineId }),
      },
      allowed,
      ...(reason === undefined ? {} : { reason }),
    });

  return async (job: DeliverJob, attempts: number): Promise<JobOutcome> => {
    const thread = await store.getThread(job.sessionId, job.channelId);
    if (job.kind === 'sent' && thread === undefined) {
      report(job, 'skipped');
      deps.texts.forget(job);
      return { kind: 'done' };
    }
    const render = job.kind === 'failed' ? renderInboxSendFailed : renderInboxMessage;
    const rendered = render(await model(job, thread === undefined ? 'first' : 'thread'), {
      now: clock.now(),
      timeZone: deps.timeZone ?? 'UTC',
    });
    try {
      const posted = await deps.slack.postMessage({
        channel: job.channelId,
        text: rendered.text,
        blocks: rendered.blocks,
        ...(thread === undefined ? {} : { threadTs: thread.threadTs }),
      });
      if (thread === undefined) {
        await store.putThread({
          sessionId: job.sessionId,
          channelId: job.channelId,
          threadTs: posted.ts,
          ...(job.owner.zoomUserId === undefined ? {} : { ownerZoomUserId: job.owner.zoomUserId }),
          ...(job.lineId === undefined ? {} : { lineId: job.lineId }),
        });
      }
      deps.texts.forget(job);
      report(job, 'delivered');
      await audit(job, true);
      return { kind: 'done', laneReadyAt: new Date(clock.now().getTime() + deps.channelPaceMs) };
    } catch (caught) {
      const error =
        caught instanceof InboxSlackError
          ? caught
          : new InboxSlackError('request_failed', undefined, { cause: caught });
      const now = clock.now().getTime();
      if (error.code === 'rate_limited') {
        report(job, 'retried');
        const waitMs = error.retryAfterMs ?? SLACK_RATE_LIMIT_DEFAULT_WAIT_MS;
        return { kind: 'retry', retryAt: new Date(now + waitMs) };
      }
      if (error.permanent) {
        await recordPermanent(job, error.code);
        report(job, 'failed');
        deps.texts.forget(job);
        await audit(job, false, error.code);
        return { kind: 'done' };
      }
      if (attempts + 1 >= DELIVERY_MAX_ATTEMPTS) {
        logger.error(
          { channel: job.channelId, destination: job.destination, code: error.code, attempts },
          'a text notification failed too many times and was given up',
        );
        report(job, 'failed');
        deps.texts.forget(job);
        await audit(job, false, error.code);
        return { kind: 'done' };
      }
      logger.warn(
        { channel: job.channelId, destination: job.destination, code: error.code, attempts },
        'Slack did not take a text notification; it will be retried',
      );
      report(job, 'retried');
      return {
        kind: 'retry',
        retryAt: new Date(now + (error.retryAfterMs ?? backoffMs(attempts))),
      };
    }
  };
};

/** Delivers one post job. */
export type Deliverer = ReturnType<typeof createDeliverer>;
