import type { InboxRoute, InboxThread } from '../../domain/inbox.js';
import { AppError, type ReplyRefusal } from '../../errors.js';
import type { Store } from '../../store/types.js';
import type { IdentityResolver } from '../../users/resolve-identity.js';
import type { ZoomApi } from '../../zoom/types.js';
import type { FindOwnLine } from '../inbox/own-line.js';
import type { TextActivityLog } from '../inbox/text-activity.js';

/**
 * Which conversation a Reply is about: a session, in the thread of one Slack channel; without a
 * channel, a conversation of the replier's own number waiting for a reply on the Home tab.
 */
export interface ReplyTarget {
  readonly sessionId: string;
  readonly channelId?: string;
}

/**
 * Why a person may reply: they are the line's owner (`ownerZoomUserId`; `thread` when the
 * conversation has one in Slack), or the route lets them.
 */
export type ReplyGrant =
  | {
      readonly kind: 'owner';
      readonly thread?: InboxThread;
      readonly ownerZoomUserId: string;
      readonly zoomUser: string;
    }
  | { readonly kind: 'route'; readonly thread: InboxThread; readonly route: InboxRoute };

/** Whether a Slack person is a member of a channel (`conversations.members`). */
export type ChannelMembership = (channelId: string, slackUserId: string) => Promise<boolean>;

/** What {@link createReplyAccess} needs. */
export interface ReplyAccessDeps {
  readonly store: Pick<Store, 'getThread' | 'getRoute'>;
  readonly identities: Pick<IdentityResolver, 'resolve'>;
  readonly zoom: Pick<ZoomApi, 'getUser'>;
  readonly isChannelMember: ChannelMembership;
  /** The replier's own Zoom user id, for a conversation of their own number without a thread. */
  readonly ownLine: FindOwnLine;
  /** Whether the app noted a text of that conversation of that number. */
  readonly activity: Pick<TextActivityLog, 'knows'>;
}

/** Decides, on the server and at the moment of asking, who may reply in a conversation. */
export interface ReplyAccess {
  /**
   * The grant of `actor` (whoever clicked or submitted, never an id from the payload) for
   * `target`; `target` is only a key into the store's threads, which the app itself wrote.
   * @throws AppError `REPLY_FORBIDDEN` (`detail.refusal` says why), or the Zoom or Slack error
   * that kept the question from being answered.
   */
  check(actor: string, target: ReplyTarget): Promise<ReplyGrant>;
}

const refuse = (refusal: ReplyRefusal): AppError =>
  new AppError('REPLY_FORBIDDEN', `Reply refused: ${refusal}`, { detail: { refusal } });

/**
 * The reply rule of the SMS inbox. A person's session: only the Slack person whose Zoom user owns
 * it (the same identity resolution as every listing: an admin's link, else the profile email,
 * compared with the owner's Zoom id, through `GET /users/{userId}` when the identity is an
 * email). A call queue's or auto receptionist's session: only the people its route allows, by
 * list or by membership of the routed channel, asked of Slack at that moment. Nobody else, and
 * being an admin of the app grants nothing: a reply sends from a number, and only those who
 * could send from it may. A conversation named without a channel (Reply on the Home tab) is
 * the replier's only if it is one of their own number the app noted a text of: the key is
 * their own Zoom user, never anything in the button.
 * https://developers.zoom.us/docs/api/phone/#tag/sms/POST/phone/sms/messages
 */
export const createReplyAccess = (deps: ReplyAccessDeps): ReplyAccess => {
  const isOwner = async (actor: string, ownerZoomUserId: string): Promise<string | undefined> => {
    let zoomUser: string;
    try {
      ({ zoomUser } = await deps.identities.resolve(actor));
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_LINKED') return undefined;
      throw error;
    }
    if (zoomUser.toLowerCase() === ownerZoomUserId.toLowerCase()) return zoomUser;
    try {
      const user = await deps.zoom.getUser(zoomUser);
      return user.id === ownerZoomUserId ? zoomUser : undefined;
    } catch (error) {
      if (error instanceof AppError && error.code === 'ZOOM_USER_NOT_FOUND') return undefined;
      throw error;
    }
  };

  const routeAllows = async (
    actor: string,
    route: InboxRoute,
  ): Promise<ReplyRefusal | undefined> => {
    switch (route.reply.kind) {
      case 'nobody':
        return 'route-nobody';
      case 'people':
        return route.reply.slackUserIds.includes(actor) ? undefined : 'not-on-reply-list';
      case 'channel-members':
        return (await deps.isChannelMember(route.channelId, actor))
          ? undefined
          : 'not-channel-member';
    }
  };

  const ownConversation = async (actor: string, sessionId: string): Promise<ReplyGrant> => {
    const line = await deps.ownLine(actor);
    if (line === undefined) throw refuse('not-owner');
    if (!(await deps.activity.knows(line.zoomUserId, sessionId))) {
      throw refuse('unknown-conversation');
    }
    return { kind: 'owner', ownerZoomUserId: line.zoomUserId, zoomUser: line.zoomUser };
  };

  return {
    check: async (actor, target) => {
      if (target.channelId === undefined) return ownConversation(actor, target.sessionId);
      const thread = await deps.store.getThread(target.sessionId, target.channelId);
      if (thread === undefined) throw refuse('unknown-conversation');
      if (thread.lineId !== undefined) {
        const route = await deps.store.getRoute(thread.lineId);
        if (route === undefined) throw refuse('no-route');
        const refusal = await routeAllows(actor, route);
        if (refusal !== undefined) throw refuse(refusal);
        return { kind: 'route', thread, route };
      }
      if (thread.ownerZoomUserId === undefined) throw refuse('unknown-conversation');
      const zoomUser = await isOwner(actor, thread.ownerZoomUserId);
      if (zoomUser === undefined) throw refuse('not-owner');
      return { kind: 'owner', thread, ownerZoomUserId: thread.ownerZoomUserId, zoomUser };
    },
  };
};
