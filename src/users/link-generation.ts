import { randomUUID } from 'node:crypto';
import type { Store } from '../store/types.js';

const NAMESPACE = 'links-generation';
const KEY = 'all';

/**
 * How long a generation is kept: far longer than any cache that depends on it, so a lost one
 * only ever costs a fresh lookup.
 */
export const LINK_GENERATION_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * The current generation of the admins' links: a name that changes whenever a link is set or
 * removed, on every replica (it is in the store). A cache of anything derived from links (the
 * inbox's "this Zoom user's texts go to that person") puts it in its keys, so a changed link
 * is seen at once rather than when the cache expires. `initial` until the first change.
 */
export const readLinkGeneration = async (store: Pick<Store, 'cacheGet'>): Promise<string> => {
  const value = await store.cacheGet<unknown>(NAMESPACE, KEY);
  return typeof value === 'string' ? value : 'initial';
};

/** Starts a new generation: every cache keyed by the old one misses from now on. */
export const nextLinkGeneration = (store: Pick<Store, 'cacheSet'>): Promise<void> =>
  store.cacheSet(NAMESPACE, KEY, randomUUID(), LINK_GENERATION_TTL_MS);
