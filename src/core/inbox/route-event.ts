import type { AppLogger } from '../../logger.js';
import type { Store } from '../../store/types.js';
import type { DeliverJob, EventJob } from './jobs.js';
import { slackLane } from './jobs.js';
import type { InboxSlack } from './slack-port.js';
import type { ZoomToSlack } from './zoom-to-slack.js';

/** How long a person's direct message channel id is reused (it never changes). */
export const DM_CHANNEL_TTL_MS = 24 * 60 * 60 * 1000;

const DM_NAMESPACE = 'inbox-dm-channel';

/** Why a text goes nowhere (counted, logged at debug, never an error). */
export type SkipReason = 'unmapped' | 'notify-off' | 'unrouted' | 'other-line' | 'no-thread';

/** Where one event goes: a post queued for one channel, or nowhere and why. */
export type RoutingOutcome =
  | { readonly kind: 'queued'; readonly job: DeliverJob; readonly lane: string }
  | { readonly kind: 'skipped'; readonly reason: SkipReason };

/** What {@link createEventRouter} needs. */
export interface EventRouterDeps {
  readonly store: Pick<Store, 'getNotify' | 'getRoute' | 'enqueueJob' | 'cacheGet' | 'cacheSet'>;
  readonly people: ZoomToSlack;
  readonly slack: Pick<InboxSlack, 'openDirectMessage'>;
  /** `NOTIFY_DEFAULT`: for people who never chose. */
  readonly notifyDefault: boolean;
  readonly logger: AppLogger;
}

/**
 * Works out where an event's text goes and queues the post there: a user's text to the Slack
 * person mapped to that Zoom user (a direct message, if they turned notifications on); a call
 * queue's or auto receptionist's text to the channel an admin routed it to.
 */
export const createEventRouter = (deps: EventRouterDeps) => {
  const { store } = deps;

  const dmChannel = async (slackUserId: string): Promise<string> => {
    const cached = await store.cacheGet<string>(DM_NAMESPACE, slackUserId);
    if (typeof cached === 'string') return cached;
    const channel = await deps.slack.openDirectMessage(slackUserId);
    await store.cacheSet(DM_NAMESPACE, slackUserId, channel, DM_CHANNEL_TTL_MS);
    return channel;
  };

  const queue = async (job: DeliverJob): Promise<RoutingOutcome> => {
    const lane = slackLane(job.channelId);
    await store.enqueueJob(lane, job);
    return { kind: 'queued', job, lane };
  };

  return async (event: EventJob): Promise<RoutingOutcome> => {
    const { owner } = event;
    const base = {
      kind: event.kind,
      messageId: event.messageId,
      sessionId: event.sessionId,
      ...(event.sentAt === undefined ? {} : { sentAt: event.sentAt }),
      owner,
    };
    if (owner.kind === 'user') {
      if (owner.zoomUserId === undefined) return { kind: 'skipped', reason: 'unmapped' };
      const person = await deps.people.resolve(owner.zoomUserId);
      if (person.slackUserId === undefined) return { kind: 'skipped', reason: 'unmapped' };
      const on = (await store.getNotify(person.slackUserId)) ?? deps.notifyDefault;
      if (!on) return { kind: 'skipped', reason: 'notify-off' };
      return queue({
        type: 'deliver',
        ...base,
        channelId: await dmChannel(person.slackUserId),
        destination: 'dm',
        slackUserId: person.slackUserId,
      });
    }
    if (owner.kind === 'call_queue' || owner.kind === 'auto_receptionist') {
      const route = owner.lineId === undefined ? undefined : await store.getRoute(owner.lineId);
      if (route === undefined) return { kind: 'skipped', reason: 'unrouted' };
      return queue({
        type: 'deliver',
        ...base,
        channelId: route.channelId,
        destination: 'channel',
        lineId: route.lineId,
      });
    }
    return { kind: 'skipped', reason: 'other-line' };
  };
};

/** Routes one event job. */
export type EventRouter = ReturnType<typeof createEventRouter>;
