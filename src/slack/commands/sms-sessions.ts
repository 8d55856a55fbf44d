import type { ListingStart } from '../../core/listing-start.js';
import { renderHelp } from '../../render/help.js';
import { renderSessionsPage } from '../../render/sessions-page.js';
import { deliverCommand } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { listingOptions } from '../listing-options.js';
import { viewerModel } from '../viewer.js';
import { parseCommand } from './grammar.js';
import { runIdentityCommand } from './identity-commands.js';
import { runInboxCommand } from './inbox-commands.js';
import type { InboxCommand } from './inbox-grammar.js';

const INBOX_KINDS: ReadonlySet<string> = new Set(['notify', 'route', 'unroute', 'routes']);

const isInboxCommand = (parsed: { readonly kind: string }): parsed is InboxCommand =>
  INBOX_KINDS.has(parsed.kind);

/** The slash command as declared in manifest.yml. */
export const SLASH_COMMAND = '/sms-sessions';

/**
 * `/sms-sessions [target] [from:DATE] …`: parse, ask the core for page 1 and answer ephemerally,
 * in the ack when the answer is ready at once, otherwise through the command's `response_url`
 * after an empty ack (Slack allows 3 seconds; see {@link deliverCommand}). The identity
 * subcommands (`link`, `unlink`, `who`, `whoami`, `audit`) go to {@link runIdentityCommand}.
 * https://docs.slack.dev/interactivity/implementing-slash-commands
 */
export const registerSmsSessionsCommand = (app: Listeners, deps: SlackDeps): void => {
  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    const actor = command.user_id;
    const logger = deps.logger.child({ kind: 'command', user: actor });
    let start: ListingStart | undefined;
    await deliverCommand(
      {
        ack: (answer) => ack(answer === undefined ? undefined : deps.sealAck(answer)),
        respond,
        logger,
        replaceOriginal: false,
        viewerContext: () => deps.core.viewerContext(actor),
        viewer: () => viewerModel(deps.access, actor),
        recovery: () => (start === undefined ? {} : { retry: start.cursor }),
        now: () => deps.clock.now(),
      },
      async () => {
        const parsed = parseCommand(command.text);
        if (parsed.kind === 'help') {
          return renderHelp(await deps.core.viewerContext(actor), {
            isAdmin: await deps.access.isAdmin(actor),
            home: { teamId: command.team_id, appId: command.api_app_id },
          });
        }
        if (isInboxCommand(parsed)) return runInboxCommand(parsed, actor, deps);
        if (parsed.kind !== 'list') return runIdentityCommand(parsed, actor, deps);
        start = await deps.core.start(actor, parsed.args);
        const { model, ctx } = await deps.core.page(actor, start.cursor, start.notes, 'list');
        return renderSessionsPage(model, ctx, listingOptions(deps.sharing));
      },
    );
  });
};
