import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { DEFAULT_RANGE_DAYS } from '../query/types.js';
import { HELP_ACTION_IDS, HELP_BLOCK_IDS } from '../surface/ids.js';
import { exampleDays } from './format.js';
import type { RenderContext, RenderedMessage } from './types.js';

/** Where the app's Home tab is: the workspace and the app, from the command's payload. */
export interface HomeLocation {
  readonly teamId: string;
  readonly appId: string;
}

/** What the short help needs besides the render context. */
export interface HelpModel {
  /** Whether the reader is an admin of this app: only admins see the admin commands. */
  readonly isAdmin: boolean;
  /** Where "Open Home" leads; without it the button is left out. */
  readonly home?: HomeLocation;
}

const SLACK_ID = /^[A-Z0-9]{2,32}$/;

/**
 * The deep link to the app's Home tab, `slack://app?team=T…&id=A…&tab=home`; `undefined` when an
 * id does not look like one of Slack's.
 * https://docs.slack.dev/interactivity/deep-linking#open_app
 */
export const homeDeepLink = (home: HomeLocation | undefined): string | undefined =>
  home !== undefined && SLACK_ID.test(home.teamId) && SLACK_ID.test(home.appId)
    ? `slack://app?team=${home.teamId}&id=${home.appId}&tab=home`
    : undefined;

type Example = readonly [command: string, meaning: string];

const line = ([command, meaning]: Example): string => `\`${command}\`  ${meaning}`;

const button = (text: string, actionId: string, extra: Partial<Button> = {}): Button => ({
  type: 'button',
  text: { type: 'plain_text', text, emoji: true },
  action_id: actionId,
  ...extra,
});

/**
 * The answer to `/sms-sessions help`: five examples that cover what most people want (dates
 * come from `ctx.now`, so a copied example is always a valid window), then buttons to
 * **Show my conversations**, **Open Home** and see the **Full syntax** (a modal). Admins also
 * get the admin commands; members never see them. Pure; at most five blocks.
 * https://docs.slack.dev/interactivity/implementing-slash-commands
 */
export const renderHelp = (ctx: RenderContext, model: HelpModel): RenderedMessage => {
  const days = exampleDays(ctx);
  const examples: Example[] = [
    ['/sms-sessions', `your conversations of the past ${DEFAULT_RANGE_DAYS} days`],
    ['/sms-sessions since:3m', 'the past three months'],
    [`/sms-sessions from:${days.from} to:${days.to}`, 'the conversations of those days'],
    ['/sms-sessions type:all', 'with your call queues and auto receptionists too'],
    ['/sms-sessions phone:"+1 810 800 1001"', 'only conversations with that number'],
  ];
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Your Zoom Phone SMS conversations, in a message only you can see.* Try:\n${examples.map(line).join('\n')}`,
      },
    },
  ];
  if (model.isAdmin) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          '*For admins*',
          line(['/sms-sessions @person', "someone else's conversations"]),
          line(['/sms-sessions who @person', 'how someone is matched to their Zoom user']),
          line(['/sms-sessions audit', 'who looked at what, newest first']),
          line(['/sms-sessions route "Support" #support', "a queue's texts to a channel"]),
        ].join('\n'),
      },
    });
  }
  const homeUrl = homeDeepLink(model.home);
  const actions: ActionsBlock = {
    type: 'actions',
    block_id: HELP_BLOCK_IDS.actions,
    elements: [
      button('Show my conversations', HELP_ACTION_IDS.listMine, { style: 'primary' }),
      ...(homeUrl === undefined
        ? []
        : [button('Open Home', HELP_ACTION_IDS.openHome, { url: homeUrl })]),
      button('Full syntax', HELP_ACTION_IDS.fullSyntax),
    ],
  };
  blocks.push(actions, {
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: '`/sms-sessions whoami` shows how you are matched to Zoom and what you may see.',
      },
    ],
  });
  return {
    text: `How to use /sms-sessions: ${examples.map(([command, meaning]) => `${command} (${meaning})`).join('; ')}`,
    blocks,
  };
};
