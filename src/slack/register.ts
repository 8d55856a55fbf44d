import type { App } from '@slack/bolt';
import { registerPagingActions } from './actions/paging.js';
import { registerSmsSessionsCommand } from './commands/sms-sessions.js';
import type { SlackDeps } from './deps.js';

/** Registers every listener, as slack-samples/bolt-ts-starter-template does, with the app's deps. */
export const registerListeners = (app: App, deps: SlackDeps): void => {
  registerSmsSessionsCommand(app, deps);
  registerPagingActions(app, deps);
};
