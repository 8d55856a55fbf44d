import { createHmac } from 'node:crypto';

/** Signs a body exactly as Slack does: `v0=` + HMAC-SHA256(secret, `v0:{ts}:{body}`). */
export const slackSignature = (secret: string, timestamp: number, body: string): string =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

/** How to sign (or mis-sign) one request. */
export interface SignOptions {
  secret: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (a forged request). */
  signature?: string | null;
  contentType?: string;
}

/** POSTs a body to the app as Slack would, signed with the app's signing secret. */
export const postSigned = async (url: string, body: string, options: SignOptions) => {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
  };
  const signature =
    options.signature === undefined
      ? slackSignature(options.secret, timestamp, body)
      : options.signature;
  if (signature !== null) headers['x-slack-signature'] = signature;
  return fetch(url, { method: 'POST', headers, body });
};

/** The form body of a slash command invocation. */
export const commandBody = (fields: {
  user_id: string;
  text: string;
  response_url: string;
  command?: string;
  channel_id?: string;
}): string =>
  new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0001',
    team_domain: 'example',
    channel_id: fields.channel_id ?? 'C0001',
    channel_name: 'general',
    user_id: fields.user_id,
    user_name: fields.user_id.toLowerCase(),
    command: fields.command ?? '/sms-sessions',
    text: fields.text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: fields.response_url,
    trigger_id: '1.2.3',
  }).toString();

/** The form body of a `block_actions` click on a button in a message. */
export const buttonClickBody = (fields: {
  user_id: string;
  action_id: string;
  value: string;
  response_url: string;
}): string => {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'example' },
    user: { id: fields.user_id, username: fields.user_id.toLowerCase(), team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1.0001', channel_id: 'C0001', is_ephemeral: true },
    trigger_id: '1.2.3',
    channel: { id: 'C0001', name: 'general' },
    response_url: fields.response_url,
    actions: [
      {
        type: 'button',
        action_id: fields.action_id,
        block_id: 'paging',
        text: { type: 'plain_text', text: 'Next' },
        value: fields.value,
        action_ts: '1.0002',
      },
    ],
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
};
