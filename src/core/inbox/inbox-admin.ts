import type { Clock } from '../../clock.js';
import type { InboxRoute, RouteReplyPolicy, SharedLine } from '../../domain/inbox.js';
import { AppError } from '../../errors.js';
import type { Store } from '../../store/types.js';
import type { AccessPolicy } from '../../users/access.js';
import type { AuditTrail } from '../audit-trail.js';
import type { ChannelCheck, InboxSlack } from './slack-port.js';

/** The account's call queues and auto receptionists (from Zoom, cached by the implementation). */
export interface LineDirectory {
  /** @throws AppError with a `ZOOM_*` code. */
  listLines(): Promise<readonly SharedLine[]>;
}

/** What `/sms-sessions route` did. */
export type RouteOutcome =
  | {
      readonly kind: 'routed';
      readonly route: InboxRoute;
      /** The channel the line went to before, when it moved. */
      readonly previousChannelId?: string;
    }
  | {
      readonly kind: 'line-not-found';
      readonly typed: string;
      readonly known: readonly SharedLine[];
    }
  | {
      readonly kind: 'line-ambiguous';
      readonly typed: string;
      readonly candidates: readonly SharedLine[];
    }
  | { readonly kind: 'channel-unusable'; readonly channelId: string; readonly code: string };

/** One route as `routes` shows it: the stored route and whether the app can post there now. */
export interface RouteStatus {
  readonly route: InboxRoute;
  readonly check: ChannelCheck;
}

/** The admin side of the inbox (routes) and each person's notification switch. */
export interface InboxAdmin {
  /**
   * Routes a call queue or auto receptionist (by id, or by name: exact, then a unique partial
   * match, in any case) to a channel the app can post in, with who may reply from there.
   * @throws AppError `ADMIN_ONLY`, or a `ZOOM_*` code when Zoom cannot list the lines.
   */
  route(
    actor: string,
    request: {
      readonly line: string;
      readonly channelId: string;
      readonly reply: RouteReplyPolicy;
    },
  ): Promise<RouteOutcome>;
  /** Removes a line's route (by id or the routed line's name). @throws AppError `ADMIN_ONLY`. */
  unroute(actor: string, line: string): Promise<InboxRoute | undefined>;
  /** Every route with a fresh channel check. @throws AppError `ADMIN_ONLY`. */
  routes(actor: string): Promise<readonly RouteStatus[]>;
  /** The person's notification switch: sets it when `on` is given; resolves to what applies now. */
  notify(actor: string, on?: boolean): Promise<{ readonly on: boolean; readonly chosen: boolean }>;
}

const fold = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Finds the line `typed` names: its id, its whole name, or a unique part of a name. */
export const matchLine = (
  typed: string,
  lines: readonly SharedLine[],
): { readonly line?: SharedLine | undefined; readonly candidates: readonly SharedLine[] } => {
  const byId = lines.find((line) => line.id === typed.trim());
  if (byId !== undefined) return { line: byId, candidates: [byId] };
  const wanted = fold(typed);
  const exact = lines.filter((line) => fold(line.name) === wanted);
  if (exact.length === 1) return { line: exact[0], candidates: exact };
  if (exact.length > 1) return { candidates: exact };
  const partial = lines.filter((line) => fold(line.name).includes(wanted));
  return partial.length === 1 ? { line: partial[0], candidates: partial } : { candidates: partial };
};

/** Builds the inbox's admin commands over the store, the access policy, Zoom's lines and Slack. */
export const createInboxAdmin = (deps: {
  readonly store: Pick<
    Store,
    'putRoute' | 'getRoute' | 'deleteRoute' | 'listRoutes' | 'getNotify' | 'setNotify'
  >;
  readonly access: Pick<AccessPolicy, 'isAdmin'>;
  readonly lines: LineDirectory;
  readonly slack: Pick<InboxSlack, 'checkChannel'>;
  readonly audit: AuditTrail;
  readonly clock: Clock;
  /** `NOTIFY_DEFAULT`. */
  readonly notifyDefault: boolean;
}): InboxAdmin => {
  const { store } = deps;
  const requireAdmin = async (actor: string, command: string): Promise<void> => {
    if (await deps.access.isAdmin(actor)) return;
    await deps.audit.record({
      actorSlackUserId: actor,
      action: command,
      filters: {},
      allowed: false,
      reason: 'ADMIN_ONLY',
    });
    throw new AppError('ADMIN_ONLY', `${command} is for admins`, { detail: { value: command } });
  };

  return {
    route: async (actor, request) => {
      await requireAdmin(actor, 'route');
      const lines = await deps.lines.listLines();
      const { line, candidates } = matchLine(request.line, lines);
      if (line === undefined) {
        return candidates.length > 1
          ? { kind: 'line-ambiguous', typed: request.line, candidates }
          : { kind: 'line-not-found', typed: request.line, known: lines };
      }
      const check = await deps.slack.checkChannel(request.channelId);
      if (!check.ok)
        return { kind: 'channel-unusable', channelId: request.channelId, code: check.code };
      const previous = await store.getRoute(line.id);
      const route: InboxRoute = {
        lineId: line.id,
        lineKind: line.kind,
        lineName: line.name,
        channelId: request.channelId,
        reply: request.reply,
        createdBy: actor,
        createdAt: deps.clock.now().toISOString(),
      };
      await store.putRoute(route);
      await deps.audit.record({
        actorSlackUserId: actor,
        action: 'route',
        filters: { line: line.id, channel: request.channelId, reply: request.reply.kind },
        allowed: true,
      });
      return {
        kind: 'routed',
        route,
        ...(previous !== undefined && previous.channelId !== route.channelId
          ? { previousChannelId: previous.channelId }
          : {}),
      };
    },
    unroute: async (actor, typed) => {
      await requireAdmin(actor, 'unroute');
      const routes = await store.listRoutes();
      const { line } = matchLine(
        typed,
        routes.map((r) => ({ id: r.lineId, kind: r.lineKind, name: r.lineName })),
      );
      const route = line === undefined ? undefined : routes.find((r) => r.lineId === line.id);
      if (route === undefined) return undefined;
      await store.deleteRoute(route.lineId);
      await deps.audit.record({
        actorSlackUserId: actor,
        action: 'unroute',
        filters: { line: route.lineId, channel: route.channelId },
        allowed: true,
      });
      return route;
    },
    routes: async (actor) => {
      await requireAdmin(actor, 'routes');
      const routes = await store.listRoutes();
      return Promise.all(
        routes.map(async (route) => ({
          route,
          check: await deps.slack.checkChannel(route.channelId),
        })),
      );
    },
    notify: async (actor, on) => {
      if (on !== undefined) {
        await store.setNotify(actor, on);
        await deps.audit.record({
          actorSlackUserId: actor,
          subjectSlackUserId: actor,
          action: on ? 'notify-on' : 'notify-off',
          filters: {},
          allowed: true,
        });
        return { on, chosen: true };
      }
      const chosen = await store.getNotify(actor);
      return { on: chosen ?? deps.notifyDefault, chosen: chosen !== undefined };
    },
  };
};
