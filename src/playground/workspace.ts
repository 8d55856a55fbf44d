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
  /** The bot token the app is configured with; only the playground's Slack accepts it. */
  botToken: 'xoxb-playground-demo-token',
  channel: { id: 'C0GENERAL', name: 'general' },
  command: '/sms-sessions',
} as const;

/**
 * The direct-message channel between a person and the app, where its Home and Messages tabs
 * live (`D…`, derived from the person's `U…` id so it is stable).
 */
export const appHomeChannelId = (userId: string): string => `D${userId.slice(1)}`;
