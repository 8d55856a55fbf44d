import { randomBytes } from 'node:crypto';

/**
 * The playground's one Slack workspace: its ids, the app's bot, the channel the composer posts
 * in and the slash command it knows. Ids follow Slack's shapes (`T…`, `A…`, `U…`, `B…`, `C…`,
 * `D…`) so the app's own validation treats them as real.
 */
export const PLAYGROUND_WORKSPACE = {
  teamId: 'T0PLAYGRND',
  teamDomain: 'playground',
  appId: 'A0SMSSESS',
  botUserId: 'U0SMSBOT',
  botId: 'B0SMSBOT',
  botName: 'SMS Conversations',
  channel: { id: 'C0GENERAL', name: 'general' },
  command: '/sms-sessions',
} as const;

/**
 * The direct-message channel between a person and the app, where its Home and Messages tabs
 * live (`D…`, derived from the person's `U…` id so it is stable).
 */
export const appHomeChannelId = (userId: string): string => `D${userId.slice(1)}`;

/**
 * A bot token made for one run: the playground's Web API accepts no other, so nothing outside
 * this process (a page on another site, another playground) can call it as the app.
 */
export const newPlaygroundBotToken = (): string =>
  `xoxb-playground-${randomBytes(16).toString('hex')}`;
