import type { App } from '@slack/bolt';
import { registerAuditDetailsAction } from './actions/audit-details.js';
import { registerConversationPagingActions } from './actions/conversation-paging.js';
import { registerExportCsvAction } from './actions/export-csv.js';
import { registerHelpActions } from './actions/help.js';
import { registerHomeExportAction } from './actions/home-export.js';
import { registerHomeFilterActions } from './actions/home-filters.js';
import { registerHomeFiltersModal } from './actions/home-filters-modal.js';
import { registerHomeNotifyAction } from './actions/home-notify.js';
import { registerHomePagingActions } from './actions/home-paging.js';
import { registerHomeShareActions } from './actions/home-share.js';
import { registerLinkChoiceActions } from './actions/link-choice.js';
import { registerOpenSessionActions } from './actions/open-session.js';
import { registerPagingActions } from './actions/paging.js';
import { registerReplyActions } from './actions/reply.js';
import { registerShareAction } from './actions/share.js';
import { registerSmsSessionsCommand } from './commands/sms-sessions.js';
import type { SlackDeps } from './deps.js';
import { registerAppHomeOpened } from './events/app-home-opened.js';
import { createListeners, type ListenerOptions } from './listener-table.js';

/**
 * Registers every listener, as slack-samples/bolt-ts-starter-template does, with the app's deps;
 * block actions and view submissions through one Bolt listener each ({@link createListeners}).
 */
export const registerListeners = (
  bolt: App,
  deps: SlackDeps,
  options: ListenerOptions = {},
): void => {
  const app = createListeners(bolt, options);
  registerSmsSessionsCommand(app, deps);
  registerPagingActions(app, deps);
  registerAppHomeOpened(app, deps);
  registerHomeFilterActions(app, deps);
  registerHomeFiltersModal(app, deps);
  registerHomeExportAction(app, deps);
  registerHomeShareActions(app, deps);
  registerHomePagingActions(app, deps);
  registerHomeNotifyAction(app, deps);
  registerOpenSessionActions(app, deps);
  registerConversationPagingActions(app, deps);
  registerExportCsvAction(app, deps);
  registerShareAction(app, deps);
  registerHelpActions(app, deps);
  registerLinkChoiceActions(app, deps);
  registerAuditDetailsAction(app, deps);
  registerReplyActions(app, deps);
};
