import type {
  App,
  Middleware,
  RespondFn,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';
import { responseUrlOf } from './seal/sealed-respond.js';

/** What picks a block action's listener: its exact `action_id`, or a pattern of them. */
export type ActionMatch =
  | string
  | RegExp
  | { readonly type: 'block_actions'; readonly action_id: RegExp };

type CommandListener = Middleware<SlackCommandMiddlewareArgs>;
type ActionListener<A extends SlackAction> = Middleware<SlackActionMiddlewareArgs<A>>;
type ViewListener<V extends SlackViewAction> = Middleware<SlackViewMiddlewareArgs<V>>;

/**
 * Where the app's listeners register: Bolt's `event` as it is, `command` for one listener, and
 * `action` and `view` (the same signatures as Bolt's, for the forms the app uses) kept in a table.
 */
export interface Listeners {
  command(name: string, listener: CommandListener): void;
  readonly event: App['event'];
  action<A extends SlackAction = SlackAction>(
    match: ActionMatch,
    listener: ActionListener<A>,
  ): void;
  /** A `view_submission` by its `callback_id`. */
  view<V extends SlackViewAction = SlackViewAction>(
    callbackId: string,
    listener: ViewListener<V>,
  ): void;
}

/** How {@link createListeners} hands listeners their arguments. */
export interface ListenerOptions {
  /**
   * The `respond()` every listener gets for a request with a `response_url`, in place of Bolt's
   * (see `seal/sealed-respond.ts`); Bolt's when absent.
   */
  readonly respond?: (responseUrl: string) => RespondFn;
}

/** One block action listener or view listener, erased to what the dispatcher calls. */
type Stored = (args: never) => Promise<void>;

/**
 * Finds a listener by exact id, then by the patterns in registration order. An id registered
 * twice is a programming error, refused at start-up rather than run twice per click.
 */
class Table {
  private readonly exact = new Map<string, Stored>();
  private readonly patterns: { readonly pattern: RegExp; readonly listener: Stored }[] = [];

  constructor(private readonly kind: string) {}

  add(match: string | RegExp, listener: Stored): void {
    if (typeof match !== 'string') {
      this.patterns.push({ pattern: match, listener });
      return;
    }
    if (this.exact.has(match)) throw new Error(`${this.kind} ${match} has two listeners`);
    this.exact.set(match, listener);
  }

  find(id: string): Stored | undefined {
    const exact = this.exact.get(id);
    if (exact !== undefined) return exact;
    return this.patterns.find(({ pattern }) => pattern.test(id))?.listener;
  }
}

/**
 * Bolt runs every registered listener's middleware chain for every request it receives
 * (`App.processEvent`: a copy of each chain, an `async` call and an argument object per
 * middleware, then `Promise.allSettled` over all of them). With one registration per button,
 * that was some forty chains for every slash command, about a tenth of the app's CPU per
 * answer (docs/benchmarks.md). This registers one Bolt listener for every block action and one
 * for every view submission, and picks the app's listener from a table: the same listener gets
 * the same arguments (with `options.respond`'s `respond()`), and a click no listener wants is
 * left unacknowledged, as Bolt leaves it.
 */
export const createListeners = (app: App, options: ListenerOptions = {}): Listeners => {
  const actions = new Table('action_id');
  const views = new Table('callback_id');
  let actionsMounted = false;
  let viewsMounted = false;
  const withRespond = <T extends { readonly body: unknown; readonly respond?: RespondFn }>(
    args: T,
  ): T => {
    const url = options.respond === undefined ? undefined : responseUrlOf(args.body);
    return url === undefined || options.respond === undefined
      ? args
      : { ...args, respond: options.respond(url) };
  };

  return {
    command: (name, listener) => {
      app.command(name, (args) => listener(withRespond(args)));
    },
    event: app.event.bind(app),
    action: (match, listener) => {
      actions.add(
        typeof match === 'object' && 'action_id' in match ? match.action_id : match,
        listener as Stored,
      );
      if (actionsMounted) return;
      actionsMounted = true;
      app.action({ type: 'block_actions' }, async (args) => {
        const found = actions.find('action_id' in args.action ? args.action.action_id : '');
        if (found !== undefined) await found(withRespond(args) as never);
      });
    },
    view: (callbackId, listener) => {
      views.add(callbackId, listener as Stored);
      if (viewsMounted) return;
      viewsMounted = true;
      app.view({ type: 'view_submission' }, async (args) => {
        const found = views.find(args.view.callback_id);
        if (found !== undefined) await found(withRespond(args) as never);
      });
    },
  };
};
