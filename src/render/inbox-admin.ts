import type { KnownBlock } from '@slack/types';
import type { RouteOutcome } from '../core/inbox/inbox-admin.js';
import type { InboxRoute, RouteReplyPolicy, SharedLine } from '../domain/inbox.js';
import { escapeMrkdwn, truncate } from './escape.js';
import { codeSpan, slackMention } from './format.js';
import { MESSAGE_MAX_BLOCKS, TEXT_MAX_CHARS } from './limits.js';
import { slackDate } from './slack-date.js';
import type { RenderContext, RenderedMessage } from './types.js';

/** What `routes` shows of each route: the stored route and whether the app can post there now. */
export interface RouteStatusModel {
  readonly route: InboxRoute;
  readonly check: { readonly ok: true } | { readonly ok: false; readonly code: string };
}

/** Lines named in an answer (suggestions, ambiguous matches). */
export const LINES_SHOWN_MAX = 10;

const NAME_MAX_CHARS = 60;

const channel = (channelId: string): string =>
  /^[CG][A-Z0-9]{2,}$/.test(channelId) ? `<#${channelId}>` : codeSpan(channelId);

const lineName = (line: { readonly name: string }): string =>
  `*${truncate(escapeMrkdwn(line.name), NAME_MAX_CHARS)}*`;

const KIND_LABELS = { call_queue: 'call queue', auto_receptionist: 'auto receptionist' } as const;

const replyText = (reply: RouteReplyPolicy): string => {
  switch (reply.kind) {
    case 'nobody':
      return 'nobody may reply from Slack';
    case 'channel-members':
      return 'the channel’s members may reply';
    case 'people':
      return `${reply.slackUserIds.map(slackMention).join(', ')} may reply`;
  }
};

/**
 * Why the app cannot post in a channel, and what to do: Slack's code, in words.
 * https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */
export const channelFix = (code: string): string => {
  switch (code) {
    case 'not_in_channel':
      return 'the app is not in it. Invite it there (`/invite @SMS Conversations`), then route again.';
    case 'channel_not_found':
      return 'Slack does not show it to the app (a private channel the app is not in, or it was deleted). Invite the app, or pick another channel.';
    case 'is_archived':
      return 'it is archived. Unarchive it or route the line to another channel.';
    case 'missing_scope':
      return 'the app lacks a Slack scope (`channels:read`, `groups:read`): reinstall it from the manifest.';
    case 'invalid_auth':
    case 'account_inactive':
    case 'token_revoked':
      return 'the app’s Slack token no longer works: reinstall the app.';
    default:
      return `Slack said ${codeSpan(code)}. Check the channel and the app’s access to it.`;
  }
};

const message = (lines: readonly string[], extra: readonly KnownBlock[] = []): RenderedMessage => ({
  text: truncate(lines[0] ?? '', TEXT_MAX_CHARS),
  blocks: [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), TEXT_MAX_CHARS) } },
    ...extra,
  ],
});

const lineList = (lines: readonly SharedLine[]): string =>
  [...lines]
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1))
    .slice(0, LINES_SHOWN_MAX)
    .map((line) => `• ${lineName(line)} (${KIND_LABELS[line.kind]}, id ${codeSpan(line.id)})`)
    .join('\n');

/** The answer to `/sms-sessions notify [on|off]`. Pure. */
export const renderNotify = (state: {
  readonly on: boolean;
  readonly chosen: boolean;
  readonly changed: boolean;
}): RenderedMessage =>
  message(
    [
      state.on
        ? `:bell: Text notifications are *on*${state.changed ? ' now' : ''}: new texts of your Zoom Phone number arrive here as direct messages from the app, one thread per conversation.`
        : `:no_bell: Text notifications are *off*${state.changed ? ' now' : ''}: new texts are not sent to you in Slack.`,
      state.chosen ? '' : '(That is the workspace default; you have not chosen yet.)',
      state.on
        ? 'Turn them off with `/sms-sessions notify off`.'
        : 'Turn them on with `/sms-sessions notify on`.',
    ].filter((line) => line !== ''),
  );

