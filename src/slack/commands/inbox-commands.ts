import {
  renderNotify,
  renderRouteOutcome,
  renderRoutes,
  renderUnroute,
} from '../../render/inbox-admin.js';
import type { RenderedMessage } from '../../render/types.js';
import type { SlackDeps } from '../deps.js';
import type { InboxCommand } from './inbox-grammar.js';

/**
 * Runs one inbox subcommand (`notify`, `route`, `unroute`, `routes`) for `actor`, the person who
 * typed it. Who may run what is the core's decision (routes are for admins); refusals arrive as
 * `AppError`s for the caller's `deliver` to explain.
 */
export const runInboxCommand = async (
  command: InboxCommand,
  actor: string,
  deps: SlackDeps,
): Promise<RenderedMessage> => {
  switch (command.kind) {
    case 'notify': {
      const state = await deps.inbox.notify(actor, command.on);
      return renderNotify({ ...state, changed: command.on !== undefined });
    }
    case 'route':
      return renderRouteOutcome(
        await deps.inbox.route(actor, {
          line: command.line,
          channelId: command.channelId,
          reply: command.reply,
        }),
      );
    case 'unroute':
      return renderUnroute(command.line, await deps.inbox.unroute(actor, command.line));
    case 'routes':
      return renderRoutes(await deps.inbox.routes(actor), await deps.core.viewerContext(actor));
  }
};
