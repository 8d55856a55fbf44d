import { randomUUID } from 'node:crypto';
import type { Store } from '../store/types.js';
import { type HomeFilters, parseHomeFilters } from './home-filters.js';

/**
 * How long a person's Home filters are kept after their last change: long enough that the tab
 * reopens as they left it after a holiday, short enough that abandoned entries go away.
 */
export const HOME_FILTERS_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * Opening the Home tab again within this window neither asks Zoom nor publishes the view again:
 * Slack sends `app_home_opened` on every visit to the tab, and `views.publish` is Tier 4.
 * https://docs.slack.dev/reference/events/app_home_opened
 */
export const HOME_OPEN_DEBOUNCE_MS = 5_000;

/**
 * How long the newest update of a person's Home tab is remembered; far longer than one update
 * takes (Zoom's retries and Slack's included), so an older update never mistakes itself for the
 * newest one.
 */
export const HOME_UPDATE_TTL_MS = 5 * 60 * 1000;

const FILTERS = 'home-filters';
const OPENED = 'home-opened';
const LATEST = 'home-latest-update';

/**
 * What the Home tab keeps between requests, in the shared store (every replica sees it; Socket
 * Mode hands each payload to any one connection): each person's filters, when their tab was
 * last opened, and which of their updates is the newest.
 */
export interface HomeState {
  /** The person's filters, or the defaults. */
  filters(slackUserId: string): Promise<HomeFilters>;
  saveFilters(slackUserId: string, filters: HomeFilters): Promise<void>;
  /**
   * `true` for the first opening of the tab in {@link HOME_OPEN_DEBOUNCE_MS}, which should
   * refresh it; `false` for a repeat, which should be left alone.
   */
  claimOpen(slackUserId: string): Promise<boolean>;
  /** Registers a new update of the person's tab as the newest; returns its ticket. */
  beginUpdate(slackUserId: string): Promise<string>;
  /**
   * Whether the update with `ticket` is still the newest, so it may publish. An update whose
   * record has expired is still the newest: a newer one would have left its own record.
   */
  isLatestUpdate(slackUserId: string, ticket: string): Promise<boolean>;
}

/** What {@link createHomeState} needs; `newTicket` is a seam for tests. */
export interface HomeStateDeps {
  readonly store: Store;
  readonly newTicket?: () => string;
}

/** The Home tab's state in the app's {@link Store}; times follow the store's clock. */
export const createHomeState = (deps: HomeStateDeps): HomeState => {
  const { store } = deps;
  const newTicket = deps.newTicket ?? randomUUID;
  return {
    filters: async (slackUserId) => parseHomeFilters(await store.cacheGet(FILTERS, slackUserId)),
    saveFilters: (slackUserId, filters) =>
      store.cacheSet(FILTERS, slackUserId, filters, HOME_FILTERS_TTL_MS),
    claimOpen: async (slackUserId) => {
      if ((await store.cacheGet(OPENED, slackUserId)) !== undefined) return false;
      await store.cacheSet(OPENED, slackUserId, true, HOME_OPEN_DEBOUNCE_MS);
      return true;
    },
    beginUpdate: async (slackUserId) => {
      const ticket = newTicket();
      await store.cacheSet(LATEST, slackUserId, ticket, HOME_UPDATE_TTL_MS);
      return ticket;
    },
    isLatestUpdate: async (slackUserId, ticket) => {
      const latest = await store.cacheGet(LATEST, slackUserId);
      return latest === undefined || latest === ticket;
    },
  };
};
