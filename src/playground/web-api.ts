import type { PlaygroundPerson } from './people.js';
import {
  parseWebApiArgs,
  stringArg,
  timeZoneOffsetSeconds,
  type WebApiArgs,
} from './web-api-args.js';
import { messageMethods } from './web-api-messages.js';
import { fail, type WebApiDeps, type WebApiMethod, type WebApiResult } from './web-api-types.js';
import { viewMethods } from './web-api-views.js';
import { appHomeChannelId, PLAYGROUND_WORKSPACE } from './workspace.js';

/** One Web API call as it arrived over HTTP. */
export interface WebApiRequest {
  /** `users.info`, `views.publish`, … */
  readonly method: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly rawBody: string;
}

/** The Web API methods the playground's Slack answers. */
export interface WebApi {
  call(request: WebApiRequest): WebApiResult;
}

const bearer = (authorization: string | undefined) =>
  /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];

const peopleMethods = (deps: WebApiDeps): Record<string, WebApiMethod> => {
  const { people } = deps;
  const personById = (id: string | undefined) => people.find((person) => person.id === id);
  const userJson = (person: PlaygroundPerson) => ({
    id: person.id,
    team_id: PLAYGROUND_WORKSPACE.teamId,
    name: person.handle,
    real_name: person.realName,
    tz: person.timeZone,
    tz_offset: timeZoneOffsetSeconds(person.timeZone, deps.clock.now()),
    is_admin: person.isAdmin,
    is_owner: false,
    is_bot: false,
    deleted: false,
    profile: { email: person.email, display_name: person.displayName, real_name: person.realName },
  });
  return {
    'auth.test': () => ({
      ok: true,
      url: `${deps.origin()}/`,
      team: 'Playground',
      user: 'sms_sessions',
      team_id: PLAYGROUND_WORKSPACE.teamId,
      user_id: PLAYGROUND_WORKSPACE.botUserId,
      bot_id: PLAYGROUND_WORKSPACE.botId,
      is_enterprise_install: false,
    }),
    'users.info': (args) => {
      const person = personById(stringArg(args, 'user'));
      return person === undefined ? fail('user_not_found') : { ok: true, user: userJson(person) };
    },
    'users.lookupByEmail': (args) => {
      const email = stringArg(args, 'email')?.toLowerCase();
      const person = people.find((candidate) => candidate.email.toLowerCase() === email);
      return person === undefined ? fail('users_not_found') : { ok: true, user: userJson(person) };
    },
    'users.list': () => ({
      ok: true,
      members: people.map(userJson),
      response_metadata: { next_cursor: '' },
    }),
    'conversations.open': (args) => {
      const user = personById(stringArg(args, 'users')?.split(',')[0]);
      return user === undefined
        ? fail('user_not_found')
        : { ok: true, channel: { id: appHomeChannelId(user.id) } };
    },
  };
};

/**
 * The part of Slack's Web API this app uses, over the playground's people, channel, Home tabs,
 * modals and files: `auth.test`, `users.info`, `users.lookupByEmail`, `users.list`,
 * `conversations.open`, `chat.postMessage`, `chat.postEphemeral`, `chat.update`,
 * `views.publish`, `views.open`, `views.push`, `views.update`, `files.getUploadURLExternal` and
 * `files.completeUploadExternal`. The bot token is checked as Slack checks it (`not_authed`,
 * `invalid_auth`). A method it does not know answers `unknown_method` and is logged, so a new
 * call the app makes shows up at once.
 * https://docs.slack.dev/reference/methods
 */
export const createWebApi = (deps: WebApiDeps): WebApi => {
  const methods: Readonly<Record<string, WebApiMethod>> = {
    ...peopleMethods(deps),
    ...messageMethods(deps),
    ...viewMethods(deps),
  };
  return {
    call: (request) => {
      let args: WebApiArgs;
      try {
        args = parseWebApiArgs(request.rawBody, request.contentType);
      } catch {
        return fail('invalid_json');
      }
      const presented = bearer(request.authorization) ?? stringArg(args, 'token');
      if (presented === undefined) return fail('not_authed');
      if (presented !== deps.botToken) return fail('invalid_auth');
      const method = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
      if (method === undefined) {
        deps.logger.warn(
          { method: request.method },
          'the playground does not offer this Web API method',
        );
        return fail('unknown_method');
      }
      return method(args);
    },
  };
};
