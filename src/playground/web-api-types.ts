import type { Clock } from '../clock.js';
import type { AppLogger } from '../logger.js';
import type { Files } from './files.js';
import type { HomeViews } from './home-views.js';
import type { Modals } from './modals.js';
import type { PlaygroundPerson } from './people.js';
import type { Timeline } from './timeline.js';
import type { Triggers } from './triggers.js';
import type { Visitors } from './visitors.js';
import type { WebApiArgs } from './web-api-args.js';

/** Slack's Web API answers 200 with `ok: false` for errors in the call itself. */
export type WebApiResult = Record<string, unknown> & { readonly ok: boolean };

/** One Web API method. */
export type WebApiMethod = (args: WebApiArgs) => WebApiResult;

/** What the Web API reads and changes. */
export interface WebApiDeps {
  readonly people: readonly PlaygroundPerson[];
  readonly timeline: Timeline;
  readonly homes: HomeViews;
  readonly modals: Modals;
  readonly files: Files;
  readonly triggers: Triggers;
  readonly clock: Clock;
  readonly logger: AppLogger;
  /** Which browser tab last acted as each person, for what only that person sees. */
  readonly visitors?: Visitors;
  /** The playground's own origin, given back by `auth.test` as the workspace URL. */
  readonly origin: () => string;
  /** The only bot token accepted: made for this run ({@link newPlaygroundBotToken}). */
  readonly botToken: string;
}

/** Slack's shape for a failed call. */
export const fail = (error: string): WebApiResult => ({ ok: false, error });
