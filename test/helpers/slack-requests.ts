import { createHmac, randomUUID } from 'node:crypto';

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

/** The JSON body of an `app_home_opened` event, as the Events API delivers it. */
export const appHomeOpenedBody = (fields: {
  user_id: string;
  tab?: 'home' | 'messages';
  /** The Home view the person sees, when one was published (Slack sends its `hash`). */
  view?: { hash: string } & Record<string, unknown>;
}): string =>
  JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T0001',
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: `Ev${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true }],
    event: {
      type: 'app_home_opened',
      user: fields.user_id,
      channel: 'D0001',
      tab: fields.tab ?? 'home',
      event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
      ...(fields.view === undefined ? {} : { view: { id: 'VHOME', type: 'home', ...fields.view } }),
    },
  });

/**
 * The form body of a `block_actions` payload from an element in a Home tab view (container type
 * `view`): no `response_url`, and the view as the person saw it, with its `hash`.
 */
export const viewActionBody = (fields: {
  user_id: string;
  /** The element's action as Slack sends it (`type`, `action_id`, `selected_option`, …). */
  action: Record<string, unknown>;
  view: { hash: string } & Record<string, unknown>;
}): string => {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'example' },
    user: {
      id: fields.user_id,
      username: fields.user_id.toLowerCase(),
      name: fields.user_id.toLowerCase(),
      team_id: 'T0001',
    },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: 'VHOME' },
    trigger_id: '1.2.3',
    view: {
      id: 'VHOME',
      team_id: 'T0001',
      type: 'home',
      private_metadata: '',
      callback_id: '',
      state: { values: {} },
      root_view_id: 'VHOME',
      previous_view_id: null,
      app_id: 'A0001',
      bot_id: 'BBOT',
      ...fields.view,
    },
    actions: [{ block_id: 'block', action_ts: '1.0002', ...fields.action }],
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
};

/**
 * The form body of a `block_actions` payload from any element of an ephemeral message (a
 * select's choice as well as a button), in the channel `channel_id` (`C0001` by default).
 */
export const messageActionBody = (fields: {
  user_id: string;
  response_url: string;
  /** The element's action as Slack sends it (`type`, `action_id`, `value`, `selected_option`, …). */
  action: Record<string, unknown>;
  channel_id?: string;
}): string => {
  const channel = fields.channel_id ?? 'C0001';
  const payload = {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'example' },
    user: { id: fields.user_id, username: fields.user_id.toLowerCase(), team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1.0001', channel_id: channel, is_ephemeral: true },
    trigger_id: `${randomUUID()}.trigger`,
    channel: { id: channel, name: 'general' },
    response_url: fields.response_url,
    actions: [{ block_id: 'block', action_ts: '1.0002', ...fields.action }],
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
};

/**
 * The form body of a `view_submission` payload: the modal `view` as the person submitted it
 * (its `id`, `hash`, `callback_id`, `private_metadata` and `state.values`).
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
 */
export const viewSubmissionBody = (fields: {
  user_id: string;
  view: {
    id: string;
    hash: string;
    callback_id: string;
    private_metadata: string;
    state: { values: Record<string, Record<string, unknown>> };
  };
}): string => {
  const payload = {
    type: 'view_submission',
    team: { id: 'T0001', domain: 'example' },
    user: {
      id: fields.user_id,
      username: fields.user_id.toLowerCase(),
      name: fields.user_id.toLowerCase(),
      team_id: 'T0001',
    },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    trigger_id: `${randomUUID()}.trigger`,
    view: {
      team_id: 'T0001',
      type: 'modal',
      blocks: [],
      title: { type: 'plain_text', text: 'Reply by text' },
      root_view_id: fields.view.id,
      previous_view_id: null,
      app_id: 'A0001',
      bot_id: 'BBOT',
      ...fields.view,
    },
    response_urls: [],
    is_enterprise_install: false,
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
};
