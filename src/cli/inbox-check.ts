import type { Config } from '../config.js';
import { ZOOM_SMS_EVENTS } from '../zoom-events/schemas.js';
import type { CheckResult } from './report.js';

/** "a, b and c": the events to subscribe to, as the fix names them. */
const EVENT_LIST = `${ZOOM_SMS_EVENTS.slice(0, -1).join(', ')} and ${ZOOM_SMS_EVENTS.at(-1)}`;

/**
 * Whether the SMS inbox can receive Zoom's events: `POST /zoom/events` is served only with
 * `ZOOM_WEBHOOK_SECRET_TOKEN`, since every delivery is verified with it. Without it the check is
 * skipped (notifications are optional) and says how to turn them on; in Socket Mode it reminds
 * that Zoom must still reach the endpoint (Zoom's WebSocket delivery is not used). The events
 * to subscribe to are `ZOOM_SMS_EVENTS`, the list the endpoint handles.
 * https://developers.zoom.us/docs/api/webhooks/
 */
export const checkInbox = (config: Pick<Config, 'inbox' | 'slack' | 'port'>): CheckResult => {
  if (config.inbox.webhookSecretToken === undefined) {
    return {
      name: 'zoom webhook',
      status: 'skip',
      summary:
        'ZOOM_WEBHOOK_SECRET_TOKEN is not set: new texts are not delivered to Slack (POST /zoom/events answers 404)',
      fix: `in the Zoom app, Features → Access → Event subscription: endpoint https://YOUR-HOST/zoom/events, events ${EVENT_LIST}; set ZOOM_WEBHOOK_SECRET_TOKEN to its Secret Token and restart (README.md, "Notifications and replies")`,
    };
  }
  const socket = config.slack.appToken !== undefined;
  return {
    name: 'zoom webhook',
    status: 'pass',
    summary: `POST /zoom/events on port ${config.port} verifies Zoom's signature with the Secret Token${
      socket ? '; in Socket Mode, Zoom must still reach this path over HTTPS' : ''
    }; notifications default ${config.inbox.notifyDefault ? 'on' : 'off'}`,
  };
};
