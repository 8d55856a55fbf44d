import { z } from 'zod';
import type { RoutableLineKind, SharedLine } from '../../domain/inbox.js';
import type { Store } from '../../store/types.js';
import type { ZoomApi } from '../../zoom/types.js';
import type { LineDirectory } from './inbox-admin.js';

/** How long the account's lines are reused before Zoom is asked again. */
export const LINES_CACHE_TTL_MS = 5 * 60 * 1000;

/** Pages read of each kind (100 lines a page). */
export const LINES_MAX_PAGES = 5;

const NAMESPACE = 'inbox-lines';

const cachedSchema = z.array(
  z.object({
    id: z.string(),
    kind: z.enum(['call_queue', 'auto_receptionist']),
    name: z.string(),
  }),
);

/** The account's call queues and auto receptionists from Zoom, cached in the store. */
export const createLineDirectory = (deps: {
  readonly zoom: Pick<ZoomApi, 'listSharedLines'>;
  readonly store: Pick<Store, 'cacheGet' | 'cacheSet'>;
}): LineDirectory => {
  const listKind = async (kind: RoutableLineKind): Promise<SharedLine[]> => {
    const lines: SharedLine[] = [];
    let token = '';
    for (let page = 0; page < LINES_MAX_PAGES; page += 1) {
      const answer = await deps.zoom.listSharedLines(kind, token);
      lines.push(...answer.lines);
      token = answer.nextPageToken;
      if (token === '') break;
    }
    return lines;
  };
  return {
    listLines: async () => {
      const cached = cachedSchema.safeParse(await deps.store.cacheGet(NAMESPACE, 'all'));
      if (cached.success) return cached.data;
      const lines = [...(await listKind('call_queue')), ...(await listKind('auto_receptionist'))];
      await deps.store.cacheSet(NAMESPACE, 'all', lines, LINES_CACHE_TTL_MS);
      return lines;
    },
  };
};
