import type { RouteReplyPolicy } from '../../domain/inbox.js';
import { invalidArgs } from '../../errors.js';

/** The inbox's subcommands of `/sms-sessions`, as parsed. */
export type InboxCommand =
  | { readonly kind: 'notify'; readonly on?: boolean }
  | {
      readonly kind: 'route';
      readonly line: string;
      readonly channelId: string;
      readonly reply: RouteReplyPolicy;
    }
  | { readonly kind: 'unroute'; readonly line: string }
  | { readonly kind: 'routes' };

type Parser = (rest: readonly string[]) => InboxCommand;

const CHANNEL = /^<#([CG][A-Z0-9]{2,})(?:\|[^>]*)?>$/;
const MENTION = /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/;
const REPLY = /^reply[:=](.*)$/is;

const unexpected = (word: string) => invalidArgs('unexpected-word', { value: word });

const notify: Parser = (rest) => {
  const [word, extra] = rest;
  if (extra !== undefined) throw unexpected(extra);
  if (word === undefined) return { kind: 'notify' };
  const choice = word.toLowerCase();
  if (choice === 'on') return { kind: 'notify', on: true };
  if (choice === 'off') return { kind: 'notify', on: false };
  throw invalidArgs('bad-notify', { option: 'notify', value: word });
};

const parseReply = (value: string, more: readonly string[]): RouteReplyPolicy => {
  const word = value.trim().toLowerCase();
  if (
    more.length === 0 &&
    (word === 'channel-members' || word === 'channel_members' || word === 'channel')
  ) {
    return { kind: 'channel-members' };
  }
  if (more.length === 0 && (word === 'nobody' || word === 'none')) return { kind: 'nobody' };
  const parts = [...value.split(','), ...more].map((part) => part.trim()).filter((p) => p !== '');
  const ids = parts.map((part) => {
    const id = MENTION.exec(part)?.[1];
    if (id === undefined) throw invalidArgs('bad-reply', { option: 'reply', value: part });
    return id;
  });
  if (ids.length === 0) throw invalidArgs('bad-reply', { option: 'reply', value });
  return { kind: 'people', slackUserIds: [...new Set(ids)] };
};

const route: Parser = (rest) => {
  const channelAt = rest.findIndex((word) => word.startsWith('<#') || word.startsWith('#'));
  if (channelAt === -1) {
    if (rest.length === 0) throw invalidArgs('missing-line', { option: 'route' });
    throw invalidArgs('missing-channel', { option: 'route' });
  }
  const line = rest.slice(0, channelAt).join(' ').trim();
  if (line === '') throw invalidArgs('missing-line', { option: 'route' });
  const channelWord = rest[channelAt] ?? '';
  const channelId = CHANNEL.exec(channelWord)?.[1];
  if (channelId === undefined)
    throw invalidArgs('bad-channel', { option: 'route', value: channelWord });
  const after = rest.slice(channelAt + 1);
  if (after.length === 0) return { kind: 'route', line, channelId, reply: { kind: 'nobody' } };
  const [first, ...more] = after;
  const reply = REPLY.exec(first ?? '');
  if (reply === null) throw unexpected(first ?? '');
  return { kind: 'route', line, channelId, reply: parseReply(reply[1] ?? '', more) };
};

const unroute: Parser = (rest) => {
  const line = rest.join(' ').trim();
  if (line === '') throw invalidArgs('missing-line', { option: 'unroute' });
  return { kind: 'unroute', line };
};

const routes: Parser = (rest) => {
  if (rest[0] !== undefined) throw unexpected(rest[0]);
  return { kind: 'routes' };
};

/**
 * The inbox's subcommands by their first word (matched in any case):
 *
 * ```
 * /sms-sessions notify [on|off]                             my text notifications (direct messages)
 * /sms-sessions route <queue or receptionist> #channel [reply:@a,@b|reply:channel-members]  (admins)
 * /sms-sessions unroute <queue or receptionist>             (admins)
 * /sms-sessions routes                                      (admins) every route, checked now
 * ```
 *
 * The line is a name (quote it, or just type it: every word before the channel) or a Zoom id; the
 * channel is picked with `#` (Slack sends `<#C123|name>`). Without `reply:`, nobody may reply from
 * the channel. Who may run them is decided by the core, not here.
 * @throws AppError `INVALID_ARGS` with `bad-notify`, `missing-line`, `missing-channel`,
 * `bad-channel`, `bad-reply` or `unexpected-word`.
 */
export const INBOX_SUBCOMMANDS: ReadonlyMap<string, Parser> = new Map<string, Parser>([
  ['notify', notify],
  ['route', route],
  ['unroute', unroute],
  ['routes', routes],
]);
