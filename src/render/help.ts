import type { KnownBlock } from '@slack/types';
import { safeTimeZone } from '../query/time-zone.js';
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_RANGE_DAYS,
  MAX_PAGE_SIZE,
  MAX_RANGE_DAYS,
} from '../query/types.js';
import { escapeMrkdwn } from './escape.js';
import { exampleDays } from './format.js';
import type { RenderContext, RenderedMessage } from './types.js';

const SYNTAX = [
  '/sms-sessions [target] [from:DATE] [to:DATE | since:SPAN] [type:TYPE] [filter:FILTER] [phone:NUMBER] [size:N]',
  '/sms-sessions help',
  '/sms-sessions whoami',
].join('\n');

const ADMIN_COMMANDS = [
  '• `/sms-sessions @person` or `/sms-sessions zoom:carol@example.com`: someone else’s conversations.',
  '• `/sms-sessions link @person zoom-email-or-user-id`: use this Zoom user for them (checked with Zoom first).',
  '• `/sms-sessions unlink @person`: back to matching by their Slack email.',
  '• `/sms-sessions who @person`: how that person is matched to Zoom, and why.',
  '• `/sms-sessions audit [@person] [n]`: the latest n entries of the audit trail.',
];

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/**
 * The answer to `/sms-sessions help`: the command's grammar, every option with its values and
 * default, how dates are read (a bare day is a whole day in the viewer's Slack time zone, named
 * from `ctx.timeZone`), the identity commands (`whoami` for everyone, the rest for admins), and
 * examples whose dates come from `ctx.now` so they are always valid.
 * Pure; six blocks. Documents what `src/slack/commands/grammar.ts` accepts.
 * https://docs.slack.dev/interactivity/implementing-slash-commands
 */
export const renderHelp = (ctx: RenderContext): RenderedMessage => {
  const zone = escapeMrkdwn(safeTimeZone(ctx.timeZone));
  const days = exampleDays(ctx);
  const options = [
    '• *target*: `me` (the default), an @mention of one person, or `zoom:EMAIL` (both admins only).',
    `• \`from:\` and \`to:\` take a DATE: \`YYYY-MM-DD\` is a whole day in your Slack time zone (${zone}); \`YYYY-MM-DDTHH:mm:ssZ\` is an exact UTC time. A range longer than ${MAX_RANGE_DAYS} days is listed a month at a time, newest first (up to a limit your admin sets, 12 months by default). \`from\` alone: the ${DEFAULT_RANGE_DAYS} days after it (up to now). \`to\` alone: the ${DEFAULT_RANGE_DAYS} days up to it. No dates: the past ${DEFAULT_RANGE_DAYS} days.`,
    '• `since:` instead of `from:`/`to:`: `7d`, `2w` or `3m`, that many days, weeks or months back from now.',
    '• `type:` `user` (direct conversations, the default), `call_queue`, `auto_receptionist` or `all`.',
    '• `filter:` which time the dates match: `last` message (the default), `sent`, `received` or `sent_received`.',
    '• `phone:` only conversations with this number, written any way. Quote values with spaces: `phone:"+1 (810) 800-1001"`.',
    `• \`size:\` conversations a page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  ];
  const examples = [
    `\`/sms-sessions\`: your conversations of the past ${DEFAULT_RANGE_DAYS} days`,
    `\`/sms-sessions from:${days.from} to:${days.to}\`: the conversations of those days`,
    `\`/sms-sessions from:${days.from}\`: the ${DEFAULT_RANGE_DAYS} days from that day`,
    '`/sms-sessions since:3m`: the past three months, a month at a time',
    '`/sms-sessions type:all filter:received size:50`: every kind, by time received, 50 a page',
    '`/sms-sessions phone:"+1 810 800 1001"`: only conversations with that number',
    '`/sms-sessions @alex type:call_queue`: Alex’s call queue conversations (admins only)',
  ];
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'How to use /sms-sessions', emoji: true } },
    section(
      `List Zoom Phone SMS conversations in a message only you can see.\n\`\`\`${SYNTAX}\`\`\``,
    ),
    section(`*Options* (any order, each at most once)\n${options.join('\n')}`),
    section(`*Examples*\n${examples.join('\n')}`),
    section(
      `*Who am I in Zoom?* \`/sms-sessions whoami\`\n*For admins*\n${ADMIN_COMMANDS.join('\n')}`,
    ),
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: "Only you can see the answers. Next and Previous work for 15 minutes (Zoom's page links expire); after that, start over.",
        },
      ],
    },
  ];
  return {
    text: 'How to use /sms-sessions: /sms-sessions [target] [from:DATE] [to:DATE | since:SPAN] [type:TYPE] [filter:FILTER] [phone:NUMBER] [size:N]',
    blocks,
  };
};
