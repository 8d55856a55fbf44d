import type { Store } from '../store/types.js';
import type { PersonCache, SlackPerson } from './slack-directory.js';

/** How long a Slack profile is trusted before `users.info` is asked again. */
export const PERSON_CACHE_TTL_MS = 10 * 60 * 1000;

/** Versioned: entries written before people carried their team are not read as members. */
const NAMESPACE = 'slack-person:v2';

/**
 * People cached in the store, so every replica shares them (Redis) and a restart keeps them
 * (SQLite); entries expire after {@link PERSON_CACHE_TTL_MS}.
 */
export const createStorePersonCache = (store: Store, ttlMs = PERSON_CACHE_TTL_MS): PersonCache => ({
  get: (slackUserId) => store.cacheGet<SlackPerson>(NAMESPACE, slackUserId),
  set: (slackUserId, person) => store.cacheSet(NAMESPACE, slackUserId, person, ttlMs),
});
