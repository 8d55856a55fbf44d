import type { HomeViewJson } from './home-views.js';
import type { ModalViewJson } from './modals.js';
import type { PlaygroundPerson } from './people.js';
import { appHomeChannelId, PLAYGROUND_WORKSPACE } from './workspace.js';

const W = PLAYGROUND_WORKSPACE;

/** The legacy verification token Slack still sends; Bolt ignores it in favour of signatures. */
const VERIFICATION_TOKEN = 'playground-verification-token';

const userRef = (person: PlaygroundPerson) => ({
  id: person.id,
  username: person.handle,
  name: person.handle,
  team_id: W.teamId,
});

/**
 * A slash command as Slack posts it: a form with the command, the text (already escaped, see
 * `escapeCommandText`), who ran it where, and the `response_url` for the answer.
 * https://docs.slack.dev/interactivity/implementing-slash-commands#app_command_handling
 */
export const slashCommandBody = (input: {
  readonly person: PlaygroundPerson;
  readonly text: string;
  readonly responseUrl: string;
  readonly triggerId: string;
}): string =>
  new URLSearchParams({
    token: VERIFICATION_TOKEN,
    team_id: W.teamId,
    team_domain: W.teamDomain,
    channel_id: W.channel.id,
    channel_name: W.channel.name,
    user_id: input.person.id,
    user_name: input.person.handle,
    command: W.command,
    text: input.text,
    api_app_id: W.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  }).toString();

/** Where a clicked element was: a message in the channel, a Home tab or a modal. */
export type ActionContainer =
  | {
      readonly type: 'message';
      readonly messageTs: string;
      readonly isEphemeral: boolean;
      /** Slack sends the message only when it is not ephemeral. */
      readonly message: Record<string, unknown> | undefined;
      readonly responseUrl: string;
    }
  | { readonly type: 'view'; readonly view: HomeViewJson | ModalViewJson };

/**
 * A `block_actions` payload as Slack posts it: a form with one field, `payload`, holding JSON.
 * Clicks on messages carry the container, the channel and a fresh `response_url`; clicks on the
 * Home tab or in a modal carry the whole view with its `state` instead, and no `response_url`.
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export const blockActionsBody = (input: {
  readonly person: PlaygroundPerson;
  readonly container: ActionContainer;
  readonly action: Record<string, unknown>;
  readonly state: Record<string, unknown>;
  readonly triggerId: string;
}): string => {
  const { container } = input;
  const common = {
    type: 'block_actions',
    user: userRef(input.person),
    api_app_id: W.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: input.triggerId,
    team: { id: W.teamId, domain: W.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    actions: [input.action],
  };
  const payload =
    container.type === 'message'
      ? {
          ...common,
          container: {
            type: 'message',
            message_ts: container.messageTs,
            channel_id: W.channel.id,
            is_ephemeral: container.isEphemeral,
          },
          channel: { id: W.channel.id, name: W.channel.name },
          ...(container.message === undefined ? {} : { message: container.message }),
          state: { values: input.state },
          response_url: container.responseUrl,
        }
      : {
          ...common,
          container: { type: 'view', view_id: container.view.id },
          view: { ...container.view, state: { values: input.state } },
        };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
};

/**
 * The `view_closed` payload Slack sends when a person closes a modal opened with
 * `notify_on_close: true` (a form with one field, `payload`).
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_closed
 */
export const viewClosedBody = (input: {
  readonly person: PlaygroundPerson;
  readonly view: ModalViewJson;
  readonly isCleared: boolean;
}): string =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: 'view_closed',
      team: { id: W.teamId, domain: W.teamDomain },
      user: userRef(input.person),
      api_app_id: W.appId,
      token: VERIFICATION_TOKEN,
      view: input.view,
      is_cleared: input.isCleared,
      is_enterprise_install: false,
    }),
  }).toString();

/**
 * The `app_home_opened` event Slack sends when a person opens the app's Home tab, wrapped in an
 * `event_callback` (JSON). It carries the Home view already published for them, if any.
 * https://docs.slack.dev/reference/events/app_home_opened
 */
export const appHomeOpenedBody = (input: {
  readonly person: PlaygroundPerson;
  readonly view: HomeViewJson | undefined;
  readonly eventId: string;
  readonly eventTime: number;
}): string => {
  const eventTs = `${input.eventTime}.000100`;
  return JSON.stringify({
    token: VERIFICATION_TOKEN,
    team_id: W.teamId,
    api_app_id: W.appId,
    event: {
      type: 'app_home_opened',
      user: input.person.id,
      channel: appHomeChannelId(input.person.id),
      tab: 'home',
      ...(input.view === undefined ? {} : { view: input.view }),
      event_ts: eventTs,
    },
    type: 'event_callback',
    event_id: input.eventId,
    event_time: input.eventTime,
    authorizations: [
      {
        enterprise_id: null,
        team_id: W.teamId,
        user_id: W.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  });
};

const MENTION = /(^|[\s(])@([a-z0-9._-]+)/gi;

/**
 * Command text as Slack delivers it with `should_escape: true` (manifest.yml): `&`, `<` and `>`
 * escaped, and `@handle` of a workspace member turned into `<@U123|handle>`.
 * https://docs.slack.dev/interactivity/implementing-slash-commands#creating_commands
 */
export const escapeCommandText = (text: string, people: readonly PlaygroundPerson[]): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MENTION, (whole, lead: string, handle: string) => {
      const person = people.find((p) => p.handle.toLowerCase() === handle.toLowerCase());
      return person === undefined ? whole : `${lead}<@${person.id}|${person.handle}>`;
    });

/**
 * The `view_submission` payload Slack posts when a person presses a modal's submit button: the
 * whole view with its `hash` and the `state.values` of its inputs (a form with one field,
 * `payload`). https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
 */
export const viewSubmissionBody = (input: {
  readonly person: PlaygroundPerson;
  readonly view: ModalViewJson;
  readonly state: Record<string, unknown>;
  readonly triggerId: string;
}): string =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: 'view_submission',
      team: { id: W.teamId, domain: W.teamDomain },
      user: userRef(input.person),
      api_app_id: W.appId,
      token: VERIFICATION_TOKEN,
      trigger_id: input.triggerId,
      view: { ...input.view, state: { values: input.state } },
      response_urls: [],
      is_enterprise_install: false,
    }),
  }).toString();
