import { createHmac } from 'node:crypto';
import type { Clock } from '../clock.js';
import { ZOOM_PAGE_TOKEN_LIFETIME_MS } from '../zoom/platform-facts.js';
import type { DateWindow } from './date-window.js';

/** Zoom's `next_page_token` lifetime. */
export const PAGE_TOKEN_TTL_MS = ZOOM_PAGE_TOKEN_LIFETIME_MS;

const TOKEN_LENGTH = 35;

/** Where a listing stands: what a `next_page_token` stands for. */
export interface PageState {
  /** Items already returned. */
  readonly offset: number;
  /** The window of the first page, kept so a default "past 30 days" does not slide. */
  readonly window: DateWindow;
}

/** Issues and redeems `next_page_token`s for one kind of listing. */
export interface PageTokens {
  /** A new token standing for `state` of the listing described by `binding`. */
  issue(binding: string, state: PageState): string;
  /**
   * The state behind `token` when it was issued for the same `binding` less than 15 minutes
   * ago (on the injected clock), otherwise `undefined`. A token can be redeemed many times,
   * as a Previous button replays earlier ones.
   */
  redeem(token: string, binding: string): PageState | undefined;
}

interface Issued {
  readonly binding: string;
  readonly state: PageState;
  readonly issuedAt: number;
}

/**
 * Opaque tokens like Zoom's (35 letters and digits), deterministic per `secret` and `label`:
 * an HMAC of a counter, so two runs of the same test see the same tokens.
 */
export const createPageTokens = (options: {
  readonly clock: Clock;
  readonly secret: string;
  readonly label: string;
}): PageTokens => {
  const issued = new Map<string, Issued>();
  let counter = 0;
  const isFresh = (entry: Issued, now: number): boolean =>
    now - entry.issuedAt <= PAGE_TOKEN_TTL_MS;
  return {
    issue: (binding, state) => {
      const now = options.clock.now().getTime();
      for (const [token, entry] of issued) if (!isFresh(entry, now)) issued.delete(token);
      counter += 1;
      const token = createHmac('sha512', options.secret)
        .update(`${options.label}:${counter}`)
        .digest('base64')
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, TOKEN_LENGTH);
      issued.set(token, { binding, state, issuedAt: now });
      return token;
    },
    redeem: (token, binding) => {
      const entry = issued.get(token);
      if (entry === undefined || entry.binding !== binding) return undefined;
      return isFresh(entry, options.clock.now().getTime()) ? entry.state : undefined;
    },
  };
};

/**
 * One page of `items` from `state`, and the token of the next page (`""` on the last one, as
 * Zoom sends it).
 */
export const takePage = <T>(
  items: readonly T[],
  state: PageState,
  pageSize: number,
  next: (state: PageState) => string,
): { readonly page: readonly T[]; readonly nextPageToken: string } => {
  const end = state.offset + pageSize;
  return {
    page: items.slice(state.offset, end),
    nextPageToken: end < items.length ? next({ offset: end, window: state.window }) : '',
  };
};
