import { z } from 'zod';
import type { InboxEvent } from '../../domain/inbox.js';

/**
 * The inbox's two kinds of queued work, as stored: ids and routing facts only, never a message's
 * text, a name or a number (those stay in memory, {@link MessageTexts}).
 *
 * - `event` (lane `event:<sessionId>`): a text Zoom reported (received, sent, or failed to send);
 *   working it out finds where it goes.
 *   One lane per session keeps a session's texts in order.
 * - `deliver` (lane `slack:<channelId>`): one post to one Slack channel. One lane per channel
 *   keeps Slack's pace per channel and a session's texts in order in it.
 */
const ownerSchema = z.object({
  kind: z.enum(['user', 'call_queue', 'auto_receptionist', 'shared_line_group', 'other']),
  zoomUserId: z.string().optional(),
  lineId: z.string().optional(),
  senderZoomUserId: z.string().optional(),
});

const common = {
  kind: z.enum(['received', 'sent', 'failed']),
  messageId: z.string(),
  sessionId: z.string(),
  sentAt: z.string().optional(),
  owner: ownerSchema,
};

export const eventJobSchema = z.object({ type: z.literal('event'), ...common });

export const deliverJobSchema = z.object({
  type: z.literal('deliver'),
  ...common,
  channelId: z.string(),
  destination: z.enum(['dm', 'channel']),
  /** The person a direct message is for. */
  slackUserId: z.string().optional(),
  /** The routed line of a channel post. */
  lineId: z.string().optional(),
});

export const inboxJobSchema = z.discriminatedUnion('type', [eventJobSchema, deliverJobSchema]);

export type EventJob = z.infer<typeof eventJobSchema>;
export type DeliverJob = z.infer<typeof deliverJobSchema>;
export type InboxJob = z.infer<typeof inboxJobSchema>;

/** Lane of a session's events. */
export const eventLane = (sessionId: string): string => `event:${sessionId}`;

/** Lane of a Slack channel's posts. */
export const slackLane = (channelId: string): string => `slack:${channelId}`;

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The stored form of a received event: no text, names or numbers. */
export const toEventJob = (event: InboxEvent): EventJob =>
  defined({
    type: 'event' as const,
    kind: event.kind,
    messageId: event.message.id,
    sessionId: event.message.sessionId,
    sentAt: event.message.sentAt,
    owner: defined({ ...event.owner }),
  });
