import { createHash } from 'node:crypto';
import type { AppLogger } from '../logger.js';
import type { Store } from '../store/types.js';
import { type Coalescer, createCoalescer } from './coalesce.js';
import { decorateZoomApi, type ZoomMethod } from './decorate.js';
import type { ZoomApi } from './types.js';

/**
 * The operations whose answers are cached and coalesced, by the name metrics and the store
 * namespace give them. Only reads belong here; any other operation passes straight through.
 * Session details are left out on purpose: they hold the text of people's messages, which must
 * not rest in SQLite or Redis, even for seconds.
 */
export const CACHED_OPERATIONS: Readonly<Partial<Record<ZoomMethod, string>>> = {
  listUserSmsSessions: 'sessions',
  getUser: 'user',
  getPhoneUser: 'phone-user',
};

/** Store namespaces carry a version, changed whenever a cached shape does. */
const NAMESPACE_VERSION = 'v2';

/** Counts cache hits and misses; `Metrics` (src/metrics/metrics.ts) fits as is. */
export interface ZoomCacheMetrics {
  zoomCacheHit(kind: string): void;
  zoomCacheMiss(kind: string): void;
}

/** Options for {@link createCachedZoom}. */
export interface CachedZoomOptions {
  readonly zoom: ZoomApi;
  /** The app's store: Redis with several replicas, so every replica reads what one fetched. */
  readonly store: Pick<Store, 'cacheGet' | 'cacheSet'>;
  /** How long an answer is served from the cache (`ZOOM_CACHE_TTL_SECONDS`); `0` turns it off. */
  readonly ttlMs: number;
  readonly logger: AppLogger;
  readonly coalescer?: Coalescer;
  readonly metrics?: ZoomCacheMetrics;
}

const canonical = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value)
          .filter(([, entry]) => entry !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([name, entry]) => [name, canonical(entry)]),
      )
    : value;

/**
 * The cache key of one Zoom request: a SHA-256 of everything that decides its answer (the Zoom
 * user, every query field, the page token), so equal requests share a key whatever the order of
 * their fields, and no email or phone number appears in a Redis key.
 */
export const zoomCacheKey = (kind: string, parts: readonly unknown[]): string =>
  createHash('sha256')
    .update(JSON.stringify([kind, ...parts.map(canonical)]))
    .digest('hex');

/**
 * A `ZoomApi` that answers from the store's short-lived cache when it can and makes identical
 * requests in flight at once share one call (src/zoom/coalesce.ts). A page fetched less than
 * `ttlMs` ago costs no Zoom call, so Previous, Next and a re-opened Home tab are free; page
 * tokens live 15 minutes at Zoom, far longer than any sensible TTL. Errors are never cached.
 * The store failing is logged and costs only the cache, never the answer.
 * https://developers.zoom.us/docs/api/rest/rate-limits/#best-practices-for-handling-errors
 */
export const createCachedZoom = (options: CachedZoomOptions): ZoomApi => {
  const { store, ttlMs, logger, metrics } = options;
  const coalescer = options.coalescer ?? createCoalescer();
  const warn = (error: unknown, what: string) =>
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, what);

  return decorateZoomApi(options.zoom, (method, args, call) => {
    const kind = CACHED_OPERATIONS[method];
    if (kind === undefined) return call();
    const namespace = `zoom:${NAMESPACE_VERSION}:${kind}`;
    const key = zoomCacheKey(kind, args);
    return coalescer.run(key, async () => {
      if (ttlMs > 0) {
        const hit = await store
          .cacheGet<Awaited<ReturnType<typeof call>>>(namespace, key)
          .catch((error: unknown) => {
            warn(error, 'Zoom cache read failed');
            return undefined;
          });
        if (hit !== undefined) {
          metrics?.zoomCacheHit(kind);
          return hit;
        }
      }
      metrics?.zoomCacheMiss(kind);
      const fresh = await call();
      if (ttlMs > 0) {
        await store.cacheSet(namespace, key, fresh, ttlMs).catch((error: unknown) => {
          warn(error, 'Zoom cache write failed');
        });
      }
      return fresh;
    });
  });
};
