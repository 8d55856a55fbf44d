import { type CustomRoute, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import { systemClock } from '../clock.js';
import type { Config } from '../config.js';
import { type AppLogger, toBoltLogger } from '../logger.js';
import type { Store } from '../store/types.js';
import { createBodyBudget } from './body.js';
import { BODIES_IN_FLIGHT_MAX_BYTES, createSlackDoor, SLACK_BODY_MAX_BYTES } from './slack-door.js';

/** Where Slack posts commands, interactions and events (Bolt's default endpoint; the manifest's URLs). */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * What the HTTP receiver's door needs beyond the configuration. It reads the system clock, not
 * the app's: Slack stamps requests with the wall time.
 */
export interface DoorDeps {
  readonly logger: AppLogger;
  readonly store: Store;
}

/**
 * Slack's way in: Socket Mode when an app token is configured, otherwise Bolt's HTTP receiver on
 * {@link SLACK_EVENTS_PATH} behind the app's door (src/door/slack-door.ts), which checks every
 * request before Bolt sees it. `routes` (health, metrics, Zoom's webhooks) are served beside it.
 */
export const createReceiver = (config: Config, deps: DoorDeps, routes: CustomRoute[]): Receiver => {
  const { logger } = deps;
  const boltLogger = toBoltLogger(logger);
  if (config.slack.appToken !== undefined) {
    return new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger: boltLogger,
      customRoutes: routes,
      installerOptions: { port: config.port, clientOptions: { slackApiUrl: config.slack.apiUrl } },
    });
  }
  const signingSecret = config.slack.signingSecret ?? '';
  const receiver = new HTTPReceiver({
    signingSecret,
    // The door below checks every request to Slack's endpoint before Bolt sees it (signature,
    // timestamp both ways, replay): a second HMAC of the same bytes in Bolt would add nothing.
    signatureVerification: false,
    logger: boltLogger,
    customRoutes: routes,
    processBeforeResponse: false,
    bodyLimit: SLACK_BODY_MAX_BYTES,
  });
  receiver.requestListener = createSlackDoor(
    {
      signingSecret,
      paths: [SLACK_EVENTS_PATH],
      clock: systemClock,
      store: deps.store,
      budget: createBodyBudget(BODIES_IN_FLIGHT_MAX_BYTES),
      logger,
    },
    receiver.requestListener,
  );
  return receiver;
};