/** The answer to `/sms-sessions route …` (admins). Pure. */
export const renderRouteOutcome = (outcome: RouteOutcome): RenderedMessage => {
  switch (outcome.kind) {
    case 'routed': {
      const { route } = outcome;
      return message([
        `:incoming_envelope: *Routed* the ${KIND_LABELS[route.lineKind]} ${lineName({ name: route.lineName })} to ${channel(route.channelId)}: its texts arrive there, one thread per conversation; ${replyText(route.reply)}.`,
        ...(outcome.previousChannelId === undefined
          ? []
          : [`It went to ${channel(outcome.previousChannelId)} before.`]),
        'Undo with `/sms-sessions unroute` and the same name.',
      ]);
    }
    case 'line-not-found':
      return message([
        `:warning: *Not routed.* Zoom has no call queue or auto receptionist ${codeSpan(outcome.typed)}.`,
        outcome.known.length === 0
          ? 'Zoom lists none on this account.'
          : `The account has:\n${lineList(outcome.known)}`,
      ]);
    case 'line-ambiguous':
      return message([
        `:warning: *Not routed.* ${codeSpan(outcome.typed)} matches more than one line; use the full name (in quotes) or the id:`,
        lineList(outcome.candidates),
      ]);
    case 'channel-unusable':
      return message([
        `:warning: *Not routed.* The app can't post in ${channel(outcome.channelId)}: ${channelFix(outcome.code)}`,
      ]);
  }
};

/** The answer to `/sms-sessions unroute …` (admins). Pure. */
export const renderUnroute = (typed: string, removed: InboxRoute | undefined): RenderedMessage =>
  removed === undefined
    ? message([
        `Nothing to unroute: no route for ${codeSpan(typed)}. \`/sms-sessions routes\` lists them.`,
      ])
    : message([
        `:wastebasket: *Unrouted* ${lineName({ name: removed.lineName })}: its texts no longer go to ${channel(removed.channelId)}.`,
      ]);

/**
 * `/sms-sessions routes` (admins): every route, whether the app can post there now (and how to
 * fix it when it cannot), who may reply, and the last permanent Slack error met while
 * delivering. Pure; inside a message's 50 blocks.
 */
export const renderRoutes = (
  routes: readonly RouteStatusModel[],
  ctx: RenderContext,
): RenderedMessage => {
  if (routes.length === 0) {
    return message([
      'No call queue or auto receptionist is routed to a channel yet.',
      'Route one with `/sms-sessions route "Support" #support` (the app must be in the channel).',
    ]);
  }
  const blocks: KnownBlock[] = routes.slice(0, MESSAGE_MAX_BLOCKS - 1).map(({ route, check }) => {
    const lines = [
      `${lineName({ name: route.lineName })} (${KIND_LABELS[route.lineKind]}, id ${codeSpan(route.lineId)}) → ${channel(route.channelId)}; ${replyText(route.reply)}.`,
      check.ok
        ? ':white_check_mark: The app can post there.'
        : `:x: The app can't post there: ${channelFix(check.code)}`,
    ];
    if (route.lastError !== undefined) {
      const when =
        slackDate(route.lastError.at, 'dateTime', ctx.timeZone) ?? codeSpan(route.lastError.at);
      lines.push(`Last delivery error: ${codeSpan(route.lastError.code)} (${when}).`);
    }
    return {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(lines.join('\n'), TEXT_MAX_CHARS) },
    };
  });
  const heading: KnownBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: `*Routed lines* (${routes.length})` },
  };
  return {
    text: `${routes.length} routed line${routes.length === 1 ? '' : 's'}`,
    blocks: [heading, ...blocks].slice(0, MESSAGE_MAX_BLOCKS),
  };
};
