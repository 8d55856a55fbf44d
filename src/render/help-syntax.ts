import type { KnownBlock, ModalView } from '@slack/types';
import { safeTimeZone } from '../query/time-zone.js';
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_RANGE_DAYS,
  MAX_PAGE_SIZE,
  MAX_RANGE_DAYS,
} from '../query/types.js';
import { HELP_SYNTAX_CALLBACK_ID } from '../surface/ids.js';
import { escapeMrkdwn } from './escape.js';
import { exampleDays } from './format.js';
import { MESSAGE_MAX_SESSIONS } from './limits.js';
import type { RenderContext } from './types.js';

const SYNTAX = [
  '/sms-sessions [person] [from:DATE] [to:DATE | since:SPAN] [type:TYPE] [filter:FILTER] [phone:NUMBER] [size:N]',
  '/sms-sessions help',
  '/sms-sessions whoami',
  '/sms-sessions notify [on|off]',
].join('\n');

const ADMIN_COMMANDS = [
  '• `/sms-sessions @person` or `/sms-sessions zoom:alice@example.com`: someone else’s conversations.',
  '• `/sms-sessions link @person zoom-email-or-user-id`: use this Zoom user for them (checked with Zoom first).',
  '• `/sms-sessions unlink @person`: back to matching by their Slack email.',
  '• `/sms-sessions who @person`: how that person is matched to Zoom, and why.',
  '• `/sms-sessions audit [@person] [n]`: the latest n entries of the audit trail.',
  '• `/sms-sessions route "Support" #support [reply:@alex,@sam | reply:channel-members]`: a call queue’s or auto receptionist’s texts (by name or id) go to that channel; who may reply from there.',
  '• `/sms-sessions unroute "Support"`, `/sms-sessions routes`: stop routing one; every route, checked now, with its last error.',
];

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/**
 * The modal behind help's **Full syntax** button: the command's grammar, every option with its
 * values and default, how dates are read (a bare day is a whole day in the viewer's Slack time
 * zone, named from `ctx.timeZone`), examples whose dates come from `ctx.now`, and (for admins
 * only, `ctx.viewer.isAdmin`) the admin commands. Documents what
 * `src/slack/commands/grammar.ts` accepts. Pure; at most six blocks.
 * https://docs.slack.dev/reference/views/modal-views
 */
export const renderHelpSyntax = (ctx: RenderContext): ModalView => {
  const zone = escapeMrkdwn(safeTimeZone(ctx.timeZone));
  const days = exampleDays(ctx);
  const isAdmin = ctx.viewer?.isAdmin === true;
  const options = [
    `• *person*: \`me\` (the default)${isAdmin ? ', an @mention of one person, or `zoom:EMAIL`' : ''}.`,
    `• \`from:\` and \`to:\` take a DATE: \`YYYY-MM-DD\` is a whole day in your Slack time zone (${zone}); \`YYYY-MM-DDTHH:mm:ssZ\` is an exact UTC time. A range longer than ${MAX_RANGE_DAYS} days is listed newest month first (up to 12 months, unless your admins set another limit). \`from\` alone: the ${DEFAULT_RANGE_DAYS} days after it (up to now). \`to\` alone: the ${DEFAULT_RANGE_DAYS} days up to it. No dates: the past ${DEFAULT_RANGE_DAYS} days.`,
    '• `since:` instead of `from:`/`to:`: `7d`, `2w` or `3m`, that many days, weeks or months back from now.',
    '• `type:` `all` (everything you can see, the default), `user` (your own number only), `call_queue` or `auto_receptionist`.',
    '• `filter:` which time the dates match: `last` message (the default), `sent`, `received` or `sent_received`.',
    '• `phone:` only conversations with this number, written any way. Quote values with spaces: `phone:"+1 (810) 800-1001"`.',
    `• \`size:\` conversations a page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}); a message lists at most ${MESSAGE_MAX_SESSIONS} a page, Export CSV has them all.`,
  ];
  const examples = [
    `• \`/sms-sessions from:${days.from} to:${days.to}\`: the conversations of those days`,
    `• \`/sms-sessions from:${days.from}\`: the ${DEFAULT_RANGE_DAYS} days from that day`,
    '• `/sms-sessions since:3m`: the past three months',
    '• `/sms-sessions type:user filter:received size:25`: your own number only, by time received, 25 a page',
    '• `/sms-sessions phone:"+1 810 800 1001"`: only conversations with that number',
  ];
  const blocks: KnownBlock[] = [
    section(`\`\`\`${SYNTAX}\`\`\``),
    section(`*Options* (any order, each at most once)\n${options.join('\n')}`),
    section(`*Examples*\n${examples.join('\n')}`),
    section(
      '*Who am I in Zoom?* `/sms-sessions whoami` shows the Zoom user you are matched to, and what you may see.\n*New texts in Slack:* `/sms-sessions notify on` sends each new text of your Zoom Phone number to you as a direct message, one thread per conversation (`notify off` stops it).',
    ),
  ];
  if (isAdmin) blocks.push(section(`*For admins*\n${ADMIN_COMMANDS.join('\n')}`));
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: 'Only you can see the answers to `/sms-sessions`.' }],
  });
  return {
    type: 'modal',
    callback_id: HELP_SYNTAX_CALLBACK_ID,
    title: { type: 'plain_text', text: 'Full syntax' },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  };
};
