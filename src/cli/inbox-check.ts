import type { Config } from '../config.js';
import type { CheckResult } from './report.js';

/**
 * Whether the SMS inbox can receive Zoom's events: `POST /zoom/events` is served only with
 * `ZOOM_WEBHOOK_SECRET_TOKEN`, since every delivery is verified with it. Without it the check is
 * skipped (notifications are optional) and says how to turn them on; in Socket Mode it reminds
 * that Zoom must still reach the endpoint (Zoom's WebSocket delivery is not used).
 * https://developers.zoom.us/docs/api/webhooks/
 */
export const checkInbox = (config: Pick<Config, 'inbox' | 'slack' | 'port'>): CheckResult => {
  if (config.inbox.webhookSecretToken === undefined) {
    return {
      name: 'zoom webhook',
      status: 'skip',
      summary:
        'ZOOM_WEBHOOK_SECRET_TOKEN is not set: new texts are not delivered to Slack (POST /zoom/events answers 404)',
      fix: 'in the Zoom app, Features → Access → Event subscription: endpoint https://YOUR-HOST/zoom/events, events phone.sms_received and phone.sms_sent; set ZOOM_WEBHOOK_SECRET_TOKEN to its Secret Token and restart (README.md, "Notifications and replies")',
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
