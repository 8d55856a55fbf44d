import { z } from 'zod';
import { toAppError } from '../../errors.js';
import type { Store } from '../../store/types.js';
import { readLinkGeneration } from '../../users/link-generation.js';
import type { ZoomApi } from '../../zoom/types.js';
import type { InboxSlack } from './slack-port.js';

/** How long "this Zoom user is that Slack person (or nobody)" is reused. */
export const ZOOM_TO_SLACK_TTL_MS = 10 * 60 * 1000;

const NAMESPACE = 'inbox-zoom-to-slack';

const cachedSchema = z.object({
  slackUserId: z.string().optional(),
  how: z.enum(['link', 'email', 'none']),
});

/** The Slack person a Zoom user's texts go to, and how the app found them. */
export type SlackRecipient = z.infer<typeof cachedSchema>;

/** Zoom user → Slack person: the listing's identity rules, in reverse. */
export interface ZoomToSlack {
  /**
   * An admin's link naming the Zoom user (by id or email) first; then the Zoom user's email
   * looked up in Slack (`users.lookupByEmail`), unless that person is linked to another Zoom user.
   * Cached in the store (every replica shares it) until it expires or any link is set or
   * removed ({@link readLinkGeneration}). `how: 'none'` when nobody matches.
   * @throws AppError for a Zoom or Slack failure a retry may fix.
   */
  resolve(zoomUserId: string): Promise<SlackRecipient>;
}

/** Builds the resolver over the store, Zoom (`GET /users/{id}`) and Slack. */
export const createZoomToSlack = (deps: {
  readonly store: Pick<Store, 'findLinkByZoomUser' | 'getLink' | 'cacheGet' | 'cacheSet'>;
  readonly zoom: Pick<ZoomApi, 'getUser'>;
  readonly slack: Pick<InboxSlack, 'lookupByEmail'>;
  readonly ttlMs?: number;
}): ZoomToSlack => {
  const { store } = deps;
  const ttlMs = deps.ttlMs ?? ZOOM_TO_SLACK_TTL_MS;

  const work = async (zoomUserId: string): Promise<SlackRecipient> => {
    const byId = await store.findLinkByZoomUser(zoomUserId);
    if (byId !== undefined) return { slackUserId: byId.slackUserId, how: 'link' };
    let email: string | undefined;
    try {
      email = (await deps.zoom.getUser(zoomUserId)).email?.toLowerCase();
    } catch (error) {
      if (toAppError(error).code === 'ZOOM_USER_NOT_FOUND') return { how: 'none' };
      throw error;
    }
    if (email === undefined || email === '') return { how: 'none' };
    const byEmail = await store.findLinkByZoomUser(email);
    if (byEmail !== undefined) return { slackUserId: byEmail.slackUserId, how: 'link' };
    const slackUserId = await deps.slack.lookupByEmail(email);
    if (slackUserId === undefined) return { how: 'none' };
    const own = await store.getLink(slackUserId);
    const names = new Set([zoomUserId.toLowerCase(), email]);
    if (own !== undefined && !names.has(own.zoomUser.toLowerCase())) return { how: 'none' };
    return { slackUserId, how: 'email' };
  };

  return {
    resolve: async (zoomUserId) => {
      const key = `${await readLinkGeneration(store)}:${zoomUserId}`;
      const cached = cachedSchema.safeParse(await store.cacheGet(NAMESPACE, key));
      if (cached.success) return cached.data;
      const found = await work(zoomUserId);
      await store.cacheSet(NAMESPACE, key, found, ttlMs);
      return found;
    },
  };
};
